package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.membranepnp.engine.result.FieldFiles;
import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.render.ViewerSession.View;

/**
 * The field-map view of pnp view on a synthetic 2-D run folder (the fields of {@link FieldFiguresTest#sample}: a
 * membrane at 50..55 nm with a negative Debye layer on its inside face, a positive one outside, a pore at y = 10 nm),
 * in a real window (the tests run under xvfb-run -a).
 */
class ViewerFieldMapsTest {
    /** Writes a 2-D run folder: the synthetic 1-D profile, the 2-D fields and their geometry in summary.json. */
    static Fields2D write2d(Path dir) throws IOException {
        SyntheticResults.writeRun(dir, false);
        Fields2D f = FieldFiguresTest.sample();
        Files.writeString(dir.resolve(FieldFiles.CSV_FILE), FieldFiles.csv(f));
        Path summary = dir.resolve(ResultWriter.SUMMARY_FILE);
        ObjectNode s = (ObjectNode) ResultWriter.readSummary(summary);
        ObjectNode g = s.putObject("geometry");
        g.put("dimension", 2);
        g.putArray("membrane_nm").add(FieldFiguresTest.X0).add(FieldFiguresTest.X1);
        g.put("height_nm", 20.0);
        ObjectNode pore = g.putArray("channels").addObject();
        pore.put("name", "p");
        pore.putArray("y_nm").add(9.5).add(10.5);
        Files.writeString(summary, s.toPrettyString());
        return f;
    }

