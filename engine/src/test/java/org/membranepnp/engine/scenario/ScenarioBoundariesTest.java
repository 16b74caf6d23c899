package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.membranepnp.engine.scenario.ScenarioText.SOURCE;
import static org.membranepnp.engine.scenario.ScenarioText.VALID;
import static org.membranepnp.engine.scenario.ScenarioText.assertAtLineOf;
import static org.membranepnp.engine.scenario.ScenarioText.assertContains;
import static org.membranepnp.engine.scenario.ScenarioText.fails;
import static org.membranepnp.engine.scenario.ScenarioText.with;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;

/**
 * The edges of the reader's own checks (beyond the key ranges of {@link KeySchema}): neutrality tolerances, pores
 * that touch, the particle limits, the float seed limit, and the messages' hints. A documented limit is valid
 * exactly at its value; the next representable value beyond it is refused.
 */
class ScenarioBoundariesTest {
    private static final String CHANNEL = "\n[[channel]]\ncenter_nm = 10\nwidth_nm = 1\npermeability_cm_s = { K = 1.0 }\n";
    private static final String CLOSED = with("inside = \"reservoir\"\noutside = \"reservoir\"",
            "inside = \"wall\"\noutside = \"wall\"");

    private static Scenario parse(String text, String... keyValues) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put(keyValues[i], keyValues[i + 1]);
        }
        return ScenarioLoader.parse(text, SOURCE, o);
    }

    /** {@link ScenarioText#VALID} in 2-D, 20 nm high, with {@code extra} appended. */
    private static String plane(String extra) {
        return "dimension = 2\n" + VALID + "\n[lateral]\nheight_nm = 20\n" + extra;
    }

    /** A pore table: center and width in nm, K passes. */
    private static String pore(double center, double width) {
        return "\n[[channel]]\ncenter_nm = " + center + "\nwidth_nm = " + width + "\npermeability_cm_s = { K = 1.0 }\n";
    }

    /** {@link ScenarioText#VALID} with a {@code [particles]} table holding {@code body}. */
    private static String particles(String body) {
        return VALID + "\n[particles]\n" + body;
    }

    /** A number as TOML text that reads back as exactly {@code x}. */
    private static String exact(double x) {
        return Double.toString(x);
    }

    /**
     * Two positive numbers p > q with p − q = t and fl(NEUTRALITY_TOLERANCE · (p + q)) = t exactly: a pair exactly at
     * the neutrality tolerance. p + q = s is searched near t / tolerance.
     */
    private static double[] atNeutralityEdge(double t) {
        double tol = ScenarioReader.NEUTRALITY_TOLERANCE;
        double s = t / tol;
        for (int k = 0; k < 1000 && tol * s != t; k++) {
            s = tol * s < t ? Math.nextUp(s) : Math.nextDown(s);
        }
        double p = s / 2 + t / 2;
        double q = s / 2 - t / 2;
        assertEquals(t, p - q, 0.0);
        assertEquals(t, tol * (p + q), 0.0, "no pair at the tolerance near s = " + t / tol);
        return new double[] {p, q};
    }

    // ---- electroneutrality of a bath: |Σ z c| ≤ 1e-9 Σ |z| c ----

    /** A bath whose net charge is exactly the tolerance is neutral; half of it too; twice it is refused. */
    @Test
    void bathNeutralityToleranceIsInclusive() {
        double[] edge = atNeutralityEdge(Math.scalb(1.0, -20)); // K ≈ Cl ≈ 477 mM
        Scenario s = parse(VALID, "inside.concentrations_mM", "{ K = " + exact(edge[0]) + ", Cl = " + exact(edge[1]) + " }");
        assertEquals(edge[0], s.inside().concentrationsMm()[0], 0.0);
        double half = 0.5e-9 * 300; // net charge of half the tolerance of a 300 mM bath
        parse(VALID, "outside.concentrations_mM", "{ Na = " + exact(150 + half / 2) + ", Cl = " + exact(150 - half / 2) + " }");
        double twice = 2e-9 * 300;
        String m = fails(VALID, Map.of("outside.concentrations_mM",
                "{ Na = " + exact(150 + twice / 2) + ", Cl = " + exact(150 - twice / 2) + " }"));
        assertContains(m, "outside bath is not electroneutral: Σ z·c = +0.000 mM", "add 6e-7 mM of a monovalent anion");
    }

    // ---- a closed slab: the surface charges must cancel to 1e-9 of Σ |σ| ----

    /** Surface charges σ_in and σ_out (C/m²) of the closed slab as a --set value. */
    private static String charges(double in, double out) {
        return "{ inside = " + exact(in) + ", outside = " + exact(out) + " }";
    }

    /**
     * With walls on both sides the fixed charges must cancel: a sum exactly at the tolerance 1e-9 (|σ_in| + |σ_out|)
     * or at half of it is accepted, twice it is refused with the σ_in that would cancel σ_out.
     */
    @Test
    void closedSlabToleranceIsInclusive() {
        double[] edge = atNeutralityEdge(Math.scalb(1.0, -30)); // σ ≈ ±0.54 C/m²
        Scenario s = parse(CLOSED, "membrane.surface_charge_C_m2", charges(edge[0], -edge[1]));
        assertEquals(edge[0], s.membrane().insideSurfaceChargeCPerM2(), 0.0);
        double sum = 0.1; // |σ_in| + |σ_out|
        parse(CLOSED, "membrane.surface_charge_C_m2", charges(0.05 + 0.25e-9 * sum, -0.05 + 0.25e-9 * sum));
        String m = fails(CLOSED, Map.of("membrane.surface_charge_C_m2", charges(0.05 + 1e-9 * sum, -0.05 + 1e-9 * sum)));
        assertContains(m, "the slab is closed and cannot be neutral: the surface charges sum to 2e-10 C/m²; make them "
                + "cancel (inside = 0.05)");
        assertContains(fails(CLOSED, Map.of("membrane.surface_charge_C_m2", charges(0.3, 0.2))),
                "sum to 0.5 C/m²; make them cancel (inside = -0.2)");
    }

    // ---- pores ----

    /** Pores may touch each other (one's upper edge is the next one's lower edge) on either side, and the slab's edges. */
    @Test
    void poresMayTouch() {
        Scenario s = parse(plane(CHANNEL + pore(11, 1) + pore(9, 1) + pore(0.5, 1) + pore(19.5, 1)));
        List<Channel> c = s.lateral().channels();
        assertEquals(5, c.size());
        assertEquals(c.get(0).upperNm(), c.get(1).lowerNm(), 0.0);
        assertEquals(c.get(0).lowerNm(), c.get(2).upperNm(), 0.0);
        assertEquals(0.0, c.get(3).lowerNm(), 0.0);
        assertEquals(20.0, c.get(4).upperNm(), 0.0);
        assertContains(fails(plane(CHANNEL + pore(10.999, 1))), "overlaps channel 1 [9.5, 10.5] nm");
        assertContains(fails(plane(CHANNEL + pore(9.001, 1))), "overlaps channel 1 [9.5, 10.5] nm");
    }

    /** A pore without a name is called "channel N" after its place in the file, in figures and messages alike. */
    @Test
    void unnamedPoresAreNumbered() {
        Scenario s = parse(plane(CHANNEL + pore(15, 2)));
        assertEquals("channel 1", s.lateral().channels().get(0).name());
        assertEquals("channel 2", s.lateral().channels().get(1).name());
        assertContains(fails(plane(CHANNEL + pore(5, 2) + pore(5.5, 1))),
                "channel[3].center_nm = 5.5: the pore [5, 6] nm overlaps channel 2 [4, 6] nm");
    }

    /** The hints for center_nm name the slab's range and its middle (height / 2 = 10 nm for a 20 nm slab). */
    @Test
    void poreCenterHintsNameTheMiddleOfTheSlab() {
        String text = plane("\n[[channel]]\nwidth_nm = 1\npermeability_cm_s = { K = 1.0 }\n");
        assertContains(fails(text), "channel[1].center_nm: missing; add center_nm = 10 (y of the pore axis in nm, "
                + "between 0 and lateral.height_nm = 20, e.g. center_nm = 10)");
        assertContains(fails(plane(CHANNEL.replace("center_nm = 10", "center_nm = \"x\""))),
                "channel[1].center_nm = \"x\": expected a number, got a string; y of the pore axis in nm, between 0 "
                        + "and lateral.height_nm = 20, e.g. center_nm = 10");
    }

    /** A 2-D scenario takes walls on either side, and without [boundary] the default inside wall. */
    @Test
    void twoDimensionalScenariosTakeWalls() {
        Scenario in = parse(with(plane(CHANNEL), "inside = \"reservoir\"", "inside = \"wall\""));
        assertEquals(org.membranepnp.engine.model.BoundaryKind.WALL, in.boundary().inside());
        assertEquals(2, in.dimension());
        Scenario out = parse(with(plane(CHANNEL), "outside = \"reservoir\"\nclamp", "outside = \"wall\"\nclamp"));
        assertEquals(org.membranepnp.engine.model.BoundaryKind.WALL, out.boundary().outside());
        Scenario none = parse(with(plane(CHANNEL), "[boundary]\ninside = \"reservoir\"\noutside = \"reservoir\"\n"
                + "clamp = \"current\"\ncurrent_A_m2 = 0.0\n", ""));
        assertEquals(org.membranepnp.engine.model.BoundaryKind.WALL, none.boundary().inside());
    }

    // ---- particles ----

    /**
     * The time step may be as large as gives the fastest species an rms step sqrt(2 D dt) of exactly 0.5 nm,
     * dt = (0.5 nm)² / (2 D); the next larger double is refused.
     */
    @Test
    void particleTimeStepUpToHalfANanometreRmsStep() {
        double d = 2.03e-9; // Cl, the fastest species of VALID
        double dtMax = Math.pow(0.5e-9, 2) / (2 * d);
        assertEquals(0.5e-9, Math.sqrt(2 * d * dtMax), 1e-24);
        String ok = particles("time_step_s = " + exact(dtMax) + "\nduration_s = 1e-8\n");
        assertEquals(dtMax, parse(ok).particles().timeStepS(), 0.0);
        assertContains(fails(particles("time_step_s = " + exact(Math.nextUp(dtMax)) + "\nduration_s = 1e-8\n")),
                "too coarse: Cl would move 0.5 nm rms per step, more than 0.5 nm");
    }

    /** With equally fast species the messages name the first one declared (K before Cl at 2.03e-9 m²/s). */
    @Test
    void equallyFastSpeciesNameTheFirstDeclared() {
        String text = with(particles("time_step_s = 1e-10\n"), "diffusion_m2_s = 1.96e-9", "diffusion_m2_s = 2.03e-9");
        assertContains(fails(text), "too coarse: K would move 0.637 nm rms per step", "0.5 nm for K)");
    }

    /** A run may take exactly one step (duration = time step) and exactly 1e8 steps; 1e8 + 1 steps are refused. */
    @Test
    void particleStepLimitsAreInclusive() {
        ParticleSpec one = parse(particles("duration_s = 1e-12\nsnapshots = 1\n")).particles();
        assertEquals(one.timeStepS(), one.durationS(), 0.0);
        ParticleSpec most = parse(particles("duration_s = 1e-4\n")).particles();
        assertEquals(1e8, Math.rint(most.durationS() / most.timeStepS()), 0.0);
        assertContains(fails(particles("duration_s = 1.00000001e-4\n")), // 100000001 steps
                "particles.duration_s = 0.000100000001: takes 1e8 time steps of 1e-12 s, more than 100000000;");
        assertContains(fails(particles("duration_s = 0.4e-12\n")), "is shorter than one time step");
    }

    /** particles.csv may get exactly 1e7 rows, count × (snapshots + 1); one snapshot more is refused. */
    @Test
    void particleRowLimitIsInclusive() {
        ParticleSpec p = parse(particles("count = 1000000\nsnapshots = 9\n")).particles();
        assertEquals(10_000_000L, (long) p.count() * (p.snapshots() + 1));
        assertContains(fails(particles("count = 1000000\nsnapshots = 10\n")),
                "particles.snapshots = 10: with count = 1000000 makes 11000000 rows of particles.csv, more than 10000000;");
    }

    /** A seed written as a float is exact up to 2^53 = 9007199254740992 (accepted); 2^53 + 2 is refused. */
    @Test
    void floatSeedsAreExactUpToTwoToTheFiftyThree() {
        assertEquals(9007199254740992L, parse(particles("seed = 9.007199254740992e15\n")).particles().seed());
        assertEquals(0L, parse(particles("seed = 0.0\n")).particles().seed());
        assertContains(fails(particles("seed = 9.007199254740994e15\n")),
                "particles.seed = 9007199254740994: is too large to be exact as a float;");
    }

    // ---- schedules ----

    /** A misspelt schedule key that mentions a current is pointed at boundary.current_A_m2. */
    @Test
    void scheduleKeyMentioningACurrentIsGuessed() {
        String text = with("mode = \"steady\"", "mode = \"transient\"\nend_time_s = 1e-3")
                + "\n[[schedule]]\nkey = \"electrode_current\"\ntime_s = [0]\nvalue = [0]\n";
        assertContains(fails(text), "schedule[1].key = \"electrode_current\": unknown schedule key; did you mean "
                + "boundary.current_A_m2? a schedule changes");
    }

    /** Only a string that is a number gets the "write it without quotes" hint; other text is just not a number. */
    @Test
    void quotedTextThatIsNoNumberGetsNoUnquoteHint() {
        String text = with("mode = \"steady\"", "mode = \"transient\"\nend_time_s = 1e-3")
                + "\n[[schedule]]\nkey = \"boundary.current_A_m2\"\ntime_s = [0, \"abc\"]\nvalue = [0, 1]\n";
        String m = fails(text);
        assertContains(m, "schedule[1].time_s = [0, \"abc\"]: element 2 is a string, expected a number; the times in s");
        assertFalse(m.contains("without quotes"), m);
    }
}
