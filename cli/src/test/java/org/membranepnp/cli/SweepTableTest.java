package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.scenario.ScenarioLoader;

/** sweep.csv, the console table and the progress line, from hand-made rows (no solver). */
class SweepTableTest {
    private static final String KCL = """
            temperature_K = 310.15
            [[species]]
            name = "K"
            charge = 1
            diffusion_m2_s = 1.96e-9
            [[species]]
            name = "Cl"
            charge = -1
            diffusion_m2_s = 2.03e-9
            [inside]
            width_um = 1
            permittivity = 80
            concentrations_mM = { K = 140, Cl = 140 }
            [outside]
            width_um = 1
            permittivity = 80
            concentrations_mM = { K = 4, Cl = 4 }
            [membrane]
            thickness_nm = 5
            permittivity = 5.6
            permeability_cm_s = { K = 1e-7 }
            """;
    private static final List<String> KEYS = List.of("outside.concentrations_mM.K", "outside.concentrations_mM.Cl");
    private static final List<String> SPECIES = List.of("K", "Cl");

    private static Summary summary(double vm) {
        Scenario s = ScenarioLoader.parse(KCL, "kcl.toml");
        double[] cIn = {140, 140};
        double[] cOut = {4, 4};
        Profiles p = new Profiles(new double[] {0, 1}, new double[] {vm, 0}, new double[][] {{140, 4}, {140, 4}},
                new double[] {0, 0}, 1, 1);
        RunResult r = new RunResult(s, p, null, vm, vm + 1, cIn, cOut, cIn, cOut, new double[] {0, 0}, -7e-4, 1e-9,
                Double.NaN, 3, 1e-12, 0, 0.01, 190);
        return Summary.of(r, Map.of());
    }

    private static Map<String, String> values(String k, String cl) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(KEYS.get(0), k);
        v.put(KEYS.get(1), cl);
        return v;
    }

    private static List<SweepTable.Row> rows() {
        return List.of(new SweepTable.Row(1, values("4.0", "4.0"), summary(-95.0), null),
                new SweepTable.Row(2, values("40.0", "40.0"), null, "Newton did not converge, try more cells"));
    }

    @Test
    void headerNamesThePointTheKeysTheVoltagesAndTheStatus() {
        assertEquals(List.of("point", "outside.concentrations_mM.K", "outside.concentrations_mM.Cl", "membrane_potential_mV",
                "ghk_mV", "nernst_K_mV", "nernst_Cl_mV", "intramembrane_drop_mV", "separated_charge_C_m2",
                "newton_iterations", "status"), SweepTable.header(KEYS, SPECIES));
    }

    @Test
    void csvHasOneRowPerPointAndEmptyFieldsForAFailedOne() {
        List<String> lines = SweepTable.csv(KEYS, SPECIES, rows()).lines().toList();
        assertEquals(3, lines.size());
        assertEquals(String.join(",", SweepTable.header(KEYS, SPECIES)), lines.get(0));
        String[] ok = lines.get(1).split(",", -1);
        assertEquals(11, ok.length, lines.get(1));
        assertEquals("1", ok[0]);
        assertEquals("4.0", ok[1]);
        assertEquals(-95.0, Double.parseDouble(ok[3]), 0);
        assertEquals(-95.0, Double.parseDouble(ok[5]), 0.05); // E_K of 4/140 at 310.15 K, as the Summary has it
        assertEquals(-94.0, Double.parseDouble(ok[7]), 0);
        assertEquals("3", ok[9]);
        assertEquals("ok", ok[10]);
        assertEquals("2,40.0,40.0,,,,,,,,\"failed: Newton did not converge, try more cells\"", lines.get(2));
    }

    @Test
    void consoleTableShowsTheVariedValuesAndTheVoltages() {
        StringWriter out = new StringWriter();
        SweepTable.print(new PrintWriter(out, true), KEYS.subList(0, 1), "K", rows());
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).contains("outside.concentrations_mM.K") && lines.get(0).contains("V_m mV")
                && lines.get(0).contains("GHK mV") && lines.get(0).endsWith("E_K mV"), lines.get(0));
        assertTrue(lines.get(1).contains(" 4.0 ") && lines.get(1).contains("-95.00"), lines.get(1));
        assertTrue(lines.get(2).contains(" 40.0 ") && lines.get(2).endsWith("failed"), lines.get(2));
        assertFalse(out.toString().contains("outside.concentrations_mM.Cl"), "only the varied keys");
    }

    @Test
    void progressLineEstimatesTheTimeLeft() {
        assertEquals("  5/20 points, 2.0 s elapsed, about 6.0 s left", SweepProgress.line(5, 20, 2.0));
        assertEquals("  20/20 points, 8.0 s elapsed", SweepProgress.line(20, 20, 8.0));
        assertEquals("3 min 05 s", SweepProgress.duration(185));
        assertEquals("1 h 02 min", SweepProgress.duration(3720));
    }

    @Test
    void progressPrintsAtMostOncePerSecondOffATerminalAndAlwaysTheLastPoint() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        SweepProgress p = new SweepProgress(new PrintWriter(err, true), 3, true, false, () -> now[0]);
        now[0] = 100_000_000L;
        p.pointDone(); // too soon
        now[0] = 1_200_000_000L;
        p.pointDone();
        p.warn("pnp: warning: point 3 failed");
        now[0] = 1_300_000_000L;
        p.pointDone(); // the last one
        assertEquals(List.of("  2/3 points, 1.2 s elapsed, about 0.6 s left", "pnp: warning: point 3 failed",
                "  3/3 points, 1.3 s elapsed"), err.toString().lines().toList());

        StringWriter quiet = new StringWriter();
        SweepProgress off = new SweepProgress(new PrintWriter(quiet, true), 1, false, false, () -> 5_000_000_000L);
        off.warn("pnp: warning: x");
        off.pointDone();
        assertEquals("pnp: warning: x", quiet.toString().strip());
    }
}
