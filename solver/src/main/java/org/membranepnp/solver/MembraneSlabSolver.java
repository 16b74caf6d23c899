package org.membranepnp.solver;

import java.util.function.DoubleUnaryOperator;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.RunResult;
import java.util.List;
import org.membranepnp.engine.model.Schedule;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * One 1-D slab (inside bath | membrane | outside bath): its graded mesh, the chain of control volumes built on it,
 * and the {@link DiscreteMembrane} that solves it; steady solves and time courses can be chained on the same state
 * (e.g. a steady state, then a current step).
 */
public final class MembraneSlabSolver {
    private final Mesh1D mesh;
    private final DiscreteMembrane membrane;
    private final PnpModel model;

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
        this.membrane = new DiscreteMembrane(model, pool);
    }

    /** Progress and (verbose) Newton residuals go to {@code listener}. */
    public MembraneSlabSolver withProgress(ProgressListener listener, boolean verbose) {
        membrane.setProgress(listener, verbose);
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
        InitialState.fillSteadyGuess(model, membrane.state());
    }

    /** Solves for the steady state from the current state ({@link SteadyStateSolver}). */
    public void solveSteady() {
        membrane.solveSteady();
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
     * Advances the state to simulated time {@code endTimeS} (s): {@link DiscreteMembrane#advanceTo}.
     *
     * @return true if {@code endTimeS} was reached, false if the run was stopped
     * @throws ConvergenceException if a time step cannot be completed; {@code control} then receives a checkpoint
     *                              of the last accepted step first
     */
    public boolean advanceTo(double endTimeS, DoubleUnaryOperator clampCurrentAPerM2, double relativeTolerance,
                             RunControl control) {
        return membrane.advanceTo(endTimeS, clampCurrentAPerM2, relativeTolerance, control);
    }

    /**
     * Continues from {@code cp}: state, stepping state, time series and counters, so that the run goes on exactly
     * as it would have without the stop.
     *
     * @throws UserInputException if the checkpoint belongs to another mesh or species set
     */
    public void restore(Checkpoint cp, double relativeTolerance) {
        membrane.restore(cp, relativeTolerance);
    }

    /**
     * Parameters that follow a schedule in the transients that follow (permeabilities, clamp current or
     * voltage); the time steps land on every breakpoint.
     *
     * @throws UserInputException if a schedule drives a key that cannot change in time here
     */
    public void setSchedules(List<Schedule> schedules) {
        membrane.setSchedules(schedules);
    }

    /** Sets the outward clamp current density (A/m²) for the following solves. */
    public void setClampCurrentAPerM2(double currentAPerM2) {
        model.setClampCurrent(model.scales.currentFromAPerM2(currentAPerM2));
    }

    /** The present membrane potential V_m = φ(inside far end) − φ(outside far end), mV. */
    public double membranePotentialMv() {
        return membrane.membranePotentialMv();
    }

    /** The result so far (time series included if any time was simulated). */
    public RunResult result() {
        return membrane.result();
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
        return membrane.state();
    }

    /** Simulated time so far, s. */
    public double timeS() {
        return membrane.timeS();
    }
}
