package org.membranepnp.solver;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Schedule;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.ParameterSchedule;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * A membrane of any geometry on its control-volume mesh, with its state and solvers: the one steady driver
 * ({@link SteadyStateSolver}) and the one transient driver ({@link TransientSolver}) of every geometry, the time series,
 * snapshots, checkpoints and their exact resumption. Steady solves and time courses can be chained on the same state
 * (e.g. a steady state, then a current step). {@link MembraneSlabSolver} (1-D) and {@link MembranePlaneSolver} (2-D,
 * axisymmetric) build it on their meshes and turn its state into results.
 */
final class DiscreteMembrane {
    private final PnpModel model;
    private final NewtonSolver newton;
    private final WorkerPool pool;
    private final double[] u;
    private final TimeSeriesRecorder recorder;
    /** The edges through the middle of the membrane, whose fluxes are the membrane's. */
    private final int[] midEdges;
    private ProgressListener progress = ProgressListener.NONE;
    private int newtonIterations;
    private int timeSteps;
    private double lastResidual = Double.NaN;
    private double timeNd;
    private double wallTimeS;
    private TransientSolver stepper;
    private ParameterSchedule schedule;
    private double stepperTolerance;

    /** Starts from the freshly filled baths ({@link InitialState#fillUniform}) at time 0. */
    DiscreteMembrane(PnpModel model, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.newton = new NewtonSolver(model, pool);
        this.u = new double[model.n * model.m];
        this.midEdges = model.midMembraneEdges();
        InitialState.fillUniform(model, u);
        this.recorder = new TimeSeriesRecorder(model, newton.assembler());
    }

    /** Progress and (verbose) Newton residuals go to {@code listener}. */
    void setProgress(ProgressListener listener, boolean verbose) {
        this.progress = listener;
        newton.setListener(listener, verbose);
    }

    /**
     * Solves for the steady state from the present state ({@link SteadyStateSolver}: Newton, then continuation, then
     * pseudo-transient steps).
     *
     * @throws ConvergenceException if no strategy finds it
     */
    void solveSteady() {
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
     * Advances the state to simulated time {@code endTimeS} (s) with implicit Euler and adaptive steps, recording
     * V_m and the membrane currents at every accepted step, handing snapshots to {@code control.snapshots()} and
     * checkpoints every {@code control.checkpointIntervalS()} of wall time, and stopping early — with a last
     * checkpoint of the consistent state — once {@code control.stopRequested()} is true.
     *
     * @param clampCurrentAPerM2 outward clamp current density as a function of time in s (null: the model's)
     * @return true if {@code endTimeS} was reached, false if the run was stopped
     * @throws ConvergenceException if a time step cannot be completed; {@code control} then receives a checkpoint
     *                              of the last accepted step first
     */
    boolean advanceTo(double endTimeS, DoubleUnaryOperator clampCurrentAPerM2, double relativeTolerance,
                      RunControl control) {
        long t0 = System.nanoTime();
        double ts = model.scales.timeS;
        DoubleUnaryOperator current = clampCurrentAPerM2 == null ? null
                : tau -> model.scales.currentFromAPerM2(clampCurrentAPerM2.applyAsDouble(tau * ts));
        if (stepper == null || stepperTolerance != relativeTolerance) {
            newStepper(relativeTolerance);
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
                control.checkpoints().accept(checkpoint(stepper.steps() - stepsBefore,
                        stepper.iterations() - iterationsBefore, (System.nanoTime() - t0) * 1e-9));
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
            control.checkpoints().accept(checkpoint(stepper.steps() - stepsBefore,
                    stepper.iterations() - iterationsBefore, (System.nanoTime() - t0) * 1e-9));
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
            snapshots.take(timeS, membranePotentialMv(state), ResultBuilder.profiles(model, state));
        }
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
    void restore(Checkpoint cp, double relativeTolerance) {
        Checkpoints.requireShape(cp, model.n, model.m);
        System.arraycopy(cp.state(), 0, u, 0, u.length);
        timeNd = cp.solverTime();
        newStepper(relativeTolerance);
        stepper.restore(cp.previousState(), cp.previousStep(), cp.nextStep());
        recorder.restore(cp.series());
        newtonIterations = cp.newtonIterations();
        timeSteps = cp.timeSteps();
        wallTimeS = cp.wallTimeS();
    }

    private void newStepper(double relativeTolerance) {
        stepper = new TransientSolver(model, newton, relativeTolerance);
        stepperTolerance = relativeTolerance;
        stepper.setSchedule(schedule);
    }

    /**
     * Parameters that follow a schedule in the transients that follow (permeabilities, clamp current or voltage);
     * the time steps land on every breakpoint.
     *
     * @throws UserInputException if a schedule drives a key that cannot change in time here
     */
    void setSchedules(List<Schedule> schedules) {
        this.schedule = schedules.isEmpty() ? null : new ParameterSchedule(model, schedules);
        if (stepper != null) {
            stepper.setSchedule(schedule);
        }
    }

    /** V_m = ψ(inside end) − ψ(outside end) of the first row of state {@code state}, mV. */
    private double membranePotentialMv(double[] state) {
        return model.scales.potentialToMv(state[0] - state[(model.nx - 1) * model.m]);
    }

    /** The present membrane potential, mV. */
    double membranePotentialMv() {
        return membranePotentialMv(u);
    }

    /** The result so far ({@link ResultBuilder}), with the time series if time was simulated. */
    RunResult result() {
        return ResultBuilder.build(model, newton.assembler(), u, midEdges, recorder.isEmpty() ? null : recorder.build(),
                newtonIterations, lastResidual, timeSteps, wallTimeS);
    }


    PnpModel model() {
        return model;
    }

    NewtonSolver newton() {
        return newton;
    }

    /** The state vector (ψ̂, ĉ per node), live. */
    double[] state() {
        return u;
    }

    /** Simulated time so far, s. */
    double timeS() {
        return timeNd * model.scales.timeS;
    }

    int timeSteps() {
        return timeSteps;
    }

    /** Adds wall time spent for this membrane outside its own solves (e.g. a 1-D start of a 2-D solve). */
    void addWallTime(double seconds) {
        wallTimeS += seconds;
    }
}
