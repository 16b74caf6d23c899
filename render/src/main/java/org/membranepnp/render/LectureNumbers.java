package org.membranepnp.render;

import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.result.ChargeBalance;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * The live numbers of the lecture layout: what holds the membrane voltage.
 *
 * @param timeS                 simulated time, s (NaN for a steady state)
 * @param membranePotentialMv   V_m, mV
 * @param separatedChargeCPerM2 σ, the net charge per area on the inside of the membrane (the outside holds −σ), C/m²
 * @param ionsPerUm2            |σ| / e in ions per µm² (monovalent)
 * @param cellRadiusUm          radius of the spherical cell the ions are counted for, µm
 * @param ionsMoved             monovalent ions moved across to charge a cell of that radius,
 *                              n = |σ| 4π r² / e ({@link MembraneCapacitor#ionsMovedOnSphere})
 * @param bulkElectroneutrality max |Σ z c| / Σ |z| c farther than 10 λ_D from the membrane
 */
record LectureNumbers(double timeS, double membranePotentialMv, double separatedChargeCPerM2, double ionsPerUm2,
                      double cellRadiusUm, double ionsMoved, double bulkElectroneutrality) {
    /** The cell of {@code pnp explain} (its default --cell-radius-um). */
    static final double CELL_RADIUS_UM = 10;

    /** The numbers from V_m, σ and the neutrality. */
    static LectureNumbers of(double timeS, double vmMv, double sigmaCPerM2, double neutrality) {
        double perUm2 = Math.abs(sigmaCPerM2) / PhysicalConstants.ELEMENTARY_CHARGE_C * 1e-12;
        double moved = Double.isFinite(sigmaCPerM2)
                ? MembraneCapacitor.ionsMovedOnSphere(sigmaCPerM2, CELL_RADIUS_UM, 1) : Double.NaN;
        return new LectureNumbers(timeS, vmMv, sigmaCPerM2, perUm2, CELL_RADIUS_UM, moved, neutrality);
    }

    /**
     * The numbers of a profile: σ = ∫ρ dx over the inside bath ({@link ChargeBalance#insideIonicChargeCPerM2}) plus
     * the fixed charge on the inside face, and the bulk electroneutrality of {@link ChargeBalance}.
     *
     * @param z valence of each species (0 where unknown: left out)
     */
    static LectureNumbers of(double timeS, double vmMv, Profiles p, double fixedInsideChargeCPerM2, int[] z,
                             double insideDebyeNm, double outsideDebyeNm) {
        double sigma = ChargeBalance.insideIonicChargeCPerM2(p) + fixedInsideChargeCPerM2;
        double neutral = Double.isFinite(insideDebyeNm) && Double.isFinite(outsideDebyeNm)
                ? ChargeBalance.bulkElectroneutrality(p, z, insideDebyeNm, outsideDebyeNm) : Double.NaN;
        return of(timeS, vmMv, sigma, neutral);
    }
}
