package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pnp render, run --render and sweep --render (need a display: the tests run under xvfb-run -a). */
class RenderCommandTest {
    @TempDir
    Path tmp;

    @Test
    void rendersARunFolderAndListsTheFiles() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(0, Cli.run("run", ExampleFiles.file("neuron-rest").toString(), "--out", out.toString(), "--quiet").code());
        Cli.Outcome r = Cli.run("render", out.toString(), "--width", "640", "--height", "400", "--log-concentrations");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(out.resolve("profile.png").toString()), r.out().lines().toList());
        BufferedImage png = ImageIO.read(out.resolve("profile.png").toFile());
        assertEquals(640, png.getWidth());
        assertEquals(400, png.getHeight());
    }

    @Test
    void runAndSweepRenderWhenAsked() throws Exception {
        Path run = tmp.resolve("run");
        Cli.Outcome r = Cli.run("run", ExampleFiles.file("neuron-rest").toString(), "--out", run.toString(), "--render");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  figure +" + java.util.regex.Pattern.quote(
                run.resolve("profile.png").toString()))), r.out());
        assertTrue(Files.size(run.resolve("profile.png")) > 10_000);

        Path sweep = tmp.resolve("sweep");
        Cli.Outcome s = Cli.run("sweep", ExampleFiles.file("sweep-potassium").toString(), "--vary",
                "outside.concentrations_mM.K=2,20,200", "--balance", "outside.concentrations_mM.Cl", "--out",
                sweep.toString(), "--render", "--quiet");
        assertEquals(0, s.code(), s.err());
        assertEquals("", s.out(), "--quiet prints nothing");
        assertEquals(1000, ImageIO.read(sweep.resolve("sweep.png").toFile()).getHeight());
    }

    @Test
    void aTwoDimensionalRunDrawsItsFieldMaps() throws Exception {
        Path out = tmp.resolve("k2d");
        Cli.Outcome r = Cli.run("run", ExampleFiles.file("k-channel-2d").toString(), "--out", out.toString(),
                "--render", "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("summary.json", "profiles.csv", "fields.csv", "fields.vtk", "profile.png",
                "field-charge.png", "field-potential.png", "field-c_K.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        BufferedImage charge = ImageIO.read(out.resolve("field-charge.png").toFile());
        assertEquals(1600, charge.getWidth());
        // the layer on the outside face (just right of the membrane's middle, far from the pore) is drawn red,
        // the one on the inside face blue: find them along the row a fifth from the bottom
        int y = (int) (charge.getHeight() * 0.8);
        int reddest = 0;
        int bluest = 0;
        for (int x = 0; x < charge.getWidth() * 0.85; x++) {
            int c = charge.getRGB(x, y);
            int red = (c >> 16) & 0xff;
            int blue = c & 0xff;
            reddest = Math.max(reddest, red - blue);
            bluest = Math.max(bluest, blue - red);
        }
        assertTrue(reddest > 80 && bluest > 80, "both charge layers are visible: " + reddest + ", " + bluest);
    }

    @Test
    void mistakesAreOneLineWithExitCode2() {
        Cli.Outcome empty = Cli.run("render", tmp.toString());
        assertEquals(2, empty.code());
        assertEquals(List.of("pnp: " + tmp + " holds no results to draw: expected summary.json and profiles.csv "
                + "(pnp run) or sweep.csv (pnp sweep)"), empty.errLines());
        Cli.Outcome narrow = Cli.run("render", tmp.toString(), "--width", "100");
        assertEquals(2, narrow.code());
        assertEquals(List.of("pnp: --width must be from 320 to 3840 pixels, got 100"), narrow.errLines());
    }

    @Test
    void helpNamesTheFiguresAndXvfb() {
        Cli.Outcome h = Cli.run("render", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("profile.png") && h.out().contains("sweep.png") && h.out().contains("xvfb-run -a"));
        assertTrue(Cli.run("--help").out().contains("render"));
        assertTrue(Cli.run("run", "--help").out().contains("--render"));
        assertTrue(Cli.run("sweep", "--help").out().contains("--render"));
    }
}
