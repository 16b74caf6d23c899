package org.membranepnp.engine.analytic;

/**
 * The Bernoulli function B(x) = x / (eˣ − 1) and its derivative, used by the Goldman–Hodgkin–Katz flux and the
 * Scharfetter–Gummel flux alike: exact at x = 0 (B(0) = 1, B'(0) = −1/2), a Taylor series for B' near 0, and
 * no overflow for large |x| (B → 0 for x → +∞, B ≈ −x for x → −∞). B(−x) = x + B(x).
 */
public final class Bernoulli {
    /** Below this |x| the derivative of B uses its Taylor series (error < 1e-17 relative). */
    static final double SERIES_LIMIT = 0.5;
    /** B'(x) = −1/2 + Σ_k SERIES[k] x^{2k+1}, SERIES[k] = B_{2k+2} / (2k+1)! with Bernoulli numbers B_n. */
    private static final double[] SERIES;

    static {
        // Bernoulli numbers B_2, B_4, …, B_20
        double[] b = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6,
            -3617.0 / 510, 43867.0 / 798, -174611.0 / 330};
        SERIES = new double[b.length];
        double factorial = 1.0; // (2k+1)!
        for (int k = 0; k < b.length; k++) {
            if (k > 0) {
                factorial *= (2.0 * k) * (2.0 * k + 1);
            }
            SERIES[k] = b[k] / factorial;
        }
    }

    private Bernoulli() {
    }

    /**
     * Bernoulli function B(x) = x / (e^x − 1), B(0) = 1; B(x) → 0 for x → +∞, B(x) ≈ −x for x → −∞.
     */
    public static double value(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        return x / Math.expm1(x);
    }

    /**
     * Derivative B'(x) = B(x)(1 − B(−x)) / x, B'(0) = −1/2 (Taylor series near 0).
     */
    public static double derivative(double x) {
        if (Math.abs(x) < SERIES_LIMIT) {
            double x2 = x * x;
            double sum = 0.0;
            for (int k = SERIES.length - 1; k >= 0; k--) {
                sum = sum * x2 + SERIES[k];
            }
            return -0.5 + x * sum;
        }
        return value(x) * (1.0 - value(-x)) / x;
    }

    /**
     * B'(x) for x ≥ 0 given b = B(x), without a second exponential: B'(x) = B(x)(1 − x − B(x)) / x.
     */
    public static double derivativeOfNonNegative(double x, double b) {
        if (x < SERIES_LIMIT) {
            return derivative(x);
        }
        return b * (1.0 - x - b) / x;
    }
}
