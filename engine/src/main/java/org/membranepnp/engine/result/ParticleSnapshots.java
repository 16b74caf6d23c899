package org.membranepnp.engine.result;

import java.util.List;

/**
 * Positions of the particles of the Brownian particle mode at a few times. The same particles, in the same order,
 * appear in every snapshot (particle {@code p} is row {@code p} of each), so a particle can be followed.
 *
 * @param species       species names; {@code speciesIndex} refers to this list
 * @param timeS         time of each snapshot, s, non-decreasing (snapshot 0 is usually the start, t = 0)
 * @param speciesIndex  the species of each particle, an index into {@code species}
 * @param xNm           [snapshot][particle] x, nm (x = 0 at the inside far end, as in profiles.csv)
 * @param yNm           [snapshot][particle] y, nm (along the membrane)
 */
public record ParticleSnapshots(List<String> species, double[] timeS, int[] speciesIndex, double[][] xNm,
                                double[][] yNm) {

    /**
     * @throws IllegalArgumentException if the arrays do not fit together or a species index is out of range
     */
    public ParticleSnapshots {
        species = List.copyOf(species);
        if (timeS.length != xNm.length || timeS.length != yNm.length) {
            throw new IllegalArgumentException("particle snapshots: " + timeS.length + " times for " + xNm.length
                    + " x and " + yNm.length + " y rows");
        }
        for (int k = 0; k < timeS.length; k++) {
            if (xNm[k].length != speciesIndex.length || yNm[k].length != speciesIndex.length) {
                throw new IllegalArgumentException("particle snapshot " + k + " has " + xNm[k].length + " x and "
                        + yNm[k].length + " y values for " + speciesIndex.length + " particles");
            }
            if (k > 0 && timeS[k] < timeS[k - 1]) {
                throw new IllegalArgumentException("particle snapshot times must not decrease");
            }
        }
        for (int s : speciesIndex) {
            if (s < 0 || s >= species.size()) {
                throw new IllegalArgumentException("particle species index " + s + " is not one of the "
                        + species.size() + " species");
            }
        }
    }

    /** Number of snapshots. */
    public int snapshotCount() {
        return timeS.length;
    }

    /** Number of particles (in each snapshot). */
    public int particleCount() {
        return speciesIndex.length;
    }

    /** Particles of species {@code i}. */
    public int count(int i) {
        int n = 0;
        for (int s : speciesIndex) {
            if (s == i) {
                n++;
            }
        }
        return n;
    }
}
