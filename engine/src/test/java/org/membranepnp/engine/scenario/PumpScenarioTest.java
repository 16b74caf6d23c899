package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.membranepnp.engine.scenario.ScenarioText.SOURCE;
import static org.membranepnp.engine.scenario.ScenarioText.VALID;
import static org.membranepnp.engine.scenario.ScenarioText.assertAtLineOf;
import static org.membranepnp.engine.scenario.ScenarioText.assertContains;
import static org.membranepnp.engine.scenario.ScenarioText.fails;
import static org.membranepnp.engine.scenario.ScenarioText.lineOf;
import static org.membranepnp.engine.scenario.ScenarioText.with;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.Scenario;

/** The optional {@code [pump]} table: both ways to give the rate, defaults, every error, overrides. */
class PumpScenarioTest {

    /** {@link ScenarioText#VALID} with a {@code [pump]} table holding {@code body} at the end. */
    private static String withPump(String body) {
        return VALID + "\n[pump]\n" + body;
    }

    private static Scenario parse(String text) {
        return ScenarioLoader.parse(text, SOURCE);
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    // ---- valid tables ----

    @Test
    void noPumpTableMeansNoPump() {
        Scenario s = parse(VALID);
        assertSame(NaKPump.NONE, s.pump());
        assertFalse(s.pump().present());
    }

    @Test
    void turnoverFormWithDefaults() {
        NaKPump p = parse(withPump("turnover_per_s_um2 = 3000\n")).pump();
        assertEquals(new NaKPump(3000, false, 1.5, 10, "Na", "K"), p);
        assertTrue(p.present());
    }

    @Test
    void currentFormIsConvertedToTurnover() {
        NaKPump p = parse(withPump("current_A_m2 = 5e-4\n")).pump();
        assertEquals(NaKPump.turnoverForCurrent(5e-4), p.turnoverPerSUm2(), 0);
        assertEquals(3120.75, p.turnoverPerSUm2(), 0.01);
        // back to the current: F · J_max
        assertEquals(5e-4, org.membranepnp.engine.units.PhysicalConstants.FARADAY_C_PER_MOL * p.maxCycleFluxMolPerM2S(), 1e-15);
        assertFalse(p.saturating());
    }

    @Test
    void allKeysGiven() {
        String text = VALID.replace("name = \"Na\"", "name = \"Na+\"").replace("Na = ", "\"Na+\" = ")
                + "\n[pump]\nturnover_per_s_um2 = 1e4\nsaturating = true\nkm_K_out_mM = 2\nkm_Na_in_mM = 12.5\n"
                + "sodium = \"Na+\"\npotassium = \"K\"\n";
        assertEquals(new NaKPump(1e4, true, 2, 12.5, "Na+", "K"), parse(text).pump());
    }

    @Test
    void saturationConstantsAreAllowedWithoutSaturating() {
        NaKPump p = parse(withPump("current_A_m2 = 1e-3\nsaturating = false\nkm_K_out_mM = 3\n")).pump();
        assertFalse(p.saturating());
        assertEquals(3, p.kmKOutMm(), 0);
    }

    // ---- the rate ----

    @Test
    void bothRateKeysNameBoth() {
        String text = withPump("turnover_per_s_um2 = 3000\ncurrent_A_m2 = 5e-4\n");
        String m = fails(text);
        assertAtLineOf(m, text, "current_A_m2 = 5e-4");
        assertContains(m, "pump.current_A_m2 = 0.0005: turnover_per_s_um2 is also given (line "
                + lineOf(text, "turnover_per_s_um2 = 3000") + "); give only one of turnover_per_s_um2 (cycles/(s µm²)) and current_A_m2 (A/m²)");
    }

    @Test
    void neitherRateKeyIsMissing() {
        String text = withPump("saturating = true\n");
        String m = fails(text);
        assertAtLineOf(m, text, "[pump]");
        assertContains(m, "pump.turnover_per_s_um2: missing; add turnover_per_s_um2 = 3000 (pump cycles per second per µm²) "
                + "or current_A_m2 = 5e-4 (the pump's outward current at full rate, A/m²) under [pump]");
        assertContains(fails(VALID + "\n[pump]\n"), "pump.turnover_per_s_um2: missing;");
    }

    @Test
    void rateMustBePositive() {
        String text = withPump("turnover_per_s_um2 = -1\n");
        String m = fails(text);
        assertAtLineOf(m, text, "turnover_per_s_um2");
        assertContains(m, "pump.turnover_per_s_um2 = -1: must be in (0, 1e7] cycles/(s µm²); maximal pump cycles per second per µm² of membrane",
                "(for no pump, leave out the [pump] table)");
        assertContains(fails(withPump("current_A_m2 = 0\n")), "pump.current_A_m2 = 0: must be in (0, 1] A/m²; the pump's net outward current density at full rate, A/m²");
        assertContains(fails(withPump("current_A_m2 = -5e-4\n")), "pump.current_A_m2 = -0.0005: must be in (0, 1] A/m²;");
        assertContains(fails(withPump("current_A_m2 = \"5e-4\"\n")),
                "pump.current_A_m2 = \"5e-4\": expected a number, got a string; write it without quotes: current_A_m2 = 5e-4;");
    }

    // ---- saturation ----

    @Test
    void saturationConstantsMustBePositive() {
        String text = withPump("current_A_m2 = 1e-3\nkm_K_out_mM = -2\n");
        String m = fails(text);
        assertAtLineOf(m, text, "km_K_out_mM");
        assertContains(m, "pump.km_K_out_mM = -2: must be in (0, 10000] mM; half-saturation constant for outside K⁺ in mM, "
                + "e.g. km_K_out_mM = 1.5 (used only with saturating = true)");
        assertContains(fails(withPump("current_A_m2 = 1e-3\nkm_Na_in_mM = 0\n")),
                "pump.km_Na_in_mM = 0: must be in (0, 10000] mM; half-saturation constant for inside Na⁺ in mM, e.g. km_Na_in_mM = 10");
    }

    @Test
    void saturatingMustBeABoolean() {
        String text = withPump("current_A_m2 = 1e-3\nsaturating = \"true\"\n");
        String m = fails(text);
        assertAtLineOf(m, text, "saturating");
        assertContains(m, "pump.saturating = \"true\": expected true or false, got a string; write it without quotes: saturating = true;");
        assertContains(fails(withPump("current_A_m2 = 1e-3\nsaturating = 1\n")),
                "pump.saturating = 1: expected true or false, got an integer; saturating = true makes the rate depend on [K]_out and [Na]_in");
    }

    // ---- species ----

    @Test
    void unknownSpeciesSuggests() {
        String text = withPump("current_A_m2 = 1e-3\nsodium = \"NA\"\n");
        String m = fails(text);
        assertAtLineOf(m, text, "sodium");
        assertContains(m, "pump.sodium = \"NA\": unknown species; did you mean Na? declared species: K, Na, Cl, A; "
                + "sodium names the species the pump moves out, 3 per cycle");
        assertContains(fails(withPump("current_A_m2 = 1e-3\npotassium = \"Kx\"\n")),
                "pump.potassium = \"Kx\": unknown species; did you mean K? declared species: K, Na, Cl, A; potassium names the species the pump moves in, 2 per cycle");
        assertContains(fails(withPump("current_A_m2 = 1e-3\npotassium = \"Rubidium\"\n")),
                "pump.potassium = \"Rubidium\": unknown species; declared species: K, Na, Cl, A;");
    }

    @Test
    void defaultSpeciesMustBeDeclared() {
        String text = VALID.replace("name = \"Na\"", "name = \"Na+\"").replace("Na = ", "\"Na+\" = ")
                + "\n[pump]\ncurrent_A_m2 = 1e-3\n";
        String m = fails(text);
        assertAtLineOf(m, text, "[pump]");
        assertContains(m, "pump.sodium: no species Na (the default); did you mean Na+? declared species: K, Na+, Cl, A; sodium names");
    }

    @Test
    void speciesMustBeMonovalentCations() {
        String text = withPump("current_A_m2 = 1e-3\npotassium = \"Cl\"\n");
        String m = fails(text);
        assertAtLineOf(m, text, "potassium");
        assertContains(m, "pump.potassium = \"Cl\": species Cl has charge -1, but the Na⁺/K⁺ pump moves monovalent cations; "
                + "name a species with charge = 1, e.g. potassium = \"K\"");
        String divalent = with("name = \"Na\"\ncharge = 1", "name = \"Na\"\ncharge = 2")
                .replace("{ K = 140, Na = 15, Cl = 7, A = 148 }", "{ K = 140, Na = 15, Cl = 22, A = 148 }")
                .replace("{ K = 4, Na = 145, Cl = 149 }", "{ K = 4, Na = 145, Cl = 294 }") + "\n[pump]\ncurrent_A_m2 = 1e-3\n";
        assertContains(fails(divalent), "pump.sodium: species Na (the default) has charge 2, but the Na⁺/K⁺ pump moves monovalent cations");
    }

    @Test
    void sodiumAndPotassiumMustDiffer() {
        assertContains(fails(withPump("current_A_m2 = 1e-3\npotassium = \"Na\"\n")),
                "pump.potassium = \"Na\": the same species as pump.sodium; the pump moves two different ions");
    }

    @Test
    void speciesNameMustBeAString() {
        assertContains(fails(withPump("current_A_m2 = 1e-3\nsodium = 1\n")),
                "pump.sodium = 1: expected a string, got an integer; the name of the species the pump moves out, 3 per cycle, e.g. sodium = \"Na\"");
    }

    // ---- keys ----

    @Test
    void unknownKeySuggests() {
        String text = withPump("current_A_m2 = 1e-3\nkm_K_out_mm = 2\n");
        String m = fails(text);
        assertAtLineOf(m, text, "km_K_out_mm");
        assertContains(m, "pump.km_K_out_mm = 2: unknown key in [pump]; did you mean km_K_out_mM?");
        assertContains(fails(withPump("turnover_per_s_um = 3000\n")), "pump.turnover_per_s_um = 3000: unknown key in [pump]; did you mean turnover_per_s_um2?");
        assertContains(fails(withPump("current_A_m2 = 1e-3\nrate = 2\n")), "pump.rate = 2: unknown key in [pump]; valid keys in [pump]: "
                + "turnover_per_s_um2, current_A_m2, saturating, km_K_out_mM, km_Na_in_mM, sodium, potassium");
    }

    @Test
    void pumpMustBeATable() {
        String text = "pump = 3\n" + VALID;
        assertContains(fails(text), "pump = 3: expected a table, got an integer; write a [pump] table with turnover_per_s_um2 or current_A_m2");
    }

    // ---- overrides ----

    @Test
    void overrideAddsAPump() {
        Scenario s = ScenarioLoader.parse(VALID, SOURCE, ordered("pump.turnover_per_s_um2", "2000", "pump.saturating", "true"));
        assertEquals(new NaKPump(2000, true, 1.5, 10, "Na", "K"), s.pump());
    }

    @Test
    void overrideReplacesTheRate() {
        String text = withPump("turnover_per_s_um2 = 3000\n");
        assertEquals(4500, ScenarioLoader.parse(text, SOURCE, Map.of("pump.turnover_per_s_um2", "4500")).pump().turnoverPerSUm2(), 0);
        NaKPump p = ScenarioLoader.parse(text, SOURCE, ordered("pump.km_Na_in_mM", "20", "pump.potassium", "K")).pump();
        assertEquals(20, p.kmNaInMm(), 0);
        assertEquals("K", p.potassium());
    }

    @Test
    void overriddenValuesAreValidatedAndMarked() {
        assertEquals("test.toml (--set): pump.turnover_per_s_um2 = -5: must be in (0, 1e7] cycles/(s µm²); maximal pump cycles per second per µm² of membrane, "
                        + "e.g. turnover_per_s_um2 = 3000 (for no pump, leave out the [pump] table)",
                fails(withPump("turnover_per_s_um2 = 3000\n"), Map.of("pump.turnover_per_s_um2", "-5")));
        String text = withPump("turnover_per_s_um2 = 3000\n");
        assertContains(fails(text, Map.of("pump.current_A_m2", "1e-3")),
                "test.toml (--set): pump.current_A_m2 = 0.001: turnover_per_s_um2 is also given (line " + lineOf(text, "turnover_per_s_um2") + ")");
        assertEquals("test.toml (--set): pump.turnovr_per_s_um2 = 1e-3: unknown key in [pump]; did you mean turnover_per_s_um2?",
                fails(VALID, Map.of("pump.turnovr_per_s_um2", "1e-3")));
        assertContains(fails(VALID, ordered("pump.current_A_m2", "1e-3", "pump.sodium", "Nq")),
                "test.toml (--set): pump.sodium = \"Nq\": unknown species; did you mean Na?");
        // a pump made by --set alone still needs its rate
        assertContains(fails(VALID, Map.of("pump.saturating", "true")), "test.toml: pump.turnover_per_s_um2: missing; add turnover_per_s_um2 = 3000");
    }
}
