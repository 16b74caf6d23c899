package org.membranepnp.engine.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Species;

/**
 * Writes the result files of a run into one folder: {@code summary.json}, {@code profiles.csv} and, for a
 * transient run, {@code timeseries.csv}. Every file is written with {@link AtomicFiles}, so a reader never sees a
 * half-written file.
 *
 * <p>CSV: comma separated, one header line, '\n' line ends, UTF-8, numbers as {@link Double#toString}
 * (shortest text that round-trips; NaN as {@code NaN}, infinities as {@code inf}/{@code -inf}).
 */
public final class ResultWriter {
    public static final String SUMMARY_FILE = "summary.json";
    public static final String PROFILES_FILE = "profiles.csv";
    public static final String TIMESERIES_FILE = "timeseries.csv";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultWriter() {
    }

    /**
     * Writes all result files of {@code r} into {@code dir}.
     *
     * @param dir        the output folder (created with its parents if missing)
     * @param r          the run
     * @param provenance scenario file, command line, code version, … (goes into summary.json)
     * @param force      overwrite a folder that is not empty
     * @return the files written, in order
     * @throws UserInputException if the folder is not empty and {@code force} is false, or cannot be written
     */
    public static List<Path> writeAll(Path dir, RunResult r, Map<String, Object> provenance, boolean force) {
        prepareDirectory(dir, force);
        List<Path> written = new ArrayList<>();
        Summary summary = Summary.of(r, provenance);
        written.add(writeAtomically(dir, SUMMARY_FILE, summary.toJson() + "\n"));
        written.add(writeAtomically(dir, PROFILES_FILE, profilesCsv(r)));
        if (r.fields() != null) {
            written.add(writeAtomically(dir, FieldFiles.CSV_FILE, FieldFiles.csv(r.fields())));
            written.add(writeAtomically(dir, FieldFiles.VTK_FILE, FieldFiles.vtk(r.fields(), r.scenario().title())));
        }
        if (r.timeSeries() != null) {
            written.add(writeAtomically(dir, TIMESERIES_FILE, timeSeriesCsv(r)));
        } else {
            // with --force, do not leave the time series of an earlier transient run beside a steady result
            Path stale = dir.resolve(TIMESERIES_FILE);
            try {
                Files.deleteIfExists(stale);
            } catch (IOException e) {
                throw new FileWriteException("cannot remove the old " + stale + ": " + reason(e), e);
            }
        }
        return written;
    }

    /**
     * Reads a {@code summary.json}.
     *
     * @throws UserInputException if the file cannot be read or is not JSON
     */
    public static JsonNode readSummary(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            JsonNode node = MAPPER.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new UserInputException("cannot read summary " + file + ": the file is empty");
            }
            return node;
        } catch (IOException e) {
            throw new UserInputException("cannot read summary " + file + ": " + reason(e));
        }
    }

    /** The profiles table: x_nm, potential_mV, c_&lt;species&gt;_mM…, charge_density_C_m3, one row per node. */
    public static String profilesCsv(RunResult r) {
        return profilesCsv(r.scenario().species(), r.profiles());
    }

    /** The profiles table of {@code p} for {@code species} (e.g. a snapshot during a transient). */
    public static String profilesCsv(List<Species> species, Profiles p) {
        int nodes = p.nodeCount();
        checkLength("potentialMv", p.potentialMv().length, nodes);
        checkLength("chargeDensityCPerM3", p.chargeDensityCPerM3().length, nodes);
        checkLength("concentrationsMm (species)", p.concentrationsMm().length, species.size());
        for (double[] c : p.concentrationsMm()) {
            checkLength("concentrationsMm (nodes)", c.length, nodes);
        }
        StringBuilder sb = new StringBuilder(64 * (nodes + 1));
        sb.append("x_nm,potential_mV");
        for (Species s : species) {
            sb.append(',').append(field("c_" + s.name() + "_mM"));
        }
        sb.append(",charge_density_C_m3\n");
        for (int k = 0; k < nodes; k++) {
            sb.append(number(p.xNm()[k])).append(',').append(number(p.potentialMv()[k]));
            for (double[] c : p.concentrationsMm()) {
                sb.append(',').append(number(c[k]));
            }
            sb.append(',').append(number(p.chargeDensityCPerM3()[k])).append('\n');
        }
        return sb.toString();
    }

    /** The time-series table: time_s, membrane_potential_mV, I_&lt;species&gt;_A_m2…, one row per sample. */
    public static String timeSeriesCsv(RunResult r) {
        return timeSeriesCsv(r.scenario().species(), r.timeSeries());
    }

    /** The time-series table of {@code ts} for {@code species} (e.g. the part of a run kept after a failure). */
    public static String timeSeriesCsv(List<Species> species, TimeSeries ts) {
        int samples = ts.sampleCount();
        checkLength("membranePotentialMv", ts.membranePotentialMv().length, samples);
        checkLength("currentsAPerM2 (species)", ts.currentsAPerM2().length, species.size());
        for (double[] c : ts.currentsAPerM2()) {
            checkLength("currentsAPerM2 (samples)", c.length, samples);
        }
        StringBuilder sb = new StringBuilder(64 * (samples + 1));
        sb.append("time_s,membrane_potential_mV");
        for (Species s : species) {
            sb.append(',').append(field("I_" + s.name() + "_A_m2"));
        }
        sb.append('\n');
        for (int k = 0; k < samples; k++) {
            sb.append(number(ts.timeS()[k])).append(',').append(number(ts.membranePotentialMv()[k]));
            for (double[] c : ts.currentsAPerM2()) {
                sb.append(',').append(number(c[k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Checks, before any work, that results may go to {@code dir}: it is absent, an empty folder, or a folder and
     * {@code force} is given.
     *
     * @throws UserInputException naming the folder and what to do otherwise
     */
    public static void checkOutputFolder(Path dir, boolean force) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("output path " + dir + " exists and is not a folder; choose another --out");
        }
        if (!force && !isEmpty(dir)) {
            throw new UserInputException("output folder " + dir
                    + " exists and is not empty; pass --force to overwrite it or choose another --out");
        }
    }

    private static void prepareDirectory(Path dir, boolean force) {
        checkOutputFolder(dir, force);
        if (!Files.exists(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new FileWriteException("cannot create output folder " + dir + ": " + reason(e), e);
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new UserInputException("cannot read output folder " + dir + ": " + reason(e));
        }
    }

    /** Writes {@code text} (UTF-8) to {@code dir/name} atomically. */
    private static Path writeAtomically(Path dir, String name, String text) {
        return AtomicFiles.write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A number as the CSV result files write it: the shortest text that round-trips ({@link Double#toString}),
     * {@code NaN}, {@code inf} or {@code -inf}.
     */
    public static String csvNumber(double x) {
        return number(x);
    }

    /** A CSV field as the result files write it: as it is, or in double quotes if it holds a comma, quote or line break. */
    public static String csvField(String s) {
        return field(s);
    }

    private static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return Double.toString(x);
    }

    /** A CSV field, quoted if it holds a comma, quote or line break. */
    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void checkLength(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("result " + what + " has " + actual + " entries, expected " + expected);
        }
    }

    /** The exception's cause in words, on one line. */
    private static String reason(Exception e) {
        return IoReason.of(e);
    }
}
