package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.result.NamedTimeSeries;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;

/** V_m and the currents of a synthetic transient (under Xvfb). */
class TimeSeriesFigureTest {
    @TempDir
    Path dir;

    @Test
    void logTimeOnlyWhenTheSamplesSpanDecades() {
        assertTrue(TimeSeriesFigure.logTime(new double[] {0, 1e-9, 1e-6, 1e-3}));
        assertFalse(TimeSeriesFigure.logTime(new double[] {0, 1e-3, 2e-3, 5e-3, 9e-3}));
        assertFalse(TimeSeriesFigure.logTime(new double[] {0}));
    }

    @Test
    void membranePotentialAndCurrentsAreDrawnAtTheirValues() {
        SyntheticResults.writeRun(dir, true);
        NamedTimeSeries data = ResultReader.timeSeries(dir);
        TimeSeriesFigure f = TimeSeriesFigure.of(data, ResultWriter.readSummary(dir.resolve("summary.json")),
                FigureStyle.of(1600, 1000));
        BufferedImage img = FigureRenderer.render(f.scene());
        Panel pv = f.panel(0);
        Panel pi = f.panel(1);
        assertTrue(pv.x().isLog(), "samples from 1e-10 to 1e-4 s");
        double[] t = data.series().timeS();
        double[] v = data.series().membranePotentialMv();
        double[] iK = data.series().currentsAPerM2()[0];
        int kColor = new SpeciesColors(data.species()).rgb("K");
        int checked = 0;
        for (int k = 5; k < t.length; k += 3) {
            assertTrue(Pixels.nearest(img, pv.xPx(t[k]), pv.yPx(v[k]), 2, ProfileFigure.POTENTIAL & 0xffffff) < 70,
                    "V_m at t = " + t[k]);
            if (Math.abs(iK[k]) > 0.3 * Math.abs(iK[1])) { // where no other current lies on top of it
                double y = pi.yPx(iK[k] * TimeSeriesFigure.UA_CM2_PER_A_M2);
                assertTrue(Pixels.nearest(img, pi.xPx(t[k]), y, 2, kColor) < 50, "I_K at t = " + t[k]);
                checked++;
            }
        }
        assertTrue(checked >= 5, "checked " + checked + " samples of I_K");
    }
}
