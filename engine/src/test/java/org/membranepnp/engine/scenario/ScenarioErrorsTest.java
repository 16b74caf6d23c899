package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.membranepnp.engine.scenario.ScenarioText.VALID;
import static org.membranepnp.engine.scenario.ScenarioText.assertAtLineOf;
import static org.membranepnp.engine.scenario.ScenarioText.assertContains;
import static org.membranepnp.engine.scenario.ScenarioText.fails;
import static org.membranepnp.engine.scenario.ScenarioText.lineOf;
import static org.membranepnp.engine.scenario.ScenarioText.with;

import org.junit.jupiter.api.Test;

/** Every kind of bad input gives a located one-line ScenarioException that says what would be valid. */
class ScenarioErrorsTest {

    // ---- TOML syntax ----

    @Test
    void syntaxErrorGivesJacksonsLineWithoutTraceText() {
        String text = with("permittivity = 5.6", "permittivity = ");
        String m = fails(text);
        assertAtLineOf(m, text, "permittivity = \n");
        assertContains(m, "TOML syntax error", "Newline not permitted here");
    }

    @Test
    void unclosedInlineTableIsASyntaxError() {
        String text = with("{ K = 4, Na = 145, Cl = 149 }", "{ K = 4, Na = 145, Cl = 149");
        String m = fails(text);
        assertAtLineOf(m, text, "{ K = 4, Na = 145, Cl = 149");
        assertContains(m, "TOML syntax error");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        String text = with("width_um = 2.0", "width_um = 2.0\nwidth_um = 3.0");
        String m = fails(text);
        assertAtLineOf(m, text, "width_um = 3.0");
        assertContains(m, "outside.width_um: duplicate key (already set on line " + lineOf(text, "width_um = 2.0") + ")");
    }

    // ---- unknown keys ----

    @Test
    void misspeltTopLevelKeySuggestsTheRightOne() {
        String text = with("temperature_K = 310.15", "temperatur_K = 310.15");
        String m = fails(text);
        assertAtLineOf(m, text, "temperatur_K");
        assertContains(m, "temperatur_K = 310.15: unknown key; did you mean temperature_K?");
    }

    @Test
    void misspeltKeyInATableSuggestsTheRightOne() {
        String text = with("width_um = 2.0", "widht_um = 2.0");
        String m = fails(text);
        assertAtLineOf(m, text, "widht_um");
        assertContains(m, "outside.widht_um = 2: unknown key in [outside]; did you mean width_um?");
    }

    @Test
    void caseOnlyDifferenceIsSuggested() {
        String text = with("thickness_nm = 5", "Thickness_NM = 5");
        assertContains(fails(text), "membrane.Thickness_NM = 5: unknown key in [membrane]; did you mean thickness_nm?");
    }

    @Test
    void misspeltKeyInAnInlineTableIsFoundOnItsLine() {
        String text = with("permittivity = 5.6", "permittivity = 5.6\nsurface_charge_C_m2 = { insde = 0.01, outside = -0.01 }");
        String m = fails(text);
        assertAtLineOf(m, text, "insde");
        assertContains(m, "membrane.surface_charge_C_m2.insde = 0.01: unknown key", "did you mean inside?");
    }

    @Test
    void misspeltKeyInASpeciesBlock() {
        String text = with("charge = -1\ndiffusion_m2_s = 2.03e-9", "valence = -1\ndiffusion_m2_s = 2.03e-9");
        String m = fails(text);
        assertAtLineOf(m, text, "valence");
        assertContains(m, "species[3].valence = -1: unknown key in [[species]] #3; valid keys in [[species]] #3: name, charge, diffusion_m2_s");
    }

    @Test
    void unknownKeyWithNoCloseMatchListsTheValidKeys() {
        String text = VALID + "solver = \"fast\"\n";
        String m = fails(text);
        assertAtLineOf(m, text, "solver");
        assertContains(m, "run.solver = \"fast\": unknown key in [run]; valid keys in [run]: mode, end_time_s, relative_tolerance");
    }

    @Test
    void topLevelKeyWrittenAfterATableHeaderIsExplained() {
        String text = VALID.replace("temperature_K = 310.15\n", "") + "temperature_K = 310.15\n";
        String m = fails(text);
        assertContains(m, "run.temperature_K = 310.15: unknown key in [run]; temperature_K belongs in the top of the file");
    }

    @Test
    void unknownTable() {
        String text = VALID + "[solver]\nmethod = 1\n";
        String m = fails(text);
        assertAtLineOf(m, text, "[solver]");
        assertContains(m, "solver = { method = 1 }: unknown key; valid keys at the top level: title, dimension,");
    }

