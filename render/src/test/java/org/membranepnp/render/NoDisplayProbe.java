package org.membranepnp.render;

import java.nio.file.Path;

/** Child JVM of {@link NoDisplayTest}: draws the folder given; prints a user error's one line to stderr, exit 2. */
public final class NoDisplayProbe {
    private NoDisplayProbe() {
    }

    public static void main(String[] args) {
        try {
            Figures.render(Path.of(args[0]), RenderOptions.defaults());
            System.out.println("drawn");
        } catch (org.membranepnp.engine.UserInputException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
