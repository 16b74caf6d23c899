package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hodgkin–Katz plot of a synthetic sweep (under Xvfb). */
class SweepFigureTest {
    @TempDir
    static Path dir;
    static SweepData data;
    static SweepFigure figure;
    static BufferedImage image;

    @BeforeAll
    static void draw() throws Exception {
        SyntheticResults.writeSweep(dir, 12, true);
        data = SweepData.read(dir);
        figure = SweepFigure.of(data, FigureStyle.of(1600, 1000));
        image = FigureRenderer.render(figure.scene());
    }

    @Test
    void readsTheTableAndPicksTheNernstSpeciesFromTheKey() {
        assertEquals(List.of("outside.concentrations_mM.K"), data.keys());
        assertEquals("outside.concentrations_mM.Cl", data.balance());
        assertEquals(List.of("K", "Na", "Cl"), data.species());
        assertEquals("K", figure.nernstSpecies());
        assertEquals("Na", SweepFigure.nernstSpecies("inside.concentrations_mM.Na", data.species()));
        assertEquals("K", SweepFigure.nernstSpecies("temperature_K", data.species()), "else the first species");
        assertTrue(figure.panel().x().isLog(), "1 to 300 mM: log axis");
    }

    @Test
    void eachPointThatRanIsAnOpenCircleAtItsValue() {
        Panel p = figure.panel();
        double[] x = data.column("outside.concentrations_mM.K");
        double[] vm = data.column("membrane_potential_mV");
        boolean[] ok = data.ok();
        long dots = figure.scene().shapes().stream().filter(s -> s instanceof Shape.Dot).count();
        assertEquals(11 + 1, dots, "11 points that ran and the legend's sample; the failed one is left out");
        float r = Math.max(3f, FigureStyle.of(1600, 1000).text() * 0.36f);
        for (int k = 0; k < x.length; k++) {
            if (!ok[k]) {
                continue;
            }
            double px = p.xPx(x[k]);
            double py = p.yPx(vm[k]);
            assertTrue(Pixels.brightness(Pixels.rgb(image, px, py)) > 225, "white inside the circle of point " + k);
            assertTrue(Pixels.nearest(image, px + r, py, 1, SweepFigure.GHK & 0xffffff) < 60, "dark ring of point " + k);
        }
    }

    @Test
    void nernstLineIsDashedInTheSpeciesColour() {
        Panel p = figure.panel();
        double[] x = data.column("outside.concentrations_mM.K");
        double[] ek = data.column("nernst_K_mV");
        int k = new SpeciesColors(data.species()).rgb("K");
        int hits = 0;
        int misses = 0;
        for (double f = 0.1; f < 0.9; f += 0.01) { // along the line between the first two points
            double xv = Math.exp(Math.log(x[0]) + f * (Math.log(x[2]) - Math.log(x[0])));
            double yv = ek[0] + f * (ek[2] - ek[0]);
            if (Pixels.distance(Pixels.rgb(image, p.xPx(xv), p.yPx(yv)), k) < 50) {
                hits++;
            } else {
                misses++;
            }
        }
        assertTrue(hits > 20 && misses > 10, "dashes: " + hits + " on, " + misses + " off");
    }

    @Test
    void legendTellsTheThreeCurvesApart() {
        List<String> texts = figure.scene().labels().stream().map(Label::text).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("V_{m}")), texts.toString());
        assertTrue(texts.contains("GHK voltage"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("E_{K}")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("1 failed")), texts.toString());
    }
}
