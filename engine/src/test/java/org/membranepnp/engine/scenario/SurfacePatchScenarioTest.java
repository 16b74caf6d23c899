package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.membranepnp.engine.scenario.ScenarioText.SOURCE;
import static org.membranepnp.engine.scenario.ScenarioText.VALID;
import static org.membranepnp.engine.scenario.ScenarioText.assertAtLineOf;
import static org.membranepnp.engine.scenario.ScenarioText.assertContains;
import static org.membranepnp.engine.scenario.ScenarioText.fails;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.MembraneSide;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.SurfacePatch;

/** The {@code [[surface_patch]]} tables of 2-D scenarios: parsing, every error, overrides and the face charge. */
class SurfacePatchScenarioTest {
    private static final String CHANNEL = """

            [[channel]]
            center_nm = 10
            width_nm = 1
            permeability_cm_s = { K = 1.0 }
            """;
    private static final String INSIDE_PATCH = """

            [[surface_patch]]
            side = "inside"
            from_nm = 2
            to_nm = 8
            charge_C_m2 = -0.05
            """;
    private static final String OUTSIDE_PATCH = """

            [[surface_patch]]
            side = "outside"
            from_nm = 12.5
            to_nm = 20
            charge_C_m2 = 0.02
            """;

    /** {@link ScenarioText#VALID} in 2-D, 20 nm high, one pore, with {@code extra} appended. */
    private static String plane(String extra) {
        return "dimension = 2\n" + VALID + "\n[lateral]\nheight_nm = 20\n" + CHANNEL + extra;
    }

    private static Scenario parse(String text) {
        return ScenarioLoader.parse(text, SOURCE);
    }

    @Test
    void twoPatchesAreRead() {
        List<SurfacePatch> p = parse(plane(INSIDE_PATCH + OUTSIDE_PATCH)).lateral().surfacePatches();
        assertEquals(List.of(new SurfacePatch(MembraneSide.INSIDE, 2, 8, -0.05),
                new SurfacePatch(MembraneSide.OUTSIDE, 12.5, 20, 0.02)), p);
    }

    @Test
    void noPatchesByDefault() {
        assertTrue(parse(plane("")).lateral().surfacePatches().isEmpty());
    }

    @Test
    void overlappingPatchesOnOneSideAreAllowed() {
        String second = INSIDE_PATCH.replace("from_nm = 2", "from_nm = 5").replace("to_nm = 8", "to_nm = 10");
        assertEquals(2, parse(plane(INSIDE_PATCH + second)).lateral().surfacePatches().size());
    }

    @Test
    void aRadialPatchInTheAxisymmetricGeometry() {
        String text = "dimension = 2\n" + VALID + "\n[lateral]\nheight_nm = 20\ngeometry = \"axisymmetric\"\n"
                + CHANNEL.replace("center_nm = 10", "center_nm = 0") + INSIDE_PATCH.replace("to_nm = 8", "to_nm = 20");
        Lateral l = parse(text).lateral();
        assertTrue(l.axisymmetric());
        assertEquals(new SurfacePatch(MembraneSide.INSIDE, 2, 20, -0.05), l.surfacePatches().get(0));
    }

    /** In the axisymmetric geometry the hints speak of radii; in the planar one of y. */
    @Test
    void theHintsSayRadiusAroundAPore() {
        String disc = "dimension = 2\n" + VALID + "\n[lateral]\nheight_nm = 20\ngeometry = \"axisymmetric\"\n"
                + CHANNEL.replace("center_nm = 10", "center_nm = 0") + INSIDE_PATCH.replace("from_nm = 2\n", "");
        assertContains(fails(disc), "surface_patch[1]", "from_nm", "the radius where the patch starts");
        String flat = plane(INSIDE_PATCH.replace("from_nm = 2\n", ""));
        assertContains(fails(flat), "surface_patch[1]", "from_nm", "the y where the patch starts");
    }

    @Test
    void patchesNeedDimensionTwo() {
        String text = VALID + INSIDE_PATCH;
        String m = fails(text);
        assertAtLineOf(m, text, "[[surface_patch]]");
        assertContains(m, "surface_patch", "only allowed with dimension = 2", "remove [[surface_patch]]");
    }

    @Test
    void notATable() {
        String text = "dimension = 2\nsurface_patch = 3\n" + VALID + "\n[lateral]\nheight_nm = 20\n" + CHANNEL;
        String m = fails(text);
        assertAtLineOf(m, text, "surface_patch = 3");
        assertContains(m, "surface_patch = 3", "expected [[surface_patch]] tables", "side, from_nm, to_nm and charge_C_m2",
                "to_nm = 10,"); // the example patch covers half of the 20 nm height
        assertContains(fails("dimension = 2\nsurface_patch = [1]\n" + VALID + "\n[lateral]\nheight_nm = 20\n" + CHANNEL),
                "surface_patch[1] = 1", "expected a table");
    }

    @Test
    void everyKeyIsRequired() {
        for (String line : List.of("side = \"inside\"", "from_nm = 2", "to_nm = 8", "charge_C_m2 = -0.05")) {
            String key = line.substring(0, line.indexOf(' '));
            String m = fails(plane(INSIDE_PATCH.replace(line + "\n", "")));
            assertContains(m, "surface_patch[1]." + key + ": missing; add " + key + " = ", "in [[surface_patch]] #1");
        }
    }

