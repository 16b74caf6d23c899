package org.membranepnp.render;

import com.jogamp.opengl.GLProfile;
import java.awt.AWTError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The OpenGL profile the figures are drawn with (fixed-function GL2, offscreen). JOGL 2.3.2 needs an X display for
 * it; without one, {@link #profile()} throws {@link RenderUnavailableException} and JOGL's own diagnostics, which it
 * prints on stderr while it probes the platform, are kept off the terminal. Java2D is set headless (unless the
 * property is given), since the figures need no AWT windows.
 */
final class GlDisplay {
    private static GLProfile profile;

    private GlDisplay() {
    }

    /**
     * The GL2 profile, initialising JOGL on first use.
     *
     * @throws RenderUnavailableException if there is no X display or no OpenGL on it
     */
    static synchronized GLProfile profile() {
        if (profile != null) {
            return profile;
        }
        if (!displayNamed(System.getenv("DISPLAY"))) {
            throw new RenderUnavailableException();
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // JOGL then leaves AWT's X connection alone
        }
        PrintStream stderr = System.err;
        ByteArrayOutputStream probe = new ByteArrayOutputStream();
        System.setErr(new PrintStream(probe, true, StandardCharsets.UTF_8));
        try {
            GLProfile.initSingleton();
            profile = GLProfile.get(GLProfile.GL2);
            return profile;
        } catch (RuntimeException | LinkageError | AWTError e) { // GLException, NativeWindowException, no X server
            RenderUnavailableException ex = new RenderUnavailableException(e);
            if (probe.size() > 0) {
                ex.addSuppressed(new IllegalStateException("JOGL said: " + probe.toString(StandardCharsets.UTF_8)));
            }
            throw ex;
        } finally {
            System.setErr(stderr);
        }
    }

    /** True if the value of {@code DISPLAY} names a display (JOGL cannot open one otherwise). */
    static boolean displayNamed(String display) {
        return display != null && !display.isBlank();
    }
}
