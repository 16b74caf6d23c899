package org.membranepnp.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value range of one plot axis, linear or logarithmic, with its ticks: major ticks at 1, 2 or 5 × 10^k (linear)
 * or at decades (log, with 2 and 5 added when the range spans less than two decades), minor ticks between, and
 * tick labels. Linear labels share a power of ten ({@link #exponent}) when the numbers are very large or small.
 */
final class Scale {
    private final double min;
    private final double max;
    private final boolean log;
    private final double[] major;
    private final double[] minor;
    private final String[] labels;
    private final int exponent;

    private Scale(double min, double max, boolean log, double[] major, double[] minor, String[] labels, int exponent) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.major = major;
        this.minor = minor;
        this.labels = labels;
        this.exponent = exponent;
    }

    /**
     * A linear scale over [lo, hi] with about {@code ticks} major ticks; {@code nice} widens the range to whole
     * ticks. An empty or non-finite range is widened to something drawable.
     */
    static Scale linear(double lo, double hi, int ticks, boolean nice) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi))) {
            double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= d;
            hi += d;
        }
        double step = niceStep((hi - lo) / Math.max(1, ticks));
        if (nice) {
            lo = Math.floor(lo / step + 1e-9) * step;
            hi = Math.ceil(hi / step - 1e-9) * step;
        }
        List<Double> mj = new ArrayList<>();
        for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
            mj.add(i * step);
        }
        double[] major = toArray(mj);
        double biggest = Math.max(Math.abs(lo), Math.abs(hi));
        int e = biggest >= 1e4 || biggest < 1e-2 ? (int) Math.floor(Math.log10(biggest) + 1e-9) : 0;
        double unit = Math.pow(10, e);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step / unit) + 1e-9));
        String[] labels = new String[major.length];
        for (int i = 0; i < major.length; i++) {
            labels[i] = number(major[i] / unit, decimals);
        }
        List<Double> mn = new ArrayList<>();
        double minorStep = step / (Math.abs(step / Math.pow(10, Math.floor(Math.log10(step))) - 2) < 1e-6 ? 4 : 5);
        for (long i = (long) Math.ceil(lo / minorStep - 1e-9); i * minorStep <= hi + minorStep * 1e-9; i++) {
            mn.add(i * minorStep);
        }
        return new Scale(lo, hi, false, major, toArray(mn), labels, e);
    }

    /**
     * A linear scale over [lo, hi] widened by {@code margin} of its span on each side, so that no data lies on the
     * frame; ticks fall inside.
     */
    static Scale padded(double lo, double hi, int ticks, double margin) {
        double span = Double.isFinite(hi - lo) ? Math.abs(hi - lo) : 0;
        if (span == 0) {
            return linear(lo, hi, ticks, false);
        }
        return linear(Math.min(lo, hi) - margin * span, Math.max(lo, hi) + margin * span, ticks, false);
    }

    /**
     * A log scale over [lo, hi] (both > 0); {@code nice} widens it to whole decades (or to 1, 2, 5 × 10^k when it
     * spans less than a decade).
     */
    static Scale log(double lo, double hi, boolean nice) {
        if (!(lo > 0) || !(hi > 0) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 1;
            hi = 10;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi / lo < 1.0001) {
            lo /= 2;
            hi *= 2;
        }
        double decades = Math.log10(hi / lo);
        double[] mantissas = decades < 2 ? new double[] {1, 2, 5} : new double[] {1};
        if (nice) {
            lo = floorTo(lo, decades < 1 ? mantissas : new double[] {1});
            hi = ceilTo(hi, decades < 1 ? mantissas : new double[] {1});
        }
        List<Double> mj = new ArrayList<>();
        List<Double> mn = new ArrayList<>();
        int stride = (int) Math.max(1, Math.ceil(Math.log10(hi / lo) / 8)); // at most ~8 labelled decades
        for (int d = (int) Math.floor(Math.log10(lo)) - 1; d <= (int) Math.ceil(Math.log10(hi)); d++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, d);
                if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) {
                    continue;
                }
                boolean isMajor = m == 1 ? Math.floorMod(d, stride) == 0 : stride == 1 && contains(mantissas, m);
                (isMajor ? mj : mn).add(v);
            }
        }
        double[] major = toArray(mj);
        boolean plain = major.length > 0 && major[0] >= 1e-3 && major[major.length - 1] <= 1e4;
        String[] labels = new String[major.length];
        for (int i = 0; i < major.length; i++) {
            int d = (int) Math.floor(Math.log10(major[i]) + 1e-9);
            double m = major[i] / Math.pow(10, d);
            labels[i] = plain ? number(major[i], Math.max(0, -d))
                    : Math.abs(m - 1) < 1e-9 ? "10^{" + number(d, 0) + "}" : number(m, 0) + "·10^{" + number(d, 0) + "}";
        }
        return new Scale(lo, hi, true, major, toArray(mn), labels, 0);
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    boolean isLog() {
        return log;
    }

    /** Major tick values. */
    double[] major() {
        return major.clone();
    }

    /** Minor tick values (may include the major ones). */
    double[] minor() {
        return minor.clone();
    }

    /** The label of each major tick (rich text). */
    String[] labels() {
        return labels.clone();
    }

    /** The power of ten the linear tick labels are in units of (0: none). */
    int exponent() {
        return exponent;
    }

    /** Where {@code v} lies between min (0) and max (1); NaN for a value a log scale cannot show. */
    double fraction(double v) {
        if (log) {
            return v > 0 ? Math.log10(v / min) / Math.log10(max / min) : Double.NaN;
        }
        return (v - min) / (max - min);
    }

    /** A number with {@code decimals} digits after the point and a typographic minus; never "−0". */
    static String number(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0(\\.0*)?")) {
            s = s.substring(1);
        }
        return s.replace('-', '\u2212');
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1.25 ? 1 : m <= 2.5 ? 2 : m <= 6 ? 5 : 10) * p; // about as many ticks as asked, rarely more
    }

    private static double floorTo(double v, double[] mantissas) {
        double p = Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        double best = p;
        for (double m : mantissas) {
            if (m * p <= v * (1 + 1e-9)) {
                best = m * p;
            }
        }
        return best;
    }

    private static double ceilTo(double v, double[] mantissas) {
        double p = Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        for (double m : mantissas) {
            if (m * p >= v * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static boolean contains(double[] a, double v) {
        for (double x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
