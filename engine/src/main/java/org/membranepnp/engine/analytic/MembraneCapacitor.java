package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/** The membrane as a parallel-plate capacitor, its diffuse layers, and the charge it holds. */
public final class MembraneCapacitor {
    /** 1 F/m² = 100 µF/cm². */
    private static final double UF_PER_CM2_PER_F_PER_M2 = 100.0;

    private MembraneCapacitor() {
    }

    /**
     * Membrane capacitance C_m = ε0 ε_m / d, µF/cm².
     *
     * @param permittivity relative permittivity of the lipid core ε_m
     * @param thicknessNm  thickness d, nm
     */
    public static double capacitanceUfPerCm2(double permittivity, double thicknessNm) {
        return fPerM2ToUfPerCm2(PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * permittivity / (thicknessNm * 1e-9));
    }

    /**
     * Linear (small-potential) capacitance of a diffuse layer, C_d = ε0 ε_w / λ_D, µF/cm².
     *
     * @param permittivity relative permittivity of the water ε_w
     * @param debyeNm      Debye length λ_D, nm (+∞ gives 0)
     */
    public static double diffuseLayerCapacitanceUfPerCm2(double permittivity, double debyeNm) {
        return fPerM2ToUfPerCm2(PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * permittivity / (debyeNm * 1e-9));
    }

    /**
     * Series capacitance of the inside diffuse layer, the membrane and the outside diffuse layer,
     * 1/C = 1/C_in + 1/C_m + 1/C_out, µF/cm².
     *
     * @param membraneUfPerCm2       C_m, µF/cm²
     * @param insideDiffuseUfPerCm2  C_in, µF/cm²
     * @param outsideDiffuseUfPerCm2 C_out, µF/cm²
     */
    public static double seriesCapacitanceUfPerCm2(double membraneUfPerCm2, double insideDiffuseUfPerCm2,
                                                   double outsideDiffuseUfPerCm2) {
        return 1.0 / (1.0 / insideDiffuseUfPerCm2 + 1.0 / membraneUfPerCm2 + 1.0 / outsideDiffuseUfPerCm2);
    }

    /**
     * Charge per area on one side of the capacitor, σ = C V, C/m².
     *
     * @param cUfPerCm2 capacitance, µF/cm²
     * @param voltageMv voltage across it, mV
     */
    public static double chargeCPerM2(double cUfPerCm2, double voltageMv) {
        return ufPerCm2ToFPerM2(cUfPerCm2) * voltageMv * 1e-3;
    }

    /**
     * Number of ions of valence z that carry the charge σ on a sphere of radius r, n = |σ| 4π r² / (|z| e).
     *
     * @param sigmaCPerM2 surface charge density, C/m²
     * @param radiusUm    radius of the cell, µm
     * @param z           valence (non-zero)
     */
    public static double ionsMovedOnSphere(double sigmaCPerM2, double radiusUm, int z) {
        if (z == 0) {
            throw new IllegalArgumentException("ions moved: the valence must be non-zero");
        }
        double r = radiusUm * 1e-6;
        return Math.abs(sigmaCPerM2) * 4.0 * Math.PI * r * r / (Math.abs(z) * PhysicalConstants.ELEMENTARY_CHARGE_C);
    }

    /**
     * Number of ions in a sphere of radius r at concentration c, n = c (4/3) π r³ N_A.
     *
     * @param cMm      concentration, mM (= mol/m³)
     * @param radiusUm radius, µm
     */
    public static double ionsInSphere(double cMm, double radiusUm) {
        double r = radiusUm * 1e-6;
        return cMm * 4.0 / 3.0 * Math.PI * r * r * r * PhysicalConstants.AVOGADRO_PER_MOL;
    }

    /** µF/cm² → F/m² (÷ 100). */
    public static double ufPerCm2ToFPerM2(double cUfPerCm2) {
        return cUfPerCm2 / UF_PER_CM2_PER_F_PER_M2;
    }

    /** F/m² → µF/cm² (× 100). */
    public static double fPerM2ToUfPerCm2(double cFPerM2) {
        return cFPerM2 * UF_PER_CM2_PER_F_PER_M2;
    }
}
