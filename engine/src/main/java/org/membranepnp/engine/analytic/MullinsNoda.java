package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/**
 * Steady membrane potential of a closed cell with an electrogenic Na/K pump (Mullins–Noda): the passive
 * GHK fluxes balance the pump, which moves r Na⁺ out per K⁺ in (r = 3/2 for the 3Na/2K pump).
 */
public final class MullinsNoda {
    /** Stoichiometric ratio of the Na/K-ATPase, 3 Na⁺ out : 2 K⁺ in. */
    public static final double NA_K_PUMP_RATIO = 1.5;

    private MullinsNoda() {
    }

    /**
     * V_m = V_T ln[(r P_K K_out + P_Na Na_out) / (r P_K K_in + P_Na Na_in)], mV.
     *
     * @param pK    K⁺ permeability (any unit, the same as pNa)
     * @param pNa   Na⁺ permeability
     * @param kIn   inside K⁺, mM
     * @param kOut  outside K⁺, mM
     * @param naIn  inside Na⁺, mM
     * @param naOut outside Na⁺, mM
     * @param r     Na out per K in per pump cycle (3/2)
     * @param temperatureK absolute temperature, K
     */
    public static double mv(double pK, double pNa, double kIn, double kOut, double naIn, double naOut,
                            double r, double temperatureK) {
        double num = r * pK * kOut + pNa * naOut;
        double den = r * pK * kIn + pNa * naIn;
        return PhysicalConstants.thermalVoltageMv(temperatureK) * Math.log(num / den);
    }
}
