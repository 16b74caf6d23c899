package org.membranepnp.solver;

/**
 * Knobs of a solve that are not part of the physics.
 *
 * @param threads  worker threads for assembly (results are identical for any number)
 * @param verbose  report Newton residuals to the progress listener
 */
public record SolverOptions(int threads, boolean verbose) {
    /** One thread, quiet. */
    public static final SolverOptions DEFAULT = new SolverOptions(1, false);
}
