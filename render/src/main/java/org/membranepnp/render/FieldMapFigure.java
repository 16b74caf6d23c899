package org.membranepnp.render;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A field map: a scalar field over the (x, y) plane as a colour map, with a colour bar (ticks, the field's name and
 * unit), contour lines of a second field (the potential) at nice levels, the membrane band and the channels
 * outlined. The field is drawn as one OpenGL triangle mesh with a vertex at every grid node, coloured per pixel from
 * the interpolated value through a 1D texture of the colour map: exact at the nodes, linear in value between them.
 * Signed fields use the diverging map centred on 0, the others the sequential one over the field's range.
 *
 * <p>With {@link FieldMap#widenMembrane()} the x axis is piecewise linear: true scale within
 * {@link #WIDEN_WINDOW_NM} of the membrane, compressed outside so that this window takes {@link #WIDEN_SHARE} of the
 * width (a nanometre membrane stays visible in a micrometre domain); the tick labels give the true x with its unit.
 */
public final class FieldMapFigure {
    /** Half-width of the true-scale window beyond each membrane face on a widened x axis, nm. */
    public static final double WIDEN_WINDOW_NM = 20;
    /** Share of the plot width the window takes on a widened axis. */
    static final double WIDEN_SHARE = 0.5;
    /** Contour lines. */
    static final int CONTOUR = 0xff262626;
    /** Membrane and channel outlines: a light line with a dark rim, visible on any colour of either map. */
    static final int OUTLINE = 0xffffffff;
    static final int OUTLINE_RIM = 0xff111111;

    private final Scene scene;
    private final double left;
    private final double top;
    private final double right;
    private final double bottom;
    private final XMap xMap;
    private final Scale y;
    private final double yUnit;
    private final Scale bar;
    private final double[] barBox;
    private final Colormap map;
    private final double[] contourLevels;
    private final double[] tickLabelBox;

    private FieldMapFigure(Scene scene, double[] plot, XMap xMap, Scale y, double yUnit, Scale bar, double[] barBox,
                           Colormap map, double[] contourLevels, double[] tickLabelBox) {
        this.scene = scene;
        this.left = plot[0];
        this.top = plot[1];
        this.right = plot[2];
        this.bottom = plot[3];
        this.xMap = xMap;
        this.y = y;
        this.yUnit = yUnit;
        this.bar = bar;
        this.barBox = barBox;
        this.map = map;
        this.contourLevels = contourLevels;
        this.tickLabelBox = tickLabelBox;
    }

    /**
     * The picture of {@code map}.
     *
     * @throws RenderUnavailableException if there is no display
     */
    public static BufferedImage render(FieldMap map, RenderOptions options) {
        return FigureRenderer.render(of(map, options.style()).scene());
    }

    /**
     * Draws {@code map} into the PNG file {@code file} (written atomically).
     *
     * @return the file written
     */
    public static Path write(Path file, FieldMap map, RenderOptions options) {
        Path dir = file.toAbsolutePath().getParent();
        return PngFiles.write(dir, file.getFileName().toString(), render(map, options));
    }

    Scene scene() {
        return scene;
    }

    double left() {
        return left;
    }

    double top() {
        return top;
    }

    double right() {
        return right;
    }

    double bottom() {
        return bottom;
    }

    /** The pixel column of x (nm). */
    double xPx(double nm) {
        return left + xMap.fraction(nm) * (right - left);
    }

    /** The pixel row of y (nm). */
    double yPx(double nm) {
        return bottom - y.fraction(nm / yUnit) * (bottom - top);
    }

    /** The colour bar's rectangle {left, top, right, bottom}, pixels. */
    double[] barBox() {
        return barBox.clone();
    }

    /** The colour bar's value scale. */
    Scale bar() {
        return bar;
    }

    Colormap colormap() {
        return map;
    }

    double[] contourLevels() {
        return contourLevels.clone();
    }

    /** The rectangle {left, top, right, bottom} holding the x tick labels. */
    double[] xTickLabelBox() {
        return tickLabelBox.clone();
    }

    /** Map value in [0, 1] of a field value. */
    double t(double v) {
        return bar.fraction(v);
    }

    static FieldMapFigure of(FieldMap m, FigureStyle style) {
        Scene scene = new Scene(style.width(), style.height(), FigureStyle.BACKGROUND);
        double margin = FigureHeader.margin(style);
        int nx = m.xNm().length;
        int ny = m.yNm().length;
        double[] xs = m.xNm();
        double[] ys = m.yNm();

        // colour range
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] col : m.values()) {
            for (double v : col) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        Colormap map = m.diverging() ? Colormap.diverging() : Colormap.sequential();
        Scale bar;
        if (m.diverging()) {
            double a = Math.max(Math.abs(lo), Math.abs(hi));
            bar = Scale.linear(-a, a, 6, false);
        } else {
            bar = Scale.linear(lo, hi, 6, false);
        }

        // layout
        double titleSize = fittedTitleSize(m.title(), Math.min(style.title(), style.text() * 1.3),
                style.width() - 2 * margin, style.small());
        scene.add(Label.at(m.title(), margin, margin, titleSize, FigureStyle.INK, 0, 0).inBold());
        double plotTop = margin + titleSize * 1.4 + style.pad();
        double bottom = style.height() - margin - Panel.xAxisRoom(style);
        double yUnit = ys[ny - 1] - ys[0] >= 2000 ? 1000 : 1;
        Scale y = Scale.linear(ys[0] / yUnit, ys[ny - 1] / yUnit, (int) Math.max(2, Math.min(8,
                (bottom - plotTop) / (style.small() * 3.5))), false);
        double left = margin + Panel.yLabelRoom(style) + Panel.yTickRoom(style, y);
        String[] barLabels = bar.labels();
        double barLabelW = 0;
        for (String s : barLabels) {
            barLabelW = Math.max(barLabelW, RichText.width(s, style.small(), false));
        }
        float[] textBox = RichText.box(style.text(), false);
        double barW = style.text() * 1.4;
        double barRoom = barW + style.tick() + style.pad() * 0.4 + barLabelW + style.pad() * 0.8 + textBox[0]
                + textBox[1] + style.text() * 0.25;
        double right = style.width() - margin - barRoom - style.pad() * 3;
        double[] plot = {Math.round(left), Math.round(plotTop), Math.round(right), Math.round(bottom)};
        double barLeft = Math.round(plot[2] + style.pad() * 3);
        double[] barBox = {barLeft, plot[1], barLeft + Math.round(barW), plot[3]};

        XMap xMap = m.widenMembrane() && m.hasMembrane()
                ? XMap.widened(xs[0], xs[nx - 1], m.membraneX0Nm(), m.membraneX1Nm(), WIDEN_WINDOW_NM, WIDEN_SHARE)
                : XMap.linear(xs[0], xs[nx - 1]);

        double[] levels = m.contourField() == null ? new double[0] : levels(m.contourField());
        FieldMapFigure f = new FieldMapFigure(scene, plot, xMap, y, yUnit, bar, barBox, map, levels,
                new double[] {plot[0], plot[3], plot[2], plot[3] + style.tick() + style.pad() * 0.3 + style.small() * 1.25});
        f.draw(m, style);
        return f;
    }

    private void draw(FieldMap m, FigureStyle style) {
        int nx = m.xNm().length;
        int ny = m.yNm().length;
        Shape.Clip clip = new Shape.Clip((float) left, (float) top, (float) right, (float) bottom);
        float[] px = new float[nx];
        float[] py = new float[ny];
        for (int i = 0; i < nx; i++) {
            px[i] = (float) xPx(m.xNm()[i]);
        }
        for (int j = 0; j < ny; j++) {
            py[j] = (float) yPx(m.yNm()[j]);
        }
        float[] xy = new float[2 * nx * ny];
        float[] t = new float[nx * ny];
        for (int i = 0; i < nx; i++) {
            double[] col = m.values()[i];
            for (int j = 0; j < ny; j++) {
                int k = j * nx + i;
                xy[2 * k] = px[i];
                xy[2 * k + 1] = py[j];
                t[k] = (float) t(col[j]);
            }
        }
        int[] table = map.table();
        scene.add(new Shape.Mesh(xy, t, nx, ny, table, clip));

        if (m.contourField() != null && contourLevels.length > 0) {
            float w = Math.max(1f, style.line() * 0.6f);
            scene.add(new Shape.Segments(contours(m.contourField(), px, py, contourLevels), w, CONTOUR, clip));
        }
        float ow = Math.max(2f, style.line() * 0.8f);
        List<double[]> outlines = new ArrayList<>();
        if (m.hasMembrane()) {
            outlines.add(new double[] {m.membraneX0Nm(), m.membraneX1Nm(), m.yNm()[0], m.yNm()[ny - 1]});
        }
        outlines.addAll(m.channels());
        for (double[] r : outlines) {
            float[] seg = rectangle(xPx(r[0]), yPx(r[2]), xPx(r[1]), yPx(r[3]));
            scene.add(new Shape.Segments(seg, ow * 3, OUTLINE_RIM, clip));
            scene.add(new Shape.Segments(seg, ow, OUTLINE, clip));
        }

        // colour bar: one quad, t = 0 at the bottom and 1 at the top, the texture interpolates exactly
        float bl = (float) barBox[0];
        float bt = (float) barBox[1];
        float br = (float) barBox[2];
        float bb = (float) barBox[3];
        scene.add(new Shape.Mesh(new float[] {bl, bb, br, bb, bl, bt, br, bt}, new float[] {0, 0, 1, 1}, 2, 2, table, null));
        frameRect(style, bl, bt, br, bb);
        double[] bv = bar.major();
        String[] bls = bar.labels();
        float thin = style.thin();
        for (int i = 0; i < bv.length; i++) {
            double p = snap(bb - bar.fraction(bv[i]) * (bb - bt), thin);
            scene.add(new Shape.Rect(br, (float) p - thin / 2, br + style.tick(), (float) p + thin / 2, FigureStyle.FRAME, null));
            scene.add(Label.at(bls[i], br + style.tick() + style.pad() * 0.4, p, style.small(), FigureStyle.INK, 0, 0.5));
        }
        double barLabelW = 0;
        for (String s : bls) {
            barLabelW = Math.max(barLabelW, RichText.width(s, style.small(), false));
        }
        int e = bar.exponent();
        String unit = e == 0 ? m.unit() : ("10^{" + Scale.number(e, 0) + "} " + m.unit()).trim();
        String name = unit.isEmpty() ? m.name() : m.name() + " (" + unit + ")";
        scene.add(Label.at(name, br + style.tick() + style.pad() * 1.2 + barLabelW, (bt + bb) / 2, style.text(),
                FigureStyle.INK, 0.5, 0).upright());

        // axes
        frameRect(style, (float) left, (float) top, (float) right, (float) bottom);
        float tick = style.tick();
        double[] yv = y.major();
        String[] yl = y.labels();
        for (int i = 0; i < yv.length; i++) {
            double p = snap(yPx(yv[i] * yUnit), thin);
            scene.add(new Shape.Rect((float) left - tick, (float) p - thin / 2, (float) left, (float) p + thin / 2, FigureStyle.FRAME, null));
            scene.add(Label.at(yl[i], left - tick - style.pad() * 0.4, p, style.small(), FigureStyle.INK, 1, 0.5));
        }
        scene.add(Label.at(m.yAxis() + (yUnit == 1 ? " (nm)" : " (µm)"), FigureHeader.margin(style), (top + bottom) / 2,
                style.text(), FigureStyle.INK, 0.5, 0).upright());
        for (double[] tk : xMap.ticks(right - left, style)) {
            double p = snap(xPx(tk[0]), thin);
            scene.add(new Shape.Rect((float) p - thin / 2, (float) bottom, (float) p + thin / 2, (float) bottom + tick, FigureStyle.FRAME, null));
            scene.add(Label.at(xMap.label(tk), p, bottom + tick + style.pad() * 0.3, style.small(), FigureStyle.INK, 0.5, 0));
        }
        String xLabel = xMap.widened() ? "x (true scale within ±" + Scale.number(WIDEN_WINDOW_NM, 0)
                + " nm of the membrane, compressed outside)" : xMap.microns() ? "x (µm)" : "x (nm)";
        scene.add(Label.at(xLabel, (left + right) / 2, bottom + tick + style.pad() * 0.5 + style.small() * 1.25,
                style.text(), FigureStyle.INK, 0.5, 0));
    }

    private void frameRect(FigureStyle style, float l, float t, float r, float b) {
        float w = style.thin();
        scene.add(new Shape.Rect(l - w / 2, t - w / 2, r + w / 2, t + w / 2, FigureStyle.FRAME, null));
        scene.add(new Shape.Rect(l - w / 2, b - w / 2, r + w / 2, b + w / 2, FigureStyle.FRAME, null));
        scene.add(new Shape.Rect(l - w / 2, t - w / 2, l + w / 2, b + w / 2, FigureStyle.FRAME, null));
        scene.add(new Shape.Rect(r - w / 2, t - w / 2, r + w / 2, b + w / 2, FigureStyle.FRAME, null));
    }

    private static float[] rectangle(double x0, double y0, double x1, double y1) {
        float a = (float) x0;
        float b = (float) y0;
        float c = (float) x1;
        float d = (float) y1;
        return new float[] {a, b, c, b, c, b, c, d, c, d, a, d, a, d, a, b};
    }

    /**
     * The title's font size: {@code size}, or smaller so that the bold title fits {@code widthPx}, but not below
     * {@code smallest} (a long title on a thumbnail).
     */
    static double fittedTitleSize(String title, double size, double widthPx, double smallest) {
        double w = RichText.width(title, (float) size, true);
        return w <= widthPx ? size : Math.max(smallest, size * widthPx / w);
    }

    /**
     * Nice levels strictly inside the field's range, leaving out a level the field sits on over a plateau (more than
     * {@value #PLATEAU_SHARE} of the nodes within 1e-6 of the range from it, e.g. φ = 0 in a grounded bulk), whose
     * line would only trace round-off.
     */
    static double[] levels(double[][] f) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] col : f) {
            for (double v : col) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            return new double[0];
        }
        List<Double> out = new ArrayList<>();
        double flat = 1e-6 * (hi - lo);
        int nodes = f.length * f[0].length;
        for (double v : Scale.linear(lo, hi, 10, false).major()) {
            if (v > lo && v < hi) {
                int near = 0;
                for (double[] col : f) {
                    for (double w : col) {
                        if (Math.abs(w - v) < flat) {
                            near++;
                        }
                    }
                }
                if (near <= PLATEAU_SHARE * nodes) {
                    out.add(v);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Share of nodes on a level that makes it a plateau rather than a line. */
    static final double PLATEAU_SHARE = 0.05;

    /**
     * Marching squares: the segments of the level lines of {@code f} in pixels, interpolating linearly along the
     * cell edges between the nodes' pixel positions (as the colour mesh does). A saddle cell is resolved by the
     * mean of its corners.
     */
    static float[] contours(double[][] f, float[] px, float[] py, double[] levels) {
        FloatList out = new FloatList();
        float[] pts = new float[8];
        for (int i = 0; i + 1 < px.length; i++) {
            double[] c0 = f[i];
            double[] c1 = f[i + 1];
            for (int j = 0; j + 1 < py.length; j++) {
                double v00 = c0[j];
                double v10 = c1[j];
                double v11 = c1[j + 1];
                double v01 = c0[j + 1];
                double mn = Math.min(Math.min(v00, v10), Math.min(v11, v01));
                double mx = Math.max(Math.max(v00, v10), Math.max(v11, v01));
                if (!(mn <= mx)) {
                    continue; // NaN corner
                }
                for (double lv : levels) {
                    if (lv < mn || lv > mx || mn == mx) {
                        continue;
                    }
                    boolean b00 = v00 >= lv;
                    boolean b10 = v10 >= lv;
                    boolean b11 = v11 >= lv;
                    boolean b01 = v01 >= lv;
                    int n = 0;
                    // edges in order: bottom (00-10), right (10-11), top (01-11), left (00-01)
                    int[] edge = new int[4];
                    if (b00 != b10) {
                        double s = (lv - v00) / (v10 - v00);
                        pts[2 * n] = (float) (px[i] + s * (px[i + 1] - px[i]));
                        pts[2 * n + 1] = py[j];
                        edge[n++] = 0;
                    }
                    if (b10 != b11) {
                        double s = (lv - v10) / (v11 - v10);
                        pts[2 * n] = px[i + 1];
                        pts[2 * n + 1] = (float) (py[j] + s * (py[j + 1] - py[j]));
                        edge[n++] = 1;
                    }
                    if (b01 != b11) {
                        double s = (lv - v01) / (v11 - v01);
                        pts[2 * n] = (float) (px[i] + s * (px[i + 1] - px[i]));
                        pts[2 * n + 1] = py[j + 1];
                        edge[n++] = 2;
                    }
                    if (b00 != b01) {
                        double s = (lv - v00) / (v01 - v00);
                        pts[2 * n] = px[i];
                        pts[2 * n + 1] = (float) (py[j] + s * (py[j + 1] - py[j]));
                        edge[n++] = 3;
                    }
                    if (n == 2) {
                        out.add(pts[0], pts[1], pts[2], pts[3]);
                    } else if (n == 4) {
                        boolean centre = (v00 + v10 + v11 + v01) / 4 >= lv;
                        if (centre == b00) { // 00 and 11 joined: cut off the corners 10 and 01
                            out.add(pts[0], pts[1], pts[2], pts[3]);
                            out.add(pts[4], pts[5], pts[6], pts[7]);
                        } else { // cut off 00 and 11
                            out.add(pts[0], pts[1], pts[6], pts[7]);
                            out.add(pts[2], pts[3], pts[4], pts[5]);
                        }
                    }
                }
            }
        }
        return out.toArray();
    }

    private static double snap(double p, float w) {
        return Math.round(w) % 2 == 1 ? Math.floor(p) + 0.5 : Math.round(p);
    }

    private static final class FloatList {
        private float[] a = new float[1024];
        private int n;

        void add(float x0, float y0, float x1, float y1) {
            if (n + 4 > a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = x0;
            a[n++] = y0;
            a[n++] = x1;
            a[n++] = y1;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /**
     * The x axis: linear, or piecewise linear with slope 1 in the window [w0, w1] around the membrane and slope
     * {@code s} ≤ 1 outside.
     */
    static final class XMap {
        private final double lo;
        private final double hi;
        private final double w0;
        private final double w1;
        private final double s;
        private final double length;

        private XMap(double lo, double hi, double w0, double w1, double s) {
            this.lo = lo;
            this.hi = hi;
            this.w0 = w0;
            this.w1 = w1;
            this.s = s;
            this.length = raw(hi);
        }

        static XMap linear(double lo, double hi) {
            return new XMap(lo, hi, lo, lo, 1);
        }

        static XMap widened(double lo, double hi, double m0, double m1, double k, double share) {
            double w0 = Math.max(lo, m0 - k);
            double w1 = Math.min(hi, m1 + k);
            double window = w1 - w0;
            double outside = (w0 - lo) + (hi - w1);
            if (outside <= 0 || window <= 0) {
                return linear(lo, hi);
            }
            double s = Math.min(1, window * (1 - share) / (share * outside));
            return new XMap(lo, hi, w0, w1, s);
        }

        boolean widened() {
            return s < 1;
        }

        boolean microns() {
            return hi - lo >= 2000;
        }

        private double raw(double x) {
            if (x < w0) {
                return s * (x - lo);
            }
            if (x <= w1) {
                return s * (w0 - lo) + (x - w0);
            }
            return s * (w0 - lo) + (w1 - w0) + s * (x - w1);
        }

        /** Where x (nm) lies between the left (0) and right (1) edge. */
        double fraction(double x) {
            return raw(x) / length;
        }

        /** Ticks {x nm, step nm}: in a widened window nm ticks, outside (or everywhere) µm or nm ticks. */
        List<double[]> ticks(double widthPx, FigureStyle style) {
            List<double[]> out = new ArrayList<>();
            double labelPx = style.small() * 6;
            if (!widened()) {
                double unit = microns() ? 1000 : 1;
                add(out, lo, hi, unit, (int) Math.max(3, widthPx / labelPx), -1, -1);
                return out;
            }
            double winPx = (raw(w1) - raw(w0)) / length * widthPx;
            add(out, w0, w1, 1, (int) Math.max(2, winPx / labelPx), -1, -1);
            double unit = microns() ? 1000 : 1;
            double gap = labelPx * 0.8 / widthPx * length; // in raw units
            add(out, lo, hi, unit, (int) Math.max(3, widthPx / labelPx), raw(w0) - gap, raw(w1) + gap);
            out.sort((p, q) -> Double.compare(p[0], q[0]));
            // the compressed outer parts hold fewer labels than a linear axis: keep ticks a label apart, the
            // window's before any outer one
            List<double[]> kept = new ArrayList<>();
            for (double[] t : out) {
                double px = fraction(t[0]) * widthPx;
                boolean inWindow = t[0] >= w0 && t[0] <= w1;
                while (!kept.isEmpty()) {
                    double[] prev = kept.get(kept.size() - 1);
                    if (px - fraction(prev[0]) * widthPx >= labelPx) {
                        break;
                    }
                    boolean prevInWindow = prev[0] >= w0 && prev[0] <= w1;
                    if (inWindow && !prevInWindow) {
                        kept.remove(kept.size() - 1);
                    } else {
                        t = null;
                        break;
                    }
                }
                if (t != null) {
                    kept.add(t);
                }
            }
            return kept;
        }

        /** Adds nice ticks over [a, b] in {@code unit} (nm per unit), leaving out those with raw in (skip0, skip1). */
        private void add(List<double[]> out, double a, double b, double unit, int count, double skip0, double skip1) {
            Scale sc = Scale.linear(a / unit, b / unit, count, false);
            double[] major = sc.major();
            double step = major.length > 1 ? major[1] - major[0] : (b - a) / unit;
            for (double v : major) {
                double r = raw(v * unit);
                if (r > skip0 && r < skip1) {
                    continue;
                }
                out.add(new double[] {v * unit, step * unit, unit});
            }
        }

        /** The label of a tick {x nm, step nm, unit nm}: the true x in nm or µm. */
        String label(double[] tick) {
            double unit = tick[2];
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(tick[1] / unit) + 1e-9));
            String number = Scale.number(tick[0] / unit, decimals);
            if (!widened()) {
                return number;
            }
            return number + (unit == 1000 ? " µm" : " nm");
        }
    }
}
