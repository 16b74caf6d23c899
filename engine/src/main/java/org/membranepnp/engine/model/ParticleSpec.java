package org.membranepnp.engine.model;

/**
 * The Brownian particle mode: ions drawn as individual particles from the computed concentrations and moved
 * by overdamped Langevin dynamics in the computed field (the {@code [particles]} table).
 *
 * @param count      particles in total (0: no particle mode)
 * @param timeStepS  time step of the integrator, s
 * @param durationS  simulated time, s
 * @param snapshots  particle snapshots written over that time (at least 1: the last)
 * @param seed       seed of the random generator (the same seed gives the same particles)
 */
public record ParticleSpec(int count, double timeStepS, double durationS, int snapshots, long seed) {
    /**
     * Extent along the membrane (y) of the particle domain of a 1-D scenario, nm: the 1-D fields are extended
     * uniformly over y ∈ [0, 10 nm]. (A 2-D scenario brings its own height.)
     */
    public static final double HEIGHT_1D_NM = 10.0;

    /** No particle mode. */
    public static final ParticleSpec NONE = new ParticleSpec(0, 0.0, 0.0, 0, 0L);

    /** True if the scenario asks for particles. */
    public boolean present() {
        return count > 0;
    }
}
