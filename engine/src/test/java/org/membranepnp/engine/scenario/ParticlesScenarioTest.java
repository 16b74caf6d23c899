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

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;

/** The optional {@code [particles]} table: defaults, every error, overrides. */
class ParticlesScenarioTest {

    /** {@link ScenarioText#VALID} with a {@code [particles]} table holding {@code body} at the end. */
    private static String withParticles(String body) {
        return VALID + "\n[particles]\n" + body;
    }

    private static Scenario parse(String text) {
        return ScenarioLoader.parse(text, SOURCE);
    }

    // ---- valid tables ----

    @Test
    void noTableMeansNoParticles() {
        Scenario s = parse(VALID);
        assertSame(ParticleSpec.NONE, s.particles());
        assertFalse(s.particles().present());
    }

    @Test
    void emptyTableTakesTheDefaults() {
        ParticleSpec p = parse(withParticles("")).particles();
        assertEquals(new ParticleSpec(2000, 1e-12, 1e-9, 10, 1), p);
        assertTrue(p.present());
    }

    @Test
    void allKeysGiven() {
        ParticleSpec p = parse(withParticles("count = 500\ntime_step_s = 2e-12\nduration_s = 4e-9\nsnapshots = 20\n"
                + "seed = 42\n")).particles();
        assertEquals(new ParticleSpec(500, 2e-12, 4e-9, 20, 42), p);
    }

    @Test
    void largeSeedsAndIntegralFloatsAreRead() {
        assertEquals(9223372036854775807L, parse(withParticles("seed = 9223372036854775807\n")).particles().seed());
        assertEquals(300, parse(withParticles("count = 300.0\n")).particles().count());
        assertEquals(7, parse(withParticles("seed = 7.0\n")).particles().seed());
    }

    @Test
    void otherKeysAreUntouched() {
        Scenario plain = parse(VALID);
        Scenario s = parse(withParticles("count = 10\n"));
        assertEquals(plain.withParticles(ParticleSpec.NONE).species(), s.species());
        assertEquals(plain.membrane().thicknessNm(), s.membrane().thicknessNm(), 0);
        assertEquals(plain.run(), s.run());
    }

    // ---- count ----

    @Test
    void countMustBeAPositiveWholeNumberWithinTheLimit() {
        String text = withParticles("count = 0\n");
        String m = fails(text);
        assertAtLineOf(m, text, "count = 0");
        assertContains(m, "particles.count = 0: must be from 1 to 1e6; the number of particles drawn from the "
                + "concentrations, e.g. count = 2000 (for no particles, leave out the [particles] table)");
        assertContains(fails(withParticles("count = 2000000\n")), "particles.count = 2000000: must be from 1 to 1e6;");
        assertContains(fails(withParticles("count = 10.5\n")), "particles.count = 10.5: must be a whole number;");
        assertContains(fails(withParticles("count = \"100\"\n")),
                "particles.count = \"100\": expected a number, got a string; write it without quotes: count = 100;");
    }

    // ---- time step and duration ----

    @Test
    void timeStepMustBePositiveAndFineEnough() {
        String text = withParticles("time_step_s = -1e-12\n");
        String m = fails(text);
        assertAtLineOf(m, text, "time_step_s");
        assertContains(m, "particles.time_step_s = -1e-12: must be in (0, 1e-6] s; the integrator time step in s, at "
                + "most 6.2e-11 s (an rms step sqrt(2 D dt) of at most 0.5 nm for Cl), e.g. time_step_s = 1e-12");
        // Cl (2.03e-9 m²/s) at 1e-10 s: sqrt(2 · 2.03e-9 · 1e-10) = 0.637 nm
        assertContains(fails(withParticles("time_step_s = 1e-10\n")), "particles.time_step_s = 1e-10: too coarse: "
                + "Cl would move 0.637 nm rms per step, more than 0.5 nm (a Debye layer is about 0.8 nm at 150 mM);");
        assertEquals(6e-11, parse(withParticles("time_step_s = 6e-11\nduration_s = 6e-9\n")).particles().timeStepS(), 0);
    }

