package org.membranepnp.solver;

import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;

/** Entry point: runs a scenario (steady or transient) and reports a {@link RunResult}. */
public final class Simulation {
    private Simulation() {
    }

    /**
     * Runs {@code scenario} as its {@code [run]} table asks.
     *
     * @throws org.membranepnp.engine.UserInputException if the scenario cannot be meshed (e.g. too coarse)
     * @throws ConvergenceException                        if Newton fails
     */
    public static RunResult run(Scenario scenario, SolverOptions options, ProgressListener progress) {
        throw new UnsupportedOperationException("solver under construction");
    }
}
