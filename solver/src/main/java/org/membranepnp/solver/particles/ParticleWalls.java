package org.membranepnp.solver.particles;

/**
 * Obstacles inside the particle domain: says whether a particle of a species may be at a point. The integrator
 * rejects a move whose end point is not allowed (the particle stays where it was for that step); the domain edges
 * are handled by the integrator itself (reflection). Implementations must be immutable and thread-safe.
 */
@FunctionalInterface
public interface ParticleWalls {
    /** No obstacles. */
    ParticleWalls NONE = (species, xNm, yNm) -> true;

    /** True if a particle of species {@code species} may be at ({@code xNm}, {@code yNm}). */
    boolean allowed(int species, double xNm, double yNm);
}
