package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;

/** Which figures a folder gets, as files (under Xvfb). */
class FiguresTest {
    @TempDir
    Path tmp;

    @Test
    void aRunFolderGetsItsProfileAndATransientItsTimeSeries() throws Exception {
        Path steady = tmp.resolve("steady");
        SyntheticResults.writeRun(steady, false);
        assertEquals(List.of(steady.resolve("profile.png")), Figures.render(steady, new RenderOptions(640, 400, false)));
        BufferedImage png = ImageIO.read(steady.resolve("profile.png").toFile());
        assertEquals(640, png.getWidth());
        assertEquals(400, png.getHeight());
        try (Stream<Path> files = Files.list(steady)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }

        Path tr = tmp.resolve("transient");
        SyntheticResults.writeRun(tr, true);
        assertEquals(List.of(tr.resolve("profile.png"), tr.resolve("timeseries.png")),
                Figures.render(tr, new RenderOptions(640, 400, true)));
        assertEquals(640, ImageIO.read(tr.resolve("timeseries.png").toFile()).getWidth());
    }

    @Test
    void aSweepFolderGetsItsPlot() throws Exception {
        SyntheticResults.writeSweep(tmp, 5, false);
        assertEquals(List.of(tmp.resolve("sweep.png")), Figures.render(tmp, new RenderOptions(800, 500, false)));
        assertEquals(500, ImageIO.read(tmp.resolve("sweep.png").toFile()).getHeight());
    }

    @Test
    void aFolderWithoutResultsOrABadSizeIsOneLine() throws Exception {
        UserInputException empty = assertThrows(UserInputException.class, () -> Figures.render(tmp, RenderOptions.defaults()));
        assertEquals(tmp + " holds no results to draw: expected summary.json and profiles.csv (pnp run) or sweep.csv "
                + "(pnp sweep)", empty.getMessage());
        UserInputException none = assertThrows(UserInputException.class,
                () -> Figures.render(tmp.resolve("nope"), RenderOptions.defaults()));
        assertTrue(none.getMessage().endsWith("is not a folder; give a run or sweep folder"));
        UserInputException wide = assertThrows(UserInputException.class, () -> new RenderOptions(5000, 1000, false));
        assertEquals("--width must be from 320 to 3840 pixels, got 5000", wide.getMessage());
        Files.writeString(tmp.resolve("sweep.csv"), "point,x,status\n1,2,ok\n");
        UserInputException bad = assertThrows(UserInputException.class, () -> Figures.render(tmp, RenderOptions.defaults()));
        assertTrue(bad.getMessage().startsWith("cannot read " + tmp.resolve("sweep.csv") + ": expected the columns"),
                bad.getMessage());
    }
}
