package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.membranepnp.engine.scenario.ScenarioText.SOURCE;
import static org.membranepnp.engine.scenario.ScenarioText.VALID;
import static org.membranepnp.engine.scenario.ScenarioText.assertAtLineOf;
import static org.membranepnp.engine.scenario.ScenarioText.assertContains;
import static org.membranepnp.engine.scenario.ScenarioText.fails;
import static org.membranepnp.engine.scenario.ScenarioText.lineOf;
import static org.membranepnp.engine.scenario.ScenarioText.with;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Schedule;
import org.membranepnp.engine.model.Scenario;

/** The optional {@code [[schedule]]} tables: the three kinds of key, steps and ramps, every error, overrides. */
class ScheduleScenarioTest {

    /** {@link ScenarioText#VALID} as a 20 ms transient (reservoirs on both sides, current clamp at 0). */
    private static final String TRANSIENT = with("mode = \"steady\"", "mode = \"transient\"\nend_time_s = 0.02");
    /** {@link #TRANSIENT} with a voltage clamp. */
    private static final String VOLTAGE_CLAMP = with(TRANSIENT, "clamp = \"current\"\ncurrent_A_m2 = 0.0",
            "clamp = \"voltage\"\nvoltage_mV = -60");
    /** A 1 ms sodium surge to 20 P_K. */
    private static final String SURGE = """
            key = "membrane.permeability_cm_s.Na"
            time_s = [0, 1e-3, 1e-3, 2e-3, 2e-3]
            value = [4e-9, 4e-9, 2e-6, 2e-6, 4e-9]
            """;

    /** {@code text} with one {@code [[schedule]]} table per body at the end. */
    private static String withSchedules(String text, String... bodies) {
        StringBuilder b = new StringBuilder(text);
        for (String body : bodies) {
            b.append("\n[[schedule]]\n").append(body);
        }
        return b.toString();
    }