    @Test
    @Timeout(60)
    void opensOnTheMapsWhichFCyclesAndTheCursorReadsTheNearestNode(@TempDir Path dir) throws Exception {
        Fields2D f = write2d(dir);
        try (FigureViewer v = FigureViewer.open(dir, 900, 600)) {
            assertTrue(v.awaitFirstDrawn(20_000));
            v.sync();
            assertEquals(List.of(View.PROFILE, View.LECTURE, View.FIELDS), v.session().views());
            assertEquals(View.FIELDS, v.session().view(), "a 2-D folder opens on its maps");
            assertEquals(List.of("charge density", "potential", "K concentration"), v.session().mapNames());
            assertEquals(0, v.sliderHeight());
            assertTrue(v.session().viewTitle().startsWith("[3] field maps, charge density (1/3"),
                    v.session().viewTitle());

            // the inside layer's node at x = 49 nm (1 nm from the face), y = 3 nm (far from the pore)
            FieldMapPlot map = v.shownPicture().map();
            assertNotNull(map);
            FieldMapFigure fig = map.figure();
            int ix = 98;
            int iy = 12;
            assertEquals(49.0, f.xNm()[ix], 1e-12);
            assertEquals(3.0, f.yNm()[iy], 1e-12);
            double rho = f.chargeDensityCPerM3()[f.index(ix, iy)];
            int px = (int) Math.round(fig.xPx(49.0));
            int py = (int) Math.round(fig.yPx(3.0));
            assertTrue(fig.xPx(FieldFiguresTest.X0) - px >= 7, "clear of the membrane's outline: "
                    + (fig.xPx(FieldFiguresTest.X0) - px));
            BufferedImage shot = ImageIO.read(v.screenshot().toFile());
            assertEquals(900, shot.getWidth());
            int inside = Pixels.rgb(shot, px, py);
            int expected = Colormap.diverging().rgb(fig.t(rho));
            assertTrue(Pixels.distance(inside, expected) <= 12, "the map's colour of ρ = " + rho + ": "
                    + Integer.toHexString(inside) + " vs " + Integer.toHexString(expected));
            assertTrue((inside & 0xff) > ((inside >> 16) & 0xff) + 40, "the negative inside layer is blue: "
                    + Integer.toHexString(inside));
            int outside = Pixels.rgb(shot, fig.xPx(56.0), py);
            assertTrue(((outside >> 16) & 0xff) > (outside & 0xff) + 40, "the positive outside layer is red: "
                    + Integer.toHexString(outside));

            // the readout: the node nearest the cursor, a few pixels off it, with units
            v.pointAt(px + 1, py - 1);
            v.sync();
            String r = v.shownPicture().readout(px + 1, py - 1);
            assertEquals("x = 49 nm, y = 3 nm (node 98, 12)", r.split("\n")[0]);
            assertEquals("ρ " + NumberText.significant(rho, 3) + " C/m^{3}", r.split("\n")[1], r);
            assertTrue(r.contains("\nφ " + NumberText.significant(-90, 4) + " mV")
                    && r.contains("\nc_{K} " + NumberText.significant(100, 4) + " mM"), r);
            assertTrue(rho < -2.5e5 && rho > -3.2e5, "ρ = " + rho);
            BufferedImage with = ImageIO.read(v.screenshot().toFile());
            int box = Pixels.countUnlike(with, px + 20, py + 20, px + 160, py + 60, Pixels.rgb(shot, px + 90, py + 40), 60);
            assertTrue(box > 200, "the values are written beside the cursor: " + box + " pixels");
            assertEquals("", v.shownPicture().readout(fig.left() - 3, py), "nothing off the map");

            // F: the potential map (drawn ahead while the charge map was shown), the inside bulk at its lowest
            // colour; then K, then the charge again
            assertTrue(v.prefetchedMaps() >= 1, "the next map is drawn ahead");
            int drawnBefore = v.frameStats().frames();
            v.act(KeyEvent.VK_F);
            v.sync();
            assertEquals(drawnBefore, v.frameStats().frames(), "F shows the map drawn ahead");
            assertEquals(1, v.shownPicture().map().shown());
            assertTrue(v.session().viewTitle().contains("potential (2/3"), v.session().viewTitle());
            BufferedImage phi = ImageIO.read(v.screenshot().toFile());
            FieldMapFigure pf = v.shownPicture().map().figure();
            int bulk = Pixels.rgb(phi, pf.xPx(20), pf.yPx(3));
            assertTrue(Pixels.distance(bulk, Colormap.sequential().rgb(0)) <= 12, "φ = −90 mV, the bottom colour: "
                    + Integer.toHexString(bulk));
            assertTrue(v.shownPicture().readout(px, py).startsWith("x = 49 nm, y = 3 nm (node 98, 12)\nφ "
                    + NumberText.significant(-90, 4) + " mV"),
                    "the readout leads with the shown field");
            v.act(KeyEvent.VK_F);
            v.sync();
            assertEquals(2, v.shownPicture().map().shown());
            assertTrue(v.session().viewTitle().contains("K concentration (3/3"), v.session().viewTitle());
            v.act(KeyEvent.VK_F);
            v.sync();
            assertEquals(0, v.session().map(), "after the last map, the charge again");

            // the profile (y-averaged) is a key away and F keeps its meaning there
            v.act(KeyEvent.VK_1);
            v.sync();
            assertNull(v.shownPicture().map());
            v.act(KeyEvent.VK_F);
            assertEquals(View.PROFILE, v.session().view());
            assertEquals(0, v.session().field(), "F on the profile: its next field");
            v.act(KeyEvent.VK_3);
            v.sync();
            assertEquals(0, v.shownPicture().map().shown(), "back on the map last shown");

            // S saves the window
            Path saved = dir.resolve(ViewerSession.screenshotName(dir));
            v.act(KeyEvent.VK_S);
            for (int i = 0; i < 200 && !Files.exists(saved); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.isRegularFile(saved), "S saves a screenshot: " + saved);
            BufferedImage s = ImageIO.read(saved.toFile());
            int again = Pixels.rgb(s, px, py);
            assertTrue(Pixels.distance(again, expected) <= 12, "the charge map in the screenshot");
            FigureViewer.FrameStats st = v.frameStats();
            System.out.printf("field maps 900x600: %d pictures drawn, mean %.1f ms, longest %.1f ms%n", st.frames(),
                    st.meanMs(), st.maxMs());
        }
    }

    @Test
    @Timeout(60)
    void theLectureOptionStillOpensTheLectureLayout(@TempDir Path dir) throws Exception {
        write2d(dir);
        try (FigureViewer v = FigureViewer.open(dir, 800, 500, true)) {
            assertTrue(v.awaitFirstDrawn(20_000));
            assertEquals(View.LECTURE, v.session().view());
        }
    }

    @Test
    void aOneDimensionalFolderHasNoFieldMaps(@TempDir Path dir) {
        SyntheticResults.writeRun(dir, false);
        ViewerFigures f = new ViewerFigures(dir);
        assertTrue(!f.views().contains(View.FIELDS) && f.mapNames().isEmpty());
    }
}
