package org.membranepnp.solver;

import java.util.function.DoubleUnaryOperator;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.TimeSeries;
import java.util.List;
import org.membranepnp.engine.model.Schedule;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.ParameterSchedule;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * One 1D slab (inside bath | membrane | outside bath) with its mesh, discrete model, state and solvers; steady
 * solves and time courses can be chained on the same state (e.g. a steady state, then a current step).
 */
public final class MembraneSlabSolver {
    private final Mesh1D mesh;
    private final PnpModel model;
    private final NewtonSolver newton;
    private final WorkerPool pool;
    private final double[] u;
    private final double[] initialAmounts;
    private final TimeSeriesRecorder recorder;
    private ProgressListener progress = ProgressListener.NONE;
    private int newtonIterations;
    private int timeSteps;
    private double lastResidual = Double.NaN;
    private double timeNd;
    private TransientSolver stepper;
    private ParameterSchedule schedule;
    private double stepperTolerance;
    private double wallTimeS;

    /** Meshes {@code scenario} as it asks and starts from the filled baths (see {@link InitialState#fillUniform}). */
    public MembraneSlabSolver(Scenario scenario) {
        this(scenario, GradedMeshBuilder.build(scenario));
    }

    /** Uses the given mesh (for convergence studies). */
    public MembraneSlabSolver(Scenario scenario, Mesh1D mesh) {
        this(scenario, mesh, WorkerPool.serial());
    }

    /**
     * Uses the given mesh and the threads of {@code pool} (the caller keeps and closes the pool); results are
     * bit-identical for any number of threads.
     */
    public MembraneSlabSolver(Scenario scenario, Mesh1D mesh, WorkerPool pool) {
        this.mesh = mesh;
        this.model = new PnpModel(scenario, ChainMeshBuilder.build(mesh));
        this.newton = new NewtonSolver(model, pool);
        this.pool = pool;
        this.u = new double[model.n * model.m];
        InitialState.fillUniform(model, u);
        this.initialAmounts = new double[model.closedAmounts().size()];
        for (int c = 0; c < initialAmounts.length; c++) {
            initialAmounts[c] = model.closedTarget(c);
        }
        this.recorder = new TimeSeriesRecorder(model, newton.assembler());
    }

    /** Progress and (verbose) Newton residuals go to {@code listener}. */
    public MembraneSlabSolver withProgress(ProgressListener listener, boolean verbose) {
        this.progress = listener;
        newton.setListener(listener, verbose);
        return this;
    }

    /**
     * The steady state of {@code scenario} on its mesh as built ({@link GradedMeshBuilder#build}, no error control):
     * the 1-D counterpart of a solve on that mesh, e.g. of a 2-D slab without pores.
     */
    public static RunResult steadyOnItsMesh(Scenario scenario) {
        MembraneSlabSolver slab = new MembraneSlabSolver(scenario);
        slab.useSteadyGuess();
        slab.solveSteady();
        return slab.result();
    }

    /** Replaces the state by the analytic steady-state guess. */
    public void useSteadyGuess() {
        InitialState.fillSteadyGuess(model, u);
    }

    /** Solves for the steady state from the current state. */
    public void solveSteady() {
        long t0 = System.nanoTime();
        SteadyStateSolver steady = new SteadyStateSolver(model, newton, pool);
        try {
            steady.solve(u, progress);
        } finally {
            newtonIterations += steady.iterations();
            timeSteps += steady.pseudoSteps();
            lastResidual = steady.lastResidual();
            wallTimeS += (System.nanoTime() - t0) * 1e-9;
        }
    }

    /**
     * Advances the state by {@code durationS} seconds with implicit Euler, recording a time series.
     *
     * @param clampCurrentAPerM2 outward clamp current density as a function of time in s (null: constant)
     */
    public void advance(double durationS, DoubleUnaryOperator clampCurrentAPerM2, double relativeTolerance) {
        advanceTo(timeS() + durationS, clampCurrentAPerM2, relativeTolerance, RunControl.NONE);
    }

