package org.membranepnp.solver.newton;

/**
 * Outcome of one Newton solve.
 *
 * @param converged    whether the scaled update fell below the tolerance
 * @param iterations   iterations used
 * @param residualNorm scaled residual norm at the last iteration (max |r_row| / |J_row,row|)
 * @param reason       why it stopped, for messages
 */
public record NewtonResult(boolean converged, int iterations, double residualNorm, String reason) {
}
