package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder is complete or clearly not: a refused run leaves nothing, a failed or interrupted one says so in
 * run.json, a finished one says complete, and no temporary folder is left beside it.
 */
class RunFolderTest {
    @TempDir
    Path tmp;

    private Path steady() throws IOException {
        return Files.writeString(tmp.resolve("gouy-chapman.toml"), RunCommandTest.GOUY_CHAPMAN);
    }

    /** The resting neuron as a closed cell running down: a transient that --stop-after-steps can stop. */
    private Path transient1d() throws IOException {
        String text = Files.readString(ExampleFiles.file("neuron-rest"))
                .replace("inside = \"reservoir\"", "inside = \"wall\"")
                .replace("mode = \"steady\"", "mode = \"transient\"\nend_time_s = 5");
        assertTrue(text.contains("inside = \"wall\"") && text.contains("end_time_s = 5"), "example layout changed");
        return Files.writeString(tmp.resolve("rundown.toml"), text);
    }

    private static JsonNode record(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve(RunFolder.RECORD_FILE).toFile());
    }

    /** The names in {@code tmp} that start with a dot: temporary folders left behind. */
    private List<String> hidden() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aRefusedRunLeavesNothing() throws IOException {
        Path out = tmp.resolve("new/parents/out");
        Cli.Outcome badKey = Cli.run("run", steady().toString(), "--out", out.toString(), "--set", "membrane.thicknes_nm=4");
        assertEquals(2, badKey.code(), badKey.err());
        // refused by the solver, after the folder was started: 5 cells cannot resolve the Debye layer
        Cli.Outcome coarse = Cli.run("run", steady().toString(), "--out", out.toString(), "--set", "mesh.cells=5");
        assertEquals(2, coarse.code(), coarse.err());
        assertTrue(coarse.err().contains("mesh.cells"), coarse.err());
        Cli.Outcome steadySnapshots = Cli.run("run", steady().toString(), "--out", out.toString(), "--snapshots", "3");
        assertEquals(2, steadySnapshots.code(), steadySnapshots.err());
        assertFalse(Files.exists(tmp.resolve("new")), "no folder, no parent folders");
        assertEquals(List.of(), hidden());

        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        Cli.Outcome exists = Cli.run("run", steady().toString(), "--out", taken.toString());
        assertEquals(2, exists.code(), exists.err());
        Cli.Outcome notARun = Cli.run("run", steady().toString(), "--out", taken.toString(), "--force");
        assertEquals(2, notARun.code(), notARun.err());
        assertTrue(notARun.err().contains("not a pnp run folder"), notARun.err());
        try (Stream<Path> left = Files.list(taken)) {
            assertEquals(List.of(taken.resolve("notes.txt")), left.toList());
        }
        assertEquals(List.of(), hidden());
    }

    @Test
    void aFailedRunSaysFailedAndARunIntoItNeedsNoForce() throws IOException {
        Path out = tmp.resolve("out");
        // a constant pump of 1e7 cycles/(s µm²) empties the closed cell of Na⁺: there is no steady state
        Cli.Outcome failed = Cli.run("run", ExampleFiles.file("neuron-rest").toString(), "--out", out.toString(),
                "--quiet", "--set", "boundary.inside=wall", "--set", "pump.turnover_per_s_um2=1e7");
        assertEquals(ErrorHandler.EXIT_CONVERGENCE, failed.code(), failed.err());
        JsonNode record = record(out);
        assertEquals("failed", record.path("status").asText());
        assertEquals(failed.err().strip(), "pnp: " + record.path("reason").asText());
        for (String key : List.of("scenario_file", "overrides", "command_line", "code_version")) {
            assertTrue(record.has(key), key);
        }
        assertTrue(Files.exists(out.resolve(RunFolder.SCENARIO_FILE)));
        assertFalse(Files.exists(out.resolve("summary.json")));
        assertEquals(List.of(), hidden());

        Cli.Outcome again = Cli.run("run", ExampleFiles.file("neuron-rest").toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, again.code(), again.err());
        assertEquals("complete", record(out).path("status").asText());
        assertFalse(record(out).has("reason"));
        assertEquals("{ }", record(out).path("overrides").toPrettyString());
        assertEquals(List.of(), hidden());
    }

    @Test
    void anInterruptedRunSaysInterruptedNeedsResumeOrForceAndResumes() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Outcome stopped = Cli.run("run", transient1d().toString(), "--out", out.toString(), "--quiet",
                "--stop-after-steps", "5");
        assertEquals(RunCommand.STOPPED, stopped.code(), stopped.err());
        assertEquals("interrupted", record(out).path("status").asText());
        assertEquals(stopped.err().strip(), "pnp: " + record(out).path("reason").asText());
        assertTrue(Files.exists(out.resolve("checkpoint.bin")));
        assertEquals(List.of(), hidden());

        Cli.Outcome rerun = Cli.run("run", transient1d().toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, rerun.code(), rerun.err());
        assertTrue(rerun.err().contains("interrupted run") && rerun.err().contains("--resume")
                && rerun.err().contains("--force"), rerun.err());
        assertTrue(Files.exists(out.resolve("checkpoint.bin")), "a refused run leaves the folder as it was");

        Cli.Outcome resumed = Cli.run("run", "--resume", out.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals("complete", record(out).path("status").asText());
        assertFalse(record(out).has("reason"));
        assertTrue(Files.exists(out.resolve("timeseries.csv")));
    }

    @Test
    void aCompleteRunSaysCompleteAndForceReplacesTheWholeFolder() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Outcome first = Cli.run("run", steady().toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        JsonNode record = record(out);
        assertEquals("complete", record.path("status").asText());
        assertEquals(List.of("scenario_file", "overrides", "command_line", "code_version", "status"),
                iterable(record.fieldNames()));
        assertFalse(Files.readString(out.resolve("summary.json")).contains("\"status\""), "summary.json unchanged");
        assertEquals(List.of(), hidden());

        Files.writeString(out.resolve("old.txt"), "from before");
        Cli.Outcome forced = Cli.run("run", steady().toString(), "--out", out.toString(), "--quiet", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.exists(out.resolve("old.txt")), "the old folder is replaced as a whole");
        assertEquals("complete", record(out).path("status").asText());
        assertEquals(List.of(), hidden());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    @Test
    void filesAndFoldersGetThePermissionsOfTheUmask() throws IOException {
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain-file")));
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("plain-dir")));
        Path out = tmp.resolve("out");
        Cli.Outcome r = Cli.run("run", transient1d().toString(), "--out", out.toString(), "--quiet",
                "--set", "run.end_time_s=1e-3", "--snapshots", "3");
        assertEquals(0, r.code(), r.err());
        for (String name : List.of("summary.json", "profiles.csv", "timeseries.csv", "run.json", "scenario.toml",
                "snapshots/index.csv")) {
            assertEquals(file, Files.getPosixFilePermissions(out.resolve(name)), name);
        }
        assertEquals(folder, Files.getPosixFilePermissions(out), "the run folder");
        assertEquals(folder, Files.getPosixFilePermissions(out.resolve("snapshots")), "snapshots/");
        if (file.contains(PosixFilePermission.OTHERS_READ)) { // e.g. umask 022
            assertTrue(Files.getPosixFilePermissions(out.resolve("summary.json")).contains(PosixFilePermission.OTHERS_READ));
        }
    }

    @Test
    void aWriteFailurePartWayMarksTheFolderFailedAndTheRunCanBeResumed() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(RunCommand.STOPPED, Cli.run("run", transient1d().toString(), "--out", out.toString(), "--quiet",
                "--stop-after-steps", "5").code());
        // a folder where timeseries.csv is to go: summary.json and profiles.csv are written, then the write fails
        Path obstacle = Files.createDirectories(out.resolve("timeseries.csv"));
        Files.writeString(obstacle.resolve("in-the-way"), "x");
        Cli.Outcome broken = Cli.run("run", "--resume", out.toString(), "--quiet");
        assertEquals(2, broken.code(), broken.err());
        assertTrue(broken.err().contains("cannot write") && broken.err().contains("timeseries.csv"), broken.err());
        assertTrue(Files.exists(out.resolve("summary.json")), "written before the failure");
        JsonNode record = record(out);
        assertEquals("failed", record.path("status").asText());
        assertEquals(broken.err().strip(), "pnp: " + record.path("reason").asText());
        assertTrue(Files.exists(out.resolve("checkpoint.bin")), "kept for another --resume");

        StagedFolder.deleteTree(obstacle);
        Cli.Outcome rerun = Cli.run("run", ExampleFiles.file("neuron-rest").toString(), "--out", out.toString(),
                "--quiet");
        assertEquals(0, rerun.code(), rerun.err());
        assertEquals("complete", record(out).path("status").asText());
    }

    @Test
    void renderSaysInOneLineThatAFailedRunHasNoResults() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(ErrorHandler.EXIT_CONVERGENCE, Cli.run("run", ExampleFiles.file("neuron-rest").toString(), "--out",
                out.toString(), "--quiet", "--set", "boundary.inside=wall", "--set", "pump.turnover_per_s_um2=1e7").code());
        Cli.Outcome r = Cli.run("render", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("holds a failed run") && r.err().contains("no results to show"), r.err());
    }
}
