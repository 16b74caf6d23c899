package org.membranepnp.render;

/**
 * One plot: a rectangle of the picture with an x and a y {@link Scale}. It maps data to pixels and adds to the
 * {@link Scene} what a plot is made of: grid, data lines, areas, bands, dots, the frame with ticks and tick labels,
 * axis labels and a title. Data shapes are clipped to the rectangle; NaN (and, on a log axis, values ≤ 0) break lines.
 */
final class Panel {
    private final Scene scene;
    private final FigureStyle style;
    private final double left;
    private final double top;
    private final double right;
    private final double bottom;
    private final Scale x;
    private final Scale y;

    Panel(Scene scene, FigureStyle style, double left, double top, double right, double bottom, Scale x, Scale y) {
        this.scene = scene;
        this.style = style;
        this.left = Math.round(left);
        this.top = Math.round(top);
        this.right = Math.round(right);
        this.bottom = Math.round(bottom);
        this.x = x;
        this.y = y;
    }

    Scale x() {
        return x;
    }

    Scale y() {
        return y;
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

    /** The pixel column of x value {@code v}. */
    double xPx(double v) {
        return left + x.fraction(v) * (right - left);
    }

    /** The pixel row of y value {@code v}. */
    double yPx(double v) {
        return bottom - y.fraction(v) * (bottom - top);
    }

    /** The plot rectangle as a clip. */
    Shape.Clip clip() {
        return new Shape.Clip((float) left, (float) top, (float) right, (float) bottom);
    }

    /** Light grid lines at the major ticks. */
    Panel grid() {
        float w = style.thin();
        for (double v : x.major()) {
            double p = snap(xPx(v), w);
            scene.add(new Shape.Rect((float) (p - w / 2), (float) top, (float) (p + w / 2), (float) bottom, FigureStyle.GRID, clip()));
        }
        for (double v : y.major()) {
            double p = snap(yPx(v), w);
            scene.add(new Shape.Rect((float) left, (float) (p - w / 2), (float) right, (float) (p + w / 2), FigureStyle.GRID, clip()));
        }
        return this;
    }

    /** A vertical band from x0 to x1 over the whole height, at least {@code minPx} wide. */
    Panel xBand(double x0, double x1, int argb, double minPx) {
        double a = xPx(x0);
        double b = xPx(x1);
        if (b - a < minPx) {
            double c = (a + b) / 2;
            a = c - minPx / 2;
            b = c + minPx / 2;
        }
        scene.add(new Shape.Rect((float) a, (float) top, (float) b, (float) bottom, argb, clip()));
        return this;
    }

    /** A horizontal line across the plot at y value {@code v}. */
    Panel hLine(double v, int argb, float width, float[] dash) {
        double p = yPx(v);
        if (Double.isFinite(p)) {
            scene.add(new Shape.Line(new float[] {(float) left, (float) p, (float) right, (float) p}, width, argb, dash, clip()));
        }
        return this;
    }

    /** A data line through (xs[k], ys[k]); {@code dash} null for solid. */
    Panel line(double[] xs, double[] ys, int argb, float width, float[] dash) {
        int n = Math.min(xs.length, ys.length);
        float[] run = new float[2 * n];
        int m = 0;
        for (int k = 0; k <= n; k++) {
            double px = k < n ? xPx(xs[k]) : Double.NaN;
            double py = k < n ? yPx(ys[k]) : Double.NaN;
            if (Double.isFinite(px) && Double.isFinite(py)) {
                float fx = (float) clamp(px);
                float fy = (float) clamp(py);
                boolean near = m > 0 && Math.abs(fx - run[2 * m - 2]) < 0.25f && Math.abs(fy - run[2 * m - 1]) < 0.25f;
                if (!near || k == n - 1) {
                    run[2 * m] = fx;
                    run[2 * m + 1] = fy;
                    m++;
                }
            } else {
                if (m >= 2) {
                    scene.add(new Shape.Line(java.util.Arrays.copyOf(run, 2 * m), width, argb, dash, clip()));
                }
                m = 0;
            }
        }
        return this;
    }

    /** The area between y0 and y1 over xs (both finite where drawn). */
    Panel area(double[] xs, double[] y0, double[] y1, int argb) {
        int n = xs.length;
        float[] px = new float[n];
        float[] top0 = new float[n];
        float[] bot = new float[n];
        int m = 0;
        for (int k = 0; k <= n; k++) {
            double a = k < n ? xPx(xs[k]) : Double.NaN;
            double b = k < n ? yPx(y0[k]) : Double.NaN;
            double c = k < n ? yPx(y1[k]) : Double.NaN;
            if (Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c)) {
                px[m] = (float) clamp(a);
                top0[m] = (float) clamp(b);
                bot[m] = (float) clamp(c);
                m++;
            } else {
                if (m >= 2) {
                    scene.add(new Shape.Area(java.util.Arrays.copyOf(px, m), java.util.Arrays.copyOf(top0, m),
                            java.util.Arrays.copyOf(bot, m), argb, clip()));
                }
                m = 0;
            }
        }
        return this;
    }

