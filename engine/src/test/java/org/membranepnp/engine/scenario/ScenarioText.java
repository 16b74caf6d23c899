package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** A valid scenario text for tests to break, and helpers to check the resulting messages. */
final class ScenarioText {
    static final String SOURCE = "test.toml";

    static final String VALID = """
            title = "Test cell"
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
            name = "A"
            charge = -1
            diffusion_m2_s = 1e-9

            [inside]
            width_um = 1.0
            permittivity = 80
            concentrations_mM = { K = 140, Na = 15, Cl = 7, A = 148 }

            [outside]
            width_um = 2.0
            permittivity = 80
            concentrations_mM = { K = 4, Na = 145, Cl = 149 }

            [membrane]
            thickness_nm = 5
            permittivity = 5.6
            permeability_cm_s = { K = 1e-7, Na = 4e-9, Cl = 4.5e-8 }

            [boundary]
            inside = "reservoir"
            outside = "reservoir"
            clamp = "current"
            current_A_m2 = 0.0

            [run]
            mode = "steady"
            """;

    private ScenarioText() {
    }

    /** {@link #VALID} with the first occurrence of {@code from} replaced by {@code to}. */
    static String with(String from, String to) {
        return with(VALID, from, to);
    }

    /** {@code text} with the first occurrence of {@code from} replaced by {@code to}. */
    static String with(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0, "test text lacks: " + from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** The 1-based line of the first occurrence of {@code snippet} in {@code text}. */
    static int lineOf(String text, String snippet) {
        int at = text.indexOf(snippet);
        assertTrue(at >= 0, "test text lacks: " + snippet);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Parses {@code text}, expects a ScenarioException and checks its message is one line. */
    static String fails(String text) {
        return fails(text, Map.of());
    }

    /** Like {@link #fails(String)} with overrides. */
    static String fails(String text, Map<String, String> overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, SOURCE, overrides));
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "message is not one line: " + m);
        assertFalse(m.contains("Exception") || m.contains("at com.") || m.contains("[Source"), "message has stack/trace text: " + m);
        assertTrue(m.startsWith(SOURCE), "message does not start with the file: " + m);
        return m;
    }

    /** Asserts that {@code message} starts with {@code test.toml:LINE: } for the line of {@code snippet}. */
    static void assertAtLineOf(String message, String text, String snippet) {
        String prefix = SOURCE + ":" + lineOf(text, snippet) + ": ";
        assertTrue(message.startsWith(prefix), "expected prefix '" + prefix + "' in: " + message);
    }

    /** Asserts {@code message} contains every part. */
    static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
        }
    }
}
