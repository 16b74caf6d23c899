package org.membranepnp.solver.fv;

/**
 * The Bernoulli function of the Scharfetter–Gummel flux, B(x) = x / (eˣ − 1), and its derivative,
 * accurate to a few ulp near x = 0 (series) and without overflow for large |x|.
 */
public final class Bernoulli {
    private static final double SERIES_LIMIT = 1e-2;

    private Bernoulli() {
    }

    /** B(x) = x / (eˣ − 1); B(0) = 1, B(x) → −x for x → −∞, B(x) → x e^{−x} for x → +∞. */
    public static double value(double x) {
        double ax = Math.abs(x);
        if (ax < SERIES_LIMIT) {
            double x2 = x * x;
            // 1 − x/2 + x²/12 − x⁴/720 + x⁶/30240
            return 1.0 - 0.5 * x + x2 * (1.0 / 12.0 - x2 * (1.0 / 720.0 - x2 / 30240.0));
        }
        if (x > 745.0) {
            return x * Math.exp(-x); // underflows gracefully to 0
        }
        if (x < -745.0) {
            return -x;
        }
        return x / Math.expm1(x);
    }

    /**
     * B'(x) = B(x)·(1 − B(−x)) / x = (eˣ − 1 − x eˣ) / (eˣ − 1)²; B'(0) = −1/2.
     */
    public static double derivative(double x) {
        double ax = Math.abs(x);
        if (ax < SERIES_LIMIT) {
            double x2 = x * x;
            // −1/2 + x/6 − x³/180 + x⁵/5040
            return -0.5 + x * (1.0 / 6.0 - x2 * (1.0 / 180.0 - x2 / 5040.0));
        }
        if (x > 745.0) {
            return (1.0 - x) * Math.exp(-x);
        }
        if (x < -745.0) {
            return -1.0;
        }
        double em1 = Math.expm1(x);
        double ex = em1 + 1.0;
        // (eˣ − 1 − x eˣ)/(eˣ − 1)², written to avoid overflow: (1/(eˣ−1)) · (1 − x eˣ/(eˣ−1))
        double b = x / em1;
        return (1.0 - b * ex) / em1;
    }
}
