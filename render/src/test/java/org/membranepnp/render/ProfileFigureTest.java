package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;

/** The profile figure of a synthetic run, checked pixel by pixel (runs under Xvfb: xvfb-run -a mvn test). */
class ProfileFigureTest {
    /** Golden picture (see {@link GoldenImages}). */
    static final String GOLDEN = "profile-golden.png";

    @TempDir
    static Path dir;
    static NamedProfiles data;
    static JsonNode summary;
    static ProfileFigure figure;
    static BufferedImage image;

    @BeforeAll
    static void draw() {
        SyntheticResults.writeRun(dir, false);
        data = ResultReader.profiles(dir);
        summary = ResultWriter.readSummary(dir.resolve("summary.json"));
        figure = ProfileFigure.of(data, summary, FigureStyle.of(1600, 1000), false);
        image = FigureRenderer.render(figure.scene());
    }

    @Test
    void pictureHasTheRequestedSize() {
        assertEquals(1600, image.getWidth());
        assertEquals(1000, image.getHeight());
    }

    @Test
    void membraneBandIsFilledInsideItsRangeAndNowhereElse() {
        Panel p = figure.panel(1, 2); // zoom, net charge: the band spans 0..5 nm, ρ ≈ 0 in the lipid
        double y = p.top() + 0.2 * (p.bottom() - p.top()); // above the zero line, clear of the layers' fill
        double x0 = p.xPx(0);
        double x1 = p.xPx(SyntheticResults.MEMBRANE_NM);
        int band = FigureStyle.MEMBRANE & 0xffffff;
        for (double f = 0.15; f <= 0.85; f += 0.1) {
            double x = x0 + f * (x1 - x0);
            if (clearOfGrid(p, x)) {
                assertTrue(Pixels.distance(Pixels.rgb(image, x, y), band) <= 6, "band colour at x = " + x);
            }
        }
        double lin = SyntheticResults.debyeNm(SyntheticResults.INSIDE_MM);
        for (double nm : new double[] {-9 * lin, -6 * lin, -3.5 * lin}) {
            double x = p.xPx(nm);
            if (clearOfGrid(p, x)) {
                assertTrue(Pixels.distance(Pixels.rgb(image, x, y), FigureStyle.BACKGROUND) <= 6, "no band at " + nm + " nm");
            }
        }
        assertTrue(Pixels.distance(Pixels.rgb(image, x0 - 3, y), band) > 30, "the band starts at the face");
        assertTrue(Pixels.distance(Pixels.rgb(image, x1 + 3, y), band) > 30, "the band ends at the face");
    }

    @Test
    void bulkPotentialIsDrawnAtItsRowOfTheAxis() {
        Panel p = figure.panel(0, 0); // whole slab, potential
        Profiles pr = data.profiles();
        double xNm = 250;
        int k = 0;
        while (pr.xNm()[k] < xNm) {
            k++;
        }
        double expected = p.yPx(pr.potentialMv()[k]);
        double x = p.xPx(xNm / 1e3);
        if (!clearOfGrid(p, x)) {
            x += 6;
        }
        int darkest = -1;
        int min = 256;
        for (int y = (int) p.top() + 3; y < p.bottom() - 3; y++) {
            int b = Pixels.brightness(Pixels.rgb(image, x, y));
            if (b < min) {
                min = b;
                darkest = y;
            }
        }
        assertTrue(min < 90, "the potential line is dark: " + min);
        assertEquals(expected, darkest + 0.5, 1.5, "row of φ = " + pr.potentialMv()[k] + " mV");
        double off = 5 + FigureStyle.of(1600, 1000).line();
        assertTrue(Pixels.brightness(Pixels.rgb(image, x, expected - off)) > 200);
        assertTrue(Pixels.brightness(Pixels.rgb(image, x, expected + off)) > 200);
    }

