package org.membranepnp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.AtomicFiles;
import org.membranepnp.engine.result.FileWriteException;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.solver.ProfileSnapshots;

/**
 * Writes profile snapshots of a transient into {@code snapshots/} of the run folder: {@code profile-0001.csv}, …
 * (the columns of profiles.csv) and {@code index.csv} (frame, time_s, membrane_potential_mV, file), at times
 * spaced evenly in log time from 1e-10 s (the Debye layers charge in nanoseconds) to the end, plus t = 0.
 */
final class SnapshotWriter implements ProfileSnapshots {
    static final String FOLDER = "snapshots";
    static final String INDEX = "index.csv";
    /** Earliest snapshot after t = 0, s. */
    static final double FIRST_TIME_S = 1e-10;

    private final Path dir;
    private final List<Species> species;
    private final double[] times;
    private final StringBuilder index = new StringBuilder("frame,time_s,membrane_potential_mV,file\n");
    private int next;
    private int frame;

    private SnapshotWriter(Path dir, List<Species> species, double[] times) {
        this.dir = dir;
        this.species = species;
        this.times = times;
    }

    /** {@code count} snapshots (≥ 2) from t = 0 to {@code endTimeS}, log-spaced after the first. */
    static SnapshotWriter create(Path runDir, List<Species> species, int count, double endTimeS) {
        Path dir = runDir.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileWriteException("cannot create " + dir + ": " + ErrorHandler.oneLine(e.toString()), e);
        }
        return new SnapshotWriter(dir, species, times(count, endTimeS));
    }

    /**
     * {@code count} snapshot times (≥ 2) from t = 0 to {@code endTimeS}: 0, then t_k = t_1 10^(D (k − 1)/(count − 2))
     * with t_1 = min(0.1 ns, end/10) and D the decades from t_1 to the end, s.
     */
    static double[] times(int count, double endTimeS) {
        double[] times = new double[count];
        double first = Math.min(FIRST_TIME_S, endTimeS / 10);
        double decades = Math.log10(endTimeS / first);
        for (int k = 1; k < count; k++) {
            times[k] = first * Math.pow(10, decades * (k - 1) / Math.max(1, count - 2));
        }
        times[count - 1] = endTimeS;
        return times;
    }

    @Override
    public double nextTimeS() {
        return next < times.length ? times[next] : Double.POSITIVE_INFINITY;
    }

    @Override
    public void take(double timeS, double membranePotentialMv, Profiles profiles) {
        frame++;
        String name = String.format(Locale.ROOT, "profile-%04d.csv", frame);
        AtomicFiles.write(dir, name, ResultWriter.profilesCsv(species, profiles).getBytes(StandardCharsets.UTF_8));
        index.append(frame).append(',').append(ResultWriter.csvNumber(timeS)).append(',')
                .append(ResultWriter.csvNumber(membranePotentialMv)).append(',').append(name).append('\n');
        AtomicFiles.write(dir, INDEX, index.toString().getBytes(StandardCharsets.UTF_8));
        while (next < times.length && times[next] <= timeS * (1 + 1e-12)) {
            next++;
        }
    }

    /** Frames written. */
    int frames() {
        return frame;
    }
}
