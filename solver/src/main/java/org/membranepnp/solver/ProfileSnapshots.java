package org.membranepnp.solver;

import org.membranepnp.engine.result.Profiles;

/**
 * Receives the profiles of a transient at chosen times (for animations of the charging layer): at the first
 * accepted step at or after each requested time. Taking snapshots never changes the time steps.
 */
public interface ProfileSnapshots {
    /** Takes none. */
    ProfileSnapshots NONE = new ProfileSnapshots() {
        @Override
        public double nextTimeS() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public void take(double timeS, double membranePotentialMv, Profiles profiles) {
        }
    };

    /** The next time (s) a snapshot is wanted; +∞ when no more. */
    double nextTimeS();

    /**
     * One snapshot of the state at {@code timeS}; afterwards {@link #nextTimeS()} must be later than
     * {@code timeS} (requested times that one step jumped over are skipped).
     */
    void take(double timeS, double membranePotentialMv, Profiles profiles);
}
