package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.Summary;

/**
 * The lecture layout of {@code pnp view} (key V, {@code --lecture}): the membrane as a capacitor, for a class. Left,
 * the potential φ across the whole slab (µm), where the membrane is a thin line, and under it a magnifying lens on
 * the membrane ±10 Debye lengths (nm), joined to its place in the slab: φ and the net charge density ρ, where the two
 * charge layers show as the plates of the capacitor. Right, the live numbers ({@link LectureNumbers}): V_m, the
 * separated charge (C/m² and ions per µm²), the ions moved to charge a cell of radius 10 µm and the bulk
 * electroneutrality; under them V_m(t) so far, with a dot at the time shown.
 */
final class LectureFigure {
    /** The lens outline and its connectors. */
    static final int LENS = 0xffb07800;

    private final Scene scene;
    private final Panel slab;
    private final Panel lensPotential;
    private final Panel lensCharge;
    private final Panel trace;
    private final double[] numbersBox;

    private LectureFigure(Scene scene, Panel slab, Panel lensPotential, Panel lensCharge, Panel trace,
                          double[] numbersBox) {
        this.scene = scene;
        this.slab = slab;
        this.lensPotential = lensPotential;
        this.lensCharge = lensCharge;
        this.trace = trace;
        this.numbersBox = numbersBox;
    }

    Scene scene() {
        return scene;
    }

    /** φ across the whole slab (x in µm from the inside far end). */
    Panel slab() {
        return slab;
    }

    /** The lens: φ near the membrane (x in nm from the inside face). */
    Panel lensPotential() {
        return lensPotential;
    }

    /** The lens: ρ near the membrane (x in nm from the inside face). */
    Panel lensCharge() {
        return lensCharge;
    }

    /** V_m(t) so far (x: time in s, log, or the linear unit of {@link #traceUnit}), or null without a trace. */
    Panel trace() {
        return trace;
    }

    /** Where the live numbers are written: x0, y0, x1, y1 in picture pixels. */
    double[] numbersBox() {
        return numbersBox.clone();
    }

