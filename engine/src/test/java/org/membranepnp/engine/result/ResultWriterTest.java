package org.membranepnp.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;

class ResultWriterTest {
    @TempDir
    Path tmp;

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static double parse(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    @Test
    void writesSteadyResultIntoANewFolder() throws IOException {
        Path out = tmp.resolve("a/b/run1");
        RunResult r = TestRuns.steady();
        List<Path> written = ResultWriter.writeAll(out, r, Map.of("code_version", "0.1.0"), false);
        assertEquals(List.of(out.resolve("summary.json"), out.resolve("profiles.csv")), written);
        assertEquals(Set.of("summary.json", "profiles.csv"), names(out)); // no temporary file left

        JsonNode summary = ResultWriter.readSummary(out.resolve("summary.json"));
        assertEquals(r.membranePotentialMv(), summary.get("membrane_potential_mV").doubleValue(), 0.0);
        assertEquals("0.1.0", summary.get("provenance").get("code_version").asText());
        String text = Files.readString(out.resolve("summary.json"));
        assertTrue(text.contains("\n  \"title\""), "pretty-printed");

        List<String> lines = Files.readAllLines(out.resolve("profiles.csv"), StandardCharsets.UTF_8);
        assertEquals("x_nm,potential_mV,c_K_mM,c_Cl_mM,charge_density_C_m3", lines.get(0));
        assertEquals(1 + r.profiles().nodeCount(), lines.size());
        Profiles p = r.profiles();
        for (int k = 0; k < p.nodeCount(); k++) {
            String[] f = lines.get(k + 1).split(",", -1);
            assertEquals(5, f.length);
            // exact round trip of every number
            assertEquals(p.xNm()[k], parse(f[0]), 0.0);
            assertEquals(p.potentialMv()[k], parse(f[1]), 0.0);
            assertEquals(p.concentrationsMm()[0][k], parse(f[2]), 0.0);
            assertEquals(p.concentrationsMm()[1][k], parse(f[3]), 0.0);
            assertEquals(p.chargeDensityCPerM3()[k], parse(f[4]), 0.0);
        }
    }

    @Test
    void writesTimeSeriesOfATransientRun() throws IOException {
        Path out = tmp.resolve("transient");
        RunResult r = TestRuns.transientWithGaps();
        ResultWriter.writeAll(out, r, Map.of(), false);
        assertEquals(Set.of("summary.json", "profiles.csv", "timeseries.csv"), names(out));
        List<String> lines = Files.readAllLines(out.resolve("timeseries.csv"), StandardCharsets.UTF_8);
        assertEquals("time_s,membrane_potential_mV,I_K_A_m2,I_Cl_A_m2", lines.get(0));
        TimeSeries ts = r.timeSeries();
        assertEquals(1 + ts.sampleCount(), lines.size());
        for (int k = 0; k < ts.sampleCount(); k++) {
            String[] f = lines.get(k + 1).split(",", -1);
            assertEquals(ts.timeS()[k], parse(f[0]), 0.0);
            assertEquals(ts.membranePotentialMv()[k], parse(f[1]), 0.0);
            assertEquals(ts.currentsAPerM2()[0][k], parse(f[2]), 0.0);
            assertEquals(ts.currentsAPerM2()[1][k], parse(f[3]), 0.0);
        }
        assertTrue(lines.get(3).endsWith(",inf"));
        assertTrue(Files.readAllLines(out.resolve("profiles.csv")).get(2).endsWith(",NaN"));
        String json = Files.readString(out.resolve("summary.json"));
        assertFalse(json.contains("NaN") || json.contains("Infinity"));
        assertTrue(ResultWriter.readSummary(out.resolve("summary.json")).get("conservation_error").isNull());
    }

    @Test
    void refusesANonEmptyFolderWithoutForce() throws IOException {
        Path out = tmp.resolve("busy");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "keep me");
        UserInputException e = assertThrows(UserInputException.class,
                () -> ResultWriter.writeAll(out, TestRuns.steady(), Map.of(), false));
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("pass --force to overwrite"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(Set.of("notes.txt"), names(out));
    }

    @Test
    void acceptsAnEmptyExistingFolder() throws IOException {
        Path out = tmp.resolve("empty");
        Files.createDirectories(out);
        ResultWriter.writeAll(out, TestRuns.steady(), Map.of(), false);
        assertEquals(Set.of("summary.json", "profiles.csv"), names(out));
    }

    @Test
    void overwritesWithForce() throws IOException {
        Path out = tmp.resolve("again");
        ResultWriter.writeAll(out, TestRuns.transientWithGaps(), Map.of(), false);
        assertThrows(UserInputException.class, () -> ResultWriter.writeAll(out, TestRuns.steady(), Map.of(), false));
        ResultWriter.writeAll(out, TestRuns.steady(), Map.of("run", 2), true);
        JsonNode s = ResultWriter.readSummary(out.resolve("summary.json"));
        assertEquals(TestRuns.steady().membranePotentialMv(), s.get("membrane_potential_mV").doubleValue(), 0.0);
        assertEquals(2, s.get("provenance").get("run").intValue());
        // the stale time series of the earlier transient run is gone; nothing temporary is left
        assertEquals(Set.of("summary.json", "profiles.csv"), names(out));
    }

    @Test
    void unwritablePathsGiveOneLineUserErrors() throws IOException {
        Path file = tmp.resolve("plain.txt");
        Files.writeString(file, "x");
        UserInputException notAFolder = assertThrows(UserInputException.class,
                () -> ResultWriter.writeAll(file, TestRuns.steady(), Map.of(), true));
        assertTrue(notAFolder.getMessage().contains(file.toString()));
        UserInputException underAFile = assertThrows(UserInputException.class,
                () -> ResultWriter.writeAll(file.resolve("sub"), TestRuns.steady(), Map.of(), false));
        assertTrue(underAFile.getMessage().startsWith("cannot create output folder"), underAFile.getMessage());
        assertFalse(underAFile.getMessage().contains("\n"));
    }

    @Test
    void readSummaryReportsMissingAndBrokenFiles() throws IOException {
        UserInputException missing = assertThrows(UserInputException.class,
                () -> ResultWriter.readSummary(tmp.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("nope.json"));
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"title\": ");
        UserInputException bad = assertThrows(UserInputException.class, () -> ResultWriter.readSummary(broken));
        assertFalse(bad.getMessage().contains("\n"), bad.getMessage());
        Path empty = tmp.resolve("empty.json");
        Files.writeString(empty, "");
        assertThrows(UserInputException.class, () -> ResultWriter.readSummary(empty));
    }

    @Test
    void csvHelpersWriteNumbersAndFieldsLikeTheResultFiles() {
        assertEquals("0.1", ResultWriter.csvNumber(0.1));
        assertEquals("1.0E-9", ResultWriter.csvNumber(1e-9));
        assertEquals(-74.15912345678901, parse(ResultWriter.csvNumber(-74.15912345678901)), 0);
        assertEquals("NaN", ResultWriter.csvNumber(Double.NaN));
        assertEquals("inf", ResultWriter.csvNumber(Double.POSITIVE_INFINITY));
        assertEquals("-inf", ResultWriter.csvNumber(Double.NEGATIVE_INFINITY));
        assertEquals("outside.concentrations_mM.K", ResultWriter.csvField("outside.concentrations_mM.K"));
        assertEquals("\"failed: a, b\"", ResultWriter.csvField("failed: a, b"));
        assertEquals("\"say \"\"hi\"\"\"", ResultWriter.csvField("say \"hi\""));
        assertEquals("\"a\nb\"", ResultWriter.csvField("a\nb"));
    }
}