    /**
     * Advances the state to simulated time {@code endTimeS} (s), recording a time series, handing checkpoints to
     * {@code control} every {@code control.checkpointIntervalS()} of wall time, and stopping early — with a last
     * checkpoint of the consistent state — once {@code control.stopRequested()} is true.
     *
     * @return true if {@code endTimeS} was reached, false if the run was stopped
     * @throws ConvergenceException if a time step cannot be completed; {@code control} then receives a checkpoint
     *                              of the last accepted step first
     */
    public boolean advanceTo(double endTimeS, DoubleUnaryOperator clampCurrentAPerM2, double relativeTolerance,
                             RunControl control) {
        long t0 = System.nanoTime();
        double ts = model.scales.timeS;
        DoubleUnaryOperator current = clampCurrentAPerM2 == null ? null
                : tau -> model.scales.currentFromAPerM2(clampCurrentAPerM2.applyAsDouble(tau * ts));
        if (stepper == null || stepperTolerance != relativeTolerance) {
            stepper = new TransientSolver(model, newton, relativeTolerance);
            stepperTolerance = relativeTolerance;
            stepper.setSchedule(schedule);
        }
        if (recorder.isEmpty()) {
            recorder.record(timeNd, u);
        }
        int iterationsBefore = stepper.iterations();
        int stepsBefore = stepper.steps();
        Checkpoints.Cadence cadence = new Checkpoints.Cadence(control.checkpointIntervalS());
        ProfileSnapshots snapshots = control.snapshots();
        snapshotIfDue(snapshots, timeNd, u);
        TransientSolver.StepObserver observer = (tau, state) -> {
            recorder.record(tau, state);
            timeNd = tau;
            snapshotIfDue(snapshots, tau, state);
            if (cadence.due()) {
                control.checkpoints().accept(checkpoint(stepsSoFar(stepsBefore), iterationsSoFar(iterationsBefore),
                        (System.nanoTime() - t0) * 1e-9));
                cadence.taken();
            }
        };
        boolean finished;
        try {
            double reached = stepper.integrate(u, timeNd, endTimeS / ts, current, observer, progress,
                    control.stopRequested());
            finished = reached >= endTimeS / ts;
            timeNd = reached;
        } catch (ConvergenceException e) {
            // keep what was computed: the state of the last accepted step, from which the run could go on
            control.checkpoints().accept(checkpoint(stepsSoFar(stepsBefore), iterationsSoFar(iterationsBefore),
                    (System.nanoTime() - t0) * 1e-9));
            throw e;
        } finally {
            newtonIterations += stepper.iterations() - iterationsBefore;
            timeSteps += stepper.steps() - stepsBefore;
            lastResidual = stepper.lastResidual();
            wallTimeS += (System.nanoTime() - t0) * 1e-9;
        }
        if (!finished) {
            control.checkpoints().accept(checkpoint(0, 0, 0));
        }
        return finished;
    }

    private void snapshotIfDue(ProfileSnapshots snapshots, double tau, double[] state) {
        double timeS = tau * model.scales.timeS;
        if (timeS >= snapshots.nextTimeS() * (1 - 1e-12)) {
            double vm = model.scales.potentialToMv(state[0] - state[(model.n - 1) * model.m]);
            snapshots.take(timeS, vm, ResultBuilder.profiles(model, state));
        }
    }

    private int stepsSoFar(int before) {
        return stepper.steps() - before;
    }

    private int iterationsSoFar(int before) {
        return stepper.iterations() - before;
    }

    /** A checkpoint of the present state; the extra counts are those of a time course still under way. */
    private Checkpoint checkpoint(int extraSteps, int extraIterations, double extraWallS) {
        return Checkpoints.of(stepper, timeS(), timeNd, model.n, model.m, u, recorder.build(),
                newtonIterations + extraIterations, timeSteps + extraSteps, wallTimeS + extraWallS);
    }

    /**
     * Continues from {@code cp}: state, stepping state, time series and counters, so that the run goes on exactly
     * as it would have without the stop.
     *
     * @throws UserInputException if the checkpoint belongs to another mesh or species set
     */
    public void restore(Checkpoint cp, double relativeTolerance) {
        Checkpoints.requireShape(cp, model.n, model.m);
        System.arraycopy(cp.state(), 0, u, 0, u.length);
        timeNd = cp.solverTime();
        stepper = new TransientSolver(model, newton, relativeTolerance);
        stepperTolerance = relativeTolerance;
        stepper.setSchedule(schedule);
        stepper.restore(cp.previousState(), cp.previousStep(), cp.nextStep());
        recorder.restore(cp.series());
        newtonIterations = cp.newtonIterations();
        timeSteps = cp.timeSteps();
        wallTimeS = cp.wallTimeS();
    }

    /**
     * Parameters that follow a schedule in the transients that follow (permeabilities, clamp current or
     * voltage); the time steps land on every breakpoint.
     *
     * @throws UserInputException if a schedule drives a key that cannot change in time here
     */
    public void setSchedules(List<Schedule> schedules) {
        this.schedule = new ParameterSchedule(model, schedules);
        if (stepper != null) {
            stepper.setSchedule(schedule);
        }
    }

    /** Sets the outward clamp current density (A/m²) for the following solves. */
    public void setClampCurrentAPerM2(double currentAPerM2) {
        model.setClampCurrent(model.scales.currentFromAPerM2(currentAPerM2));
    }

    /** The present membrane potential V_m = φ(inside far end) − φ(outside far end), mV. */
    public double membranePotentialMv() {
        return model.scales.potentialToMv(u[0] - u[(model.n - 1) * model.m]);
    }

    /** The result so far (time series included if any time was simulated). */
    public RunResult result() {
        TimeSeries ts = recorder.isEmpty() ? null : recorder.build();
        return ResultBuilder.build(model, newton.assembler(), u, initialAmounts, ts, newtonIterations, lastResidual,
                timeSteps, wallTimeS);
    }

    /** The discrete model (mesh, scales, coefficients). */
    public PnpModel model() {
        return model;
    }

    /** The graded 1-D mesh the chain was built from. */
    public Mesh1D mesh() {
        return mesh;
    }

    /** The state vector (ψ̂, ĉ per node), live. */
    public double[] state() {
        return u;
    }

    /** Simulated time so far, s. */
    public double timeS() {
        return timeNd * model.scales.timeS;
    }
}