    // ---- species tables ----

    @Test
    void unknownSpeciesInConcentrationsNamesTheSpecies() {
        String text = with("Cl = 149 }", "Cll = 149 }");
        String m = fails(text);
        assertAtLineOf(m, text, "Cll = 149");
        assertContains(m, "outside.concentrations_mM.Cll = 149: unknown species; did you mean Cl? declared species: K, Na, Cl, A (add");
    }

    @Test
    void unknownSpeciesInPermeabilitiesWithNoCloseMatch() {
        String text = with("Cl = 4.5e-8 }", "Cl = 4.5e-8, Mg = 1e-9 }");
        String m = fails(text);
        assertAtLineOf(m, text, "Mg = 1e-9");
        assertContains(m, "membrane.permeability_cm_s.Mg = 1e-9: unknown species; declared species: K, Na, Cl, A (add a [[species]] block for a new ion)");
    }

    @Test
    void duplicateSpeciesName() {
        String text = with("name = \"Cl\"", "name = \"Na\"");
        String m = fails(text);
        assertAtLineOf(m, text, "name = \"Na\"\ncharge = -1");
        assertContains(m, "species[3].name = \"Na\": duplicate species name (also species[2], line "
                + lineOf(text, "name = \"Na\"") + "); give each species a different name");
    }

    @Test
    void chargeZero() {
        String text = with("charge = -1", "charge = 0");
        String m = fails(text);
        assertAtLineOf(m, text, "charge = 0");
        assertContains(m, "species[3].charge = 0: must not be 0", "charge = 1 for K+, -1 for Cl-");
    }

    @Test
    void chargeNotAnInteger() {
        String text = with("charge = -1", "charge = -1.5");
        assertContains(fails(text), "species[3].charge = -1.5: must be a whole number; the valence z is a non-zero integer");
    }

    @Test
    void chargeNotANumber() {
        String text = with("charge = -1", "charge = \"minus one\"");
        assertContains(fails(text), "species[3].charge = \"minus one\": expected a number, got a string");
    }

    @Test
    void diffusionNotPositive() {
        String text = with("diffusion_m2_s = 1.33e-9", "diffusion_m2_s = 0");
        String m = fails(text);
        assertAtLineOf(m, text, "diffusion_m2_s = 0");
        assertContains(m, "species[2].diffusion_m2_s = 0: must be from 1e-14 to 1e-6 m²/s; diffusion coefficient in water, m²/s");
        assertContains(fails(with("diffusion_m2_s = 1.33e-9", "diffusion_m2_s = -1.33e-9")),
                "species[2].diffusion_m2_s = -1.33e-9: must be from 1e-14 to 1e-6 m²/s");
    }

    @Test
    void missingSpeciesField() {
        String text = with("diffusion_m2_s = 1e-9\n", "\n");
        assertContains(fails(text), "species[4].diffusion_m2_s: missing; add diffusion_m2_s = 1.96e-9", "in [[species]] #4");
    }

    @Test
    void noSpeciesAtAll() {
        String text = VALID.substring(VALID.indexOf("[inside]"));
        assertContains(fails("temperature_K = 300\n" + text), "species: missing; add one [[species]] block per ion");
    }

    @Test
    void negativeConcentration() {
        String text = with("Na = 15,", "Na = -15,");
        String m = fails(text);
        assertAtLineOf(m, text, "Na = -15");
        assertContains(m, "inside.concentrations_mM.Na = -15: must be from 0 to 10000 mM; a concentration in mM");
    }

    @Test
    void nonNumericConcentration() {
        String text = with("Na = 15,", "Na = \"15\",");
        assertContains(fails(text), "inside.concentrations_mM.Na = \"15\": expected a number, got a string; write it without quotes: Na = 15;");
        assertContains(fails(with("Na = 15,", "Na = true,")), "inside.concentrations_mM.Na = true: expected a number, got a boolean");
    }

    @Test
    void infiniteConcentration() {
        assertContains(fails(with("Na = 15,", "Na = inf,")), "inside.concentrations_mM.Na = inf: must be a finite number from 0 to 10000 mM");
    }

    @Test
    void negativeOrNonNumericPermeability() {
        String text = with("Na = 4e-9", "Na = -4e-9");
        String m = fails(text);
        assertAtLineOf(m, text, "Na = -4e-9");
        assertContains(m, "membrane.permeability_cm_s.Na = -4e-9: must be from 0 to 1 cm/s; a permeability in cm/s");
        assertContains(fails(with("Na = 4e-9", "Na = \"high\"")), "membrane.permeability_cm_s.Na = \"high\": expected a number, got a string");
    }