    /**
     * Draws the layout.
     *
     * @param data      the profiles shown
     * @param summary   title, species labels and the Debye lengths (λ_D sets the lens)
     * @param numbers   the live numbers of this state
     * @param traceT    V_m(t) sample times, s (null or fewer than 2: no trace)
     * @param traceVm   V_m at those times, mV
     * @param status    a few words under the title ("running", "paused", …; "" for none)
     */
    static LectureFigure of(NamedProfiles data, JsonNode summary, FigureStyle style, LectureNumbers numbers,
                            double[] traceT, double[] traceVm, String status) {
        Profiles p = data.profiles();
        int n = p.nodeCount();
        int a = p.membraneStartNode();
        int b = p.membraneEndNode();
        double[] xNm = p.xNm();
        double xa = xNm[a];
        double lin = ProfileFigure.sub(summary, Summary.DEBYE_LENGTH_NM, Summary.INSIDE);
        double lout = ProfileFigure.sub(summary, Summary.DEBYE_LENGTH_NM, Summary.OUTSIDE);
        double lensLo = Math.max(xNm[0] - xa, -ProfileFigure.ZOOM_DEBYE_LENGTHS * (Double.isFinite(lin) ? lin : 1));
        double lensHi = Math.min(xNm[n - 1] - xa,
                xNm[b] - xa + ProfileFigure.ZOOM_DEBYE_LENGTHS * (Double.isFinite(lout) ? lout : 1));
        double[] xsUm = new double[n];
        double[] xsNm = new double[n];
        for (int k = 0; k < n; k++) {
            xsUm[k] = xNm[k] / 1e3;
            xsNm[k] = xNm[k] - xa;
        }
        int k0 = ProfileFigure.window(xsNm, lensLo, true);
        int k1 = ProfileFigure.window(xsNm, lensHi, false);

        Scene scene = new Scene(style.width(), style.height(), FigureStyle.BACKGROUND);
        Legend legend = new Legend(style).line("potential φ", ProfileFigure.POTENTIAL, null)
                .patch("net charge ρ > 0", ProfileFigure.chargeColor(true))
                .patch("ρ < 0", ProfileFigure.chargeColor(false))
                .patch("lipid membrane", FigureStyle.MEMBRANE);
        String when = Double.isFinite(numbers.timeS()) ? ChargingAnimation.time(numbers.timeS()) : "steady state";
        String info = when + (status.isEmpty() ? "" : "     " + status);
        double top = FigureHeader.draw(scene, style, ProfileFigure.title(summary) + ": the membrane as a capacitor",
                info, legend);

        top += style.text() * 1.5; // room for the slab's title
        double margin = FigureHeader.margin(style);
        double colGap = style.pad() * 3;
        double leftW = (style.width() - 2 * margin - colGap) * 0.63;
        double rightX = margin + leftW + colGap;
        double axisRoom = Panel.xAxisRoom(style);
        double h = style.height() - margin - top - axisRoom;
        double lensTitle = style.text() * 1.7;
        double mainH = h * 0.26;
        double afterMain = axisRoom + style.pad() * 2.5;
        double rowGap = Math.max(style.pad() * 1.2, style.small() * 1.3);
        double lensH = (h - mainH - afterMain - lensTitle - rowGap) / 2;
        int yTicks = (int) Math.max(2, Math.min(5, Math.min(mainH, lensH) / (style.small() * 3.2)));

        Scale yMain = Scale.padded(ProfileFigure.min(p.potentialMv(), 0, n - 1, 0),
                ProfileFigure.max(p.potentialMv(), 0, n - 1, 0), yTicks, ProfileFigure.MARGIN);
        Scale yPhi = Scale.padded(ProfileFigure.min(p.potentialMv(), k0, k1, 0),
                ProfileFigure.max(p.potentialMv(), k0, k1, 0), yTicks, ProfileFigure.MARGIN);
        double[] rho = p.chargeDensityCPerM3();
        Scale yRho = Scale.padded(ProfileFigure.min(rho, k0, k1, 0), ProfileFigure.max(rho, k0, k1, 0), yTicks,
                ProfileFigure.MARGIN);
        double tickRoom = Math.max(Panel.yTickRoom(style, yMain),
                Math.max(Panel.yTickRoom(style, yPhi), Panel.yTickRoom(style, yRho)));
        double left = margin + Panel.yLabelRoom(style) + tickRoom;
        double right = margin + leftW;
        int xTicks = (int) Math.max(3, (right - left) / (style.small() * 7));
        float[] dash = {style.line() * 2.5f, style.line() * 2f};

        // the whole slab
        Scale xMain = Scale.linear(xsUm[0], xsUm[n - 1], xTicks, false);
        Panel slab = new Panel(scene, style, left, top, right, top + mainH, xMain, yMain);
        slab.xBand(xsUm[a], xsUm[b], FigureStyle.MEMBRANE, Math.max(3, style.line() * 1.5));
        slab.grid();
        slab.hLine(0, FigureStyle.ZERO, style.thin(), dash);
        slab.line(xsUm, p.potentialMv(), ProfileFigure.POTENTIAL, style.line(), null);
        slab.frame(true, true).yLabel("φ (mV)", margin).xLabel("x (µm), the whole slab");
        slab.title("the whole slab: the membrane is a thin line");

        // the lens
        double lensTop = top + mainH + afterMain + lensTitle;
        Scale xLens = Scale.linear(lensLo, lensHi, xTicks, false);
        Panel lensPhi = new Panel(scene, style, left, lensTop, right, lensTop + lensH, xLens, yPhi);
        double chargeTop = lensTop + lensH + rowGap;
        Panel lensRho = new Panel(scene, style, left, chargeTop, right, chargeTop + lensH, xLens, yRho);
        for (Panel q : new Panel[] {lensPhi, lensRho}) {
            q.xBand(xsNm[a], xsNm[b], FigureStyle.MEMBRANE, Math.max(3, style.line() * 1.5));
            q.grid();
        }
        lensPhi.hLine(0, FigureStyle.ZERO, style.thin(), dash);
        lensPhi.line(xsNm, p.potentialMv(), ProfileFigure.POTENTIAL, style.line(), null);
        lensPhi.frame(false, true).yLabel("φ (mV)", margin);
        ProfileFigure.chargeArea(lensRho, style, xsNm, rho, a, b);
        lensRho.frame(true, true).yLabel(ProfileFigure.chargeLabel(yRho), margin)
                .xLabel("distance from the inside face (nm)");

        // the lens outline, its place in the slab and the connectors between them
        float w = Math.max(2f, style.thin() * 2);
        double hx0 = slab.xPx((lensLo + xa) / 1e3);
        double hx1 = slab.xPx((lensHi + xa) / 1e3);
        double minW = style.pad() * 1.2;
        if (hx1 - hx0 < minW) {
            double c = (hx0 + hx1) / 2;
            hx0 = c - minW / 2;
            hx1 = c + minW / 2;
        }
        outline(scene, hx0, slab.top(), hx1, slab.bottom(), w);
        double fx0 = margin * 0.5;
        double fy0 = lensTop - lensTitle;
        double fx1 = right + style.pad() * 0.8;
        double fy1 = style.height() - margin * 0.5;
        outline(scene, fx0, fy0, fx1, fy1, w);
        scene.add(new Shape.Line(new float[] {(float) hx0, (float) slab.bottom(), (float) fx0, (float) fy0}, w, LENS,
                null, null));
        scene.add(new Shape.Line(new float[] {(float) hx1, (float) slab.bottom(), (float) fx1, (float) fy0}, w, LENS,
                null, null));
        double magnification = (xNm[n - 1] - xNm[0]) / (lensHi - lensLo);
        String lensText = "lens ×" + NumberText.significant(magnification, 2) + ": ±"
                + (int) ProfileFigure.ZOOM_DEBYE_LENGTHS + " Debye lengths around the membrane; the charge layers are "
                + "the capacitor's plates";
        scene.add(Label.at(lensText, left, fy0 + style.pad() * 0.5,
                FigureHeader.fit(lensText, style.text(), true, fx1 - left - style.pad()), LENS, 0, 0).inBold());

        // the live numbers
        double y = top;
        double nx = rightX;
        double numbersRight = style.width() - margin;
        float big = style.text() * 1.45f;
        y = number(scene, style, nx, y, "membrane potential V_{m}", NumberText.fixed(numbers.membranePotentialMv(), 2)
                + " mV", big);
        y = number(scene, style, nx, y, "separated charge σ (inside; the outside holds −σ)",
                NumberText.significant(numbers.separatedChargeCPerM2(), 3) + " C/m^{2}", big);
        scene.add(Label.at("= " + NumberText.significant(numbers.ionsPerUm2(), 3) + " ions per µm^{2}", nx, y,
                style.text(), FigureStyle.INK, 0, 0));
        y += lineHeight(style.text()) + style.pad();
        y = number(scene, style, nx, y, "ions moved to charge a cell of radius "
                + NumberText.fixed(numbers.cellRadiusUm(), 0) + " µm", NumberText.significant(numbers.ionsMoved(), 2)
                + " (monovalent)", big);
        y = number(scene, style, nx, y, "bulk electroneutrality |Σzc| / Σ|z|c beyond 10 λ_{D}",
                NumberText.significant(numbers.bulkElectroneutrality(), 2), big);
        double[] box = {nx, top, numbersRight, y};

        // V_m(t) so far
        Panel tracePanel = null;
        double traceTop = y + style.pad() + style.text() * 1.4;
        double traceBottom = style.height() - margin - axisRoom;
        if (traceT != null && traceT.length >= 2 && traceBottom - traceTop > style.small() * 5) {
            tracePanel = traceOf(scene, style, nx, traceTop, numbersRight, traceBottom, traceT, traceVm, numbers);
        }
        return new LectureFigure(scene, slab, lensPhi, lensRho, tracePanel, box);
    }

