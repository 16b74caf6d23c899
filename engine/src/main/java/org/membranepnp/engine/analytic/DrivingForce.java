package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/** Electrochemical driving force on an ion species at membrane voltage V_m. */
public final class DrivingForce {
    private DrivingForce() {
    }

    /**
     * Driving force V_m − E, mV (positive: the net passive current of a cation is outward).
     *
     * @param vmMv membrane potential φ_in − φ_out, mV
     * @param eMv  Nernst potential of the species, mV
     */
    public static double mv(double vmMv, double eMv) {
        return vmMv - eMv;
    }

    /**
     * Molar free energy of moving the ion from outside to inside, ΔG = zF(V_m − E), J/mol.
     * Negative: the ion flows in spontaneously; the outward move has −ΔG.
     *
     * @param z    valence
     * @param vmMv membrane potential, mV
     * @param eMv  Nernst potential, mV
     */
    public static double deltaGJPerMol(int z, double vmMv, double eMv) {
        return z * PhysicalConstants.FARADAY_C_PER_MOL * (vmMv - eMv) * 1e-3;
    }
}
