package org.membranepnp.engine.model;

/**
 * How to run a scenario.
 *
 * @param mode            steady state or transient
 * @param endTimeS        with a transient: the simulated time to reach, s
 * @param relativeTolerance local error tolerance of the adaptive time stepping (transient)
 */
public record RunSpec(RunMode mode, double endTimeS, double relativeTolerance) {
    /** Default local error tolerance of the time stepping. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-4;

    /** A steady-state run. */
    public static RunSpec steady() {
        return new RunSpec(RunMode.STEADY, 0.0, DEFAULT_RELATIVE_TOLERANCE);
    }
}
