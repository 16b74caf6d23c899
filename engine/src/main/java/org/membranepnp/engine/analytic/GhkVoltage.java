package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/**
 * Goldman–Hodgkin–Katz voltage: the membrane potential at which the GHK currents of all species (plus an
 * optional extra outward current, e.g. an electrogenic pump) add up to zero.
 */
public final class GhkVoltage {
    /** Absolute accuracy of the numeric root, mV. */
    public static final double TOLERANCE_MV = 1e-9;
    /** The bracket search gives up beyond this |V|, mV (v ≈ 4·10⁴ at body temperature); ±10⁶ mV itself is searched. */
    private static final double MAX_BRACKET_MV = 1e6;
    private static final int MAX_ITERATIONS = 500;

    private GhkVoltage() {
    }

    /**
     * Zero-current potential: solves Σ_i I_i(V) = 0 with I_i the GHK currents, mV.
     *
     * @see #mv(int[], double[], double[], double[], double, double)
     */
    public static double mv(int[] z, double[] permeabilityMPerS, double[] cInMm, double[] cOutMm,
                            double temperatureK) {
        return mv(z, permeabilityMPerS, cInMm, cOutMm, temperatureK, 0.0);
    }

    /**
     * Solves Σ_i I_i(V) + I_0 = 0 for V, mV, with I_i = z_i F P_i v_i (c_in − c_out e^{−v_i})/(1 − e^{−v_i}),
     * v_i = z_i V/V_T. The total current is strictly increasing in V, so the root is unique; it is found by
     * Newton steps (analytic slope conductance) safeguarded by a bracket and bisection, to {@value #TOLERANCE_MV} mV.
     *
     * @param z                        valences
     * @param permeabilityMPerS        P_i, m/s (0: impermeant, ignored)
     * @param cInMm                    inside concentrations, mM
     * @param cOutMm                   outside concentrations, mM
     * @param temperatureK             absolute temperature, K
     * @param extraOutwardCurrentAPerM2 I_0, an outward current density that does not depend on V, A/m²
     * @return V in mV; NaN if no species is permeant or no finite V makes the current vanish (e.g. the only
     *         permeant ion is present on one side only; a species with z = 0 carries no current), or if |V| would
     *         exceed 10⁶ mV
     */
    public static double mv(int[] z, double[] permeabilityMPerS, double[] cInMm, double[] cOutMm,
                            double temperatureK, double extraOutwardCurrentAPerM2) {
        GhkFlux.checkLengths(z, permeabilityMPerS, cInMm, cOutMm);
        // Σ I → +∞ for V → +∞ iff some permeant ion can carry outward current (a cation inside or an anion
        // outside); otherwise it tends to I_0 from below. Likewise for V → −∞. A root exists iff both ends
        // change sign.
        double i0 = extraOutwardCurrentAPerM2;
        boolean canGoUp = i0 > 0;
        boolean canGoDown = i0 < 0;
        for (int i = 0; i < z.length; i++) {
            if (!(permeabilityMPerS[i] > 0)) {
                continue;
            }
            if (z[i] > 0) {
                canGoUp |= cInMm[i] > 0;
                canGoDown |= cOutMm[i] > 0;
            } else if (z[i] < 0) {
                canGoUp |= cOutMm[i] > 0;
                canGoDown |= cInMm[i] > 0;
            } // a neutral species (z = 0) carries no current either way
        }
        if (!canGoUp || !canGoDown) {
            return Double.NaN;
        }
        // bracket [lo, hi] with f(lo) < 0 < f(hi); f is non-decreasing
        double lo = -100.0;
        double hi = 100.0;
        double fLo = current(z, permeabilityMPerS, cInMm, cOutMm, temperatureK, extraOutwardCurrentAPerM2, lo);
        double fHi = current(z, permeabilityMPerS, cInMm, cOutMm, temperatureK, extraOutwardCurrentAPerM2, hi);
        // widen by doubling, the last step clipped to ±MAX_BRACKET_MV, so that every root with |V| ≤ 10⁶ mV is found
        while (fLo > 0) {
            if (lo <= -MAX_BRACKET_MV) {
                return Double.NaN;
            }
            hi = lo;
            fHi = fLo;
            lo = Math.max(2 * lo, -MAX_BRACKET_MV);
            fLo = current(z, permeabilityMPerS, cInMm, cOutMm, temperatureK, extraOutwardCurrentAPerM2, lo);
        }
        while (fHi < 0) {
            if (hi >= MAX_BRACKET_MV) {
                return Double.NaN;
            }
            lo = hi;
            fLo = fHi;
            hi = Math.min(2 * hi, MAX_BRACKET_MV);
            fHi = current(z, permeabilityMPerS, cInMm, cOutMm, temperatureK, extraOutwardCurrentAPerM2, hi);
        }
        if (fLo == 0) {
            return lo;
        }
        if (fHi == 0) {
            return hi;
        }
        if (Double.isNaN(fLo) || Double.isNaN(fHi)) {
            return Double.NaN;
        }
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double f = current(z, permeabilityMPerS, cInMm, cOutMm, temperatureK, extraOutwardCurrentAPerM2, x);
            if (f == 0) {
                return x;
            }
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double g = GhkFlux.totalConductanceSPerM2(z, permeabilityMPerS, cInMm, cOutMm, x, temperatureK)
                    * 1e-3; // A/m² per mV
            double next = g > 0 ? x - f / g : Double.NaN;
            boolean newtonOk = next > lo && next < hi;
            if (!newtonOk) {
                next = 0.5 * (lo + hi);
            }
            double step = Math.abs(next - x);
            x = next;
            if ((newtonOk && step < 0.1 * TOLERANCE_MV) || hi - lo < TOLERANCE_MV) {
                return x;
            }
        }
        return x;
    }

    /**
     * Classic GHK voltage equation for monovalent ions,
     * V = V_T ln[(Σ_cations P c_out + Σ_anions P c_in) / (Σ_cations P c_in + Σ_anions P c_out)], mV.
     *
     * @param z                 valences; every permeant species must have z = ±1
     * @param permeabilityMPerS P_i (any unit, the same for all; 0: impermeant)
     * @param cInMm             inside concentrations, mM
     * @param cOutMm            outside concentrations, mM
     * @param temperatureK      absolute temperature, K
     * @return V in mV (NaN if no species is permeant)
     * @throws IllegalArgumentException if a permeant species is not monovalent
     */
    public static double monovalentClosedFormMv(int[] z, double[] permeabilityMPerS, double[] cInMm,
                                                double[] cOutMm, double temperatureK) {
        GhkFlux.checkLengths(z, permeabilityMPerS, cInMm, cOutMm);
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < z.length; i++) {
            double p = permeabilityMPerS[i];
            if (p == 0.0) {
                continue;
            }
            if (z[i] == 1) {
                num += p * cOutMm[i];
                den += p * cInMm[i];
            } else if (z[i] == -1) {
                num += p * cInMm[i];
                den += p * cOutMm[i];
            } else {
                throw new IllegalArgumentException("the closed-form GHK voltage equation needs monovalent ions; "
                        + "permeant species " + i + " has z = " + z[i] + " (use GhkVoltage.mv)");
            }
        }
        if (num == 0.0 && den == 0.0) {
            return Double.NaN;
        }
        return PhysicalConstants.thermalVoltageMv(temperatureK) * Math.log(num / den);
    }

    private static double current(int[] z, double[] p, double[] cIn, double[] cOut, double t, double i0,
                                  double vMv) {
        return GhkFlux.totalCurrentAPerM2(z, p, cIn, cOut, vMv, t) + i0;
    }
}