    @Test
    void concentrationsNotATable() {
        assertContains(fails(with("concentrations_mM = { K = 4, Na = 145, Cl = 149 }", "concentrations_mM = 4")),
                "outside.concentrations_mM = 4: expected a table of species = value, got an integer");
    }

    // ---- electroneutrality ----

    @Test
    void insideBathWithExtraCations() {
        String text = with("Na = 15,", "Na = 27,");
        String m = fails(text);
        assertAtLineOf(m, text, "Na = 27");
        assertContains(m, "inside.concentrations_mM = { K = 140, Na = 27, Cl = 7, A = 148 }: inside bath is not electroneutral: "
                + "Σ z·c = +12.000 mM (cations 167.000, anions 155.000 mM); add 12 mM of a monovalent anion or remove cations");
    }

    @Test
    void outsideBathWithExtraAnions() {
        String text = with("Cl = 149 }", "Cl = 150.5 }");
        assertContains(fails(text), "outside bath is not electroneutral: Σ z·c = -1.500 mM (cations 149.000, anions 150.500 mM); "
                + "add 1.5 mM of a monovalent cation or remove anions");
    }

    @Test
    void divalentIonsCountTwice() {
        String text = with("name = \"Na\"\ncharge = 1", "name = \"Na\"\ncharge = 2");
        assertContains(fails(text), "inside bath is not electroneutral: Σ z·c = +15.000 mM (cations 170.000, anions 155.000 mM)");
    }

    @Test
    void bathWithoutIons() {
        String text = with("{ K = 4, Na = 145, Cl = 149 }", "{}");
        assertContains(fails(text), "outside.concentrations_mM = {}: outside bath holds no ions");
    }

    // ---- temperature ----

    @Test
    void temperatureNotPositive() {
        String text = with("temperature_K = 310.15", "temperature_K = 0");
        String m = fails(text);
        assertAtLineOf(m, text, "temperature_K = 0");
        assertContains(m, "temperature_K = 0: must be from 200 to 400 K; absolute temperature in kelvin");
        assertContains(fails(with("temperature_K = 310.15", "temperature_K = -5")), "temperature_K = -5: must be from 200 to 400 K");
    }

    @Test
    void celsiusBelowAbsoluteZero() {
        String text = with("temperature_K = 310.15", "temperature_C = -300");
        assertContains(fails(text), "temperature_C = -300: must be from -73.15 to 126.85 °C; temperature in °C");
        assertContains(fails(with("temperature_K = 310.15", "temperature_C = -273.15")),
                "temperature_C = -273.15: must be from -73.15 to 126.85 °C");
    }

    @Test
    void bothTemperatures() {
        String text = with("temperature_K = 310.15", "temperature_K = 310.15\ntemperature_C = 37");
        String m = fails(text);
        assertAtLineOf(m, text, "temperature_C");
        assertContains(m, "temperature_C = 37: temperature_K is also given (line 2); give only one of temperature_K and temperature_C");
    }

    @Test
    void noTemperature() {
        String text = with("temperature_K = 310.15\n", "");
        assertContains(fails(text), "temperature_K: missing; add temperature_K = 310.15 (or temperature_C = 37) at the top of the file");
    }

    @Test
    void temperatureAsString() {
        assertContains(fails(with("temperature_K = 310.15", "temperature_K = \"310.15 K\"")),
                "temperature_K = \"310.15 K\": expected a number, got a string; absolute temperature in kelvin");
    }

    // ---- geometry and materials ----

    @Test
    void zeroThickness() {
        String text = with("thickness_nm = 5", "thickness_nm = 0");
        String m = fails(text);
        assertAtLineOf(m, text, "thickness_nm = 0");
        assertContains(m, "membrane.thickness_nm = 0: must be from 0.5 to 100 nm; membrane thickness in nm");
    }

    @Test
    void negativeWidth() {
        String text = with("width_um = 1.0", "width_um = -1.0");
        String m = fails(text);
        assertAtLineOf(m, text, "width_um = -1.0");
        assertContains(m, "inside.width_um = -1: must be from 0.001 to 10000 µm; bath width in µm");
    }

