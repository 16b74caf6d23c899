package org.membranepnp.solver;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.membranepnp.engine.result.Checkpoint;

/**
 * How a long transient can be steered from outside: a stop request (checked between time steps; the run then
 * ends with a consistent state), and checkpoints handed to a sink every {@code checkpointIntervalS} of wall
 * time and when the run stops early.
 *
 * @param stopRequested      true once the run should stop (e.g. after Ctrl-C)
 * @param checkpointIntervalS wall-clock seconds between checkpoints (≤ 0: only when stopped)
 * @param checkpoints        receives each checkpoint (e.g. writes it to the run folder)
 * @param snapshots          receives profiles at chosen times
 */
public record RunControl(BooleanSupplier stopRequested, double checkpointIntervalS, Consumer<Checkpoint> checkpoints,
                         ProfileSnapshots snapshots) {
    /** Never stops, never checkpoints, takes no snapshots. */
    public static final RunControl NONE = new RunControl(() -> false, 0, cp -> { });

    /** Without snapshots. */
    public RunControl(BooleanSupplier stopRequested, double checkpointIntervalS, Consumer<Checkpoint> checkpoints) {
        this(stopRequested, checkpointIntervalS, checkpoints, ProfileSnapshots.NONE);
    }
}
