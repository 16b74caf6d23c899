package org.membranepnp.solver.particles;

/** Receives the progress of a particle run; called from the calling thread after each snapshot. */
@FunctionalInterface
public interface ParticleProgress {
    /** Does nothing. */
    ParticleProgress NONE = (snapshot, snapshots, timeS) -> {
    };

    /** Snapshot {@code snapshot} of {@code snapshots} (1-based; the start, t = 0, is not reported) is taken at {@code timeS}. */
    void onSnapshot(int snapshot, int snapshots, double timeS);
}
