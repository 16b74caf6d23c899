package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without an X display, drawing stops with one line and no stack trace or JOGL chatter. The JVM under test keeps
 * its display; the no-display cases run in a child JVM ({@link NoDisplayProbe}) with DISPLAY unset or unreachable.
 */
class NoDisplayTest {
    @TempDir
    Path dir;

    @Test
    void displayDetection() {
        assertFalse(GlDisplay.displayNamed(null));
        assertFalse(GlDisplay.displayNamed(""));
        assertFalse(GlDisplay.displayNamed("  "));
        assertTrue(GlDisplay.displayNamed(":99"));
        assertTrue(GlDisplay.displayNamed("localhost:10.0"));
        assertTrue(RenderUnavailableException.MESSAGE.startsWith("rendering needs an X display (JOGL)"));
        assertTrue(new RenderUnavailableException() instanceof org.membranepnp.engine.UserInputException);
    }

    @Test
    void withoutDisplayTheProbeSaysOneLine() throws Exception {
        SyntheticResults.writeRun(dir, false);
        assertOneLine(probe(null));
    }

    @Test
    void withAnUnreachableDisplayTheProbeSaysOneLine() throws Exception {
        SyntheticResults.writeRun(dir, false);
        assertOneLine(probe(":4711"));
    }

    private static void assertOneLine(String[] outErrCode) {
        assertEquals("", outErrCode[0], "stdout");
        assertEquals(RenderUnavailableException.MESSAGE, outErrCode[1].strip(), "stderr, exactly one line");
        assertEquals("2", outErrCode[2], "exit code");
    }

    /** Runs {@link NoDisplayProbe} on {@code dir} with DISPLAY set to {@code display} (null: unset). */
    private String[] probe(String display) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                NoDisplayProbe.class.getName(), dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (display == null) {
            pb.environment().remove("DISPLAY");
        } else {
            pb.environment().put("DISPLAY", display);
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {out, err, Integer.toString(p.exitValue())};
    }
}
