package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/** Debye screening length of an electrolyte. */
public final class DebyeLength {
    private DebyeLength() {
    }

    /**
     * λ_D = sqrt(ε0 ε_r R T / (F² Σ z_i² c_i)), nm.
     *
     * @param permittivity relative permittivity ε_r of the solvent
     * @param z            valences
     * @param cMm          concentrations, mM (= mol/m³), same length as {@code z}
     * @param temperatureK absolute temperature, K
     * @return λ_D in nm; +∞ if there are no ions
     */
    public static double nm(double permittivity, int[] z, double[] cMm, double temperatureK) {
        if (z.length != cMm.length) {
            throw new IllegalArgumentException("valences and concentrations differ in length: "
                    + z.length + " vs " + cMm.length);
        }
        double strength = 0.0; // Σ z² c, mol/m³
        for (int i = 0; i < z.length; i++) {
            strength += (double) z[i] * z[i] * cMm[i];
        }
        if (!(strength > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double f = PhysicalConstants.FARADAY_C_PER_MOL;
        double lambdaM = Math.sqrt(PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * permittivity
                * PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * temperatureK / (f * f * strength));
        return lambdaM * 1e9;
    }
}
