package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.membranepnp.engine.scenario.ScenarioText.VALID;
import static org.membranepnp.engine.scenario.ScenarioText.assertContains;
import static org.membranepnp.engine.scenario.ScenarioText.fails;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;

/** {@code --set key=value} overrides. */
class OverridesTest {

    private static Scenario parse(Map<String, String> overrides) {
        return ScenarioLoader.parse(VALID, "test.toml", overrides);
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void replacesValuesInTheFile() {
        Scenario s = parse(ordered("outside.concentrations_mM.K", "20", "outside.concentrations_mM.Cl", "165",
                "membrane.thickness_nm", "4.5", "title", "\"Other\""));
        assertEquals(20, s.outside().concentrationMm(0), 0);
        assertEquals(165, s.outside().concentrationMm(2), 0);
        assertEquals(4.5, s.membrane().thicknessNm(), 0);
        assertEquals("Other", s.title());
    }

    @Test
    void acceptsQuotedAndBareStrings() {
        Scenario s = parse(ordered("boundary.clamp", "\"voltage\"", "boundary.voltage_mV", "-40"));
        assertEquals(ClampKind.VOLTAGE, s.boundary().clamp());
        assertEquals(-40, s.boundary().voltageMv(), 0);
        assertEquals(ClampKind.VOLTAGE, parse(ordered("boundary.clamp", "voltage", "boundary.voltage_mV", "-40")).boundary().clamp());
    }

    @Test
    void addsKeysAndTablesTheFileLacks() {
        String noRun = VALID.substring(0, VALID.indexOf("[run]"));
        Scenario s = ScenarioLoader.parse(noRun, "t.toml",
                ordered("run.mode", "transient", "run.end_time_s", "1e-3", "mesh.cells", "400",
                        "membrane.surface_charge_C_m2.outside", "-0.02", "boundary.inside", "wall"));
        assertEquals(RunMode.TRANSIENT, s.run().mode());
        assertEquals(1e-3, s.run().endTimeS(), 0);
        assertEquals(400, s.mesh().cells());
        assertEquals(-0.02, s.membrane().outsideSurfaceChargeCPerM2(), 0);
        assertEquals(BoundaryKind.WALL, s.boundary().inside());
    }

    @Test
    void reachesSpeciesByNameOrPosition() {
        Scenario s = parse(ordered("species.Na.diffusion_m2_s", "1e-9", "species[4].diffusion_m2_s", "5e-10"));
        assertEquals(1e-9, s.species().get(1).diffusionM2PerS(), 0);
        assertEquals(5e-10, s.species().get(3).diffusionM2PerS(), 0);
    }

    @Test
    void replacesAWholeTable() {
        Scenario s = parse(ordered("membrane.permeability_cm_s", "{ K = 2e-7 }"));
        assertEquals(2e-7, s.membrane().permeabilityCmPerS()[0], 0);
        assertEquals(0, s.membrane().permeabilityCmPerS()[1], 0);
    }

    @Test
    void unknownKeySuggests() {
        String m = fails(VALID, Map.of("outside.concentration_mM.K", "20"));
        assertEquals("test.toml (--set): outside.concentration_mM.K = 20: unknown key in [outside]; did you mean concentrations_mM?", m);
        assertContains(fails(VALID, Map.of("temperatur_K", "300")), "test.toml (--set): temperatur_K = 300: unknown key; did you mean temperature_K?");
        assertContains(fails(VALID, Map.of("boundary.clamp.kind", "voltage")), "boundary.clamp holds a single value, it has no key kind");
        assertContains(fails(VALID, Map.of("", "1")), "no key given");
    }

    @Test
    void unknownSpeciesInAKey() {
        assertContains(fails(VALID, Map.of("outside.concentrations_mM.Kk", "20")),
                "outside.concentrations_mM.Kk = 20: unknown species Kk; did you mean K? species: K, Na, Cl, A (overrides cannot add species)");
        assertContains(fails(VALID, Map.of("species.Ca.charge", "2")), "species.Ca.charge = 2: unknown species Ca;");
        assertContains(fails(VALID, Map.of("species[7].charge", "2")), "there are 4 [[species]] blocks");
        assertContains(fails(VALID, Map.of("species", "1")), "name one species and a field");
    }

    @Test
    void valuesThatDoNotParse() {
        assertContains(fails(VALID, Map.of("outside.concentrations_mM.K", "1e")),
                "test.toml (--set): outside.concentrations_mM.K = 1e: the value does not parse as TOML (", "write a number (20, 1e-3)");
        assertContains(fails(VALID, Map.of("title", "\"unterminated")), "title = \"unterminated: the value does not parse as TOML");
        assertContains(fails(VALID, Map.of("title", "two words")), "title = two words: the value does not parse as TOML");
        assertContains(fails(VALID, Map.of("title", "a\nb = 1")), "a value must be on one line");
    }

    @Test
    void overriddenValuesAreValidatedAndMarked() {
        assertEquals("test.toml (--set): outside.concentrations_mM.K = -1: must be from 0 to 10000 mM; a concentration in mM (a species left out is 0)",
                fails(VALID, Map.of("outside.concentrations_mM.K", "-1")));
        String text = VALID;
        assertEquals("test.toml:" + ScenarioText.lineOf(text, "{ K = 4,") + ": outside.concentrations_mM = { K = 20, Na = 145, Cl = 149 } (after --set): "
                + "outside bath is not electroneutral: Σ z·c = +16.000 mM (cations 165.000, anions 149.000 mM); add 16 mM of a monovalent anion or remove cations",
                fails(text, Map.of("outside.concentrations_mM.K", "20")));
        assertContains(fails(VALID, Map.of("boundary.clamp", "votage")),
                "test.toml (--set): boundary.clamp = \"votage\": unknown value; did you mean \"voltage\"?");
        assertContains(fails(VALID, Map.of("membrane.thickness_nm", "\"5\"")),
                "membrane.thickness_nm = \"5\": expected a number, got a string; write it without quotes");
    }
}
