package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.analytic.NernstPotential;

class ExplainCommandTest {
    private static final double T = 310.15;
    private static final int[] Z = {1, 1, -1, -1};
    private static final double[] C_IN = {140, 15, 7, 148};
    private static final double[] C_OUT = {4, 145, 149, 0};
    private static final double[] P_M_S = {1e-9, 4e-11, 4.5e-10, 0};

    @TempDir
    Path tmp;

    private static JsonNode json(String... args) throws Exception {
        Cli.Outcome r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static String neuron() {
        return ExampleFiles.file("neuron-rest").toString();
    }

    @Test
    void neuronReportTellsTheTextbookNumbers() {
        Cli.Outcome r = Cli.run("explain", neuron());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        assertTrue(out.startsWith("Resting neuron"), out);
        for (String expected : new String[] {"-95.02", "+60.63", "-81.73", "-74.16 mV", "(no A outside)",
            "V_T = RT/F = 26.73 mV at 310.15 K", "half the voltage", "K 1 : Na 0.04 : Cl 0.45",
            "Na+ flows in (inward current)", "K+ flows out (outward current)", "Cl− flows in (outward current)",
            "0.9917 µF/cm²", "K+ ions moved out", "Debye length", "a few Debye lengths"}) {
            assertTrue(out.contains(expected), "missing '" + expected + "' in\n" + out);
        }
        // every line with a number has its unit: no bare table without its unit row
        assertTrue(out.contains("mM         mM         mV"), out);
        assertTrue(out.lines().noneMatch(l -> l.endsWith(" ")), "trailing blanks in\n" + out);
    }

    @Test
    void neuronJsonMatchesTheAnalyticFunctions() throws Exception {
        JsonNode j = json("explain", neuron(), "--json");
        assertEquals("Resting neuron", j.get("title").asText());
        // physics.md: E_K = −95.0, E_Na = +60.6, E_Cl = −81.7, GHK V_m = −74.2 mV
        assertEquals(-95.0, j.at("/nernst_mV/K").asDouble(), 0.05);
        assertEquals(60.6, j.at("/nernst_mV/Na").asDouble(), 0.05);
        assertEquals(-81.7, j.at("/nernst_mV/Cl").asDouble(), 0.05);
        assertTrue(j.at("/nernst_mV/A").isNull());
        assertEquals("no A outside", j.at("/nernst_note/A").asText());
        assertEquals(-74.2, j.get("ghk_mV").asDouble(), 0.05);
        for (int i = 0; i < 3; i++) {
            String name = new String[] {"K", "Na", "Cl"}[i];
            assertEquals(NernstPotential.mv(Z[i], C_OUT[i], C_IN[i], T), j.at("/nernst_mV/" + name).asDouble(), 1e-12);
        }
        double ghk = GhkVoltage.mv(Z, P_M_S, C_IN, C_OUT, T);
        assertEquals(ghk, j.get("ghk_mV").asDouble(), 1e-8);
        assertEquals(ghk, j.get("membrane_potential_mV").asDouble(), 1e-8);
        assertEquals("ghk", j.get("membrane_potential_source").asText());
        assertEquals("K", j.get("permeability_reference").asText());
        assertEquals(0.04, j.at("/permeability_ratio/Na").asDouble(), 1e-12);
        assertEquals(0.45, j.at("/permeability_ratio/Cl").asDouble(), 1e-12);

        // driving forces and directions at the GHK voltage
        assertEquals(ghk - NernstPotential.mv(1, 145, 15, T), j.at("/driving_force_mV/Na").asDouble(), 1e-8);
        assertTrue(j.at("/delta_G_J_mol/Na").asDouble() < 0);
        assertEquals("out", j.at("/ion_flow/K").asText());
        assertEquals("in", j.at("/ion_flow/Na").asText());
        assertEquals("in", j.at("/ion_flow/Cl").asText());
        assertEquals("impermeant", j.at("/ion_flow/A").asText());
        assertEquals("outward", j.at("/current_direction/K").asText());
        assertEquals("inward", j.at("/current_direction/Na").asText());
        assertEquals("outward", j.at("/current_direction/Cl").asText());
        double net = 0;
        for (JsonNode current : j.get("ghk_current_A_m2")) {
            net += current.asDouble();
        }
        assertEquals(0.0, net, 1e-12, "the GHK currents cancel at the GHK voltage");

        // the capacitor and the ions that charge it on a 10 µm cell
        double cm = MembraneCapacitor.capacitanceUfPerCm2(5.6, 5);
        assertEquals(cm, j.get("membrane_capacitance_uF_cm2").asDouble(), 1e-12);
        double sigma = MembraneCapacitor.chargeCPerM2(cm, ghk);
        assertEquals(sigma, j.get("membrane_charge_C_m2").asDouble(), 1e-12 * Math.abs(sigma));
        double moved = MembraneCapacitor.ionsMovedOnSphere(sigma, 10, 1);
        double inside = MembraneCapacitor.ionsInSphere(140, 10);
        assertEquals("K", j.get("charge_carrier").asText());
        assertEquals(10.0, j.get("cell_radius_um").asDouble(), 0);
        assertEquals(moved, j.get("ions_moved").asDouble(), 1e-9 * moved);
        assertEquals(inside, j.get("ions_in_cell").asDouble(), 1e-9 * inside);
        assertEquals(moved / inside, j.get("ions_moved_fraction").asDouble(), 1e-9 * moved / inside);
        assertTrue(moved > 1e6 && moved < 1e7, "ions moved: " + moved);
        assertTrue(moved / inside > 5e-6 && moved / inside < 5e-5, "fraction: " + moved / inside);
        assertEquals("out", j.get("ions_moved_direction").asText());
        double series = j.get("series_capacitance_uF_cm2").asDouble();
        assertTrue(series < cm && series > 0.95 * cm, "series " + series + " vs C_m " + cm);

        assertEquals(DebyeLength.nm(80, Z, C_IN, T), j.at("/debye_length_nm/inside").asDouble(), 1e-12);
        assertEquals(DebyeLength.nm(80, Z, C_OUT, T), j.at("/debye_length_nm/outside").asDouble(), 1e-12);
    }

    @Test
    void ionCountGrowsAsTheSquareOfTheRadius() throws Exception {
        JsonNode small = json("explain", neuron(), "--json");
        JsonNode large = json("explain", neuron(), "--json", "--cell-radius-um", "30");
        assertEquals(30.0, large.get("cell_radius_um").asDouble(), 0);
        assertEquals(9.0, large.get("ions_moved").asDouble() / small.get("ions_moved").asDouble(), 1e-12);
        // the cell's content grows as R³, so the fraction falls as 1/R
        assertEquals(1.0 / 3, large.get("ions_moved_fraction").asDouble()
                / small.get("ions_moved_fraction").asDouble(), 1e-12);
        Cli.Outcome r = Cli.run("explain", neuron(), "--cell-radius-um", "30");
        assertTrue(r.out().contains("cell of radius 30 µm"), r.out());
    }

    @Test
    void setOverridesAScenarioKey() throws Exception {
        JsonNode j = json("explain", neuron(), "--json", "--set", "temperature_K=300",
                "--set", "membrane.permeability_cm_s.Na=1e-7");
        assertEquals(300.0, j.get("temperature_K").asDouble(), 0);
        assertEquals(NernstPotential.mv(1, 4, 140, 300), j.at("/nernst_mV/K").asDouble(), 1e-12);
        assertEquals(1.0, j.at("/permeability_ratio/Na").asDouble(), 1e-12);
        double[] p = {1e-9, 1e-9, 4.5e-10, 0};
        assertEquals(GhkVoltage.mv(Z, p, C_IN, C_OUT, 300), j.get("ghk_mV").asDouble(), 1e-8);
    }

    @Test
    void clampsSetTheMembranePotential() throws Exception {
        JsonNode v = json("explain", neuron(), "--json", "--set", "boundary.clamp=voltage",
                "--set", "boundary.voltage_mV=-40");
        assertEquals(-40.0, v.get("membrane_potential_mV").asDouble(), 0);
        assertEquals("voltage_clamp", v.get("membrane_potential_source").asText());
        assertEquals(-74.16, v.get("ghk_mV").asDouble(), 0.01);
        // an injected outward current is carried by the membrane: Σ I_i(V_m) = I, so V_m depolarises
        JsonNode c = json("explain", neuron(), "--json", "--set", "boundary.current_A_m2=0.005");
        assertEquals("current_clamp", c.get("membrane_potential_source").asText());
        double net = 0;
        for (JsonNode current : c.get("ghk_current_A_m2")) {
            net += current.asDouble();
        }
        assertEquals(0.005, net, 1e-12);
        assertTrue(c.get("membrane_potential_mV").asDouble() > -74.16);
    }

    @Test
    void chargedFaceWithoutPermeantIons() throws Exception {
        JsonNode j = json("explain", ExampleFiles.file("gouy-chapman").toString(), "--json");
        assertTrue(j.get("ghk_mV").isNull());
        assertTrue(j.get("ions_moved").isNull());
        assertTrue(j.get("charge_carrier").isNull());
        assertEquals("impermeant", j.at("/ion_flow/Na").asText());
        assertEquals(0.0, j.at("/nernst_mV/Na").asDouble(), 1e-12);
        // README validation case 3a: ψ0 = −48.46 mV at −0.05 C/m² in 150 mM NaCl, 298 K
        assertEquals(-48.46, j.at("/surface_potential_mV/outside").asDouble(), 0.005);
        assertEquals(0.0, j.at("/surface_potential_mV/inside").asDouble(), 0);
        Cli.Outcome r = Cli.run("explain", ExampleFiles.file("gouy-chapman").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("n/a (no permeant species)"), r.out());
        assertTrue(r.out().contains("-48.46 mV"), r.out());
    }

    @Test
    void singlePermeantIonSitsAtItsNernstPotential() throws Exception {
        JsonNode j = json("explain", ExampleFiles.file("nernst-k").toString(), "--json");
        assertEquals(j.at("/nernst_mV/K").asDouble(), j.get("ghk_mV").asDouble(), 1e-8);
        assertEquals("equilibrium", j.at("/ion_flow/K").asText());
        assertEquals("none", j.at("/current_direction/K").asText());
        assertEquals("no Cl inside", j.at("/nernst_note/Cl").asText());
    }

    @Test
    void missingFileIsOneLineAndExit2() {
        Path missing = tmp.resolve("nope.toml");
        Cli.Outcome r = Cli.run("explain", missing.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("pnp: ") && r.err().contains(missing.toString()), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badScenarioIsOneLineAndExit2() throws Exception {
        Path bad = tmp.resolve("bad.toml");
        Files.writeString(bad, Files.readString(ExampleFiles.file("neuron-rest"))
                .replace("thickness_nm = 5", "thicknes_nm = 5"));
        Cli.Outcome r = Cli.run("explain", bad.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("thickness_nm"), r.err());
    }

    @Test
    void badSetAndBadRadiusAreExit2() {
        Cli.Outcome set = Cli.run("explain", neuron(), "--set", "membrane.thickness_nm=-1");
        assertEquals(2, set.code());
        assertEquals(1, set.errLines().size(), set.err());
        Cli.Outcome noEquals = Cli.run("explain", neuron(), "--set", "temperature_K");
        assertEquals(2, noEquals.code());
        assertEquals(1, noEquals.errLines().size(), noEquals.err());
        Cli.Outcome radius = Cli.run("explain", neuron(), "--cell-radius-um", "0");
        assertEquals(2, radius.code());
        assertEquals(1, radius.errLines().size(), radius.err());
        assertTrue(radius.err().contains("--cell-radius-um"), radius.err());
    }

    @Test
    void helpHasExamples() {
        Cli.Outcome r = Cli.run("explain", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:") && r.out().contains("pnp explain"), r.out());
        assertTrue(Cli.run("--help").out().contains("explain"));
    }
}
