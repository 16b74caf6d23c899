package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.scenario.ScenarioLoader;

/** {@code --balance}: the neutralising concentration, checked by loading the result (the loader refuses a charged bath). */
class BathBalanceTest {
    /** The resting neuron's species and baths. */
    private static final String NEURON = """
            temperature_K = 310.15
            [[species]]
            name = "K"
            charge = 1
            diffusion_m2_s = 1.96e-9
            [[species]]
            name = "Na"
            charge = 1
            diffusion_m2_s = 1.33e-9
            [[species]]
            name = "Cl"
            charge = -1
            diffusion_m2_s = 2.03e-9
            [[species]]
            name = "Ca"
            charge = 2
            diffusion_m2_s = 0.79e-9
            [inside]
            width_um = 1
            permittivity = 80
            concentrations_mM = { K = 140, Na = 15, Cl = 155 }
            [outside]
            width_um = 1
            permittivity = 80
            concentrations_mM = { K = 4, Na = 145, Cl = 151, Ca = 1 }
            [membrane]
            thickness_nm = 5
            permittivity = 5.6
            permeability_cm_s = { K = 1e-7, Na = 4e-9, Cl = 4.5e-8 }
            """;

    /** The value --balance gives for {@code overrides}, after checking that the scenario with it loads. */
    private static String balanced(String balance, Map<String, String> overrides) {
        BathBalance b = BathBalance.parse(balance);
        Scenario probe = ScenarioLoader.parse(NEURON, "neuron.toml", b.without(overrides));
        String value = b.valueText(probe, overrides);
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.put(b.key(), value);
        ScenarioLoader.parse(NEURON, "neuron.toml", all); // throws if the bath is not neutral
        return value;
    }

    @Test
    void parsesTheSideAndTheSpecies() {
        BathBalance b = BathBalance.parse(" outside . concentrations_mM . Cl ");
        assertEquals("outside", b.side());
        assertEquals("Cl", b.species());
        assertEquals("outside.concentrations_mM.Cl", b.key());
        assertTrue(b.touches("outside.concentrations_mM.K"));
        assertTrue(b.touches("outside.concentrations_mM"));
        assertTrue(b.replacesTable("outside.concentrations_mM"));
        assertFalse(b.touches("inside.concentrations_mM.K"));
        assertFalse(b.touches("species.K.charge"));
        assertEquals(Map.of("temperature_K", "300"),
                b.without(Map.of("temperature_K", "300", "outside.concentrations_mM.K", "20")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cl", "outside.Cl", "outside.concentrations_mM", "middle.concentrations_mM.Cl",
        "outside.permeability_cm_s.Cl", "outside.concentrations_mM.", "outside.concentrations_mM.Cl.x"})
    void rejectsWhatIsNotABathConcentration(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BathBalance.parse(text));
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("outside.concentrations_mM.NAME"), e.getMessage());
    }

    @Test
    void anAnionTakesUpTheAddedCations() {
        // Σ z c of the others: 20 + 145 + 2·1 = 167 mM
        assertEquals(167.0, Double.parseDouble(balanced("outside.concentrations_mM.Cl",
                Map.of("outside.concentrations_mM.K", "20"))), 1e-12);
        assertEquals(151.0, Double.parseDouble(balanced("outside.concentrations_mM.Cl", Map.of())), 1e-12);
    }

    @Test
    void aCationMakesRoomAndDivalentChargesCount() {
        assertEquals(49.0, Double.parseDouble(balanced("outside.concentrations_mM.Na",
                Map.of("outside.concentrations_mM.K", "100"))), 1e-12);
        assertEquals(3.0, Double.parseDouble(balanced("outside.concentrations_mM.Ca",
                Map.of("outside.concentrations_mM.Cl", "155"))), 1e-12);
    }

    @Test
    void overridesOfTheOtherBathAndOtherKeysAreLeftAlone() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("inside.concentrations_mM.K", "150");
        o.put("inside.concentrations_mM.Cl", "165");
        o.put("temperature_K", "300");
        assertEquals(151.0, Double.parseDouble(balanced("outside.concentrations_mM.Cl", o)), 1e-12);
        assertEquals(165.0, Double.parseDouble(balanced("inside.concentrations_mM.Cl",
                Map.of("inside.concentrations_mM.K", "150"))), 1e-12);
    }

    @Test
    void aNegativeConcentrationIsAOneLineErrorNamingTheOption() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> balanced("outside.concentrations_mM.Na", Map.of("outside.concentrations_mM.K", "300")));
        assertTrue(e.getMessage().startsWith("--balance outside.concentrations_mM.Na: "), e.getMessage());
        assertTrue(e.getMessage().contains("-151"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anUnknownSpeciesOrAWholeTableIsAnError() {
        UserInputException unknown = assertThrows(UserInputException.class,
                () -> balanced("outside.concentrations_mM.Q", Map.of()));
        assertTrue(unknown.getMessage().contains("unknown species Q") && unknown.getMessage().contains("K, Na, Cl, Ca"),
                unknown.getMessage());
        UserInputException table = assertThrows(UserInputException.class,
                () -> balanced("outside.concentrations_mM.Cl", Map.of("outside.concentrations_mM", "{ K = 4, Na = 145 }")));
        assertTrue(table.getMessage().contains("whole table"), table.getMessage());
    }

    @Test
    void roundOffNeverGivesANegativeConcentration() {
        // Σ z c of the others is 0.1 − 0.3 + 0.2 = +2.8e-17 in binary; B must come out as 0, not be refused
        String text = """
                temperature_K = 300
                [[species]]
                name = "A"
                charge = 1
                diffusion_m2_s = 1e-9
                [[species]]
                name = "B"
                charge = 1
                diffusion_m2_s = 1e-9
                [[species]]
                name = "C"
                charge = -1
                diffusion_m2_s = 1e-9
                [[species]]
                name = "D"
                charge = 1
                diffusion_m2_s = 1e-9
                [inside]
                width_um = 1
                permittivity = 80
                concentrations_mM = { A = 0.3, C = 0.3 }
                [outside]
                width_um = 1
                permittivity = 80
                concentrations_mM = { A = 0.1, B = 1, C = 1.3, D = 0.2 }
                [membrane]
                thickness_nm = 5
                permittivity = 5.6
                permeability_cm_s = {}
                """;
        BathBalance b = BathBalance.parse("outside.concentrations_mM.B");
        Map<String, String> o = Map.of("outside.concentrations_mM.C", "0.3");
        Scenario probe = ScenarioLoader.parse(text, "t.toml", b.without(o));
        assertEquals("0.0", b.valueText(probe, o));
        Map<String, String> all = new LinkedHashMap<>(o);
        all.put(b.key(), "0.0");
        assertEquals(List.of("A", "B", "C", "D"),
                ScenarioLoader.parse(text, "t.toml", all).species().stream().map(s -> s.name()).toList());
    }
}
