package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** B'(x) on both sides of the series/closed-form switch at |x| = 0.5, against the 80-digit literal formula. */
class BernoulliTest {
    /** Arguments from the series' range through the switch (just below, at, just above 0.5) to where B underflows. */
    private static final double[] NON_NEGATIVE = {1e-9, 1e-6, 1e-3, 0.1, 0.3, 0.49, Math.nextDown(0.5), 0.5,
        Math.nextUp(0.5), 0.51, 0.75, 1, 2, 5, 10, 30, 100, 300, 700};

    /**
     * derivativeOfNonNegative(x, B(x)), the Scharfetter–Gummel Jacobian's B'(x) = B(x)(1 − x − B(x))/x for x ≥ 0,
     * matches (e^x − 1 − x e^x)/(e^x − 1)² in 80-digit arithmetic to 1e-14 relative on both sides of the switch.
     */
    @Test
    void derivativeOfNonNegativeMatchesHighPrecision() {
        for (double x : NON_NEGATIVE) {
            double ref = HighPrecision.bernoulliDerivative(x);
            assertEquals(ref, Bernoulli.derivativeOfNonNegative(x, Bernoulli.value(x)), 1e-14 * Math.abs(ref), "x=" + x);
        }
        assertEquals(-0.5, Bernoulli.derivativeOfNonNegative(0.0, 1.0), 0.0);
    }

    /** B'(x) = derivative(x) itself at the same arguments and their negatives, 1e-14 relative. */
    @Test
    void derivativeMatchesHighPrecisionAroundTheSwitch() {
        for (double x : NON_NEGATIVE) {
            for (double s : new double[] {x, -x}) {
                double ref = HighPrecision.bernoulliDerivative(s);
                assertEquals(ref, Bernoulli.derivative(s), 1e-14 * Math.abs(ref), "x=" + s);
            }
        }
    }

    /** The reflection B'(−x) = −1 − B'(x) that the Scharfetter–Gummel fluxes use for the other sign, 1e-15 absolute. */
    @Test
    void reflectionOfTheDerivative() {
        for (double x : NON_NEGATIVE) {
            double d = Bernoulli.derivativeOfNonNegative(x, Bernoulli.value(x));
            assertEquals(Bernoulli.derivative(-x), -1 - d, 1e-15, "x=" + x);
        }
    }
}