    /** {@link #TRANSIENT} with one schedule {@code key} = {@code keyText}, times and values as given. */
    private static String schedule(String keyText, String times, String values) {
        return withSchedules(TRANSIENT, "key = " + keyText + "\ntime_s = " + times + "\nvalue = " + values + "\n");
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
    void noScheduleMeansNone() {
        assertEquals(List.of(), parse(VALID).schedules());
        assertEquals(List.of(), parse(TRANSIENT).schedules());
    }

    @Test
    void permeabilitySurgeWithSteps() {
        List<Schedule> list = parse(withSchedules(TRANSIENT, SURGE)).schedules();
        assertEquals(1, list.size());
        Schedule s = list.get(0);
        assertEquals("membrane.permeability_cm_s.Na", s.key());
        assertEquals("Na", s.permeabilitySpecies());
        assertArrayEquals(new double[] {0, 1e-3, 1e-3, 2e-3, 2e-3}, s.timesS(), 0);
        assertArrayEquals(new double[] {4e-9, 4e-9, 2e-6, 2e-6, 4e-9}, s.values(), 0);
        assertEquals(4e-9, s.valueAt(0.5e-3), 0);
        assertEquals(2e-6, s.valueAt(1e-3), 0, "two equal times make a step");
        assertEquals(4e-9, s.valueAt(2e-3), 0);
    }

    @Test
    void rampsIntegersAndOnePoint() {
        Schedule ramp = parse(schedule("\"boundary.current_A_m2\"", "[0, 1, 3]", "[0, 2, -1]")).schedules().get(0);
        assertArrayEquals(new double[] {0, 1, 3}, ramp.timesS(), 0);
        assertEquals(1, ramp.valueAt(0.5), 1e-15);
        assertEquals(0.5, ramp.valueAt(2), 1e-15);
        Schedule constant = parse(schedule("\"membrane.permeability_cm_s.K\"", "[0]", "[2e-7]")).schedules().get(0);
        assertEquals(2e-7, constant.valueAt(5), 0);
        // a permeability may be scheduled to 0 (closed) and the times may start before 0
        assertEquals(0, parse(schedule("\"membrane.permeability_cm_s.Cl\"", "[-1, 1e-3]", "[4.5e-8, 0]"))
                .schedules().get(0).valueAt(1), 0);
    }

    @Test
    void clampSchedules() {
        Schedule current = parse(schedule("\"boundary.current_A_m2\"", "[0, 1e-3, 1e-3]", "[0, 0, 0.01]")).schedules().get(0);
        assertEquals("boundary.current_A_m2", current.key());
        assertEquals(null, current.permeabilitySpecies());
        Schedule voltage = parse(withSchedules(VOLTAGE_CLAMP,
                "key = \"boundary.voltage_mV\"\ntime_s = [0, 1e-3, 1e-3]\nvalue = [-60, -60, 0]\n")).schedules().get(0);
        assertEquals("boundary.voltage_mV", voltage.key());
        assertEquals(0, voltage.valueAt(2e-3), 0);
    }

    @Test
    void severalSchedulesKeepTheirOrderAndMultiLineArraysRead() {
        String text = withSchedules(TRANSIENT, SURGE,
                "key = \"membrane.permeability_cm_s.K\"\ntime_s = [\n  0,\n  1e-3,\n]\nvalue = [\n  1e-7,\n  2e-7,\n]\n",
                "key = \"boundary.current_A_m2\"\ntime_s = [0]\nvalue = [0]\n");
        List<Schedule> list = parse(text).schedules();
        assertEquals(List.of("membrane.permeability_cm_s.Na", "membrane.permeability_cm_s.K", "boundary.current_A_m2"),
                list.stream().map(Schedule::key).toList());
        assertArrayEquals(new double[] {1e-7, 2e-7}, list.get(1).values(), 0);
        // the line of an error in a later table and after a multi-line array
        String bad = with(text, "value = [0]", "value = [-0.5, 1]");
        String m = fails(bad);
        assertAtLineOf(m, bad, "value = [-0.5, 1]");
        assertContains(m, "schedule[3].value = [-0.5, 1]: has 2 values but time_s has 1 time; one value per time, in A/m²");
    }

    @Test
    void emptyScheduleArrayIsNone() {
        assertEquals(List.of(), parse("schedule = []\n" + TRANSIENT).schedules());
    }

    // ---- the key ----

    @Test
    void unknownKeySuggestsAValidForm() {
        String text = schedule("\"membrane.permeability.Na\"", "[0]", "[1e-8]");
        String m = fails(text);
        assertAtLineOf(m, text, "key = \"membrane.permeability.Na\"");
        assertEquals(SOURCE + ":" + lineOf(text, "key = \"membrane") + ": schedule[1].key = \"membrane.permeability.Na\": "
                + "unknown schedule key; did you mean membrane.permeability_cm_s.Na? a schedule changes "
                + "membrane.permeability_cm_s.<species> (species: K, Na, Cl, A), boundary.current_A_m2 or boundary.voltage_mV", m);
        assertContains(fails(schedule("\"boundary.current_A_m\"", "[0]", "[0]")),
                "schedule[1].key = \"boundary.current_A_m\": unknown schedule key; did you mean boundary.current_A_m2?");
        assertContains(fails(schedule("\"boundary.voltage\"", "[0]", "[0]")),
                "schedule[1].key = \"boundary.voltage\": unknown schedule key; did you mean boundary.voltage_mV?");
        assertContains(fails(schedule("\"permeability_cm_s.k\"", "[0]", "[0]")),
                "unknown schedule key; did you mean membrane.permeability_cm_s.K?");
        assertContains(fails(schedule("\"sodium\"", "[0]", "[0]")),
                "schedule[1].key = \"sodium\": unknown schedule key; a schedule changes membrane.permeability_cm_s.<species>");
    }

    @Test
    void keysThatCannotChangeInTimeSaySo() {
        assertContains(fails(schedule("\"outside.concentrations_mM.K\"", "[0]", "[20]")),
                "schedule[1].key = \"outside.concentrations_mM.K\": cannot change in time; a schedule changes "
                        + "membrane.permeability_cm_s.<species> (species: K, Na, Cl, A), boundary.current_A_m2 or boundary.voltage_mV");
        assertContains(fails(schedule("\"temperature_K\"", "[0]", "[300]")), "schedule[1].key = \"temperature_K\": cannot change in time;");
    }

    @Test
    void speciesMustBeDeclared() {
        String text = schedule("\"membrane.permeability_cm_s.Nq\"", "[0]", "[1e-8]");
        String m = fails(text);
        assertAtLineOf(m, text, "key = ");
        assertContains(m, "schedule[1].key = \"membrane.permeability_cm_s.Nq\": unknown species Nq; did you mean "
                + "membrane.permeability_cm_s.Na? declared species: K, Na, Cl, A (add a [[species]] block for a new ion)");
        assertContains(fails(schedule("\"membrane.permeability_cm_s.Mg\"", "[0]", "[1e-8]")),
                "schedule[1].key = \"membrane.permeability_cm_s.Mg\": unknown species Mg; declared species: K, Na, Cl, A");
        assertContains(fails(schedule("\"membrane.permeability_cm_s.\"", "[0]", "[1e-8]")),
                "unknown species (none after the last dot); declared species: K, Na, Cl, A");
    }

    @Test
    void impermeantSpeciesNeedsAPermeabilityFirst() {
        String text = schedule("\"membrane.permeability_cm_s.A\"", "[0, 1e-3]", "[0, 1e-8]");
        String m = fails(text);
        assertAtLineOf(m, text, "key = ");
        assertContains(m, "schedule[1].key = \"membrane.permeability_cm_s.A\": A is impermeant (no permeability in [membrane]), "
                + "and a schedule can only change a permeability that is there; give it a permeability in [membrane] "
                + "permeability_cm_s first, e.g. A = 1e-9");
    }

    @Test
    void keyIsRequiredAndAString() {
        String text = withSchedules(TRANSIENT, "time_s = [0]\nvalue = [0]\n");
        String m = fails(text);
        assertAtLineOf(m, text, "[[schedule]]");
        assertContains(m, "schedule[1].key: missing; add key = \"membrane.permeability_cm_s.Na\" (the parameter that changes; "
                + "a schedule changes membrane.permeability_cm_s.<species> (species: K, Na, Cl, A), boundary.current_A_m2 or "
                + "boundary.voltage_mV) in [[schedule]] #1");
        assertContains(fails(schedule("3", "[0]", "[0]")), "schedule[1].key = 3: expected a string, got an integer; a schedule changes");
    }

    // ---- times and values ----

    @Test
    void timesMustNotDecrease() {
        String text = schedule("\"boundary.current_A_m2\"", "[0, 2e-3, 1e-3]", "[0, 1, 0]");
        String m = fails(text);
        assertAtLineOf(m, text, "time_s = [");
        assertContains(m, "schedule[1].time_s = [0, 0.002, 0.001]: times must not decrease, but element 3 (0.001) is before "
                + "element 2 (0.002); the times in s, non-decreasing (two equal times make a step), e.g. time_s = [0, 1e-3, 1e-3, 2e-3, 2e-3]");
    }

    @Test
    void oneValuePerTime() {
        String text = schedule("\"membrane.permeability_cm_s.Na\"", "[0, 1e-3, 1e-3]", "[4e-9, 2e-6]");
        String m = fails(text);
        assertAtLineOf(m, text, "value = ");
        assertContains(m, "schedule[1].value = [4e-9, 0.000002]: has 2 values but time_s has 3 times; one value per time, in cm/s, "
                + "e.g. value = [4e-9, 4e-9, 2e-6, 2e-6, 4e-9]");
        assertContains(fails(with(VOLTAGE_CLAMP, "[run]", "[[schedule]]\nkey = \"boundary.voltage_mV\"\ntime_s = [0]\n"
                + "value = [-60, 0]\n\n[run]")), "schedule[1].value = [-60, 0]: has 2 values but time_s has 1 time; one value per time, "
                + "in mV, e.g. value = [-70, -70, 0, 0, -70]");
    }

    @Test
    void permeabilitiesMustNotBeNegative() {
        String text = schedule("\"membrane.permeability_cm_s.Na\"", "[0, 1e-3]", "[4e-9, -2e-6]");
        String m = fails(text);
        assertAtLineOf(m, text, "value = ");
        assertContains(m, "schedule[1].value = [4e-9, -0.000002]: element 2 is -0.000002, but membrane.permeability_cm_s.Na must be "
                + "from 0 to 1 cm/s; "
                + "one value per time, in cm/s");
        // clamp currents and voltages may be negative
        assertEquals(-0.01, parse(schedule("\"boundary.current_A_m2\"", "[0]", "[-0.01]")).schedules().get(0).values()[0], 0);
    }

    @Test
    void arraysMustNotBeEmpty() {
        String text = schedule("\"membrane.permeability_cm_s.Na\"", "[]", "[]");
        String m = fails(text);
        assertAtLineOf(m, text, "time_s = [");
        assertContains(m, "schedule[1].time_s = []: is empty; give at least one number, the times in s");
        assertContains(fails(schedule("\"membrane.permeability_cm_s.Na\"", "[0]", "[]")),
                "schedule[1].value = []: is empty; give at least one number, one value per time, in cm/s");
    }

    @Test
    void arraysHoldFiniteNumbers() {
        String text = schedule("\"membrane.permeability_cm_s.Na\"", "[0, \"1e-3\"]", "[4e-9, 2e-6]");
        String m = fails(text);
        assertAtLineOf(m, text, "time_s = [");
        assertContains(m, "schedule[1].time_s = [0, \"1e-3\"]: element 2 is a string (write it without quotes: 1e-3), "
                + "expected a number; the times in s");
        assertContains(fails(schedule("\"membrane.permeability_cm_s.Na\"", "[0]", "[true]")),
                "schedule[1].value = [true]: element 1 is a boolean, expected a number; one value per time, in cm/s");
        assertContains(fails(schedule("\"membrane.permeability_cm_s.Na\"", "[0]", "[[1]]")),
                "schedule[1].value = [[1]]: element 1 is an array, expected a number;");
        assertContains(fails(schedule("\"boundary.current_A_m2\"", "[0, inf]", "[0, 1]")),
                "schedule[1].time_s = [0, inf]: element 2 is inf, but a time must be a finite number from -1e6 to 1e6 s;");
        assertContains(fails(schedule("\"boundary.current_A_m2\"", "[0]", "[nan]")),
                "schedule[1].value = [nan]: element 1 is nan, but boundary.current_A_m2 must be a finite number from -1000 to 1000 A/m²;");
    }

    @Test
    void arraysAreArrays() {
        String text = schedule("\"membrane.permeability_cm_s.Na\"", "1e-3", "[2e-6]");
        String m = fails(text);
        assertAtLineOf(m, text, "time_s = 1e-3");
        assertContains(m, "schedule[1].time_s = 0.001: expected an array of numbers, got a number; write a single point as [0.001]; "
                + "the times in s");
        assertContains(fails(schedule("\"membrane.permeability_cm_s.Na\"", "[0]", "\"2e-6\"")),
                "schedule[1].value = \"2e-6\": expected an array of numbers, got a string; one value per time, in cm/s");
    }

    @Test
    void timesAndValuesAreRequired() {
        String text = withSchedules(TRANSIENT, "key = \"membrane.permeability_cm_s.Na\"\nvalue = [0]\n");
        String m = fails(text);
        assertAtLineOf(m, text, "[[schedule]]");
        assertContains(m, "schedule[1].time_s: missing; add time_s = [0, 1e-3, 1e-3, 2e-3, 2e-3] (times in s) in [[schedule]] #1");
        assertContains(fails(withSchedules(TRANSIENT, "key = \"boundary.current_A_m2\"\ntime_s = [0]\n")),
                "schedule[1].value: missing; add value = [0, 0, 0.01, 0.01, 0] (A/m², one per time) in [[schedule]] #1");
    }

    // ---- where schedules may act ----

    @Test
    void steadyRunsRefuseSchedules() {
        String text = withSchedules(VALID, SURGE);
        String m = fails(text);
        assertAtLineOf(m, text, "key = \"membrane");
        assertContains(m, "schedule[1].key = \"membrane.permeability_cm_s.Na\": schedules act only in transient runs, but [run] "
                + "mode is \"steady\"; set mode = \"transient\" and end_time_s under [run], or remove the [[schedule]] tables");
        // no [run] table at all is steady too
        assertContains(fails(withSchedules(VALID.substring(0, VALID.indexOf("[run]")), SURGE)), "schedules act only in transient runs");
    }

    @Test
    void currentScheduleNeedsACurrentClampAtAnInsideReservoir() {
        String walled = with(TRANSIENT, "inside = \"reservoir\"", "inside = \"wall\"");
        String text = withSchedules(walled, "key = \"boundary.current_A_m2\"\ntime_s = [0]\nvalue = [0]\n");
        String m = fails(text);
        assertAtLineOf(m, text, "key = \"boundary");
        assertContains(m, "schedule[1].key = \"boundary.current_A_m2\": needs a current clamp at an inside reservoir (the current "
                + "enters through an electrode there and leaves through one in the outside reservoir), but boundary.inside is "
                + "\"wall\"; set boundary.inside = \"reservoir\" and boundary.outside = \"reservoir\"");
        assertContains(fails(withSchedules(VOLTAGE_CLAMP, "key = \"boundary.current_A_m2\"\ntime_s = [0]\nvalue = [0]\n")),
                "schedule[1].key = \"boundary.current_A_m2\": needs a current clamp, but boundary.clamp is \"voltage\"; schedule "
                        + "boundary.voltage_mV instead, or set clamp = \"current\" under [boundary]");
    }

    @Test
    void voltageScheduleNeedsAVoltageClamp() {
        String text = schedule("\"boundary.voltage_mV\"", "[0, 1e-3]", "[-60, 0]");
        String m = fails(text);
        assertAtLineOf(m, text, "key = \"boundary");
        assertContains(m, "schedule[1].key = \"boundary.voltage_mV\": needs a voltage clamp, but boundary.clamp is \"current\"; "
                + "set clamp = \"voltage\" and voltage_mV under [boundary] (with reservoirs on both sides), or schedule "
                + "boundary.current_A_m2");
    }

    @Test
    void oneTablePerKey() {
        String text = withSchedules(TRANSIENT, SURGE, "key = \"membrane.permeability_cm_s.K\"\ntime_s = [0]\nvalue = [1e-7]\n",
                "key = \"membrane.permeability_cm_s.Na\"\ntime_s = [0]\nvalue = [1e-8]\n");
        String m = fails(text);
        int line = text.lines().toList().lastIndexOf("key = \"membrane.permeability_cm_s.Na\"") + 1;
        assertTrue(m.startsWith(SOURCE + ":" + line + ": "), m);
        assertContains(m, "schedule[3].key = \"membrane.permeability_cm_s.Na\": already scheduled by [[schedule]] #1, line "
                + lineOf(text, "key = \"membrane.permeability_cm_s.Na\"") + "; give each key one [[schedule]] table and put all "
                + "its times in one time_s and value");
    }

    // ---- the tables ----

    @Test
    void unknownKeyInATable() {
        String text = withSchedules(TRANSIENT, SURGE + "from_s = 1e-3\n");
        String m = fails(text);
        assertAtLineOf(m, text, "from_s");
        assertContains(m, "schedule[1].from_s = 0.001: unknown key in [[schedule]] #1; valid keys in [[schedule]] #1: key, time_s, value");
        assertContains(fails(withSchedules(TRANSIENT, "key = \"boundary.current_A_m2\"\ntime = [0]\nvalue = [0]\n")),
                "schedule[1].time = [0]: unknown key in [[schedule]] #1; did you mean time_s?");
        assertContains(fails(withSchedules(TRANSIENT, "key = \"boundary.current_A_m2\"\ntime_s = [0]\nvalues = [0]\n")),
                "schedule[1].values = [0]: unknown key in [[schedule]] #1; did you mean value?");
    }

    @Test
    void scheduleMustBeTables() {
        assertContains(fails("schedule = 3\n" + TRANSIENT), "schedule = 3: expected [[schedule]] tables, got an integer; "
                + "write [[schedule]] tables, each with key, time_s and value");
        assertContains(fails("schedule = [1, 2]\n" + TRANSIENT), "schedule[1] = 1: expected a table with key, time_s and value;");
    }

    // ---- overrides ----

    @Test
    void overrideReplacesAnArray() {
        String text = withSchedules(TRANSIENT, SURGE);
        Scenario s = ScenarioLoader.parse(text, SOURCE, ordered("schedule[1].time_s", "[0, 1e-3, 1e-3, 20e-3, 20e-3]",
                "run.end_time_s", "0.04"));
        assertArrayEquals(new double[] {0, 1e-3, 1e-3, 20e-3, 20e-3}, s.schedules().get(0).timesS(), 0);
        assertEquals(0.04, s.run().endTimeS(), 0);
        Scenario k = ScenarioLoader.parse(text, SOURCE, ordered("schedule.1.key", "\"membrane.permeability_cm_s.K\""));
        assertEquals("membrane.permeability_cm_s.K", k.schedules().get(0).key());
    }

    @Test
    void overriddenSchedulesAreCheckedAndMarked() {
        String text = withSchedules(TRANSIENT, SURGE);
        assertEquals(SOURCE + " (--set): schedule[1].value = [4e-9, 0.000002]: has 2 values but time_s has 5 times; one value per time, "
                + "in cm/s, e.g. value = [4e-9, 4e-9, 2e-6, 2e-6, 4e-9]", fails(text, Map.of("schedule[1].value", "[4e-9, 2e-6]")));
        assertContains(fails(text, Map.of("schedule[2].value", "[1]")), SOURCE + " (--set): schedule[2].value = [1]: there is 1 "
                + "[[schedule]] table in the file; they are numbered from 1, e.g. schedule[1].value, and overrides cannot add one");
        assertContains(fails(TRANSIENT, Map.of("schedule[1].value", "[1]")), "there is no [[schedule]] table in the file;");
        assertContains(fails(text, Map.of("schedule.value", "[1]")),
                "schedule.value = [1]: name one [[schedule]] table by its number and a field, e.g. schedule[1].value");
        assertContains(fails(text, Map.of("schedule", "[1]")), "name one [[schedule]] table by its number and a field");
        assertContains(fails(text, Map.of("schedule[1].valu", "[1]")),
                "schedule[1].valu = [1]: unknown key in [[schedule]] #1; did you mean value?");
        // a steady file with a schedule is refused, and accepted once --set makes it a transient
        String steady = withSchedules(VALID, SURGE);
        assertContains(fails(steady), "schedules act only in transient runs");
        assertEquals(1, ScenarioLoader.parse(steady, SOURCE, ordered("run.mode", "transient", "run.end_time_s", "0.02"))
                .schedules().size());
    }
}
