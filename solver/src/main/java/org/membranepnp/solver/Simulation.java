package org.membranepnp.solver;

import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.HeapBudget;
import org.membranepnp.solver.parallel.WorkerPool;

/** Entry point: runs a scenario (steady or transient) and reports a {@link RunResult}. */
public final class Simulation {
    private Simulation() {
    }

    /**
     * The memory a run of {@code scenario} would need, estimated from its mesh size before anything is allocated;
     * {@link HeapBudget#check()} throws if it would not fit in the Java heap.
     *
     * @throws UserInputException if the requested mesh is too coarse to resolve the Debye layers
     */
    public static HeapBudget heapBudget(Scenario scenario) {
        return scenario.isTwoDimensional() ? MembranePlaneSolver.budget(scenario) : GradedMeshBuilder.budget(scenario);
    }

    /**
     * Runs {@code scenario} as its {@code [run]} table asks: a steady state from the analytic guess, or a
     * transient from the freshly filled baths (bulk concentrations, uncharged membrane, double layers at charged
     * faces) to {@code end_time_s}, with the scenario's schedules; in 1-D or 2-D ({@code dimension = 2}).
     *
     * @throws org.membranepnp.engine.UserInputException if the scenario cannot be meshed (too coarse, or too large for
     *                                                     the heap: {@link #heapBudget})
     * @throws ConvergenceException                        if Newton fails
     */
    public static RunResult run(Scenario scenario, SolverOptions options, ProgressListener progress) {
        return run(scenario, options, progress, RunControl.NONE, null);
    }

    /**
     * Runs {@code scenario}; a transient takes checkpoints and stop requests from {@code control}, and continues
     * from {@code resume} when one is given (exactly as if it had not stopped). A stopped transient returns the
     * result so far (its time series ends before {@code end_time_s}).
     *
     * @param resume a checkpoint of this scenario's transient, or null to start from the filled baths
     */
    public static RunResult run(Scenario scenario, SolverOptions options, ProgressListener progress,
                                RunControl control, Checkpoint resume) {
        if (scenario.isTwoDimensional()) {
            try (WorkerPool pool = WorkerPool.create(options.threads())) {
                MembranePlaneSolver plane = new MembranePlaneSolver(scenario, pool)
                        .withProgress(progress, options.verbose());
                RunSpec run = scenario.run();
                if (run.mode() == RunMode.STEADY) {
                    if (resume != null) {
                        throw new UserInputException("only transient runs can be resumed; this scenario is steady");
                    }
                    plane.solveSteady();
                } else {
                    if (resume != null) {
                        plane.restore(resume, run.relativeTolerance());
                    }
                    plane.advanceTo(run.endTimeS(), run.relativeTolerance(), control);
                }
                return plane.result();
            }
        }
        try (WorkerPool pool = WorkerPool.create(options.threads())) {
            RunSpec run = scenario.run();
            if (run.mode() == RunMode.STEADY) {
                if (resume != null) {
                    throw new UserInputException("only transient runs can be resumed; this scenario is steady");
                }
                return MeshErrorControl.solveSteady(scenario, pool, progress, options.verbose());
            }
            MembraneSlabSolver slab = new MembraneSlabSolver(scenario, GradedMeshBuilder.build(scenario), pool)
                    .withProgress(progress, options.verbose());
            slab.setSchedules(scenario.schedules());
            if (resume != null) {
                slab.restore(resume, run.relativeTolerance());
            }
            slab.advanceTo(run.endTimeS(), null, run.relativeTolerance(), control);
            return slab.result();
        }
    }
}
