package org.membranepnp.engine.analytic;

/** Small-signal RC time constant of the membrane. */
public final class MembraneTimeConstant {
    private MembraneTimeConstant() {
    }

    /**
     * τ = C_m / G, s.
     *
     * @param cUfPerCm2          membrane capacitance, µF/cm²
     * @param conductanceSPerM2  membrane slope conductance G = Σ ∂I_i/∂V, S/m²
     * @return τ in s (+∞ if G = 0)
     */
    public static double tauS(double cUfPerCm2, double conductanceSPerM2) {
        return MembraneCapacitor.ufPerCm2ToFPerM2(cUfPerCm2) / conductanceSPerM2;
    }
}
