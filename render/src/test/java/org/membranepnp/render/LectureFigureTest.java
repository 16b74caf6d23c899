package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.result.ChargeBalance;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.units.PhysicalConstants;

/** The lecture layout and the zoomed profile, drawn offscreen and checked at known pixels. */
class LectureFigureTest {
    @Test
    void theLensShowsTheMembraneAndItsChargeLayersAndTheNumbersAreWritten(@TempDir Path dir) throws Exception {
        SyntheticResults.writeRun(dir, true);
        ChargingAnimationTest.writeSnapshots(dir);
        ViewerFigures f = new ViewerFigures(dir);
        var data = ResultReader.profiles(dir);
        LectureNumbers numbers = f.numbers((ChargingAnimation.Frame) null);
        assertEquals(SyntheticResults.VM, numbers.membranePotentialMv(), 1e-9);
        assertEquals(-6e-4, numbers.separatedChargeCPerM2(), 1e-15, "σ of the summary");
        assertEquals(6e-4 / PhysicalConstants.ELEMENTARY_CHARGE_C * 1e-12, numbers.ionsPerUm2(), 1e-6);
        assertEquals(MembraneCapacitor.ionsMovedOnSphere(-6e-4, 10, 1), numbers.ionsMoved(), 1e-3);
        assertEquals(6e-4 * 4 * Math.PI * 1e-10 / PhysicalConstants.ELEMENTARY_CHARGE_C, numbers.ionsMoved(), 1);

        FigureStyle style = FigureStyle.of(1200, 800);
        LectureFigure l = LectureFigure.of(data, ResultWriter.readSummary(dir.resolve("summary.json")), style, numbers, new double[] {0, 1e-9, 1e-6},
                new double[] {0, -20, -60}, "");
        BufferedImage img = FigureRenderer.render(l.scene());

        // the lens: the lipid band in the middle of the magnified membrane (x from 0 to 5 nm from the inside face)
        for (Panel lens : new Panel[] {l.lensPotential(), l.lensCharge()}) {
            double x = lens.xPx(SyntheticResults.MEMBRANE_NM / 2);
            double y = lens.top() + (lens.bottom() - lens.top()) * 0.3;
            assertTrue(lens.xPx(SyntheticResults.MEMBRANE_NM) - lens.xPx(0) > 20, "the membrane is magnified");
            assertTrue(Pixels.nearest(img, x, y, 2, FigureStyle.MEMBRANE & 0xffffff) < 12,
                    "the membrane band in the lens at " + x + ", " + y);
        }
        // the charge layers: ρ > 0 just outside the inside face? The synthetic inside layer is negative (V_m < 0)
        Panel rho = l.lensCharge();
        double layerIn = rho.xPx(-0.3);
        int warmOrCool = Math.min(Pixels.nearest(img, layerIn, rho.yPx(0) + 3, 2, ProfileFigure.chargeColor(false) & 0xffffff),
                Pixels.nearest(img, layerIn, rho.yPx(0) - 3, 2, ProfileFigure.chargeColor(true) & 0xffffff));
        assertTrue(warmOrCool < 20, "a charge layer is filled at the inside face: " + warmOrCool);
        // the lens outline is drawn around it and its place is marked in the slab
        Panel slab = l.slab();
        assertTrue(Pixels.nearest(img, slab.xPx(SyntheticResults.INSIDE_NM / 1e3), slab.bottom() - 2, 8,
                LectureFigure.LENS & 0xffffff) < 20, "the lens's place in the slab");
        // the live numbers: text in their box, and V_m(t) under them
        double[] box = l.numbersBox();
        assertTrue(box[2] - box[0] > 100 && box[3] - box[1] > 100, "a numbers box: " + java.util.Arrays.toString(box));
        int ink = Pixels.countUnlike(img, box[0], box[1], box[2], box[3], FigureStyle.BACKGROUND, 60);
        assertTrue(ink > 1500, "the numbers are written: " + ink + " inked pixels");
        assertTrue(l.trace() != null, "V_m(t) is drawn");
        assertTrue(l.trace().top() > box[3], "under the numbers");
    }

    @Test
    void framesGetTheirOwnNumbersFromTheirProfiles(@TempDir Path dir) throws Exception {
        SyntheticResults.writeRun(dir, true);
        ChargingAnimationTest.writeSnapshots(dir);
        ViewerFigures f = new ViewerFigures(dir);
        var frames = ChargingAnimation.read(dir);
        var last = frames.get(frames.size() - 1);
        var first = frames.get(0);
        LectureNumbers n0 = f.numbers(first);
        LectureNumbers n1 = f.numbers(last);
        double fixed = -6e-4 - ChargeBalance.insideIonicChargeCPerM2(ResultReader.profiles(dir).profiles());
        assertEquals(ChargeBalance.insideIonicChargeCPerM2(last.data().profiles()) + fixed, n1.separatedChargeCPerM2(),
                1e-15);
        assertEquals(first.membranePotentialMv(), n0.membranePotentialMv(), 0);
        assertTrue(Math.abs(n1.separatedChargeCPerM2() - n0.separatedChargeCPerM2()) > 1e-6,
                "the charge grows: " + n0.separatedChargeCPerM2() + " → " + n1.separatedChargeCPerM2());
        assertTrue(n1.bulkElectroneutrality() < 1e-3, "the synthetic baths are neutral: " + n1.bulkElectroneutrality());
    }

    @Test
    void theExplorerShowsOnlyTheWindowAndOneField(@TempDir Path dir) {
        SyntheticResults.writeRun(dir, false);
        var data = ResultReader.profiles(dir);
        var summary = ResultWriter.readSummary(dir.resolve("summary.json"));
        FigureStyle style = FigureStyle.of(900, 600);
        ProfileExplorer e = ProfileExplorer.of(data, summary, style, false, ViewerSession.ALL_FIELDS, -2, 8, "");
        assertEquals(3, e.panels().size());
        assertEquals(-2, e.panels().get(0).x().min(), 1e-12);
        assertEquals(8, e.panels().get(0).x().max(), 1e-12);
        BufferedImage img = FigureRenderer.render(e.scene());
        Panel phi = e.panels().get(0);
        double y = phi.top() + 4;
        // 5 nm of membrane in a 10 nm window: half the plot's width is the lipid band
        int band = 0;
        for (int x = (int) phi.left() + 2; x < phi.right() - 2; x++) {
            band += Pixels.distance(img.getRGB(x, (int) y) & 0xffffff, FigureStyle.MEMBRANE & 0xffffff) < 12 ? 1 : 0;
        }
        double expected = phi.xPx(5) - phi.xPx(0);
        assertTrue(Math.abs(band - expected) < 0.1 * expected, band + " band pixels, " + expected + " expected");

        int k = 1 + 1; // species 1 (Na) as the field
        ProfileExplorer one = ProfileExplorer.of(data, summary, style, false, k, Double.NaN, Double.NaN, "");
        assertEquals(1, one.panels().size(), "one field, one plot");
        assertEquals(-SyntheticResults.INSIDE_NM, one.xLoNm(), 1e-9, "not zoomed: the whole slab");
    }
}
