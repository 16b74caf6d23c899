package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pnp view (the window test needs a display: the tests run under xvfb-run -a). */
class ViewCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFolderIsOneLineWithExitCode2() {
        Path missing = tmp.resolve("missing");
        Cli.Outcome r = Cli.run("view", missing.toString());
        assertEquals(2, r.code());
        assertEquals(List.of("pnp: " + missing + " is not a folder; give a run folder (pnp run --out DIR)"), r.errLines());
    }

    @Test
    void aBadSizeIsOneLineWithExitCode2() {
        Cli.Outcome r = Cli.run("view", tmp.toString(), "--width", "100");
        assertEquals(2, r.code());
        assertEquals(List.of("pnp: --width must be from 320 to 3840 pixels, got 100"), r.errLines());
    }

    @Test
    void opensDrawsSavesAndCloses() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(0, Cli.run("run", ExampleFiles.file("neuron-rest").toString(), "--out", out.toString(), "--quiet").code());
        Cli.Outcome r = Cli.run("view", out.toString(), "--width", "640", "--height", "400", "--exit-after-ms", "200",
                "--screenshot");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(out.resolve("screenshot-001.png").toString()), r.out().lines().toList());
        BufferedImage png = ImageIO.read(out.resolve("screenshot-001.png").toFile());
        assertEquals(640, png.getWidth());
        assertEquals(400, png.getHeight());
        int dark = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 640; x++) {
                dark += (png.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        assertTrue(dark > 500, "a figure, not a blank window: " + dark);
    }
}
