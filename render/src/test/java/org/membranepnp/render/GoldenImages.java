package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;

/**
 * Golden-picture comparison: a picture matches when at most {@value #MAX_DIFFERING_FRACTION} of its pixels differ
 * from the stored one by more than {@value #CHANNEL_TOLERANCE} (Euclidean distance of the RGB channels), which
 * absorbs anti-aliasing and font hinting while catching a moved, missing or recoloured element. Regenerate the
 * stored pictures deliberately with {@code -Dgolden.regenerate=true} (from the render module).
 */
final class GoldenImages {
    static final int CHANNEL_TOLERANCE = 48;
    static final double MAX_DIFFERING_FRACTION = 0.02;

    private GoldenImages() {
    }

    /**
     * Asserts that {@code actual} matches the resource {@code name}; on failure the actual picture is written to
     * {@code scratch} for a look.
     */
    static void assertMatches(BufferedImage actual, String name, Path scratch) throws IOException {
        Path source = Paths.get("src/test/resources/org/membranepnp/render", name);
        boolean regenerate = Boolean.getBoolean("golden.regenerate");
        if (regenerate) {
            Files.createDirectories(source.getParent());
            ImageIO.write(actual, "png", source.toFile());
        }
        BufferedImage golden;
        try (InputStream in = regenerate ? Files.newInputStream(source) : GoldenImages.class.getResourceAsStream(name)) {
            assertTrue(in != null, "missing golden picture " + name);
            golden = ImageIO.read(in);
        }
        assertEquals(golden.getWidth(), actual.getWidth());
        assertEquals(golden.getHeight(), actual.getHeight());
        int differing = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                if (Pixels.distance(actual.getRGB(x, y) & 0xffffff, golden.getRGB(x, y) & 0xffffff) > CHANNEL_TOLERANCE) {
                    differing++;
                }
            }
        }
        double fraction = differing / (double) (actual.getWidth() * actual.getHeight());
        Path written = scratch.resolve(name.replace(".png", "-actual.png"));
        if (fraction > MAX_DIFFERING_FRACTION) {
            ImageIO.write(actual, "png", written.toFile());
        }
        assertTrue(fraction <= MAX_DIFFERING_FRACTION, "differs from the golden picture " + name + " in "
                + fraction * 100 + " % of the pixels (actual picture: " + written + ")");
    }
}