    private static Panel traceOf(Scene scene, FigureStyle style, double x0, double y0, double x1, double y1,
                                 double[] t, double[] vm, LectureNumbers numbers) {
        boolean log = TimeSeriesFigure.logTime(t);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : t) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double f = log ? 1 : unitFactor(hi);
        double[] tx = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            tx[k] = t[k] * f;
        }
        Scale y = Scale.padded(ProfileFigure.min(vm, 0, vm.length - 1, 0), ProfileFigure.max(vm, 0, vm.length - 1, 0),
                (int) Math.max(2, Math.min(5, (y1 - y0) / (style.small() * 3.2))), ProfileFigure.MARGIN);
        double left = x0 + Panel.yLabelRoom(style) + Panel.yTickRoom(style, y);
        Scale x = log ? Scale.log(lo, hi, false)
                : Scale.linear(lo * f, hi * f, (int) Math.max(2, (x1 - left) / (style.small() * 7)), false);
        double right = x1 - Math.max(0, Panel.xTickOverhang(style, x) - FigureHeader.margin(style));
        Panel panel = new Panel(scene, style, left, y0, right, y1, x, y);
        panel.grid();
        panel.line(tx, vm, ProfileFigure.POTENTIAL, style.line(), null);
        if (Double.isFinite(numbers.timeS()) && (!log || numbers.timeS() > 0)) {
            panel.dots(new double[] {numbers.timeS() * f}, new double[] {numbers.membranePotentialMv()},
                    style.line() * 2.2f, LENS, FigureStyle.INK);
        }
        panel.frame(true, true).yLabel("V_{m} (mV)", x0).title("V_{m}(t) so far");
        panel.xLabel(log ? "time (s), log scale" : "time (" + unitName(f) + ")");
        return panel;
    }

    /** Seconds to the unit that shows {@code end} as 1 or more: 1 (s), 1e3 (ms), 1e6 (µs) or 1e9 (ns). */
    static double unitFactor(double end) {
        double e = Math.abs(end);
        return e >= 1 || e == 0 || !Double.isFinite(e) ? 1 : e >= 1e-3 ? 1e3 : e >= 1e-6 ? 1e6 : 1e9;
    }

    static String unitName(double factor) {
        return factor == 1 ? "s" : factor == 1e3 ? "ms" : factor == 1e6 ? "µs" : "ns";
    }

    /** A caption and its value under it; returns the row below. */
    private static double number(Scene scene, FigureStyle style, double x, double y, String caption, String value,
                                 float size) {
        scene.add(Label.at(caption, x, y, style.small(), FigureStyle.MUTED, 0, 0));
        y += lineHeight(style.small());
        scene.add(Label.at(value, x, y, size, FigureStyle.INK, 0, 0).inBold());
        return y + lineHeight(size) + style.pad() * 0.6;
    }

    private static void outline(Scene scene, double x0, double y0, double x1, double y1, float w) {
        float a = (float) x0;
        float b = (float) y0;
        float c = (float) x1;
        float d = (float) y1;
        float h = w / 2;
        scene.add(new Shape.Rect(a - h, b - h, c + h, b + h, LENS, null));
        scene.add(new Shape.Rect(a - h, d - h, c + h, d + h, LENS, null));
        scene.add(new Shape.Rect(a - h, b - h, a + h, d + h, LENS, null));
        scene.add(new Shape.Rect(c - h, b - h, c + h, d + h, LENS, null));
    }

    private static double lineHeight(float size) {
        float[] box = RichText.box(size, false);
        return box[0] + box[1];
    }
}
