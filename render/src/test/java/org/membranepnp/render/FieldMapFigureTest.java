package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field map, checked pixel by pixel (under Xvfb). */
class FieldMapFigureTest {
    static final FigureStyle STYLE = FigureStyle.of(1200, 700);
    static final int TOL = 8;

    /** x in [0, 1000] nm (nonuniform), y in [0, 400] nm; f = x / 1000, contours of g = x nm; membrane 600..640. */
    static FieldMap linearInX(boolean diverging, boolean widen) {
        double[] x = new double[81];
        for (int i = 0; i < x.length; i++) {
            double u = i / 80.0;
            x[i] = 1000 * (0.7 * u + 0.3 * u * u); // nonuniform
        }
        double[] y = new double[41];
        for (int j = 0; j < y.length; j++) {
            y[j] = 10.0 * j;
        }
        double[][] f = new double[x.length][y.length];
        double[][] g = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                f[i][j] = diverging ? x[i] / 500 - 1 : x[i] / 1000;
                g[i][j] = x[i];
            }
        }
        return new FieldMap("test field", "f", "a.u.", x, y, f, g, 600, 640,
                List.of(new double[] {100, 200, 150, 250}), diverging, widen);
    }

    static FieldMapFigure seq;
    static BufferedImage seqImg;

    @BeforeAll
    static void draw() {
        seq = FieldMapFigure.of(linearInX(false, false), STYLE);
        seqImg = FigureRenderer.render(seq.scene());
    }

    @Test
    void colourAtAQuarterOfTheRangeIsTheMapsQuarterColour() {
        double y = seq.yPx(50); // clear of the channel (150..250) and contours at other x
        for (double frac : new double[] {0.25, 0.45, 0.85}) {
            double x = seq.xPx(1000 * frac);
            // contour lines sit at multiples of 100 nm: step off them by 10 nm where needed
            if (Math.abs(1000 * frac % 100) < 1e-9) {
                x = seq.xPx(1000 * frac + 10);
                frac += 0.01;
            }
            int want = Colormap.sequential().rgb(frac);
            assertTrue(Pixels.distance(Pixels.rgb(seqImg, x, y), want) <= TOL,
                    "colour at x = " + frac + " of the range: " + Integer.toHexString(Pixels.rgb(seqImg, x, y))
                            + " vs " + Integer.toHexString(want));
        }
    }

    @Test
    void divergingMapsZeroToTheCentreColour() {
        FieldMapFigure f = FieldMapFigure.of(linearInX(true, false), STYLE);
        BufferedImage img = FigureRenderer.render(f.scene());
        int centre = Colormap.diverging().rgb(0.5);
        // f = 0 at x = 500 nm, a contour level: look just beside it and at an interpolated value
        double x = f.xPx(520);
        int want = Colormap.diverging().centred(520 / 500.0 - 1, 1);
        assertTrue(Pixels.distance(Pixels.rgb(img, x, f.yPx(50)), want) <= TOL);
        assertTrue(Pixels.distance(want, centre) <= 12, "near zero is near the centre colour");
        assertEquals(0.5, f.t(0), 1e-12);
        double[] box = f.barBox();
        double mid = (box[1] + box[3]) / 2;
        assertTrue(Pixels.distance(Pixels.rgb(img, (box[0] + box[2]) / 2, mid), centre) <= TOL, "bar middle is the centre");
    }

    @Test
    void colourBarEndsHaveTheMapsEndColours() {
        double[] box = seq.barBox();
        double cx = (box[0] + box[2]) / 2;
        int[] table = Colormap.sequential().table();
        assertTrue(Pixels.distance(Pixels.rgb(seqImg, cx, box[3] - 3), table[0]) <= TOL, "bottom: lowest value");
        assertTrue(Pixels.distance(Pixels.rgb(seqImg, cx, box[1] + 3), table[table.length - 1]) <= TOL, "top: highest");
    }

    @Test
    void contourOfAKnownLevelPassesThroughItsColumn() {
        double[] levels = seq.contourLevels();
        assertTrue(levels.length >= 5);
        double y = seq.yPx(80);
        double want = seq.xPx(300);
        int darkest = -1;
        int min = 256;
        for (int x = (int) want - 15; x <= want + 15; x++) {
            int b = Pixels.brightness(Pixels.rgb(seqImg, x, y));
            if (b < min) {
                min = b;
                darkest = x;
            }
        }
        assertTrue(min < 70, "contour is dark: " + min);
        assertEquals(want, darkest + 0.5, 1.5, "the 300 nm contour's column");
    }

    @Test
    void membraneAndChannelAreOutlined() {
        double y = seq.yPx(350);
        for (double face : new double[] {600, 640}) {
            assertTrue(Pixels.nearest(seqImg, seq.xPx(face), y, 1, 0xffffff) <= 30, "white outline at " + face);
        }
        assertTrue(Pixels.nearest(seqImg, seq.xPx(580), y, 2, 0xffffff) > 60, "no outline at 580 nm");
        assertTrue(Pixels.nearest(seqImg, seq.xPx(150), seq.yPx(150), 1, 0xffffff) <= 30, "channel's bottom edge");
        StringBuilder row = new StringBuilder();
        for (int dx = -4; dx <= 4; dx++) {
            row.append(Integer.toHexString(Pixels.rgb(seqImg, seq.xPx(100) + dx, seq.yPx(200)))).append(' ');
        }
        assertTrue(Pixels.nearest(seqImg, seq.xPx(100), seq.yPx(200), 1, 0xffffff) <= 30, "channel's left edge " + row);
    }

    @Test
    void widenedAxisGivesTheMembraneAMuchLargerShare() {
        FieldMap m = linearInX(false, true);
        FieldMapFigure w = FieldMapFigure.of(m, STYLE);
        double trueShare = 40.0 / 1000;
        double share = (w.xPx(640) - w.xPx(600)) / (w.right() - w.left());
        assertTrue(share > 3 * trueShare, "membrane share " + share);
        assertEquals(w.left(), w.xPx(0), 1e-9);
        assertEquals(w.right(), w.xPx(1000), 1e-9);
        BufferedImage img = FigureRenderer.render(w.scene());
        // colour is still exact at a node value inside the window
        double x = w.xPx(620);
        assertTrue(Pixels.distance(Pixels.rgb(img, x, w.yPx(50)), Colormap.sequential().rgb(0.62)) <= TOL);
        double[] lb = w.xTickLabelBox();
        assertTrue(Pixels.countUnlike(img, lb[0], lb[1] + 4, lb[2], lb[3], 0xffffff, 60) > 100, "x tick labels");
    }

    @Test
    void labelsAreDrawnAndFileIsWritten(@TempDir Path dir) throws Exception {
        double[] lb = seq.xTickLabelBox();
        assertTrue(Pixels.countUnlike(seqImg, lb[0], lb[1] + 4, lb[2], lb[3], 0xffffff, 60) > 100, "x tick labels");
        double[] box = seq.barBox();
        assertTrue(Pixels.countUnlike(seqImg, box[2] + 4, box[1], seqImg.getWidth() - 2, box[3], 0xffffff, 60) > 200,
                "colour bar ticks, labels and name");
        assertTrue(Pixels.countUnlike(seqImg, 0, 0, seqImg.getWidth(), seq.top() - 6, 0xffffff, 60) > 100, "title");
        Path file = FieldMapFigure.write(dir.resolve("field.png"), linearInX(false, false), new RenderOptions(640, 400, false));
        assertTrue(Files.size(file) > 1000);
    }

    @Test
    void aKeptRendererDrawsTheSamePictureTwice() {
        try (FieldMapRenderer r = new FieldMapRenderer(new RenderOptions(640, 400, false))) {
            BufferedImage a = r.render(linearInX(false, true));
            BufferedImage b = r.render(linearInX(false, true));
            assertEquals(0, diff(a, b));
        }
    }

    private static int diff(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int yy = 0; yy < a.getHeight(); yy++) {
            for (int xx = 0; xx < a.getWidth(); xx++) {
                if (a.getRGB(xx, yy) != b.getRGB(xx, yy)) {
                    n++;
                }
            }
        }
        return n;
    }
}