    /** Dots of radius r at (xs[k], ys[k]) with a ring of the edge colour. */
    Panel dots(double[] xs, double[] ys, float r, int fill, int edge) {
        for (int k = 0; k < Math.min(xs.length, ys.length); k++) {
            double px = xPx(xs[k]);
            double py = yPx(ys[k]);
            if (Double.isFinite(px) && Double.isFinite(py)) {
                scene.add(new Shape.Dot((float) px, (float) py, r, fill, edge, Math.max(1f, r / 3), clip()));
            }
        }
        return this;
    }

    /** The frame, outward ticks and the tick labels of the x axis (below) and y axis (left), where asked for. */
    Panel frame(boolean xLabels, boolean yLabels) {
        float w = style.thin();
        float t = style.tick();
        for (double v : x.minor()) {
            tickX(snap(xPx(v), w), t * 0.55f, w);
        }
        for (double v : y.minor()) {
            tickY(snap(yPx(v), w), t * 0.55f, w);
        }
        double[] xs = x.major();
        String[] xl = x.labels();
        for (int i = 0; i < xs.length; i++) {
            double p = snap(xPx(xs[i]), w);
            tickX(p, t, w);
            if (xLabels) {
                scene.add(Label.at(xl[i], p, bottom + t + style.pad() * 0.3, style.small(), FigureStyle.INK, 0.5, 0));
            }
        }
        double[] ys = y.major();
        String[] yl = y.labels();
        for (int i = 0; i < ys.length; i++) {
            double p = snap(yPx(ys[i]), w);
            tickY(p, t, w);
            if (yLabels) {
                scene.add(Label.at(yl[i], left - t - style.pad() * 0.4, p, style.small(), FigureStyle.INK, 1, 0.5));
            }
        }
        float l = (float) left;
        float r = (float) right;
        float tp = (float) top;
        float b = (float) bottom;
        scene.add(new Shape.Rect(l - w / 2, tp - w / 2, r + w / 2, tp + w / 2, FigureStyle.FRAME, null));
        scene.add(new Shape.Rect(l - w / 2, b - w / 2, r + w / 2, b + w / 2, FigureStyle.FRAME, null));
        scene.add(new Shape.Rect(l - w / 2, tp - w / 2, l + w / 2, b + w / 2, FigureStyle.FRAME, null));
        scene.add(new Shape.Rect(r - w / 2, tp - w / 2, r + w / 2, b + w / 2, FigureStyle.FRAME, null));
        return this;
    }

    /** The x axis label, centred below the tick labels. */
    Panel xLabel(String text) {
        double yPos = bottom + style.tick() + style.pad() * 0.5 + style.small() * 1.25;
        scene.add(Label.at(text, (left + right) / 2, yPos, style.text(), FigureStyle.INK, 0.5, 0));
        return this;
    }

    /** The y axis label, reading upwards, its top edge at pixel column {@code xPos}. */
    Panel yLabel(String text, double xPos) {
        scene.add(Label.at(text, xPos, (top + bottom) / 2, style.text(), FigureStyle.INK, 0.5, 0).upright());
        return this;
    }

    /** A bold title above the plot, at its left edge. */
    Panel title(String text) {
        scene.add(Label.at(text, left, top - style.pad() * 0.5, style.text(), FigureStyle.INK, 0, 1).inBold());
        return this;
    }

    /** Room the y tick labels of {@code y} take left of the frame: tick, gap and the widest label, pixels. */
    static double yTickRoom(FigureStyle style, Scale y) {
        double w = 0;
        for (String s : y.labels()) {
            w = Math.max(w, RichText.width(s, style.small(), false));
        }
        return style.tick() + style.pad() * 0.4 + w;
    }

    /** How far the last x tick label of {@code x} may reach right of the frame, pixels. */
    static double xTickOverhang(FigureStyle style, Scale x) {
        String[] l = x.labels();
        return l.length == 0 ? 0 : RichText.width(l[l.length - 1], style.small(), false) / 2;
    }

    /** Room below the frame for x tick labels and the x axis label, pixels. */
    static double xAxisRoom(FigureStyle style) {
        float[] box = RichText.box(style.text(), false);
        return style.tick() + style.pad() * 0.5 + style.small() * 1.25 + box[0] + box[1];
    }

    /** Room left of the y tick labels for the y axis label, pixels. */
    static double yLabelRoom(FigureStyle style) {
        float[] box = RichText.box(style.text(), false);
        return box[0] + box[1] + style.text() * 0.25 + style.pad() * 0.6; // a subscript reaches below the descent
    }

    private void tickX(double p, float len, float w) {
        scene.add(new Shape.Rect((float) p - w / 2, (float) bottom, (float) p + w / 2, (float) bottom + len, FigureStyle.FRAME, null));
    }

    private void tickY(double p, float len, float w) {
        scene.add(new Shape.Rect((float) left - len, (float) p - w / 2, (float) left, (float) p + w / 2, FigureStyle.FRAME, null));
    }

    /** The pixel position that makes a line of width w sharp: centred on a pixel for odd widths, on an edge for even. */
    private static double snap(double p, float w) {
        return Math.round(w) % 2 == 1 ? Math.floor(p) + 0.5 : Math.round(p);
    }

    private static double clamp(double p) {
        return Math.max(-1e5, Math.min(1e5, p));
    }
}
