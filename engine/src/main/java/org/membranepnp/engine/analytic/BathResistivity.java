package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/** Electrical resistivity of a dilute electrolyte from its ions' diffusion coefficients (Nernst–Einstein). */
public final class BathResistivity {
    private BathResistivity() {
    }

    /**
     * ρ = 1/κ with the conductivity κ = F²/(R T) Σ z_i² D_i c_i, Ω·m.
     *
     * @param diffusionM2PerS  diffusion coefficients D_i, m²/s
     * @param charges          valences z_i, same length
     * @param concentrationsMm concentrations c_i, mM (= mol/m³), same length
     * @param temperatureK     absolute temperature, K
     * @return ρ in Ω·m; +∞ if no ion carries current
     */
    public static double ohmMetre(double[] diffusionM2PerS, int[] charges, double[] concentrationsMm,
                                  double temperatureK) {
        if (diffusionM2PerS.length != charges.length || charges.length != concentrationsMm.length) {
            throw new IllegalArgumentException("diffusion coefficients, valences and concentrations differ in length: "
                    + diffusionM2PerS.length + ", " + charges.length + " and " + concentrationsMm.length);
        }
        double sum = 0.0; // Σ z² D c, mol/(m s)
        for (int i = 0; i < charges.length; i++) {
            sum += (double) charges[i] * charges[i] * diffusionM2PerS[i] * concentrationsMm[i];
        }
        double f = PhysicalConstants.FARADAY_C_PER_MOL;
        double kappa = f * f / (PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * temperatureK) * sum;
        if (!(kappa > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return 1.0 / kappa;
    }
}
