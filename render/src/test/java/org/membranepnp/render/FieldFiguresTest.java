package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.result.FieldFiles;
import org.membranepnp.engine.result.Fields2D;

/** The field maps of a 2-D run folder: what they show, where, and the cap on the charge colours. */
class FieldFiguresTest {
    static final double X0 = 50;
    static final double X1 = 55;
    static final double LAYER = 1e6;
    static final double PORE = 1.4e7;

    @TempDir
    Path dir;

    /**
     * A membrane at 50..55 nm in 0..105 nm, 20 nm high with a pore at 9.5..10.5 nm: Debye layers of peak
     * ∓{@link #LAYER} decaying over 0.8 nm on the inside/outside faces; {@link #PORE} inside the pore.
     */
    static Fields2D sample() {
        int nx = 211;
        int ny = 81;
        double[] x = new double[nx];
        double[] y = new double[ny];
        for (int i = 0; i < nx; i++) {
            x[i] = 0.5 * i;
        }
        for (int j = 0; j < ny; j++) {
            y[j] = 0.25 * j;
        }
        double[] rho = new double[nx * ny];
        double[] phi = new double[nx * ny];
        double[] c = new double[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int q = j * nx + i;
                boolean pore = x[i] > X0 && x[i] < X1 && y[j] >= 9.5 && y[j] <= 10.5;
                if (x[i] <= X0) {
                    rho[q] = -LAYER * Math.exp(-(X0 - x[i]) / 0.8);
                } else if (x[i] >= X1) {
                    rho[q] = LAYER * Math.exp(-(x[i] - X1) / 0.8);
                } else {
                    rho[q] = pore ? PORE : 0.0;
                }
                phi[q] = x[i] < X0 ? -90 : x[i] > X1 ? 0 : -90 + 90 * (x[i] - X0) / (X1 - X0);
                c[q] = 100;
            }
        }
        return new Fields2D(List.of("K"), x, y, phi, new double[][] {c}, rho, X0, X1,
                List.of(new double[] {9.5, 10.5}));
    }

    @Test
    void theChargeColoursAreCappedAtTheLayersPeakAndTheTitleSaysSo() {
        Fields2D f = sample();
        assertEquals(LAYER, FieldFigures.layerChargeLimit(f), 1e-9 * LAYER);
        List<FieldMap> maps = FieldFigures.maps(f, "T");
        FieldMap charge = maps.get(0);
        double max = 0;
        for (double[] col : charge.values()) {
            for (double v : col) {
                max = Math.max(max, Math.abs(v));
            }
        }
        assertEquals(LAYER, max, 1e-9 * LAYER);
        assertTrue(charge.title().contains("capped at ±1.0e+06"), charge.title());
        assertTrue(charge.diverging());
        assertEquals(3, maps.size(), "charge, potential and one species");
        assertEquals(1, charge.channels().size());
        assertEquals(List.of(X0, X1, 9.5, 10.5), List.of(charge.channels().get(0)[0], charge.channels().get(0)[1],
                charge.channels().get(0)[2], charge.channels().get(0)[3]));
    }

    @Test
    void withoutAStrongPoreNothingIsCapped() {
        Fields2D f = sample();
        double[] rho = f.chargeDensityCPerM3().clone();
        for (int q = 0; q < rho.length; q++) {
            rho[q] = Math.max(-LAYER, Math.min(LAYER, rho[q]));
        }
        Fields2D mild = new Fields2D(f.species(), f.xNm(), f.yNm(), f.potentialMv(), f.concentrationsMm(), rho,
                X0, X1, f.channelsYNm());
        assertEquals("T: net charge density", FieldFigures.maps(mild, "T").get(0).title());
    }

    @Test
    void theLayersShowBlueInsideAndRedOutsideAndThePoreIsTheTopColour() {
        FieldMap charge = FieldFigures.maps(sample(), "T").get(0);
        FieldMapFigure fig = FieldMapFigure.of(charge, FigureStyle.of(1600, 1000));
        BufferedImage img = FigureRenderer.render(fig.scene());
        double y = fig.yPx(3); // far from the pore
        int inside = Pixels.rgb(img, fig.xPx(X0 - 0.3), y);
        int outside = Pixels.rgb(img, fig.xPx(X1 + 0.3), y);
        assertTrue((inside & 0xff) > ((inside >> 16) & 0xff) + 40, "inside layer is blue: " + Integer.toHexString(inside));
        assertTrue(((outside >> 16) & 0xff) > (outside & 0xff) + 40, "outside layer is red: " + Integer.toHexString(outside));
        int bulk = Pixels.rgb(img, fig.xPx(20), y);
        assertTrue(Pixels.distance(bulk, Colormap.diverging().rgb(0.5)) <= 8, "neutral bulk is the centre colour");
        int pore = Pixels.rgb(img, fig.xPx(52.5), fig.yPx(10));
        int[] table = Colormap.diverging().table();
        assertTrue(Pixels.distance(pore, table[table.length - 1]) <= 12, "the capped pore is the top colour: "
                + Integer.toHexString(pore));
    }

    @Test
    void aRunFolderGetsEveryMap() throws IOException {
        Fields2D f = sample();
        Files.writeString(dir.resolve(FieldFiles.CSV_FILE), FieldFiles.csv(f));
        Files.writeString(dir.resolve("summary.json"), """
                {"title": "Pore", "geometry": {"dimension": 2, "membrane_nm": [50.0, 55.0], "height_nm": 20.0,
                 "channels": [{"name": "p", "y_nm": [9.5, 10.5]}]}}
                """);
        List<Path> written = FieldFigures.write(dir, "Pore", new RenderOptions(640, 400, false));
        assertEquals(List.of(dir.resolve("field-charge.png"), dir.resolve("field-potential.png"),
                dir.resolve("field-c_K.png")), written);
        for (Path p : written) {
            BufferedImage img = javax.imageio.ImageIO.read(p.toFile());
            assertEquals(640, img.getWidth());
            assertEquals(400, img.getHeight());
        }
    }

    @Test
    void anAxisymmetricFolderLabelsItsVerticalAxisWithTheRadius() throws IOException {
        Fields2D f = sample();
        Files.writeString(dir.resolve(FieldFiles.CSV_FILE), FieldFiles.csv(f));
        for (String geometry : List.of("axisymmetric", "planar")) {
            Files.writeString(dir.resolve("summary.json"), """
                    {"geometry": {"dimension": 2, "membrane_nm": [50.0, 55.0], "height_nm": 20.0,
                     "lateral_geometry": "%s", "channels": [{"name": "p", "y_nm": [9.5, 10.5]}]}}
                    """.formatted(geometry));
            String axis = geometry.equals("axisymmetric") ? "r" : "y";
            for (FieldMap m : FieldFigures.maps(FieldFiles.read(dir), "T")) {
                assertEquals(axis, m.yAxis(), geometry);
                List<String> labels = FieldMapFigure.of(m, FigureStyle.of(800, 500)).scene().labels().stream()
                        .map(Label::text).toList();
                assertTrue(labels.contains(axis + " (nm)"), geometry + ": " + labels);
            }
        }
    }

    @Test
    void aLevelTheFieldSitsOnOverAPlateauIsLeftOut() {
        // φ = 0 over half the nodes (a grounded bulk), a ramp to -49 and one node at +5: 0 is inside the range
        double[][] f = new double[100][2];
        for (int i = 0; i < 100; i++) {
            f[i][0] = i < 50 ? 0 : -(i - 50);
            f[i][1] = f[i][0];
        }
        f[0][0] = 5;
        List<Double> levels = new java.util.ArrayList<>();
        for (double v : FieldMapFigure.levels(f)) {
            levels.add(v);
        }
        assertTrue(levels.contains(-10.0) && levels.contains(-40.0), levels.toString());
        assertTrue(!levels.contains(0.0), "no line along the plateau: " + levels);
    }

    @Test
    void theChargeMapMatchesItsGoldenPicture() throws IOException {
        FieldMap charge = FieldFigures.maps(sample(), "Pore").get(0);
        BufferedImage small = FigureRenderer.render(FieldMapFigure.of(charge, FigureStyle.of(800, 500)).scene());
        GoldenImages.assertMatches(small, "field-charge-golden.png", dir);
    }

    @Test
    void tickLabelsOfAWidenedMicrometreAxisDoNotCrowd() {
        // 1 µm baths: the compressed outer parts must not stack µm labels on top of each other
        FieldMapFigure.XMap map = FieldMapFigure.XMap.widened(0, 2005, 1000, 1005, FieldMapFigure.WIDEN_WINDOW_NM,
                FieldMapFigure.WIDEN_SHARE);
        FigureStyle style = FigureStyle.of(1600, 1000);
        double width = 1200;
        List<double[]> ticks = map.ticks(width, style);
        assertTrue(ticks.size() >= 5, "enough ticks: " + ticks.size());
        for (int i = 1; i < ticks.size(); i++) {
            double gap = (map.fraction(ticks.get(i)[0]) - map.fraction(ticks.get(i - 1)[0])) * width;
            assertTrue(gap >= style.small() * 6 - 1e-9, "ticks " + map.label(ticks.get(i - 1)) + " and "
                    + map.label(ticks.get(i)) + " are " + gap + " px apart");
        }
    }

    @Test
    void aLongTitleShrinksToFitAThumbnail() {
        String title = "K+ channel in a membrane patch: net charge density (capped at ±1.2e+06 C/m^{3}, the layers' peak)";
        FigureStyle thumb = FigureStyle.of(640, 400);
        double size = Math.min(thumb.title(), thumb.text() * 1.3);
        double width = 600;
        double fitted = FieldMapFigure.fittedTitleSize(title, size, width, thumb.small());
        assertTrue(fitted < size, "shrunk");
        assertTrue(RichText.width(title, (float) fitted, true) <= width + 1e-6, "fits");
        assertEquals(size, FieldMapFigure.fittedTitleSize("short", size, width, thumb.small()), 0, "a short title keeps its size");
    }
}
