package org.membranepnp.solver;

/** Receives progress of a long solve. Implementations must be cheap; they are called from the solver thread. */
public interface ProgressListener {
    /** Does nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** An accepted time step (transient or pseudo-transient) ending at {@code timeS} with step {@code dtS}. */
    default void onTimeStep(double timeS, double dtS, double endTimeS, int newtonIterations) {
    }

    /**
     * A steady state found along a continuation path: {@code what} is followed and {@code fraction} of the way
     * (0 to 1) is done.
     */
    default void onContinuationStep(String what, double fraction, int newtonIterations) {
    }

    /** A Newton iteration with its scaled residual norm (verbose). */
    default void onNewtonIteration(int iteration, double residualNorm) {
    }
}