    @Test
    void aBadSideIsNamed() {
        String text = plane(INSIDE_PATCH.replace("\"inside\"", "\"insde\""));
        String m = fails(text);
        assertAtLineOf(m, text, "side = \"insde\"");
        assertContains(m, "surface_patch[1].side = \"insde\"", "did you mean \"inside\"?", "valid: \"inside\", \"outside\"");
        assertContains(fails(plane(INSIDE_PATCH.replace("\"inside\"", "1"))), "surface_patch[1].side = 1",
                "expected a string");
    }

    @Test
    void fromMustBeBelowTo() {
        String text = plane(INSIDE_PATCH.replace("from_nm = 2", "from_nm = 8"));
        String m = fails(text);
        assertAtLineOf(m, text, "from_nm = 8");
        assertContains(m, "surface_patch[1].from_nm = 8: is not below to_nm = 8", "from_nm < to_nm");
        assertContains(fails(plane(INSIDE_PATCH.replace("from_nm = 2", "from_nm = 9"))),
                "surface_patch[1].from_nm = 9: is not below to_nm = 8");
    }

    @Test
    void toMustNotPassTheHeight() {
        String text = plane(INSIDE_PATCH.replace("to_nm = 8", "to_nm = 20.5"));
        String m = fails(text);
        assertAtLineOf(m, text, "to_nm = 20.5");
        assertContains(m, "surface_patch[1].to_nm = 20.5: is beyond lateral.height_nm = 20", "at most lateral.height_nm = 20");
    }

    @Test
    void fromMustNotBeNegative() {
        String text = plane(INSIDE_PATCH.replace("from_nm = 2", "from_nm = -1"));
        String m = fails(text);
        assertAtLineOf(m, text, "from_nm = -1");
        assertContains(m, "surface_patch[1].from_nm = -1: must be from 0 to 10000 nm");
    }

    @Test
    void theChargeHasTheRangeOfTheUniformFaceCharge() {
        assertContains(fails(plane(INSIDE_PATCH.replace("-0.05", "-2"))),
                "surface_patch[1].charge_C_m2 = -2: must be from -1 to 1 C/m²");
        assertEquals(KeySchema.rangeOf("membrane.surface_charge_C_m2.inside").text(),
                KeySchema.rangeOf("surface_patch[1].charge_C_m2").text());
        assertEquals("from 0 to 10000 nm", KeySchema.rangeOf("surface_patch[2].to_nm").text());
    }

    @Test
    void unknownKeysAreCaughtWithASuggestion() {
        assertContains(fails(plane(INSIDE_PATCH.replace("charge_C_m2", "charge_C_m"))),
                "surface_patch[1].charge_C_m", "unknown key in [[surface_patch]] #1", "did you mean charge_C_m2?");
        assertContains(fails(plane(INSIDE_PATCH.replace("[[surface_patch]]", "[[surface_patches]]"))),
                "surface_patches", "did you mean surface_patch?");
    }

    @Test
    void overridesReachThePatches() {
        Scenario s = ScenarioLoader.parse(plane(INSIDE_PATCH + OUTSIDE_PATCH), SOURCE,
                Map.of("surface_patch[1].charge_C_m2", "-0.1", "surface_patch[2].side", "inside"));
        assertEquals(-0.1, s.lateral().surfacePatches().get(0).chargeCPerM2(), 0);
        assertEquals(MembraneSide.INSIDE, s.lateral().surfacePatches().get(1).side());
        assertContains(fails(plane(INSIDE_PATCH), Map.of("surface_patch[1].to_nm", "30")),
                "surface_patch[1].to_nm = 30: is beyond lateral.height_nm = 20");
        assertContains(fails(plane(INSIDE_PATCH), Map.of("surface_patch[2].charge_C_m2", "0")),
                "is 1 [[surface_patch]] table");
    }

    @Test
    void theFaceChargeAddsTheCoveringPatchesOfItsSide() {
        Lateral l = parse(plane(INSIDE_PATCH + OUTSIDE_PATCH
                + INSIDE_PATCH.replace("from_nm = 2", "from_nm = 6").replace("to_nm = 8", "to_nm = 10")
                        .replace("-0.05", "-0.03"))).lateral();
        double uniform = -0.01;
        // inside: [2, 8] -0.05 and [6, 10] -0.03; outside: [12.5, 20] +0.02
        assertEquals(-0.01, l.faceChargeCPerM2(MembraneSide.INSIDE, uniform, 1), 1e-15);
        assertEquals(-0.06, l.faceChargeCPerM2(MembraneSide.INSIDE, uniform, 4), 1e-15);
        assertEquals(-0.09, l.faceChargeCPerM2(MembraneSide.INSIDE, uniform, 7), 1e-15);
        assertEquals(-0.04, l.faceChargeCPerM2(MembraneSide.INSIDE, uniform, 9), 1e-15);
        assertEquals(-0.01, l.faceChargeCPerM2(MembraneSide.INSIDE, uniform, 15), 1e-15);
        assertEquals(-0.01, l.faceChargeCPerM2(MembraneSide.OUTSIDE, uniform, 7), 1e-15);
        assertEquals(0.01, l.faceChargeCPerM2(MembraneSide.OUTSIDE, uniform, 15), 1e-15);
    }
}
