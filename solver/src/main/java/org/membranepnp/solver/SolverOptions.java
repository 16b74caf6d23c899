package org.membranepnp.solver;

/**
 * Knobs of a solve that are not part of the physics.
 *
 * @param threads  threads of the solve's worker pool, the caller included (≥ 1); the assembly runs on them in
 *                 fixed chunks, so results are bit-identical for any number
 * @param verbose  report Newton residuals to the progress listener
 */
public record SolverOptions(int threads, boolean verbose) {
    /** One thread, quiet. */
    public static final SolverOptions DEFAULT = new SolverOptions(1, false);
}