    @Test
    void durationMustHoldAtLeastOneStepAndNotTooMany() {
        String text = withParticles("duration_s = 1e-13\n");
        String m = fails(text);
        assertAtLineOf(m, text, "duration_s");
        assertContains(m, "particles.duration_s = 1e-13: is shorter than one time step (time_step_s = 1e-12); the "
                + "simulated time in s, at least one time step and at most 100000000 time steps, e.g. duration_s = 1e-9");
        assertContains(fails(withParticles("duration_s = 1\n")),
                "particles.duration_s = 1: takes 1e12 time steps of 1e-12 s, more than 100000000;");
        assertContains(fails(withParticles("duration_s = 0\n")), "particles.duration_s = 0: must be in (0, 1] s;");
    }

    // ---- snapshots ----

    @Test
    void snapshotsMustFitTheStepsAndTheFile() {
        String text = withParticles("snapshots = 0\n");
        String m = fails(text);
        assertAtLineOf(m, text, "snapshots");
        assertContains(m, "particles.snapshots = 0: must be from 1 to 1000; the number of particle snapshots after "
                + "the start (the positions at t = 0 are written too), at most the number of time steps, "
                + "e.g. snapshots = 10");
        assertContains(fails(withParticles("duration_s = 5e-12\nsnapshots = 6\n")),
                "particles.snapshots = 6: is more than the 5 time steps of duration_s / time_step_s;");
        assertContains(fails(withParticles("count = 100000\nsnapshots = 1000\nduration_s = 1e-8\n")),
                "particles.snapshots = 1000: with count = 100000 makes 100100000 rows of particles.csv, more than 10000000;");
    }

    // ---- seed ----

    @Test
    void seedMustBeANonNegativeWholeNumber() {
        String text = withParticles("seed = -3\n");
        String m = fails(text);
        assertAtLineOf(m, text, "seed");
        assertContains(m, "particles.seed = -3: must be from 0 to 9223372036854775807; the seed of the random generator, a whole number "
                + "(the same seed gives the same particles), e.g. seed = 1");
        assertContains(fails(withParticles("seed = 1.5\n")), "particles.seed = 1.5: must be a whole number;");
        assertContains(fails(withParticles("seed = \"x\"\n")), "particles.seed = \"x\": expected a number, got a string;");
        assertContains(fails(withParticles("seed = 1e20\n")), "particles.seed = 1e20: must be from 0 to 9223372036854775807;");
    }

    // ---- keys ----

    @Test
    void unknownKeySuggests() {
        String text = withParticles("count = 10\ntime_step = 1e-12\n");
        String m = fails(text);
        assertAtLineOf(m, text, "time_step =");
        assertContains(m, "particles.time_step = 1e-12: unknown key in [particles]; did you mean time_step_s?");
        assertContains(fails(withParticles("colour = 2\n")), "particles.colour = 2: unknown key in [particles]; "
                + "valid keys in [particles]: count, time_step_s, duration_s, snapshots, seed");
    }

    @Test
    void particlesMustBeATable() {
        assertContains(fails("particles = 3\n" + VALID), "particles = 3: expected a table, got an integer; write a "
                + "[particles] table with count, time_step_s, duration_s, snapshots and seed");
    }

    // ---- overrides ----

    @Test
    void overridesAddAndChangeParticles() {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("particles.count", "300");
        sets.put("particles.seed", "9");
        assertEquals(new ParticleSpec(300, 1e-12, 1e-9, 10, 9), ScenarioLoader.parse(VALID, SOURCE, sets).particles());
        assertEquals(5, ScenarioLoader.parse(withParticles("seed = 4\n"), SOURCE, Map.of("particles.seed", "5"))
                .particles().seed());
        assertEquals("test.toml (--set): particles.count = -5: must be from 1 to 1e6; the number of particles drawn from the "
                        + "concentrations, e.g. count = 2000 (for no particles, leave out the [particles] table)",
                fails(VALID, Map.of("particles.count", "-5")));
        assertEquals("test.toml (--set): particles.seeds = 5: unknown key in [particles]; did you mean seed?",
                fails(VALID, Map.of("particles.seeds", "5")));
    }
}
