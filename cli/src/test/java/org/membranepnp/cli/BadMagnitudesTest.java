package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.solver.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Values outside a key's physical range, and meshes too large for the heap, are bad input: {@code pnp run},
 * {@code sweep} and {@code explain} exit 2 with one line naming the key, the value and the valid range.
 */
class BadMagnitudesTest {
    @TempDir
    Path tmp;

    /** Asserts exit 2 and one stderr line "pnp: …" holding every part, without a stack trace. */
    private static String assertBadInput(Cli.Outcome r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("pnp: "), line);
        assertFalse(r.err().contains("Exception") || r.err().contains("Error") || r.err().contains("\tat "), r.err());
        for (String p : parts) {
            assertTrue(line.contains(p), "expected '" + p + "' in: " + line);
        }
        return line;
    }

    private Cli.Outcome run(String example, String... sets) {
        String[] args = new String[4 + 2 * sets.length];
        args[0] = "run";
        args[1] = ExampleFiles.file(example).toString();
        args[2] = "--out";
        args[3] = tmp.resolve("out").toString();
        for (int i = 0; i < sets.length; i++) {
            args[4 + 2 * i] = "--set";
            args[5 + 2 * i] = sets[i];
        }
        return Cli.run(args);
    }

    /** For each (--set text, message part) of {@code pairs}: pnp run EXAMPLE --set … is bad input naming it. */
    private void assertRunsRefused(String example, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            assertBadInput(run(example, pairs[i]), pairs[i + 1]);
        }
    }

    private void assertNoRunFolder() {
        assertFalse(Files.exists(tmp.resolve("out")), "no output folder for bad input");
    }

    @Test
    void temperature() {
        assertRunsRefused("neuron-rest",
                "temperature_K=1e308", "neuron-rest.toml (--set): temperature_K = 1e308: must be from 200 to 400 K;");
        assertBadInput(Cli.run("explain", ExampleFiles.file("neuron-rest").toString(), "--set", "temperature_K=1e308"),
                "temperature_K = 1e308: must be from 200 to 400 K;");
        assertBadInput(Cli.run("explain", ExampleFiles.file("nernst-k-cold").toString(), "--set", "temperature_C=-300"),
                "temperature_C = -300: must be from -73.15 to 126.85 °C;");
        assertNoRunFolder();
    }

    @Test
    void widthsAndThickness() {
        assertRunsRefused("neuron-rest",
                "inside.width_um=1e300", "inside.width_um = 1e300: must be from 0.001 to 10000 µm;",
                "membrane.thickness_nm=1e-3", "membrane.thickness_nm = 0.001: must be from 0.5 to 100 nm;");
        assertNoRunFolder();
    }

    @Test
    void concentrations() {
        assertRunsRefused("neuron-rest",
                "outside.concentrations_mM.K=1e300", "outside.concentrations_mM.K = 1e300: must be from 0 to 10000 mM;");
        assertRunsRefused("rundown-with-pump",
                "pump.km_Na_in_mM=-1", "pump.km_Na_in_mM = -1: must be in (0, 10000] mM;");
    }

    @Test
    void permeabilitiesAndDiffusion() {
        assertRunsRefused("neuron-rest",
                "species.K.diffusion_m2_s=1e300", "species.K.diffusion_m2_s = 1e300: must be from 1e-14 to 1e-6 m²/s;",
                "membrane.permeability_cm_s.Na=1e300", "membrane.permeability_cm_s.Na = 1e300: must be from 0 to 1 cm/s;");
        assertBadInput(Cli.run("explain", ExampleFiles.file("neuron-rest").toString(), "--set",
                        "membrane.permeability_cm_s.K=-1"),
                "membrane.permeability_cm_s.K = -1: must be from 0 to 1 cm/s;");
    }

    @Test
    void chargesVoltagesAndCurrents() {
        assertRunsRefused("gouy-chapman",
                "membrane.surface_charge_C_m2.outside=-1e300",
                "membrane.surface_charge_C_m2.outside = -1e300: must be from -1 to 1 C/m²;");
        assertRunsRefused("neuron-rest",
                "boundary.current_A_m2=1e300", "boundary.current_A_m2 = 1e300: must be from -1000 to 1000 A/m²;");
        assertBadInput(run("neuron-rest", "boundary.clamp=voltage", "boundary.voltage_mV=1e6"),
                "boundary.voltage_mV = 1000000: must be from -2000 to 2000 mV;");
        assertRunsRefused("neuron-rest",
                "species.Na.charge=1e9", "species.Na.charge = 1e9: must be from -6 to 6;");
    }

    @Test
    void meshCellsOutOfRange() {
        assertRunsRefused("neuron-rest",
                "mesh.cells=1e9", "neuron-rest.toml (--set): mesh.cells = 1e9: must be 0 (automatic) or from 40 to 5e6;");
        assertNoRunFolder();
    }

    @Test
    void meshTooLargeForTheHeap() {
        // 4e6 cells of a 2-D pore need about 27 GB (GMRES vectors and multigrid), far beyond a test JVM's heap
        Map<String, String> set = Map.of("mesh.cells", "4000000");
        long need = Simulation.heapBudget(ScenarioLoader.load(ExampleFiles.file("k-channel-2d"), set)).bytes();
        assumeTrue(need > Runtime.getRuntime().maxMemory(), "this JVM's heap would hold the mesh");
        String line = assertBadInput(run("k-channel-2d", "mesh.cells=4000000"), "pnp: mesh.cells = 4000000 needs about ",
                " GB of memory, more than the Java heap of ", "use fewer cells (at most about ",
                "or give Java more memory, e.g. PNP_JAVA_OPTS=-Xmx");
        assertTrue(line.matches(".*needs about \\d+\\.\\d GB.*-Xmx\\d+g.*"), line);
        assertNoRunFolder();
        // a sweep whose every point is too large refuses before any solve
        Cli.Outcome sweep = Cli.run("sweep", ExampleFiles.file("k-channel-2d").toString(), "--vary",
                "mesh.cells=4000000,5000000", "--out", tmp.resolve("sweep").toString());
        assertBadInput(sweep, "--vary mesh.cells=4000000,5000000: mesh.cells = 4000000 needs about ");
        assertFalse(Files.exists(tmp.resolve("sweep").resolve("sweep.csv")));
    }

    @Test
    void meshTolerance() {
        assertRunsRefused("neuron-rest",
                "mesh.tolerance_mV=1e300", "mesh.tolerance_mV = 1e300: must be from 1e-7 to 10 mV;",
                "mesh.tolerance_mV=0", "mesh.tolerance_mV = 0: must be from 1e-7 to 10 mV;");
    }

    @Test
    void timesAndTolerances() {
        assertRunsRefused("sodium-surge",
                "run.end_time_s=1e300", "run.end_time_s = 1e300: must be in (0, 1e6] s;",
                "run.relative_tolerance=5", "run.relative_tolerance = 5: must be in (0, 0.1];",
                "schedule[1].time_s=[0, 1e300]", "schedule[1].time_s = [0, 1e300]: element 2 is 1e300, but a time must be from -1e6 to 1e6 s;");
    }

    @Test
    void planeAndParticleKeys() {
        assertRunsRefused("k-channel-2d",
                "lateral.height_nm=1e300", "lateral.height_nm = 1e300: must be from 0.1 to 10000 nm;",
                "channel[1].fixed_charge_mM=1e300", "channel[1].fixed_charge_mM = 1e300: must be from -10000 to 10000 mM;",
                "channel[1].permeability_cm_s.K=1e300", "channel[1].permeability_cm_s.K = 1e300: must be from 0 to 1000 cm/s;");
        assertRunsRefused("particles-gouy-chapman",
                "particles.count=1e300", "particles.count = 1e300: must be from 1 to 1e6;",
                "particles.seed=-1", "particles.seed = -1: must be from 0 to 9223372036854775807;");
    }

    @Test
    void aSweepOutOfRangeEverywhereIsBadInput() {
        Cli.Outcome r = Cli.run("sweep", ExampleFiles.file("neuron-rest").toString(), "--vary", "temperature_K=1e300,1e301",
                "--out", tmp.resolve("sweep").toString());
        assertBadInput(r, "--vary temperature_K=1e300,1e301: ", "temperature_K = 1e300: must be from 200 to 400 K;");
    }

    /** A command that runs out of memory on the main thread. */
    @Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfMemoryAnywayIsOneLine() {
        StringWriter err = new StringWriter();
        CommandLine cl = PnpCommand.configure(new CommandLine(new Hungry())).setErr(new PrintWriter(err, true));
        assertBadInput(new Cli.Outcome(cl.execute(), "", err.toString()), "pnp: out of memory: this run needs more than "
                + "the Java heap of ", "use fewer mesh cells (mesh.cells), particles or snapshots", "PNP_JAVA_OPTS=-Xmx");
        // in a sweep's worker thread
        Cli.Outcome r = Cli.run(c -> ((SweepCommand) c.getSubcommands().get("sweep").getCommand()).solver = s -> {
            throw new OutOfMemoryError("Java heap space");
        }, "sweep", ExampleFiles.file("neuron-rest").toString(), "--vary", "temperature_K=300,310", "--out",
                tmp.resolve("sweep").toString());
        assertBadInput(r, "pnp: out of memory: this run needs more than the Java heap of ");
    }

    @Test
    void everyShippedExampleStillLoadsAndExplains() throws IOException {
        try (var files = Files.newDirectoryStream(ExampleFiles.folder(), "*.toml")) {
            for (Path f : files) {
                Cli.Outcome r = Cli.run("explain", f.toString());
                assertEquals(0, r.code(), f + ": " + r.err());
                Simulation.heapBudget(ScenarioLoader.load(f)).check();
            }
        }
    }
}
