package org.membranepnp.engine.model;

/**
 * The electrogenic Na⁺/K⁺ pump in the membrane: each cycle moves 3 Na⁺ from the inside face to the outside
 * face and 2 K⁺ from the outside face to the inside face, one net positive charge outward.
 *
 * <p>Cycle flux J = J_max · s, with J_max = turnover/N_A per area, and s = 1 for a constant pump or, when
 * {@code saturating}, s = (1 + K_K/[K]_out)^−2 · (1 + K_Na/[Na]_in)^−3 with the concentrations at the membrane
 * faces (two K⁺ and three Na⁺ binding sites). Its net outward current is I = F·J.
 *
 * @param turnoverPerSUm2  maximal cycles per second per µm² of membrane (0: no pump)
 * @param saturating       Michaelis–Menten dependence on [K]_out and [Na]_in
 * @param kmKOutMm         half-saturation constant for outside K⁺, mM
 * @param kmNaInMm         half-saturation constant for inside Na⁺, mM
 * @param sodium           name of the species moved out (3 per cycle)
 * @param potassium        name of the species moved in (2 per cycle)
 */
public record NaKPump(double turnoverPerSUm2, boolean saturating, double kmKOutMm, double kmNaInMm,
                      String sodium, String potassium) {
    /** No pump. */
    public static final NaKPump NONE = new NaKPump(0.0, false, 1.5, 10.0, "Na", "K");
    /** Na⁺ moved out per cycle. */
    public static final int SODIUM_PER_CYCLE = 3;
    /** K⁺ moved in per cycle. */
    public static final int POTASSIUM_PER_CYCLE = 2;

    /** True if there is a pump. */
    public boolean present() {
        return turnoverPerSUm2 > 0;
    }

    /** Maximal cycle flux J_max = turnover / N_A, mol/(m² s). */
    public double maxCycleFluxMolPerM2S() {
        return turnoverPerSUm2 * 1e12 / org.membranepnp.engine.units.PhysicalConstants.AVOGADRO_PER_MOL;
    }

    /**
     * Cycle flux J = J_max · s, mol/(m² s), with s = 1 for a constant pump and, when {@link #saturating()},
     * <pre>
     *   s = (1 + K_K/[K]_out)^−2 · (1 + K_Na/[Na]_in)^−3
     *     = ([K]_out / (K_K + [K]_out))² · ([Na]_in / (K_Na + [Na]_in))³
     * </pre>
     * with K_K = {@link #kmKOutMm()} and K_Na = {@link #kmNaInMm()}. Each cycle moves 3 Na⁺ out, 2 K⁺ in and one
     * net charge outward, so the pump's outward current is F·J. A concentration ≤ 0 (an empty face, or a small
     * numerical undershoot) counts as 0 and stops a saturating pump. 0 if there is no pump.
     *
     * @param naInMm Na⁺ concentration at the inside membrane face, mM
     * @param kOutMm K⁺ concentration at the outside membrane face, mM
     */
    public double cycleFluxMolPerM2S(double naInMm, double kOutMm) {
        double jMax = maxCycleFluxMolPerM2S();
        if (!saturating || jMax == 0) {
            return jMax;
        }
        double k = Math.max(0.0, kOutMm);
        double na = Math.max(0.0, naInMm);
        double sK = k / (kmKOutMm + k);
        double sNa = na / (kmNaInMm + na);
        return jMax * sK * sK * sNa * sNa * sNa;
    }

    /** Turnover (cycles/(s µm²)) that gives a net outward current density I (A/m²) when unsaturated: I/(F) · N_A. */
    public static double turnoverForCurrent(double currentAPerM2) {
        return currentAPerM2 / org.membranepnp.engine.units.PhysicalConstants.FARADAY_C_PER_MOL
                * org.membranepnp.engine.units.PhysicalConstants.AVOGADRO_PER_MOL * 1e-12;
    }
}
