package org.membranepnp.render;

import java.util.List;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Profiles;

/**
 * A transient as it computes, for {@code pnp view SCENARIO.toml}: what the viewer pulls from it on each tick. The
 * run lives elsewhere (the cli runs the solver in a background thread); this side only reads, so render needs no
 * solver. All methods may be called from any thread and must return quickly.
 */
public interface LiveFeed {
    /** How far the run is. */
    enum Phase {
        RUNNING, PAUSED, FINISHED, STOPPED, FAILED
    }

    /**
     * One saved state of the run.
     *
     * @param timeS               simulated time t, s
     * @param membranePotentialMv V_m = φ(inside far end) − φ(outside far end), mV
     * @param profiles            the profiles at t
     */
    record Frame(double timeS, double membranePotentialMv, Profiles profiles) {
    }

    /**
     * V_m(t) so far.
     *
     * @param timeS               sample times, s (ascending)
     * @param membranePotentialMv V_m at each time, mV
     */
    record Trace(double[] timeS, double[] membranePotentialMv) {
    }

    /** The scenario that runs (species, valences, baths, membrane, end time). */
    Scenario scenario();

    /** A number that changes whenever a frame, the latest state, the trace or the phase changes. */
    long version();

    /** The frames saved so far, oldest first (at log-spaced times; a list that never shrinks). */
    List<Frame> frames();

    /** The newest state (possibly newer than the last saved frame), or null before the first. */
    Frame latest();

    /** V_m(t) at every accepted time step so far. */
    Trace trace();

    Phase phase();

    /** Why the run failed or stopped, in one line ("" while it runs). */
    String message();

    /** Pauses (between two time steps) or resumes the run. */
    void setPaused(boolean paused);

    /** Asks the run to stop after its current time step (idempotent). */
    void stop();
}