    @Test
    void chargeLayersAreFilledWarmOutsideAndCoolInside() {
        Panel p = figure.panel(1, 2);
        double lin = SyntheticResults.debyeNm(SyntheticResults.INSIDE_MM);
        double lout = SyntheticResults.debyeNm(SyntheticResults.OUTSIDE_MM);
        // φ rises towards the inside face (ζ > 0): cations leave, the layer is negative; the outside layer positive
        double yNeg = (p.yPx(0) + p.yPx(rhoAt(-0.3 * lin))) / 2;
        double yPos = (p.yPx(0) + p.yPx(rhoAt(SyntheticResults.MEMBRANE_NM + 0.3 * lout))) / 2;
        assertTrue(Pixels.distance(Pixels.rgb(image, p.xPx(-0.3 * lin), yNeg), ProfileFigure.chargeColor(false) & 0xffffff) <= 8);
        assertTrue(Pixels.distance(Pixels.rgb(image, p.xPx(SyntheticResults.MEMBRANE_NM + 0.3 * lout), yPos),
                ProfileFigure.chargeColor(true) & 0xffffff) <= 8);
    }

    @Test
    void labelsAreDrawnAndTheMarginIsEmpty() {
        Label title = figure.scene().labels().get(0);
        double w = RichText.width(title.text(), title.size(), true);
        float[] box = RichText.box(title.size(), true);
        int ink = Pixels.countUnlike(image, title.x(), title.y(), title.x() + w, title.y() + box[0] + box[1],
                FigureStyle.BACKGROUND, 60);
        assertTrue(ink > 200, "title pixels: " + ink);
        Panel p = figure.panel(0, 1);
        int ticks = Pixels.countUnlike(image, p.left() - Panel.yTickRoom(FigureStyle.of(1600, 1000), p.y()), p.top(),
                p.left() - 4, p.bottom(), FigureStyle.BACKGROUND, 60);
        assertTrue(ticks > 50, "tick label pixels: " + ticks);
        Panel right = figure.panel(1, 1);
        assertEquals(0, Pixels.countUnlike(image, right.right() + 3, right.top() + 0.2 * (right.bottom() - right.top()),
                image.getWidth() - 1, right.bottom() - 0.2 * (right.bottom() - right.top()), FigureStyle.BACKGROUND, 0),
                "the right margin is empty");
    }

    @Test
    void logConcentrationsPutEachBulkAtItsDecade() {
        ProfileFigure log = ProfileFigure.of(data, summary, FigureStyle.of(1600, 1000), true);
        BufferedImage img = FigureRenderer.render(log.scene());
        Panel p = log.panel(0, 1);
        assertTrue(p.y().isLog());
        int na = new SpeciesColors(data.species()).rgb("Na");
        int k = new SpeciesColors(data.species()).rgb("K");
        double x = p.xPx(0.25);
        assertTrue(Pixels.nearest(img, x, p.yPx(SyntheticResults.INSIDE_MM[1]), 1, na) <= 40, "Na inside at 10 mM");
        assertTrue(Pixels.nearest(img, p.xPx(1.5), p.yPx(SyntheticResults.OUTSIDE_MM[0]), 1, k) <= 40, "K outside at 5 mM");
        assertTrue(Pixels.nearest(img, x, p.yPx(SyntheticResults.OUTSIDE_MM[1]), 3, na) > 100, "Na is not at 145 mM inside");
    }

    @Test
    void matchesTheGoldenPictureWithinTolerance() throws IOException {
        BufferedImage small = FigureRenderer.render(ProfileFigure.of(data, summary, FigureStyle.of(800, 500), false).scene());
        GoldenImages.assertMatches(small, GOLDEN, dir);
    }

    private static double rhoAt(double nmFromFace) {
        Profiles p = data.profiles();
        double x = p.xNm()[p.membraneStartNode()] + nmFromFace;
        int best = 0;
        for (int k = 0; k < p.nodeCount(); k++) {
            if (Math.abs(p.xNm()[k] - x) < Math.abs(p.xNm()[best] - x)) {
                best = k;
            }
        }
        return p.chargeDensityCPerM3()[best];
    }

    /** True if the pixel column x is more than 4 pixels from every grid line of the panel. */
    static boolean clearOfGrid(Panel p, double x) {
        for (double v : p.x().major()) {
            if (Math.abs(p.xPx(v) - x) < 4) {
                return false;
            }
        }
        return true;
    }
}