    @Test
    void zeroOrNegativePermittivity() {
        assertContains(fails(with("permittivity = 80", "permittivity = 0")), "inside.permittivity = 0: must be from 1 to 200");
        assertContains(fails(with("permittivity = 5.6", "permittivity = -2")), "membrane.permittivity = -2: must be from 1 to 200; relative permittivity of the lipid core");
    }

    @Test
    void missingBathValue() {
        String text = with("width_um = 2.0\n", "");
        String m = fails(text);
        assertAtLineOf(m, text, "[outside]");
        assertContains(m, "outside.width_um: missing; add width_um = 1.0 (bath width, µm) under [outside]");
    }

    @Test
    void missingTable() {
        String text = VALID.substring(0, VALID.indexOf("[membrane]")) + VALID.substring(VALID.indexOf("[boundary]"));
        assertContains(fails(text), "membrane: missing; add a [membrane] table with thickness_nm, permittivity and permeability_cm_s");
    }

    @Test
    void missingPermeabilityTableSaysHowToWriteNone() {
        String text = with("permeability_cm_s = { K = 1e-7, Na = 4e-9, Cl = 4.5e-8 }\n", "");
        assertContains(fails(text), "membrane.permeability_cm_s: missing; add permeability_cm_s = { K = 1e-7 } (cm/s; {} if no ion crosses)");
    }

    @Test
    void partitionCoefficientOutOfRange() {
        String text = with("permittivity = 5.6", "permittivity = 5.6\npartition_coefficient = 2");
        assertContains(fails(text), "membrane.partition_coefficient = 2: must be in (0, 1]");
    }

    @Test
    void dimensionIsOneOrTwo() {
        String text = "dimension = 3\n" + VALID;
        String m = fails(text);
        assertAtLineOf(m, text, "dimension");
        assertContains(m, "dimension = 3: must be from 1 to 2; 1 is a slab across the membrane, 2 a slab with an extent along the membrane");
    }

    // ---- boundaries and clamps ----

    @Test
    void voltageClampNeedsReservoirs() {
        String text = with("inside = \"reservoir\"", "inside = \"wall\"");
        text = with(text, "clamp = \"current\"\ncurrent_A_m2 = 0.0", "clamp = \"voltage\"\nvoltage_mV = -60");
        String m = fails(text);
        assertAtLineOf(m, text, "clamp = \"voltage\"");
        assertContains(m, "boundary.clamp = \"voltage\": a voltage clamp needs reservoirs on both sides", "boundary.inside is \"wall\"");
    }

    @Test
    void voltageClampNeedsAVoltage() {
        String text = with("clamp = \"current\"\ncurrent_A_m2 = 0.0", "clamp = \"voltage\"");
        assertContains(fails(text), "boundary.voltage_mV: missing; add voltage_mV = -60");
    }

    @Test
    void voltageWithCurrentClampIsRejected() {
        String text = with("current_A_m2 = 0.0", "voltage_mV = -60");
        assertContains(fails(text), "boundary.voltage_mV = -60: only allowed with clamp = \"voltage\"");
        text = with("clamp = \"current\"\ncurrent_A_m2 = 0.0", "clamp = \"voltage\"\nvoltage_mV = -60\ncurrent_A_m2 = 1.5");
        assertContains(fails(text), "boundary.current_A_m2 = 1.5: not allowed with clamp = \"voltage\"");
    }

    @Test
    void currentNeedsAnInsideReservoir() {
        String text = with("inside = \"reservoir\"", "inside = \"wall\"");
        text = with(text, "current_A_m2 = 0.0", "current_A_m2 = 0.5");
        String m = fails(text);
        assertAtLineOf(m, text, "current_A_m2 = 0.5");
        assertContains(m, "boundary.current_A_m2 = 0.5: a current needs boundary.inside = \"reservoir\" "
                + "(it enters through an electrode in the inside reservoir)");
    }

    @Test
    void currentNeedsAnOutsideReservoir() {
        String text = with("outside = \"reservoir\"", "outside = \"wall\"");
        text = with(text, "current_A_m2 = 0.0", "current_A_m2 = -0.5");
        assertContains(fails(text), "boundary.current_A_m2 = -0.5: a current needs boundary.outside = \"reservoir\"");
    }

    @Test
    void closedSlabWithNetSurfaceCharge() {
        String text = with("inside = \"reservoir\"\noutside = \"reservoir\"", "inside = \"wall\"\noutside = \"wall\"");
        text = with(text, "permittivity = 5.6", "permittivity = 5.6\nsurface_charge_C_m2 = { inside = 0.0, outside = -0.05 }");
        String m = fails(text);
        assertAtLineOf(m, text, "surface_charge_C_m2");
        assertContains(m, "membrane.surface_charge_C_m2 = { inside = 0, outside = -0.05 }: with boundary.inside and boundary.outside both \"wall\" "
                + "the slab is closed and cannot be neutral: the surface charges sum to -0.05 C/m²");
    }

