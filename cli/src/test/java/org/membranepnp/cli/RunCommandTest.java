package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    /**
     * A small 1D steady Gouy–Chapman-like scenario: 150 mM NaCl both sides of an impermeant membrane whose
     * outside face carries −0.05 C/m², screened by a diffuse layer from the outside reservoir.
     */
    static final String GOUY_CHAPMAN = """
            title = "cli test: charged membrane in 150 mM NaCl"
            dimension = 1
            temperature_K = 298.15

            [[species]]
            name = "Na"
            charge = 1
            diffusion_m2_s = 1.33e-9

            [[species]]
            name = "Cl"
            charge = -1
            diffusion_m2_s = 2.03e-9

            [inside]
            width_um = 0.05
            permittivity = 80
            concentrations_mM = { Na = 150, Cl = 150 }

            [outside]
            width_um = 0.05
            permittivity = 80
            concentrations_mM = { Na = 150, Cl = 150 }

            [membrane]
            thickness_nm = 5
            permittivity = 2
            permeability_cm_s = {}
            surface_charge_C_m2 = { inside = 0.0, outside = -0.05 }

            [boundary]
            inside = "reservoir"
            outside = "reservoir"

            [mesh]
            cells = 200

            [run]
            mode = "steady"
            """;

    @TempDir
    Path tmp;

    private Path scenario() throws IOException {
        Path f = tmp.resolve("gouy-chapman.toml");
        Files.writeString(f, GOUY_CHAPMAN);
        return f;
    }

    @Test
    void missingScenarioFileIsExit2NamingThePath() {
        Path missing = tmp.resolve("no-such-scenario.toml");
        Cli.Outcome r = Cli.run("run", missing.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("pnp: "), r.err());
        assertTrue(r.err().contains(missing.toString()), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void existingNonEmptyOutputFolderWithoutForceIsExit2BeforeAnyWork() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path old = Files.writeString(out.resolve("summary.json"), "{\"old\": true}");
        // a scenario that would fail to load: the folder check must come first
        Path bad = Files.writeString(tmp.resolve("bad.toml"), "this is not toml = = =");
        Cli.Outcome r = Cli.run("run", bad.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--force"), r.err());
        assertTrue(r.err().contains(out.toString()), r.err());
        assertEquals("{\"old\": true}", Files.readString(old));
    }

    @Test
    void outputPathThatIsAFileIsExit2() throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "x");
        Cli.Outcome r = Cli.run("run", scenario().toString(), "--out", file.toString(), "--force");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void setWithoutEqualsSignIsExit2() throws IOException {
        Cli.Outcome r = Cli.run("run", scenario().toString(), "--out", tmp.resolve("out").toString(),
                "--set", "temperature_K");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--set"), r.err());
        assertTrue(r.err().contains("see pnp run --help"), r.err());
    }

    @Test
    void nonPositiveThreadsIsExit2() throws IOException {
        Cli.Outcome r = Cli.run("run", scenario().toString(), "--threads", "0");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--threads"), r.err());
    }

    @Test
    void quietAndVerboseTogetherIsExit2() throws IOException {
        Cli.Outcome r = Cli.run("run", scenario().toString(), "--quiet", "--verbose");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void defaultOutputFolderIsResultsSlashFileStem() {
        assertEquals(Paths.get("results", "neuron-rest"), RunCommand.defaultOutDir(Paths.get("examples/neuron-rest.toml")));
        assertEquals(Paths.get("results", "a.b"), RunCommand.defaultOutDir(Paths.get("/x/a.b.toml")));
        assertEquals(Paths.get("results", "plain"), RunCommand.defaultOutDir(Paths.get("plain")));
    }

    @Test
    void commandLineIsQuotedForTheShell() {
        assertEquals("--set", RunCommand.shellQuote("--set"));
        assertEquals("a.b=1e-3", RunCommand.shellQuote("a.b=1e-3"));
        assertEquals("'a b'", RunCommand.shellQuote("a b"));
        assertEquals("'it'\"'\"'s'", RunCommand.shellQuote("it's"));
        assertEquals("''", RunCommand.shellQuote(""));
    }

    @Test
    void unknownScenarioKeyInSetIsExit2() throws IOException {
        Cli.Outcome r = Cli.run("run", scenario().toString(), "--out", tmp.resolve("out").toString(),
                "--set", "membrane.thicknes_nm=4");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("pnp: "), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    // ---- the tests below need a working solver -------------------------------------------------------

    @Test
    void runWritesTheResultFilesAndPrintsTheSummary() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Outcome r = Cli.run("run", scenario().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("summary.json")));
        assertTrue(Files.isRegularFile(out.resolve("profiles.csv")));
        for (String s : new String[] {"cli test: charged membrane", "membrane potential V_m", "Nernst", "GHK",
            "Debye length", "C_m", "separated charge", "bulk electroneutrality", "conservation error",
            "Newton iterations", "wall time", out.toString()}) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in:\n" + r.out());
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode provenance = summary.path("provenance");
        assertEquals(scenario().toAbsolutePath().normalize().toString(), provenance.path("scenario_file").asText());
        assertTrue(provenance.path("command_line").asText().startsWith("pnp run "), provenance.toString());
        assertEquals(VersionProvider.version(), provenance.path("code_version").asText());
        assertFalse(provenance.path("java_version").asText().isEmpty());
        assertFalse(provenance.path("started_at").asText().isEmpty());
        // the inside stays neutral, so V_m is the (negative) surface potential of the outside diffuse layer
        double vm = summary.path("membrane_potential_mV").asDouble();
        assertTrue(vm < 0 && vm > -100, "V_m = " + vm);
    }

    @Test
    void setOverridesAScenarioKey() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Outcome r = Cli.run("run", scenario().toString(), "--out", out.toString(), "--quiet",
                "--set", "temperature_K=310.15", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(310.15, summary.path("temperature_K").asDouble(), 1e-12);
    }

    @Test
    void forceOverwritesAnExistingOutputFolder() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("summary.json"), "{}");
        Cli.Outcome r = Cli.run("run", scenario().toString(), "--out", out.toString(), "--force", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("membrane_potential_mV"));
    }
}
