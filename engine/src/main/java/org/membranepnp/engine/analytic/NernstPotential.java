package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/** Nernst (equilibrium, reversal) potential of one ion species. */
public final class NernstPotential {
    private NernstPotential() {
    }

    /**
     * E = (RT / zF) ln(c_out / c_in), in mV.
     *
     * @param z            valence (non-zero)
     * @param cOutMm       outside concentration, mM
     * @param cInMm        inside concentration, mM
     * @param temperatureK absolute temperature, K
     * @return E in mV; NaN when a side has no ions (c ≤ 0) or a concentration is not finite
     * @throws IllegalArgumentException if z = 0
     */
    public static double mv(int z, double cOutMm, double cInMm, double temperatureK) {
        if (z == 0) {
            throw new IllegalArgumentException("Nernst potential needs a non-zero valence, got z = 0");
        }
        if (!(cOutMm > 0) || !(cInMm > 0) || Double.isInfinite(cOutMm) || Double.isInfinite(cInMm)) {
            return Double.NaN;
        }
        return PhysicalConstants.thermalVoltageMv(temperatureK) / z * Math.log(cOutMm / cInMm);
    }
}