    @Test
    void unknownEnumValueSuggestsAndListsTheValidOnes() {
        String text = with("clamp = \"current\"", "clamp = \"Voltage\"");
        String m = fails(text);
        assertAtLineOf(m, text, "clamp");
        assertContains(m, "boundary.clamp = \"Voltage\": unknown value; did you mean \"voltage\"? valid: \"current\", \"voltage\"");
        assertContains(fails(with("mode = \"steady\"", "mode = \"dynamic\"")),
                "run.mode = \"dynamic\": unknown value; valid: \"steady\", \"transient\"");
        assertContains(fails(with("outside = \"reservoir\"", "outside = \"bath\"")),
                "boundary.outside = \"bath\": unknown value; valid: \"wall\", \"reservoir\"");
    }

    @Test
    void wrongTypes() {
        assertContains(fails(with("width_um = 1.0", "width_um = \"1.0\"")),
                "inside.width_um = \"1.0\": expected a number, got a string; write it without quotes: width_um = 1.0");
        assertContains(fails(with("clamp = \"current\"", "clamp = 1")), "boundary.clamp = 1: expected a string, got an integer; valid: \"current\", \"voltage\"");
        assertContains(fails(with("title = \"Test cell\"", "title = 5")), "title = 5: expected a string, got an integer");
        String noOutside = VALID.replace("[outside]\nwidth_um = 2.0\npermittivity = 80\n"
                + "concentrations_mM = { K = 4, Na = 145, Cl = 149 }\n", "");
        assertContains(fails("outside = 5\n" + noOutside), "outside = 5: expected a table, got an integer");
        String noSpecies = VALID.replaceAll("(?s)\\[\\[species]].*?(?=\\[\\[species]]|\\[inside])", "");
        assertContains(fails("species = \"K\"\n" + noSpecies), "species = \"K\": expected [[species]] tables, got a string");
    }

    // ---- run and mesh ----

    @Test
    void transientNeedsAnEndTime() {
        String text = with("mode = \"steady\"", "mode = \"transient\"");
        String m = fails(text);
        assertAtLineOf(m, text, "[run]");
        assertContains(m, "run.end_time_s: missing; add end_time_s = 1e-3 (simulated time in s; required with mode = \"transient\") under [run]");
    }

    @Test
    void endTimeMustBePositiveAndOnlyForTransient() {
        assertContains(fails(with("mode = \"steady\"", "mode = \"transient\"\nend_time_s = -1")), "run.end_time_s = -1: must be in (0, 1e6] s");
        assertContains(fails(with("mode = \"steady\"", "mode = \"steady\"\nend_time_s = 1e-3")),
                "run.end_time_s = 0.001: only allowed with mode = \"transient\"");
    }

    @Test
    void relativeToleranceRange() {
        assertContains(fails(VALID + "relative_tolerance = 0.5\n"), "run.relative_tolerance = 0.5: must be in (0, 0.1]");
    }

    @Test
    void meshTooCoarse() {
        String text = VALID + "[mesh]\ncells = 10\n";
        String m = fails(text);
        assertAtLineOf(m, text, "cells = 10");
        assertContains(m, "mesh.cells = 10: must be 0 (automatic) or from 40 to 5e6; the approximate number of mesh "
                + "cells; fewer than 40 cannot resolve the Debye layers");
        assertContains(fails(VALID + "[mesh]\ncells = -100\n"), "mesh.cells = -100: must be 0 (automatic) or from 40 to 5e6");
        assertContains(fails(VALID + "[mesh]\ncells = 100.5\n"), "mesh.cells = 100.5: must be a whole number");
    }

    @Test
    void explicitZeroCellsMeansAutomatic() {
        assertEquals(0, ScenarioLoader.parse(VALID + "[mesh]\ncells = 0\n", "t.toml").mesh().cells());
        assertEquals(40, ScenarioLoader.parse(VALID + "[mesh]\ncells = 40\n", "t.toml").mesh().cells());
    }

    @Test
    void messagesStartWithTheGivenSourceName() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("dimension = 3\n", "cells/my.toml"));
        assertTrue(e.getMessage().startsWith("cells/my.toml:1: dimension = 3:"), e.getMessage());
    }
}
