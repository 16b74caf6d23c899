package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;

/** 2-D scenarios: {@code dimension = 2}, {@code [lateral]}, the {@code [[channel]]} pores, and every error. */
class LateralScenarioTest {
    private static final String CHANNEL = """

            [[channel]]
            name = "K channel"
            center_nm = 10
            width_nm = 1
            permeability_cm_s = { K = 1.0 }
            """;

    /** {@link ScenarioText#VALID} in 2-D, 20 nm high, with {@code extra} appended. */
    private static String plane(String extra) {
        return "dimension = 2\n" + VALID + "\n[lateral]\nheight_nm = 20\n" + extra;
    }

    private static Scenario parse(String text) {
        return ScenarioLoader.parse(text, SOURCE);
    }

    @Test
    void aPlaneWithOnePore() {
        Scenario s = parse(plane(CHANNEL));
        assertEquals(2, s.dimension());
        assertTrue(s.isTwoDimensional());
        assertEquals(20, s.lateral().heightNm(), 0);
        assertEquals(1, s.lateral().channels().size());
        Channel c = s.lateral().channels().get(0);
        assertEquals("K channel", c.name());
        assertEquals(9.5, c.lowerNm(), 0);
        assertEquals(10.5, c.upperNm(), 0);
        assertEquals(80, c.permittivity(), 0, "water by default");
        assertArrayEquals(new double[] {1.0, 0, 0, 0}, c.permeabilityCmPerS(), 0);
    }

    @Test
    void areaAveragedPermeabilityWeighsLipidAndPores() {
        Scenario s = parse(plane(CHANNEL));
        double[] p = s.areaAveragedPermeabilitiesMPerS();
        // K: 1e-7 cm/s lipid on 19/20 of the area, 1 cm/s pore on 1/20; Na: lipid only
        assertEquals((1e-7 * 19 / 20 + 1.0 / 20) * 1e-2, p[0], 1e-18);
        assertEquals(4e-9 * 19 / 20 * 1e-2, p[1], 1e-24);
    }

    @Test
    void oneDimensionalScenariosHaveNoLateralGeometry() {
        Scenario s = parse(VALID);
        assertSame(Lateral.NONE, s.lateral());
        assertArrayEquals(s.membrane().permeabilitiesMPerS(), s.areaAveragedPermeabilitiesMPerS(), 0);
    }

    @Test
    void lateralKeysNeedDimensionTwo() {
        String text = VALID + "\n[lateral]\nheight_nm = 20\n";
        String m = fails(text);
        assertAtLineOf(m, text, "[lateral]");
        assertContains(m, "lateral", "only allowed with dimension = 2");
        assertContains(fails(VALID + CHANNEL), "channel", "only allowed with dimension = 2");
    }

    @Test
    void heightIsRequiredAndPositive() {
        String text = "dimension = 2\n" + VALID;
        assertContains(fails(text), "lateral", "height_nm");
        assertContains(fails(with(plane(""), "height_nm = 20", "height_nm = -1")), "lateral.height_nm = -1: must be from 0.1 to 10000 nm");
    }

    @Test
    void aPoreMustFitInTheSlab() {
        String text = plane(CHANNEL.replace("center_nm = 10", "center_nm = 19.8"));
        String m = fails(text);
        assertAtLineOf(m, text, "center_nm = 19.8");
        assertContains(m, "channel[1].center_nm = 19.8: the pore [19.3, 20.3] nm sticks out of the slab [0, 20] nm");
    }

    @Test
    void poresMustNotOverlap() {
        String text = plane(CHANNEL + CHANNEL.replace("center_nm = 10", "center_nm = 10.5")
                .replace("K channel", "second"));
        assertContains(fails(text), "channel[2].center_nm = 10.5: the pore [10, 11] nm overlaps K channel [9.5, 10.5] nm");
    }

    @Test
    void aPoreMustPassSomething() {
        String text = plane(CHANNEL.replace("{ K = 1.0 }", "{}"));
        assertContains(fails(text), "channel[1].permeability_cm_s", "no species passes this pore");
    }

    @Test
    void unknownSpeciesInAPoreIsNamed() {
        String text = plane(CHANNEL.replace("{ K = 1.0 }", "{ Kk = 1.0 }"));
        assertContains(fails(text), "Kk", "unknown species", "did you mean K?");
    }

    @Test
    void twoDimensionsTakeWallsThePumpAndSchedules() {
        assertEquals(org.membranepnp.engine.model.BoundaryKind.WALL,
                parse(with(plane(CHANNEL), "inside = \"reservoir\"", "inside = \"wall\"")).boundary().inside());
        Scenario timed = ScenarioLoader.parse(with(plane(CHANNEL), "mode = \"steady\"",
                "mode = \"transient\"\nend_time_s = 1e-3"), SOURCE, Map.of());
        assertEquals(RunMode.TRANSIENT, timed.run().mode());
        assertEquals(1e-3, timed.run().endTimeS(), 0);
        assertEquals(2, timed.dimension());
        assertTrue(parse(plane(CHANNEL) + "\n[pump]\nturnover_per_s_um2 = 3000\n").pump().present());
        assertEquals(1, parse(with(plane(CHANNEL), "mode = \"steady\"", "mode = \"transient\"\nend_time_s = 1e-3")
                + "\n[[schedule]]\nkey = \"boundary.current_A_m2\"\ntime_s = [0, 1e-4]\nvalue = [0, 1]\n")
                .schedules().size());
    }

    @Test
    void overridesReachThePores() {
        Scenario s = ScenarioLoader.parse(plane(CHANNEL), SOURCE, Map.of("channel[1].width_nm", "2"));
        assertEquals(2, s.lateral().channels().get(0).widthNm(), 0);
    }
}
