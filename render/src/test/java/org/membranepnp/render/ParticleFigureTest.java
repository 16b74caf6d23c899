package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.ParticleFiles;
import org.membranepnp.engine.result.ParticleSnapshots;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;

/** Particles as coloured points over a field map, checked pixel by pixel (under Xvfb). */
class ParticleFigureTest {
    static final FigureStyle STYLE = FigureStyle.of(1200, 700);
    static final int TOL = 10;
    static final int BLUE = 0x0072b2;
    static final int VERMILION = 0xd55e00;

    @Test
    void eachParticleIsAPointOfItsColourWithADarkRim() {
        FieldMapFigure f = FieldMapFigure.of(FieldMapFigureTest.linearInX(false, false), STYLE);
        List<ParticleLayer> layers = List.of(
                new ParticleLayer("K^{+}", BLUE, new double[] {250, 450}, new double[] {100, 300}),
                new ParticleLayer("Na^{+}", VERMILION, new double[] {750, 2000}, new double[] {50, 50}));
        ParticleOverlay.draw(f, layers, STYLE);
        BufferedImage img = FigureRenderer.render(f.scene());
        double r = ParticleOverlay.radius(STYLE);
        for (ParticleLayer l : layers) {
            for (int p = 0; p < l.count(); p++) {
                if (l.xNm()[p] > 1000) {
                    continue;
                }
                double x = f.xPx(l.xNm()[p]);
                double y = f.yPx(l.yNm()[p]);
                int at = Pixels.rgb(img, x, y);
                assertTrue(Pixels.distance(at, l.rgb()) <= TOL, l.label() + " particle " + p + " at (" + x + ", " + y
                        + "): " + Integer.toHexString(at));
                // the rim: dark just inside the point's edge, the map just outside it
                assertTrue(Pixels.nearest(img, x + r, y, 1, 0x111111) <= 40, "rim right of " + l.label());
                int map = Colormap.sequential().rgb(f.t(l.xNm()[p] / 1000));
                assertTrue(Pixels.nearest(img, x + r + 4, y, 1, map) <= TOL, "map beside " + l.label());
            }
        }
        // a particle off the map (x = 2000 nm of 1000) is clipped: nothing right of the plot but the frame
        assertEquals(0, Pixels.countUnlike(img, f.right() + 3, f.yPx(50) - r, f.right() + 3 + 2 * r, f.yPx(50) + r,
                0xffffff, 20), "nothing drawn outside the plot");
    }

    @Test
    void legendShowsAPointAndTheTextOfEachLayerInTheTopRightCorner() {
        FieldMapFigure f = FieldMapFigure.of(FieldMapFigureTest.linearInX(false, false), STYLE);
        List<ParticleLayer> layers = List.of(new ParticleLayer("K^{+} (1)", BLUE, new double[] {100}, new double[] {10}),
                new ParticleLayer("Na^{+} (1)", VERMILION, new double[] {120}, new double[] {10}));
        double[] box = ParticleOverlay.draw(f, layers, STYLE);
        BufferedImage img = FigureRenderer.render(f.scene());
        assertTrue(box[2] <= f.right() && box[1] >= f.top() && box[0] > (f.left() + f.right()) / 2
                && box[3] < (f.top() + f.bottom()) / 2, "the box sits in the top right corner of the plot");
        Legend legend = new Legend(STYLE);
        double rowH = legend.rowHeight();
        double sampleX = box[0] + STYLE.pad() + legend.sampleWidth() / 2;
        int[] colours = {BLUE, VERMILION};
        for (int i = 0; i < 2; i++) {
            double rowY = box[1] + STYLE.pad() / 2 + rowH / 2 + i * rowH;
            assertTrue(Pixels.distance(Pixels.rgb(img, sampleX, rowY), colours[i]) <= TOL, "legend point " + i + ": "
                    + Integer.toHexString(Pixels.rgb(img, sampleX, rowY)));
            double textX0 = box[0] + STYLE.pad() + legend.sampleWidth() + STYLE.pad() * 0.6;
            int ink = Pixels.countUnlike(img, textX0, rowY - rowH / 3, box[2], rowY + rowH / 3, 0xffffff, 100);
            assertTrue(ink > 30, "legend text " + i + " is drawn: " + ink + " dark pixels");
        }
        // the box is light (it hides the map under it)
        int corner = Pixels.rgb(img, box[2] - 3, box[3] - 3);
        assertTrue(Pixels.brightness(corner) > 235, "legend box fill: " + Integer.toHexString(corner));
    }

