package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/**
 * Goldman–Hodgkin–Katz (constant field) flux, current and slope conductance of one ion species.
 *
 * <p>With v = z V / V_T the outward flux is J = P v (c_in − c_out e^{−v}) / (1 − e^{−v}). It is evaluated
 * as J = P [c_in B(−v) − c_out B(v)] with the Bernoulli function B(x) = x / (e^x − 1), which is exact,
 * has no 0/0 at v = 0 and does not overflow for large |v|.
 *
 * <p>All methods take V = φ_in − φ_out in mV, concentrations in mM (= mol/m³) and P in m/s.
 */
public final class GhkFlux {
    /** Below this |x| the derivative of B uses its Taylor series (error < 1e-17 relative). */
    private static final double SERIES_LIMIT = 0.5;
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

    private GhkFlux() {
    }

    /**
     * Bernoulli function B(x) = x / (e^x − 1), B(0) = 1; B(x) → 0 for x → +∞, B(x) ≈ −x for x → −∞.
     */
    public static double bernoulli(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        return x / Math.expm1(x);
    }

    /**
     * Derivative B'(x) = B(x)(1 − B(−x)) / x, B'(0) = −1/2 (Taylor series near 0).
     */
    public static double bernoulliDerivative(double x) {
        if (Math.abs(x) < SERIES_LIMIT) {
            double x2 = x * x;
            double sum = 0.0;
            for (int k = SERIES.length - 1; k >= 0; k--) {
                sum = sum * x2 + SERIES[k];
            }
            return -0.5 + x * sum;
        }
        return bernoulli(x) * (1.0 - bernoulli(-x)) / x;
    }

    /**
     * Outward flux J = P v (c_in − c_out e^{−v}) / (1 − e^{−v}) = P [c_in B(−v) − c_out B(v)], v = zV/V_T,
     * mol/(m² s).
     *
     * @param z                 valence
     * @param permeabilityMPerS P, m/s
     * @param cInMm             inside concentration at the membrane, mM (= mol/m³)
     * @param cOutMm            outside concentration, mM
     * @param voltageMv         V = φ_in − φ_out across the membrane, mV
     * @param temperatureK      absolute temperature, K
     */
    public static double outwardMolPerM2S(int z, double permeabilityMPerS, double cInMm, double cOutMm,
                                          double voltageMv, double temperatureK) {
        if (permeabilityMPerS == 0.0) {
            return 0.0;
        }
        double v = z * voltageMv / PhysicalConstants.thermalVoltageMv(temperatureK);
        return permeabilityMPerS * (cInMm * bernoulli(-v) - cOutMm * bernoulli(v));
    }

    /**
     * Outward electric current density I = zF J, A/m².
     *
     * @see #outwardMolPerM2S(int, double, double, double, double, double)
     */
    public static double currentAPerM2(int z, double permeabilityMPerS, double cInMm, double cOutMm,
                                       double voltageMv, double temperatureK) {
        return z * PhysicalConstants.FARADAY_C_PER_MOL
                * outwardMolPerM2S(z, permeabilityMPerS, cInMm, cOutMm, voltageMv, temperatureK);
    }

    /**
     * Slope conductance G = dI/dV = (z² F P / V_T) [−c_in B'(−v) − c_out B'(v)], S/m²;
     * at v = 0 it is z² F P (c_in + c_out) / (2 V_T).
     *
     * @see #outwardMolPerM2S(int, double, double, double, double, double)
     */
    public static double conductanceSPerM2(int z, double permeabilityMPerS, double cInMm, double cOutMm,
                                           double voltageMv, double temperatureK) {
        if (permeabilityMPerS == 0.0) {
            return 0.0;
        }
        double vtV = PhysicalConstants.thermalVoltageV(temperatureK);
        double v = z * voltageMv * 1e-3 / vtV;
        double bracket = -cInMm * bernoulliDerivative(-v) - cOutMm * bernoulliDerivative(v);
        return (double) z * z * PhysicalConstants.FARADAY_C_PER_MOL * permeabilityMPerS / vtV * bracket;
    }

    /**
     * Total outward current Σ_i I_i(V), A/m², of several species.
     *
     * @param z                 valences
     * @param permeabilityMPerS P_i, m/s (0: impermeant)
     * @param cInMm             inside concentrations, mM
     * @param cOutMm            outside concentrations, mM
     * @param voltageMv         V, mV
     * @param temperatureK      T, K
     */
    public static double totalCurrentAPerM2(int[] z, double[] permeabilityMPerS, double[] cInMm, double[] cOutMm,
                                            double voltageMv, double temperatureK) {
        checkLengths(z, permeabilityMPerS, cInMm, cOutMm);
        double sum = 0.0;
        for (int i = 0; i < z.length; i++) {
            sum += currentAPerM2(z[i], permeabilityMPerS[i], cInMm[i], cOutMm[i], voltageMv, temperatureK);
        }
        return sum;
    }

    /**
     * Total slope conductance G = Σ_i dI_i/dV, S/m², of several species (arguments as in
     * {@link #totalCurrentAPerM2}).
     */
    public static double totalConductanceSPerM2(int[] z, double[] permeabilityMPerS, double[] cInMm,
                                                double[] cOutMm, double voltageMv, double temperatureK) {
        checkLengths(z, permeabilityMPerS, cInMm, cOutMm);
        double sum = 0.0;
        for (int i = 0; i < z.length; i++) {
            sum += conductanceSPerM2(z[i], permeabilityMPerS[i], cInMm[i], cOutMm[i], voltageMv, temperatureK);
        }
        return sum;
    }

    static void checkLengths(int[] z, double[] p, double[] cIn, double[] cOut) {
        if (p.length != z.length || cIn.length != z.length || cOut.length != z.length) {
            throw new IllegalArgumentException("species arrays differ in length: z " + z.length + ", P " + p.length
                    + ", c_in " + cIn.length + ", c_out " + cOut.length);
        }
    }
}
