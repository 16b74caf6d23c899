package org.membranepnp.solver;

import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.parallel.WorkerPool;

/** Entry point: runs a scenario (steady or transient) and reports a {@link RunResult}. */
public final class Simulation {
    private Simulation() {
    }

    /**
     * Runs {@code scenario} as its {@code [run]} table asks: a steady state from the analytic guess, or a
     * transient from the freshly filled baths (ψ = 0, bulk concentrations) to {@code end_time_s}.
     *
     * @throws org.membranepnp.engine.UserInputException if the scenario cannot be meshed (e.g. too coarse)
     * @throws ConvergenceException                        if Newton fails
     */
    public static RunResult run(Scenario scenario, SolverOptions options, ProgressListener progress) {
        Mesh1D mesh = GradedMeshBuilder.build(scenario);
        try (WorkerPool pool = WorkerPool.create(options.threads())) {
            MembraneSlabSolver slab = new MembraneSlabSolver(scenario, mesh, pool)
                    .withProgress(progress, options.verbose());
            if (scenario.run().mode() == RunMode.STEADY) {
                slab.useSteadyGuess();
                slab.solveSteady();
            } else {
                slab.advance(scenario.run().endTimeS(), null, scenario.run().relativeTolerance());
            }
            return slab.result();
        }
    }
}