    @Test
    void gifShowsEverySnapshotOrAnEvenSpreadWithTheLast() {
        assertArrayEquals(new int[] {0}, ParticleFigure.gifSnapshots(1));
        assertArrayEquals(new int[] {0, 1, 2}, ParticleFigure.gifSnapshots(3));
        int[] k = ParticleFigure.gifSnapshots(1001);
        assertEquals(ParticleFigure.MAX_GIF_FRAMES, k.length);
        assertEquals(0, k[0]);
        assertEquals(1000, k[k.length - 1]);
    }

    /** Particles of K (species 0) and Cl at two times in the synthetic run's slab; the last K sits at (x, 6 nm). */
    static ParticleSnapshots particles(double xK) {
        return new ParticleSnapshots(List.of("K", "Na", "Cl"), new double[] {0, 2e-9}, new int[] {0, 0, 2},
                new double[][] {{990, 1010, 1500}, {995, xK, 1200}}, new double[][] {{1, 2, 3}, {4, 6, 8}});
    }

    @Test
    void figuresOfARunFolderWithParticlesIncludeParticlesPngAndGif(@TempDir Path dir) throws Exception {
        SyntheticResults.writeRun(dir, false);
        double xK = SyntheticResults.INSIDE_NM + SyntheticResults.MEMBRANE_NM + 3; // 3 nm from the outside face
        ParticleFiles.write(dir, particles(xK));
        RenderOptions options = new RenderOptions(960, 600, false);
        List<Path> written = Figures.render(dir, options);
        assertEquals(List.of(dir.resolve("profile.png"), dir.resolve("particles.png"), dir.resolve("particles.gif")),
                written);
        BufferedImage img = ImageIO.read(dir.resolve("particles.png").toFile());
        assertEquals(960, img.getWidth());
        NamedProfiles profiles = ResultReader.profiles(dir);
        JsonNode summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        FieldMapFigure f = ParticleFigure.draw(null, profiles, summary, ParticleFiles.read(dir), 1, options.style());
        int at = Pixels.rgb(img, f.xPx(xK), f.yPx(6));
        assertTrue(Pixels.distance(at, BLUE) <= TOL, "the last K particle is blue at its place: " + Integer.toHexString(at));
        int cl = Pixels.rgb(img, f.xPx(1200), f.yPx(8));
        assertTrue(Pixels.distance(cl, 0x009e73) <= TOL, "the Cl particle is green: " + Integer.toHexString(cl));
        // the first snapshot's K particle at (1010, 2) is not in the last picture
        assertTrue(Pixels.distance(Pixels.rgb(img, f.xPx(1010), f.yPx(2)), BLUE) > 40);
        assertTrue(Files.size(dir.resolve("particles.gif")) > 1000);
        ImageIO.read(dir.resolve("particles.gif").toFile()); // a readable GIF
    }

    @Test
    void mapIsThePotentialOfTheProfileOverTheParticleHeight(@TempDir Path dir) {
        SyntheticResults.writeRun(dir, false);
        NamedProfiles named = ResultReader.profiles(dir);
        Profiles p = named.profiles();
        JsonNode summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        FieldMap m = ParticleFigure.map(p, summary, particles(1010), 1);
        assertArrayEquals(new double[] {0, 10}, m.yNm(), 0);
        assertEquals(p.potentialMv()[7], m.values()[7][1], 0);
        assertEquals(p.xNm()[p.membraneStartNode()], m.membraneX0Nm(), 0);
        assertTrue(m.diverging() && m.widenMembrane());
        assertTrue(m.title().endsWith(": 3 ions, t = 2.0 ns"), m.title());
        List<ParticleLayer> layers = ParticleFigure.layers(particles(1010), 1, summary);
        assertEquals(2, layers.size(), "no layer for Na without particles");
        assertEquals("K^{+} (2)", layers.get(0).label());
        assertArrayEquals(new double[] {995, 1010}, layers.get(0).xNm(), 0);
        assertEquals("Cl^{\u2212} (1)", layers.get(1).label());
    }

    @Test
    void aMalformedParticlesFileIsOneLine(@TempDir Path dir) throws Exception {
        SyntheticResults.writeRun(dir, false);
        Files.writeString(dir.resolve("particles.csv"), "snapshot,time_s,species,x_nm\n0,0,K,1\n");
        UserInputException e = assertThrows(UserInputException.class,
                () -> Figures.render(dir, new RenderOptions(640, 400, false)));
        assertTrue(e.getMessage().contains("particles.csv: expected the columns snapshot, time_s, species, x_nm, y_nm"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void aRunWithoutParticlesGetsNoParticleFigure(@TempDir Path dir) {
        SyntheticResults.writeRun(dir, false);
        assertEquals(List.of(dir.resolve("profile.png")), Figures.render(dir, new RenderOptions(640, 400, false)));
        assertTrue(!ParticleFigure.present(dir));
        assertThrows(IllegalArgumentException.class, () -> new ParticleLayer("x", 0, new double[1], new double[2]));
    }
}
