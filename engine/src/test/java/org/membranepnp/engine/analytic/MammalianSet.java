package org.membranepnp.engine.analytic;

/** The mammalian neuron parameter set of physics.md: K, Na, Cl (mM), P_K:P_Na:P_Cl = 1 : 0.04 : 0.45. */
final class MammalianSet {
    static final double T = 310.15;
    static final int[] Z = {1, 1, -1};
    static final double[] C_IN = {140, 15, 7};
    static final double[] C_OUT = {4, 145, 149};
    /** Relative permeabilities scaled to a realistic P_K = 1e-8 m/s. */
    static final double[] P = {1e-8, 0.04e-8, 0.45e-8};

    private MammalianSet() {
    }
}
