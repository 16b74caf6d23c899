package org.membranepnp.solver;

import java.util.function.DoubleUnaryOperator;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.PnpModel1D;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * One 1D slab (inside bath | membrane | outside bath) with its mesh, discrete model, state and solvers; steady
 * solves and time courses can be chained on the same state (e.g. a steady state, then a current step).
 */
public final class MembraneSlabSolver {
    private final PnpModel1D model;
    private final NewtonSolver newton;
    private final double[] u;
    private final double[] initialAmounts;
    private final TimeSeriesRecorder recorder;
    private ProgressListener progress = ProgressListener.NONE;
    private int newtonIterations;
    private int timeSteps;
    private double lastResidual = Double.NaN;
    private double timeNd;
    private double wallTimeS;

    /** Meshes {@code scenario} as it asks and starts from the uniform state (ψ = 0, bulk concentrations). */
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
        this.model = new PnpModel1D(scenario, mesh);
        this.newton = new NewtonSolver(model, pool);
        this.u = new double[model.n * model.m];
        InitialState.fillUniform(model, u);
        this.initialAmounts = new double[model.closedSpecies.size()];
        for (int c = 0; c < initialAmounts.length; c++) {
            initialAmounts[c] = model.closedSpecies.get(c).target();
        }
        this.recorder = new TimeSeriesRecorder(model, newton.assembler());
    }

    /** Progress and (verbose) Newton residuals go to {@code listener}. */
    public MembraneSlabSolver withProgress(ProgressListener listener, boolean verbose) {
        this.progress = listener;
        newton.setListener(listener, verbose);
        return this;
    }

    /** Replaces the state by the analytic steady-state guess. */
    public void useSteadyGuess() {
        InitialState.fillSteadyGuess(model, u);
    }

    /** Solves for the steady state from the current state. */
    public void solveSteady() {
        long t0 = System.nanoTime();
        SteadyStateSolver steady = new SteadyStateSolver(model, newton);
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
        long t0 = System.nanoTime();
        double ts = model.scales.timeS;
        DoubleUnaryOperator current = clampCurrentAPerM2 == null ? null
                : tau -> model.scales.currentFromAPerM2(clampCurrentAPerM2.applyAsDouble(tau * ts));
        TransientSolver stepper = new TransientSolver(model, newton, relativeTolerance);
        if (recorder.isEmpty()) {
            recorder.record(timeNd, u);
        }
        try {
            stepper.integrate(u, timeNd, timeNd + durationS / ts, current, recorder::record, progress);
            timeNd += durationS / ts;
        } finally {
            newtonIterations += stepper.iterations();
            timeSteps += stepper.steps();
            lastResidual = stepper.lastResidual();
            wallTimeS += (System.nanoTime() - t0) * 1e-9;
        }
    }

    /** Sets the outward clamp current density (A/m²) for the following solves. */
    public void setClampCurrentAPerM2(double currentAPerM2) {
        model.clampCurrent = model.scales.currentFromAPerM2(currentAPerM2);
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
    public PnpModel1D model() {
        return model;
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
