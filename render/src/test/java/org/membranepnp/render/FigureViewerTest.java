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
                    ViewerSession.View.CHARGING, ViewerSession.View.LECTURE), v.session().views());
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
        assertEquals(List.of(ViewerSession.View.PROFILE, ViewerSession.View.LECTURE), f.views());
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

    @Test
    @Timeout(60)
    void theWheelZoomsADragPansAndTheReadoutFollowsTheCursor(@TempDir Path dir) throws Exception {
        SyntheticResults.writeRun(dir, false);
        try (FigureViewer v = FigureViewer.open(dir, 900, 600)) {
            assertTrue(v.awaitFirstDrawn(20_000));
            v.sync();
            assertEquals(0, v.sliderHeight(), "no frames, no slider");
            ViewerFigures.Picture start = v.shownPicture();
            assertEquals(900, start.image().getWidth(), "the picture is the window's size");
            Panel near = start.plots().get(1).panel(); // φ near the membrane, ±10 Debye lengths
            double before = near.x().max() - near.x().min();
            int cx = (int) near.xPx(2.5); // the middle of the membrane
            int cy = (int) ((near.top() + near.bottom()) / 2);
            v.wheel(cx, cy, 3);
            v.sync();
            assertTrue(v.session().state().explorer(), "zoomed: one column over the window");
            Panel phi = v.shownPicture().plots().get(0).panel();
            double after = phi.x().max() - phi.x().min();
            assertEquals(before * Math.pow(ViewerSession.ZOOM_STEP, 3), after, 1e-9 * before);
            assertTrue(phi.x().min() > near.x().min() && phi.x().max() < near.x().max(), "about the cursor");
            BufferedImage zoomed = ImageIO.read(v.screenshot().toFile());
            int band = membranePixels(zoomed, phi);
            double expected = phi.xPx(SyntheticResults.MEMBRANE_NM) - phi.xPx(0);
            assertTrue(expected > 300, "5 nm of lipid in a " + after + " nm window");
            assertTrue(Math.abs(band - expected) < 0.1 * expected, "the band on screen: " + band + " of " + expected);

            // drag the data to the left: the window moves into the outside bath, the lipid band leaves the plot
            int from = (int) phi.right() - 20;
            v.drag(from, cy, from - 700, cy);
            v.sync();
            Panel panned = v.shownPicture().plots().get(0).panel();
            double shift = panned.x().min() - phi.x().min();
            assertEquals(700 * after / (phi.right() - phi.left()), shift, 1e-6 * after, "the data follows the mouse");
            assertTrue(panned.x().min() > SyntheticResults.MEMBRANE_NM, "past the outside face: " + panned.x().min());
            BufferedImage moved = ImageIO.read(v.screenshot().toFile());
            assertTrue(membranePixels(moved, panned) < 3, "no lipid in the window");

            // the readout box beside the cursor
            int mx = (int) ((panned.left() + panned.right()) / 2);
            int my = (int) (panned.top() + 10);
            v.pointAt(mx, my);
            v.sync();
            assertTrue(v.shownPicture().readout(mx, my).contains("\nφ "), v.shownPicture().readout(mx, my));
            BufferedImage with = ImageIO.read(v.screenshot().toFile());
            v.pointAt(-1, -1);
            v.sync();
            BufferedImage without = ImageIO.read(v.screenshot().toFile());
            int differ = 0;
            for (int y = my + 20; y < my + 80; y++) {
                for (int x = mx + 20; x < mx + 160; x++) {
                    differ += Pixels.distance(with.getRGB(x, y) & 0xffffff, without.getRGB(x, y) & 0xffffff) > 40 ? 1 : 0;
                }
            }
            assertTrue(differ > 400, "the values are written beside the cursor: " + differ + " pixels");

            v.act(KeyEvent.VK_0);
            v.sync();
            assertEquals(6, v.shownPicture().plots().size(), "0: the whole profile again");
        }
    }

    /** Pixels of the lipid's colour along a row near the top of {@code p}. */
    private static int membranePixels(BufferedImage img, Panel p) {
        int y = (int) p.top() + 4;
        int n = 0;
        for (int x = (int) p.left() + 2; x < p.right() - 2; x++) {
            n += Pixels.distance(img.getRGB(x, y) & 0xffffff, FigureStyle.MEMBRANE & 0xffffff) < 12 ? 1 : 0;
        }
        return n;
    }

    @Test
    @Timeout(60)
    void theLectureLayoutAndTheSliderPickFrames(@TempDir Path dir) throws Exception {
        SyntheticResults.writeRun(dir, true);
        ChargingAnimationTest.writeSnapshots(dir);
        try (FigureViewer v = FigureViewer.open(dir, 900, 600, true)) {
            assertTrue(v.awaitFirstDrawn(20_000));
            v.sync();
            int count = v.session().frameCount();
            assertEquals(ViewerSession.View.LECTURE, v.session().view(), "--lecture");
            assertEquals(count - 1, v.session().frame(), "on the last frame");
            int sh = v.sliderHeight();
            int fh = v.figureHeight();
            assertTrue(sh > 20 && fh + sh == 600, "a slider under the figure: " + sh);
            ViewerOverlay.Track track = ViewerOverlay.Track.of(900, 600);
            v.press((int) Math.round(track.xOf(1, count)), fh + sh / 2);
            v.sync();
            assertEquals(1, v.session().frame(), "a click picks the frame");
            v.dragTo((int) Math.round(track.xOf(3, count)), fh + sh / 2);
            v.sync();
            assertEquals(3, v.session().frame(), "a drag too");
            BufferedImage img = ImageIO.read(v.screenshot().toFile());
            assertTrue(Pixels.nearest(img, track.xOf(3, count), fh + sh / 2.0, 2, ViewerOverlay.KNOB & 0xffffff) < 20,
                    "the knob at frame 4");
            assertTrue(Pixels.nearest(img, track.xOf(0, count), fh + sh / 2.0, 2, ViewerOverlay.KNOB & 0xffffff) > 60,
                    "not at frame 1");
            int label = Pixels.countUnlike(img, track.x1() + 12, fh + 2, 899, 599, ViewerOverlay.SLIDER_FILL & 0xffffff, 60);
            assertTrue(label > 80, "the frame's time beside the slider: " + label);
            // the lens in the window: the lipid band where the picture's lens plot has the membrane
            Panel lens = v.shownPicture().plots().get(2).panel(); // slab, lens φ, lens ρ
            assertTrue(Pixels.nearest(img, lens.xPx(SyntheticResults.MEMBRANE_NM / 2),
                    lens.top() + (lens.bottom() - lens.top()) * 0.3, 2, FigureStyle.MEMBRANE & 0xffffff) < 12);
            int right = Pixels.countUnlike(img, 620, 120, 890, 300, FigureStyle.BACKGROUND, 60);
            assertTrue(right > 1000, "the live numbers: " + right);
            v.act(KeyEvent.VK_V);
            v.sync();
            assertEquals(ViewerSession.View.PROFILE, v.session().view(), "V leaves the lecture layout");
            assertEquals(0, v.sliderHeight(), "the final profile has no slider");
        }
    }

    @Test
    @Timeout(60)
    void aLiveFeedUpdatesThePictureAsFramesArrive(@TempDir Path dir) throws Exception {
        SyntheticResults.writeRun(dir, false);
        SyntheticFeed feed = new SyntheticFeed(dir);
        feed.add(0, 0);
        try (FigureViewer v = FigureViewer.open(feed, 900, 600, false, dir)) {
            assertTrue(v.awaitFirstDrawn(20_000));
            assertTrue(v.awaitLiveFrames(1, 10_000));
            v.sync();
            assertEquals(ViewerSession.LATEST, v.session().frame(), "following the run");
            assertTrue(v.sliderHeight() > 0, "a live run has a slider");
            BufferedImage flat = ImageIO.read(v.screenshot().toFile());
            Panel phi0 = v.shownPicture().plots().get(0).panel(); // φ across the whole slab
            feed.add(1e-9, 0.5);
            feed.add(1e-6, 1.0);
            assertTrue(v.awaitLiveFrames(3, 10_000), "the new frames are shown");
            v.sync();
            assertEquals(3, v.session().frameCount());
            BufferedImage charged = ImageIO.read(v.screenshot().toFile());
            Panel phi = v.shownPicture().plots().get(0).panel();
            assertTrue(Pixels.nearest(charged, phi.xPx(0.25), phi.yPx(SyntheticResults.VM), 2,
                    ProfileFigure.POTENTIAL & 0xffffff) < 70, "φ at V_m in the inside bath");
            assertTrue(Pixels.nearest(flat, phi0.xPx(0.25), phi0.yPx(0), 2, ProfileFigure.POTENTIAL & 0xffffff) < 70,
                    "φ at 0 before");
            v.act(KeyEvent.VK_SPACE);
            assertEquals(1, feed.pauses, "Space pauses the run");
            assertEquals(LiveFeed.Phase.PAUSED, feed.phase());
            v.act(KeyEvent.VK_V);
            v.sync();
            assertEquals(ViewerSession.View.LECTURE, v.session().view());
            assertTrue(v.shownPicture().plots().size() >= 4, "the lecture layout with V_m(t)");
            feed.add(1e-4, 1.0);
            feed.finish();
            assertTrue(v.awaitLiveFrames(4, 10_000));
            FigureViewer.FrameStats stats = v.frameStats();
            assertTrue(stats.frames() >= 4, stats.toString());
            System.out.printf("live frames 900x600 (no multisampling): %s%n", stats);
            v.act(KeyEvent.VK_Q);
            assertTrue(v.awaitClosed(5000));
        }
    }
}
