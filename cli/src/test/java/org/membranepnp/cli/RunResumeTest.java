package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transient stopped as by Ctrl-C and continued with --resume gives the same files as an uninterrupted run. */
class RunResumeTest {
    @TempDir
    Path tmp;

    /**
     * A closed cell (inside wall) charging and running down for 50 s: examples/neuron-rest.toml with the inside
     * closed and a transient, written out as one scenario file (a resumed run cannot take --set).
     */
    private Path scenario() throws IOException {
        String text = Files.readString(ExampleFiles.file("neuron-rest"))
                .replace("inside = \"reservoir\"", "inside = \"wall\"")
                .replace("mode = \"steady\"", "mode = \"transient\"\nend_time_s = 50");
        assertTrue(text.contains("inside = \"wall\"") && text.contains("end_time_s = 50"), "example layout changed");
        Path file = tmp.resolve("rundown.toml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void stoppedRunResumesToTheSameResults() throws IOException {
        Path file = scenario();
        Path whole = tmp.resolve("whole");
        Path parts = tmp.resolve("parts");
        assertEquals(0, Cli.run("run", file.toString(), "--out", whole.toString(), "--quiet").code());

        Cli.Outcome stopped = Cli.run("run", file.toString(), "--out", parts.toString(), "--quiet",
                "--stop-after-steps", "25");
        assertEquals(RunCommand.STOPPED, stopped.code(), stopped.err());
        assertTrue(stopped.err().contains("pnp run --resume"), stopped.err());
        assertEquals(1, stopped.errLines().size(), stopped.err());
        assertTrue(Files.exists(parts.resolve("checkpoint.bin")));
        assertFalse(Files.exists(parts.resolve("summary.json")), "no result files for an unfinished run");

        Cli.Outcome resumed = Cli.run("run", "--resume", parts.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertFalse(Files.exists(parts.resolve("checkpoint.bin")), "checkpoint removed once finished");
        assertEquals(Files.readString(whole.resolve("timeseries.csv")), Files.readString(parts.resolve("timeseries.csv")));
        assertEquals(Files.readString(whole.resolve("profiles.csv")), Files.readString(parts.resolve("profiles.csv")));
        String summary = Files.readString(parts.resolve("summary.json"));
        assertTrue(summary.contains("\"resumed_at\""), summary);
        assertTrue(summary.contains("\"scenario_toml\""), summary);
        assertEquals(Files.readString(file), Files.readString(parts.resolve("scenario.toml")));
    }

    @Test
    void resumeNeedsARunFolderAndNoOtherScenarioOptions() throws IOException {
        Path file = scenario();
        Cli.Outcome notAFolder = Cli.run("run", "--resume", tmp.resolve("nothing-here").toString());
        assertEquals(2, notAFolder.code());
        assertTrue(notAFolder.err().contains("run.json"), notAFolder.err());

        Path dir = tmp.resolve("d");
        assertEquals(RunCommand.STOPPED, Cli.run("run", file.toString(), "--out", dir.toString(), "--quiet",
                "--stop-after-steps", "3").code());
        Cli.Outcome withSet = Cli.run("run", "--resume", dir.toString(), "--set", "temperature_K=300");
        assertEquals(2, withSet.code());
        assertTrue(withSet.err().contains("--set"), withSet.err());

        Cli.Outcome both = Cli.run("run", file.toString(), "--resume", dir.toString());
        assertEquals(2, both.code());
        Cli.Outcome neither = Cli.run("run");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--resume"), neither.err());
    }

    @Test
    void finishedRunHasNoCheckpointToResume() throws IOException {
        Path dir = tmp.resolve("done");
        assertEquals(0, Cli.run("run", scenario().toString(), "--out", dir.toString(), "--quiet").code());
        Cli.Outcome again = Cli.run("run", "--resume", dir.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("no checkpoint"), again.err());
    }

    @Test
    void snapshotsOfTheChargingMembraneAreWrittenWithAnIndex() throws IOException {
        Path dir = tmp.resolve("frames");
        Cli.Outcome o = Cli.run("run", scenario().toString(), "--out", dir.toString(), "--quiet", "--snapshots", "12");
        assertEquals(0, o.code(), o.err());
        java.util.List<String> index = Files.readAllLines(dir.resolve("snapshots/index.csv"));
        assertEquals("frame,time_s,membrane_potential_mV,file", index.get(0));
        assertEquals(13, index.size(), "12 frames: " + index);
        double previous = -1;
        for (String line : index.subList(1, index.size())) {
            String[] f = line.split(",");
            double t = Double.parseDouble(f[1]);
            assertTrue(t > previous, "times increase: " + index);
            previous = t;
            java.util.List<String> frame = Files.readAllLines(dir.resolve("snapshots").resolve(f[3]));
            assertEquals(Files.readAllLines(dir.resolve("profiles.csv")).get(0), frame.get(0), "profiles.csv columns");
        }
        assertEquals(0.0, Double.parseDouble(index.get(1).split(",")[1]), 0.0, "first frame at t = 0");
        assertEquals(50.0, previous, 1e-9, "last frame at the end");
        assertEquals(2, Cli.run("run", scenario().toString(), "--out", tmp.resolve("x").toString(), "--snapshots", "1")
                .code());
    }

    @Test
    void aTwoDimensionalTransientWritesSnapshotsAndRendersAndResumesExactly() throws IOException {
        Path dir = tmp.resolve("k2d");
        Cli.Outcome o = Cli.run("run", ExampleFiles.file("k-channel-2d-charging").toString(), "--set",
                "run.end_time_s=2e-8", "--out", dir.toString(), "--quiet", "--snapshots", "4", "--render");
        assertEquals(0, o.code(), o.err());
        java.util.List<String> index = Files.readAllLines(dir.resolve("snapshots/index.csv"));
        assertEquals(5, index.size(), "4 frames: " + index);
        assertEquals(2e-8, Double.parseDouble(index.get(4).split(",")[1]), 1e-20, "last frame at the end");
        for (String f : new String[] {"timeseries.csv", "fields.csv", "field-charge.png", "profiles.csv"}) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        Path part = tmp.resolve("k2d-stopped");
        Cli.Outcome stopped = Cli.run("run", ExampleFiles.file("k-channel-2d-charging").toString(), "--set",
                "run.end_time_s=2e-8", "--out", part.toString(), "--quiet", "--stop-after-steps", "2");
        assertEquals(RunCommand.STOPPED, stopped.code(), stopped.err());
        assertEquals(1, stopped.errLines().size(), stopped.err());
        assertTrue(stopped.err().contains("pnp run --resume"), stopped.err());
        assertTrue(Files.exists(part.resolve("checkpoint.bin")));
        assertFalse(Files.exists(part.resolve("summary.json")), "no result files for an unfinished run");
        assertTrue(Files.readString(part.resolve("run.json")).contains("\"status\" : \"interrupted\""));
        Cli.Outcome resumed = Cli.run("run", "--resume", part.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertFalse(Files.exists(part.resolve("checkpoint.bin")), "checkpoint removed once finished");
        // the run above went through without a stop (its snapshots and figures do not touch the steps): the resumed
        // run's results are byte-identical to it
        for (String f : new String[] {"timeseries.csv", "fields.csv", "profiles.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(part.resolve(f)), f);
        }
    }
}
