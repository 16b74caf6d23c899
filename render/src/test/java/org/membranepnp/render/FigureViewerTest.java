package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jogamp.newt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.ResultReader;

/** pnp view's window, really opened (the tests run under xvfb-run -a) on synthetic run folders. */
class FigureViewerTest {
    @Test
    @Timeout(30)
    void showsTheFiguresAndSavesAScreenshotOfTheWindow(@TempDir Path dir) throws Exception {
        SyntheticResults.writeRun(dir, true);
        ChargingAnimationTest.writeSnapshots(dir);
        try (FigureViewer v = FigureViewer.open(dir, 800, 500)) {
            assertTrue(v.awaitFirstDrawn(20_000), "the first figure is drawn");
            assertEquals(List.of(ViewerSession.View.PROFILE, ViewerSession.View.TIME_SERIES,
                    ViewerSession.View.CHARGING), v.session().views());
            Path shot = v.screenshot();
            assertEquals(dir.resolve("screenshot-001.png"), shot);
            BufferedImage img = ImageIO.read(shot.toFile());
            assertEquals(800, img.getWidth());
            assertEquals(500, img.getHeight());
            int unlike = Pixels.countUnlike(img, 0, 0, 800, 500, FigureStyle.BACKGROUND, 40);
            assertTrue(unlike > 2000, "the figure is in the window: " + unlike + " non-background pixels");

            v.act(KeyEvent.VK_RIGHT); // the charging frames, the second one
            assertEquals(ViewerSession.View.CHARGING, v.session().view());
            v.act(KeyEvent.VK_S); // the session's save action
            Path second = dir.resolve("screenshot-002.png");
            for (int i = 0; i < 200 && !Files.exists(second); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.isRegularFile(second), "S saves the next screenshot");
            BufferedImage frame = ImageIO.read(second.toFile());
            assertEquals(800, frame.getWidth());
            assertTrue(Pixels.countUnlike(frame, 0, 0, 800, 500, FigureStyle.BACKGROUND, 40) > 2000);

            v.act(KeyEvent.VK_Q);
            assertTrue(v.awaitClosed(5000), "Q closes the window");
        }
    }

    @Test
    void readsPixelsBackAsDataAtTheNearestNode(@TempDir Path dir) {
        SyntheticResults.writeRun(dir, false);
        ViewerFigures f = new ViewerFigures(dir);
        assertEquals(List.of(ViewerSession.View.PROFILE), f.views());
        var data = ResultReader.profiles(dir);
        String r = ViewerFigures.nodeReadout(data, SyntheticResults.INSIDE_NM + 0.01);
        assertTrue(r.startsWith("x = 1000"), r);
        assertTrue(r.contains("K ") && r.contains(" mM") && r.contains("φ "), r);
        double[] xs = {0, 1, 2, 4};
        assertEquals(2, ViewerFigures.nearest(xs, 2.4));
        assertEquals(3, ViewerFigures.nearest(xs, 9));
        assertEquals(5.0, ViewerFigures.valueAt(Scale.linear(0, 10, 5, false), 0.5), 1e-12);
    }

    @Test
    void aFolderWithoutARunIsOneLine(@TempDir Path dir) throws IOException {
        UserInputException e = assertThrows(UserInputException.class,
                () -> FigureViewer.open(dir.resolve("missing"), 800, 500));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
        Files.writeString(dir.resolve("notes.txt"), "x");
        e = assertThrows(UserInputException.class, () -> FigureViewer.open(dir, 800, 500));
        assertTrue(e.getMessage().contains("no run results"), e.getMessage());
    }
}
