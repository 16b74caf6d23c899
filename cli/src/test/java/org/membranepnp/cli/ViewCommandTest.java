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
        assertEquals(List.of("pnp: " + missing + " is not a folder; give a run folder (pnp run --out DIR) or a scenario "
                + "file to run and follow"), r.errLines());
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

    @Test
    void aTwoDimensionalRunOpensOnItsChargeMap() throws Exception {
        Path out = tmp.resolve("k2d");
        assertEquals(0, Cli.run("run", ExampleFiles.file("k-channel-2d").toString(), "--out", out.toString(), "--quiet")
                .code());
        Cli.Outcome r = Cli.run("view", out.toString(), "--width", "900", "--height", "600", "--exit-after-ms", "200",
                "--screenshot");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(out.resolve("screenshot-001.png").toString()), r.out().lines().toList());
        BufferedImage png = ImageIO.read(out.resolve("screenshot-001.png").toFile());
        assertEquals(900, png.getWidth());
        // the charge map: the Debye layers along the membrane are a blue band (inside) and a red band (outside)
        // from the bottom of the plot to its top; a profile's blue and red curves are nowhere that tall
        int blueColumn = 0;
        int redColumn = 0;
        int blueX = -1;
        int redX = -1;
        for (int x = 0; x < 900; x++) {
            int blue = 0;
            int red = 0;
            for (int y = 0; y < 600; y++) {
                int c = png.getRGB(x, y);
                int d = (c & 0xff) - ((c >> 16) & 0xff);
                blue += d > 80 ? 1 : 0;
                red += d < -80 ? 1 : 0;
            }
            if (blue > blueColumn) {
                blueColumn = blue;
                blueX = x;
            }
            if (red > redColumn) {
                redColumn = red;
                redX = x;
            }
        }
        assertTrue(blueColumn > 400 && redColumn > 400, "two tall bands: " + blueColumn + ", " + redColumn);
        assertTrue(blueX < redX && redX - blueX < 120, "blue inside, red outside, the membrane between: " + blueX
                + ", " + redX);
    }

    @Test
    void followsARunningTransientInTheLectureLayout() throws Exception {
        Cli.Outcome r = Cli.run("view", ExampleFiles.file("neuron-rest").toString(), "--set", "run.mode=transient",
                "--set", "run.end_time_s=1e-3", "--frames", "8", "--lecture", "--width", "800", "--height", "500",
                "--screenshots", tmp.toString(), "--exit-after-frames", "4");
        assertEquals(0, r.code(), r.err());
        Path shot = tmp.resolve("screenshot-001.png");
        assertEquals(List.of(shot.toString()), r.out().lines().toList());
        assertTrue(r.err().contains("pictures drawn"), r.err());
        BufferedImage png = ImageIO.read(shot.toFile());
        assertEquals(800, png.getWidth());
        assertEquals(500, png.getHeight());
        int lens = 0;
        int dark = 0;
        for (int y = 0; y < 500; y++) {
            for (int x = 0; x < 800; x++) {
                int c = png.getRGB(x, y) & 0xffffff;
                int dr = Math.abs(((c >> 16) & 0xff) - 0xb0);
                int dg = Math.abs(((c >> 8) & 0xff) - 0x78);
                int db = Math.abs((c & 0xff) - 0x00);
                lens += Math.max(dr, Math.max(dg, db)) < 25 ? 1 : 0;
                dark += (c & 0xff) < 128 ? 1 : 0;
            }
        }
        assertTrue(lens > 300, "the lens of the lecture layout is drawn: " + lens + " pixels");
        assertTrue(dark > 2000, "a figure with its numbers: " + dark);
    }

    @Test
    void aScenarioThatCannotRunIsOneLineAndASetNeedsAScenario() {
        Cli.Outcome r = Cli.run("view", ExampleFiles.file("neuron-rest").toString(), "--set", "mesh.cells=-3");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        r = Cli.run("view", tmp.toString(), "--set", "temperature_K=300");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("pnp: --set changes a scenario"), r.err());
    }
}
