package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.result.ParticleFiles;
import org.membranepnp.engine.result.ParticleSnapshots;

/** pnp run with a [particles] table: particles.csv, the summary keys, the seed, stale files, errors. */
class ParticleRunCommandTest {
    @TempDir
    Path tmp;

    private static final String[] SMALL = {"--set", "particles.count=400", "--set", "particles.duration_s=1e-10",
        "--set", "particles.snapshots=4"};

    private Cli.Outcome run(Path out, String... extra) {
        String[] args = new String[4 + SMALL.length + extra.length];
        args[0] = "run";
        args[1] = ExampleFiles.file("particles-gouy-chapman").toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(SMALL, 0, args, 4, SMALL.length);
        System.arraycopy(extra, 0, args, 4 + SMALL.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void runWritesParticlesAndTheirSummaryKeys() throws Exception {
        Path out = tmp.resolve("gc");
        Cli.Outcome r = run(out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Brownian particles"), r.out());
        assertTrue(r.out().contains("400 ions, time step 1.000e-12 s"), r.out());
        List<String> lines = Files.readAllLines(out.resolve("particles.csv"));
        assertEquals("snapshot,time_s,species,x_nm,y_nm", lines.get(0));
        assertEquals(1 + 400 * 5, lines.size());
        ParticleSnapshots s = ParticleFiles.read(out);
        assertEquals(List.of("Na", "Cl"), s.species());
        assertEquals(2.5e-11, s.timeS()[1], 1e-24);
        assertEquals(1e-10, s.timeS()[4], 1e-24);
        for (double[] x : s.xNm()) {
            for (double v : x) {
                assertFalse(v > 20 && v < 25, "a particle in the membrane at x = " + v);
            }
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(400, summary.get("particle_count").intValue());
        assertEquals(1e-12, summary.get("particle_time_step_s").doubleValue(), 0);
        assertEquals(1, summary.get("provenance").get("seed").longValue());
        assertTrue(r.err().contains("particles: snapshot 4 of 4"), r.err());
    }

    @Test
    void sameSeedSameFileForAnyThreadCountAndAnotherSeedDiffers() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Path other = tmp.resolve("other");
        assertEquals(0, run(one, "--quiet").code());
        assertEquals(0, run(two, "--quiet", "--threads", "2").code());
        Cli.Outcome r = run(other, "--quiet", "--set", "particles.seed=2");
        assertEquals(0, r.code());
        assertEquals("", r.err(), "--quiet prints no particle progress");
        assertEquals(Files.readString(one.resolve("particles.csv")), Files.readString(two.resolve("particles.csv")));
        assertFalse(Files.readString(one.resolve("particles.csv")).equals(Files.readString(other.resolve("particles.csv"))));
    }

    @Test
    void aForcedRunWithoutParticlesRemovesTheOldFile() {
        Path out = tmp.resolve("gc");
        assertEquals(0, run(out, "--quiet").code());
        assertTrue(Files.exists(out.resolve("particles.csv")));
        Cli.Outcome r = Cli.run("run", ExampleFiles.file("gouy-chapman").toString(), "--out", out.toString(), "--force",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("particles.csv")));
    }

    @Test
    void runWithRenderDrawsTheParticles() {
        Path out = tmp.resolve("drawn");
        Cli.Outcome r = run(out, "--render", "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"profile.png", "particles.png", "particles.gif"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
    }

    @Test
    void badParticleValueIsOneLineExit2() {
        Cli.Outcome r = run(tmp.resolve("bad"), "--set", "particles.time_step_s=1e-9");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("particles.time_step_s = 1e-9: too coarse: Cl would move 2.01 nm rms per step"),
                r.err());
        assertFalse(Files.exists(tmp.resolve("bad").resolve("particles.csv")));
    }
}
