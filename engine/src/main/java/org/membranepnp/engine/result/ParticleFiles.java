package org.membranepnp.engine.result;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.UserInputException;

/**
 * Writes and reads {@code particles.csv}, the snapshots of the Brownian particle mode: columns
 * {@code snapshot,time_s,species,x_nm,y_nm}, one row per particle per snapshot, the snapshots in order (0 first) and
 * within each the particles in the same order. The species is written by name. Written to a temporary file in the
 * folder and renamed into place, like the other result files; numbers as {@link ResultWriter#csvNumber}.
 */
public final class ParticleFiles {
    public static final String PARTICLES_FILE = "particles.csv";
    static final List<String> HEADER = List.of("snapshot", "time_s", "species", "x_nm", "y_nm");

    private ParticleFiles() {
    }

    /** True if {@code dir} holds a particles.csv. */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(PARTICLES_FILE));
    }

    /**
     * Writes {@code dir/particles.csv} (streamed, then renamed into place).
     *
     * @return the file written
     * @throws UserInputException with one line naming the file if it cannot be written
     */
    public static Path write(Path dir, ParticleSnapshots s) {
        return AtomicFiles.write(dir, PARTICLES_FILE, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            write(w, s);
            w.flush();
        });
    }

    /** The CSV text of {@code s} (for small sets; {@link #write(Path, ParticleSnapshots)} streams). */
    public static String csv(ParticleSnapshots s) {
        StringBuilder sb = new StringBuilder(48 * (s.particleCount() * s.snapshotCount() + 1));
        try {
            write(sb, s);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    private static void write(Appendable out, ParticleSnapshots s) throws IOException {
        out.append(String.join(",", HEADER)).append('\n');
        String[] names = new String[s.species().size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = ResultWriter.csvField(s.species().get(i));
        }
        int[] species = s.speciesIndex();
        for (int k = 0; k < s.snapshotCount(); k++) {
            String head = k + "," + ResultWriter.csvNumber(s.timeS()[k]) + ",";
            double[] x = s.xNm()[k];
            double[] y = s.yNm()[k];
            for (int p = 0; p < species.length; p++) {
                out.append(head).append(names[species[p]]).append(',').append(ResultWriter.csvNumber(x[p]))
                        .append(',').append(ResultWriter.csvNumber(y[p])).append('\n');
            }
        }
    }

    /**
     * Reads {@code dir/particles.csv}. The species list is in the order of first appearance (the writer puts the
     * particles in scenario order of their species, so this is the scenario order less species without particles).
     *
     * @throws UserInputException with one line if the file is missing or malformed: other columns, snapshots not
     *                            numbered 0, 1, … in order, a time that differs within a snapshot, snapshots with
     *                            different particle counts or species sequences, a position that is not a number
     */
    public static ParticleSnapshots read(Path dir) {
        Path file = dir.resolve(PARTICLES_FILE);
        return parse(CsvTable.read(file), file.toString());
    }

    /** Parses the text of a particles.csv; {@code source} names it in messages. */
    public static ParticleSnapshots parse(String text, String source) {
        return parse(CsvTable.parse(text, source), source);
    }

    private static ParticleSnapshots parse(CsvTable t, String source) {
        if (!t.header().equals(HEADER)) {
            throw new UserInputException("cannot read " + source + ": expected the columns " + String.join(", ", HEADER)
                    + ", got " + String.join(", ", t.header()));
        }
        int rows = t.rowCount();
        if (rows == 0) {
            throw new UserInputException("cannot read " + source + ": it holds no particles");
        }
        double[] snapshot = t.numbers(0);
        double[] time = t.numbers(1);
        double[] x = t.numbers(3);
        double[] y = t.numbers(4);
        // the particles of snapshot 0 fix the count and the species sequence
        int perSnapshot = 0;
        while (perSnapshot < rows && snapshot[perSnapshot] == 0) {
            perSnapshot++;
        }
        if (perSnapshot == 0) {
            throw new UserInputException("cannot read " + source + ": line 2: the first snapshot is numbered "
                    + t.text(0, 0) + ", expected 0");
        }
        if (rows % perSnapshot != 0) {
            throw new UserInputException("cannot read " + source + ": " + rows + " rows are not whole snapshots of "
                    + perSnapshot + " particles");
        }
        List<String> species = new ArrayList<>();
        int[] index = new int[perSnapshot];
        for (int p = 0; p < perSnapshot; p++) {
            String name = t.text(p, 2);
            int i = species.indexOf(name);
            if (i < 0) {
                species.add(name);
                i = species.size() - 1;
            }
            index[p] = i;
        }
        int snapshots = rows / perSnapshot;
        double[] timeS = new double[snapshots];
        double[][] xs = new double[snapshots][perSnapshot];
        double[][] ys = new double[snapshots][perSnapshot];
        for (int k = 0; k < snapshots; k++) {
            int first = k * perSnapshot;
            timeS[k] = time[first];
            if (k > 0 && !(timeS[k] >= timeS[k - 1])) {
                throw new UserInputException("cannot read " + source + ": line " + (first + 2) + ": snapshot " + k
                        + " is at t = " + t.text(first, 1) + " s, before snapshot " + (k - 1));
            }
            for (int p = 0; p < perSnapshot; p++) {
                int r = first + p;
                int line = r + 2;
                if (snapshot[r] != k) {
                    throw new UserInputException("cannot read " + source + ": line " + line + ": snapshot "
                            + t.text(r, 0) + ", expected " + k + " (every snapshot has the " + perSnapshot
                            + " particles of snapshot 0, in order)");
                }
                if (Double.compare(time[r], timeS[k]) != 0) {
                    throw new UserInputException("cannot read " + source + ": line " + line + ": time_s "
                            + t.text(r, 1) + " differs from the " + t.text(first, 1) + " of snapshot " + k);
                }
                if (!t.text(r, 2).equals(species.get(index[p]))) {
                    throw new UserInputException("cannot read " + source + ": line " + line + ": species "
                            + t.text(r, 2) + ", but particle " + p + " is " + species.get(index[p])
                            + " in snapshot 0");
                }
                if (!Double.isFinite(x[r]) || !Double.isFinite(y[r])) {
                    throw new UserInputException("cannot read " + source + ": line " + line
                            + ": a particle position must be finite, got x_nm = " + t.text(r, 3) + ", y_nm = "
                            + t.text(r, 4));
                }
                xs[k][p] = x[r];
                ys[k][p] = y[r];
            }
        }
        return new ParticleSnapshots(species, timeS, index, xs, ys);
    }

    /**
     * Removes a particles.csv left in {@code dir} by an earlier run (a forced re-run without particles).
     *
     * @throws UserInputException with one line if it cannot be removed
     */
    public static void deleteStale(Path dir) {
        Path stale = dir.resolve(PARTICLES_FILE);
        try {
            Files.deleteIfExists(stale);
        } catch (IOException e) {
            throw new FileWriteException("cannot remove the old " + stale + ": " + IoReason.of(e), e);
        }
    }
}
