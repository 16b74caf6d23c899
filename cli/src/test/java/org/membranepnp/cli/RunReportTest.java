package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.scenario.ScenarioLoader;

/** The table of {@code pnp run}, from a hand-made result (no solver needed). */
class RunReportTest {
    /** The resting neuron of examples/neuron-rest.toml. */
    private static Scenario neuron() {
        return ScenarioLoader.load(ExampleFiles.file("neuron-rest"));
    }

    private static String report() {
        Scenario s = neuron();
        double[] cIn = {140, 15, 7, 148};
        double[] cOut = {4, 145, 149, 0};
        Profiles p = new Profiles(new double[] {0, 1, 2}, new double[] {-74.2, -70, 0},
                new double[][] {{140, 1, 4}, {15, 1, 145}, {7, 1, 149}, {148, 0, 0}}, new double[] {0, 0, 0}, 1, 1);
        RunResult r = new RunResult(s, p, null, -74.2, -73.9, cIn, cOut, cIn, cOut,
                new double[] {1.2e-7, -1.2e-7, 0, 0}, -7.3e-4, 3.1e-9, Double.NaN, 17, 1e-12, 0, 1.25, 1200);
        StringWriter out = new StringWriter();
        RunReport.print(new PrintWriter(out, true), r, Summary.of(r, Map.of()), Paths.get("r"));
        return out.toString();
    }

    private static String lineStarting(String text, String prefix) {
        List<String> hits = text.lines().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, hits.size(), "one line starting with '" + prefix + "' in:\n" + text);
        return hits.get(0);
    }

    @Test
    void showsTitleVoltagesAndEverySpecies() {
        String t = report();
        assertTrue(t.startsWith(neuron().title() + "\n"), t);
        assertTrue(lineStarting(t, "  membrane potential V_m").endsWith("-74.20 mV"), t);
        assertTrue(lineStarting(t, "  GHK voltage").contains(" mV"), t);
        // E_K = V_T ln(4/140) = −95.0 mV at 310.15 K; driving force −74.2 − (−95.0) = +20.8 mV
        String k = lineStarting(t, "  K ");
        assertTrue(k.contains("140") && k.contains("-95.0") && k.contains("20.8"), k);
        assertTrue(k.contains("1.158e-02"), "K current zF·J: " + k);
        String a = lineStarting(t, "  A ");
        assertTrue(a.contains("—") && !a.contains("NaN"), "no Nernst potential without ions outside: " + a);
    }

    @Test
    void showsTheNumericalChecksAndTheOutputFolder() {
        String t = report();
        assertTrue(lineStarting(t, "  Debye length").endsWith(" nm"), t);
        assertTrue(lineStarting(t, "  membrane capacitance C_m").contains("0.9917"), t);
        assertTrue(lineStarting(t, "  separated charge").contains("-7.300e-04"), t);
        assertTrue(lineStarting(t, "  bulk electroneutrality").contains("3.1e-09"), t);
        assertTrue(lineStarting(t, "  conservation error").contains("n/a"), t);
        assertTrue(lineStarting(t, "  Newton iterations").endsWith(" 17"), t);
        assertTrue(lineStarting(t, "  wall time").endsWith("1.25 s"), t);
        assertTrue(lineStarting(t, "  output folder").endsWith(" r"), t);
    }

    @Test
    void numbersAreShortAndLocaleIndependent() {
        assertEquals("140", Fmt.num(140.0));
        assertEquals("-95.0263", Fmt.num(-95.02634));
        assertEquals("1.235e-07", Fmt.num(1.2345e-7, 4));
        assertEquals("0", Fmt.num(-0.0));
        assertEquals("NaN", Fmt.num(Double.NaN));
        assertEquals("-74.20", Fmt.fixed(-74.2, 2));
        assertEquals("3.1e-09", Fmt.sci(3.1e-9, 2));
    }
}
