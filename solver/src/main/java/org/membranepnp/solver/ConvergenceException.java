package org.membranepnp.solver;

/** Newton (or the time stepping) failed; the message says what was tried and what to try next. */
public class ConvergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final double lastResidual;

    public ConvergenceException(String message, double lastResidual) {
        super(message);
        this.lastResidual = lastResidual;
    }

    /** The scaled residual norm when the solver gave up. */
    public double lastResidual() {
        return lastResidual;
    }
}
