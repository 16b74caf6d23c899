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
import static org.membranepnp.engine.scenario.ScenarioText.with;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.LateralGeometry;
import org.membranepnp.engine.model.Scenario;

/** {@code [lateral] geometry}: the planar default, the axisymmetric pore and every error of the latter. */
class AxisymmetricScenarioTest {
    private static final String PORE = """

            [[channel]]
            name = "K pore"
            center_nm = 0
            width_nm = 2
            permeability_cm_s = { K = 1.0 }
            """;

    /** {@link ScenarioText#VALID} in 2-D, 20 nm high, with {@code geometry} (if not null) and {@code extra}. */
    private static String lateral(String geometry, String extra) {
        String g = geometry == null ? "" : "geometry = \"" + geometry + "\"\n";
        return "dimension = 2\n" + VALID + "\n[lateral]\nheight_nm = 20\n" + g + extra;
    }

    private static String disc(String extra) {
        return lateral("axisymmetric", extra);
    }

    private static Scenario parse(String text) {
        return ScenarioLoader.parse(text, SOURCE);
    }

    @Test
    void planarIsTheDefaultAndUnchanged() {
        String channel = with(PORE, "center_nm = 0", "center_nm = 10");
        Scenario byDefault = parse(lateral(null, channel));
        Scenario explicit = parse(lateral("planar", channel));
        for (Scenario s : new Scenario[] {byDefault, explicit}) {
            assertSame(LateralGeometry.PLANAR, s.lateral().geometry());
            assertFalse(s.lateral().axisymmetric());
            Channel c = s.lateral().channels().get(0);
            assertEquals(9, s.lateral().poreLowerNm(c), 0);
            assertEquals(11, s.lateral().poreUpperNm(c), 0);
            assertEquals(2.0 / 20, s.lateral().poreAreaFraction(c), 0);
        }
    }

    @Test
    void oneAxialPoreIsAccepted() {
        Scenario s = parse(disc(PORE));
        assertSame(LateralGeometry.AXISYMMETRIC, s.lateral().geometry());
        assertTrue(s.lateral().axisymmetric());
        assertEquals(20, s.lateral().heightNm(), 0);
        Channel c = s.lateral().channels().get(0);
        assertEquals(0, c.centerNm(), 0);
        assertEquals(2, c.widthNm(), 0);
        assertEquals(0, s.lateral().poreLowerNm(c), 0);
        assertEquals(1, s.lateral().poreUpperNm(c), 0);
        assertEquals(-1, c.lowerNm(), 0, "Channel's own edges are untouched");
        // the geometry survives the withers
        assertSame(LateralGeometry.AXISYMMETRIC, s.withTemperatureK(300).withRun(s.run()).lateral().geometry());
    }

    @Test
    void aPoreAsWideAsTheDiscFits() {
        Scenario s = parse(disc(with(PORE, "width_nm = 2", "width_nm = 40")));
        assertEquals(1.0, s.lateral().poreAreaFraction(s.lateral().channels().get(0)), 0);
    }

    @Test
    void areaAveragedPermeabilityWeighsTheDiscs() {
        Scenario s = parse(disc(PORE));
        double[] p = s.areaAveragedPermeabilitiesMPerS();
        // pore radius a = 1 nm in a membrane disc of radius R = 20 nm: P̄ = P_lipid + (a/R)² (P_pore − P_lipid)
        double f = (1.0 / 20) * (1.0 / 20);
        double lipidK = 1e-7 * 1e-2;
        double poreK = 1.0 * 1e-2;
        assertEquals(lipidK + f * (poreK - lipidK), p[0], 1e-18);
        double lipidNa = 4e-9 * 1e-2;
        assertEquals(lipidNa + f * (0 - lipidNa), p[1], 1e-24);
    }

    @Test
    void aBadGeometryIsNamedWithTheValidOnes() {
        String text = lateral("cylinder", PORE);
        String m = fails(text);
        assertAtLineOf(m, text, "geometry = ");
        assertContains(m, "lateral.geometry = \"cylinder\"", "unknown value", "valid: \"planar\", \"axisymmetric\"");
        assertContains(fails(lateral("axisymetric", PORE)), "did you mean \"axisymmetric\"?");
        assertContains(fails(with(lateral("planar", PORE), "geometry = \"planar\"", "geometry = 2")),
                "lateral.geometry = 2: expected a string", "valid: \"planar\", \"axisymmetric\"");
    }

    @Test
    void aMisspeltKeyIsSuggested() {
        String text = with(disc(PORE), "geometry =", "geometri =");
        assertContains(fails(text), "lateral.geometri", "unknown key in [lateral]", "did you mean geometry?");
    }

    @Test
    void exactlyOnePore() {
        String second = with(PORE, "K pore", "second pore");
        String text = disc(PORE + second);
        String m = fails(text);
        assertTrue(m.startsWith(SOURCE + ":" + (ScenarioText.lineOf(text, "name = \"second pore\"") - 1) + ": "), m);
        assertContains(m, "channel[2]: a second pore", "a second pore with lateral.geometry = \"axisymmetric\"",
                "give exactly one [[channel]]");
        assertContains(fails(disc("")), "channel", "missing", "exactly one [[channel]]", "center_nm = 0");
    }

    @Test
    void thePoreIsOnTheAxis() {
        String text = disc(with(PORE, "center_nm = 0", "center_nm = 10"));
        String m = fails(text);
        assertAtLineOf(m, text, "center_nm = 10");
        assertContains(m, "channel[1].center_nm = 10: must be 0 with lateral.geometry = \"axisymmetric\"",
                "set center_nm = 0");
        assertContains(fails(disc(with(PORE, "center_nm = 0\n", ""))), "channel[1].center_nm", "missing",
                "center_nm = 0");
    }

    @Test
    void thePoreFitsInTheDisc() {
        String text = disc(with(PORE, "width_nm = 2", "width_nm = 41"));
        String m = fails(text);
        assertAtLineOf(m, text, "width_nm = 41");
        assertContains(m, "channel[1].width_nm = 41: the pore's radius 20.5 nm is larger than the membrane disc's "
                + "radius lateral.height_nm = 20 nm", "(r in [0, 20.5] must lie in [0, 20])", "make width_nm at most 40");
        // a missing width is asked for as the pore's diameter
        assertContains(fails(disc(PORE.replace("width_nm = 2\n", ""))), "width_nm", "the pore's diameter in nm");
        assertContains(fails(lateral(null, PORE.replace("center_nm = 0", "center_nm = 10").replace("width_nm = 2\n", ""))),
                "width_nm", "pore width along the membrane in nm");
    }

    @Test
    void noParticlesYet() {
        String text = disc(PORE) + "\n[particles]\ncount = 100\n";
        String m = fails(text);
        assertAtLineOf(m, text, "[particles]");
        assertContains(m, "particles: not available with lateral.geometry = \"axisymmetric\" yet; "
                + "use geometry = \"planar\" or remove [particles]");
        // planar 2-D keeps its particles
        String planar = lateral("planar", with(PORE, "center_nm = 0", "center_nm = 10")) + "\n[particles]\ncount = 100\n";
        assertEquals(100, parse(planar).particles().count());
    }

    @Test
    void overridesReachTheGeometry() {
        String planar = lateral(null, with(PORE, "center_nm = 0", "center_nm = 10"));
        Scenario s = ScenarioLoader.parse(planar, SOURCE,
                Map.of("lateral.geometry", "axisymmetric", "channel[1].center_nm", "0"));
        assertTrue(s.lateral().axisymmetric());
    }
}
