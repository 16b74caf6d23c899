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
    private GhkFlux() {
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
        return permeabilityMPerS * (cInMm * Bernoulli.value(-v) - cOutMm * Bernoulli.value(v));
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
        double bracket = -cInMm * Bernoulli.derivative(-v) - cOutMm * Bernoulli.derivative(v);
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
