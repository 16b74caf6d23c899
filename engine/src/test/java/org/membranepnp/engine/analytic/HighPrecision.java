package org.membranepnp.engine.analytic;

import java.math.BigDecimal;
import java.math.MathContext;

/** Test reference: the GHK/Bernoulli expressions evaluated literally in 80-digit decimal arithmetic. */
final class HighPrecision {
    static final MathContext MC = new MathContext(80);

    private HighPrecision() {
    }

    /** e^x by argument halving and a Taylor series. */
    static BigDecimal exp(BigDecimal x) {
        int halvings = 0;
        BigDecimal y = x;
        while (y.abs().compareTo(new BigDecimal("0.25")) > 0) {
            y = y.divide(BigDecimal.valueOf(2), MC);
            halvings++;
        }
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(90);
        for (int n = 1; n < 500; n++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(eps) < 0) {
                break;
            }
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** B(x) = x / (e^x − 1) written literally (x ≠ 0); below |x| = 1e-20 its series 1 − x/2 + x²/12. */
    static double bernoulli(double xd) {
        BigDecimal x = new BigDecimal(xd);
        if (Math.abs(xd) < 1e-20) {
            return BigDecimal.ONE.subtract(x.divide(BigDecimal.valueOf(2), MC), MC)
                    .add(x.multiply(x, MC).divide(BigDecimal.valueOf(12), MC), MC).doubleValue();
        }
        return x.divide(exp(x).subtract(BigDecimal.ONE, MC), MC).doubleValue();
    }

    /** B'(x) = (e^x − 1 − x e^x) / (e^x − 1)² written literally (x ≠ 0). */
    static double bernoulliDerivative(double xd) {
        BigDecimal x = new BigDecimal(xd);
        BigDecimal ex = exp(x);
        BigDecimal em1 = ex.subtract(BigDecimal.ONE, MC);
        BigDecimal num = em1.subtract(x.multiply(ex, MC), MC);
        return num.divide(em1.multiply(em1, MC), MC).doubleValue();
    }

    /** J = P v (c_in − c_out e^{−v}) / (1 − e^{−v}) written literally (v ≠ 0). */
    static double ghkFlux(double p, double v, double cIn, double cOut) {
        BigDecimal bv = new BigDecimal(v);
        BigDecimal emv = exp(bv.negate());
        BigDecimal num = new BigDecimal(cIn).subtract(new BigDecimal(cOut).multiply(emv, MC), MC);
        BigDecimal den = BigDecimal.ONE.subtract(emv, MC);
        return new BigDecimal(p).multiply(bv, MC).multiply(num, MC).divide(den, MC).doubleValue();
    }
}
