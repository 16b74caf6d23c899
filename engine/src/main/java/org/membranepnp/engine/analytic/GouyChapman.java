package org.membranepnp.engine.analytic;

import org.membranepnp.engine.units.PhysicalConstants;

/**
 * Gouy–Chapman diffuse double layer next to a charged plane, for a symmetric z:z electrolyte of bulk
 * concentration c (each ion), or for any mixture of monovalent ions with a neutral bulk (z = 1,
 * c = Σ cation concentrations).
 *
 * <p>Grahame: σ = sqrt(8 ε0 ε_r R T c) sinh(z ψ0 / 2V_T); profile: tanh(zψ/4V_T) = tanh(zψ0/4V_T) e^{−x/λ_D},
 * with λ_D the Debye length of the electrolyte (Σ z_i² c_i = 2 z² c).
 *
 * <p>{@code z} is the magnitude of the valence (a negative value is taken as its absolute value).
 */
public final class GouyChapman {
    /** Relative tolerance of the bath's electroneutrality, times Σ c of its ions. */
    static final double NEUTRALITY_TOLERANCE = 1e-9;

    private GouyChapman() {
    }

    /**
     * Surface potential from the surface charge (Grahame inverted exactly),
     * ψ0 = (2V_T / z) asinh(σ / sqrt(8 ε0 ε_r R T c)), mV.
     *
     * @param sigmaCPerM2  surface charge density σ, C/m²
     * @param cMm          bulk concentration c of each ion of the z:z electrolyte (Σ cations for a monovalent mix), mM
     * @param z            valence magnitude
     * @param permittivity relative permittivity of the water ε_r
     * @param temperatureK absolute temperature, K
     */
    public static double surfacePotentialMv(double sigmaCPerM2, double cMm, int z, double permittivity,
                                            double temperatureK) {
        int zz = magnitude(z);
        double vt = PhysicalConstants.thermalVoltageMv(temperatureK);
        return 2.0 * vt / zz * asinh(sigmaCPerM2 / grahameScaleCPerM2(cMm, permittivity, temperatureK));
    }

    /**
     * Surface potential of a bath given ion by ion, mV: {@link #surfacePotentialMv(double, double, int, double, double)}
     * where Gouy–Chapman applies, that is when the bath is neutral and every ion present (c &gt; 0) is monovalent
     * (c = Σ cation concentrations), or the bath is a symmetric z:z electrolyte (one cation and one anion of
     * valence ±z at the same concentration). Neutral means |Σ cations − Σ anions| ≤ {@value #NEUTRALITY_TOLERANCE}
     * (Σ cations + Σ anions), concentrations in mM, which for these baths is the scenario reader's electroneutrality
     * tolerance. Species with z = 0 (neutral solutes) are ignored.
     *
     * @param sigmaCPerM2  surface charge density σ, C/m²
     * @param z            valences of the bath's species
     * @param cMm          their bulk concentrations, mM, same length as {@code z}
     * @param permittivity relative permittivity of the water ε_r
     * @param temperatureK absolute temperature, K
     * @return ψ0 in mV; NaN if the bath has no ions or is a mixture the closed form does not cover
     */
    public static double surfacePotentialMv(double sigmaCPerM2, int[] z, double[] cMm, double permittivity,
                                            double temperatureK) {
        if (z.length != cMm.length) {
            throw new IllegalArgumentException("valences and concentrations differ in length: "
                    + z.length + " vs " + cMm.length);
        }
        double cations = 0.0;
        double anions = 0.0;
        int maxValence = 0;
        int present = 0;
        for (int i = 0; i < z.length; i++) {
            if (!(cMm[i] > 0)) {
                continue;
            }
            if (z[i] > 0) {
                cations += cMm[i];
            } else if (z[i] < 0) {
                anions += cMm[i];
            } else {
                continue; // a neutral solute takes no part in the double layer
            }
            present++;
            maxValence = Math.max(maxValence, Math.abs(z[i]));
        }
        // neutral: for a monovalent mix and a z:z salt alike, Σ z c = 0 means Σ cations = Σ anions. A bath with
        // ions of one sign only fails here, a bath without ions (maxValence = 0, present = 0) below.
        if (Math.abs(cations - anions) > NEUTRALITY_TOLERANCE * (cations + anions)) {
            return Double.NaN;
        }
        if (maxValence == 1) {
            return surfacePotentialMv(sigmaCPerM2, cations, 1, permittivity, temperatureK);
        }
        boolean symmetric = present == 2;
        for (int i = 0; i < z.length && symmetric; i++) {
            symmetric = !(cMm[i] > 0) || z[i] == 0 || Math.abs(z[i]) == maxValence;
        }
        return symmetric ? surfacePotentialMv(sigmaCPerM2, cations, maxValence, permittivity, temperatureK)
                : Double.NaN;
    }

    /**
     * Grahame equation σ = sqrt(8 ε0 ε_r R T c) sinh(z ψ0 / 2V_T), C/m².
     *
     * @param psi0Mv surface potential relative to the bulk, mV
     * @see #surfacePotentialMv(double, double, int, double, double)
     */
    public static double grahameChargeCPerM2(double psi0Mv, double cMm, int z, double permittivity,
                                             double temperatureK) {
        int zz = magnitude(z);
        double vt = PhysicalConstants.thermalVoltageMv(temperatureK);
        return grahameScaleCPerM2(cMm, permittivity, temperatureK) * Math.sinh(zz * psi0Mv / (2.0 * vt));
    }

    /**
     * Potential at distance x from the plane, ψ(x) = (4V_T / z) atanh[tanh(zψ0/4V_T) e^{−x/λ_D}], mV.
     *
     * @param distanceNm   x ≥ 0, nm
     * @param psi0Mv       surface potential, mV
     * @param cMm          bulk concentration of each ion (Σ cations for a monovalent mix), mM
     * @param z            valence magnitude
     * @param permittivity relative permittivity of the water
     * @param temperatureK absolute temperature, K
     */
    public static double potentialMv(double distanceNm, double psi0Mv, double cMm, int z, double permittivity,
                                     double temperatureK) {
        int zz = magnitude(z);
        if (distanceNm == 0.0 || psi0Mv == 0.0) {
            return psi0Mv;
        }
        double vt = PhysicalConstants.thermalVoltageMv(temperatureK);
        double lambdaNm = debyeLengthNm(cMm, zz, permittivity, temperatureK);
        double a = Math.abs(zz * psi0Mv / (4.0 * vt));
        double decay = Math.exp(-distanceNm / lambdaNm);
        double t = Math.tanh(a);
        double y = t * decay;
        double psi;
        if (y < 0.5) {
            // atanh(y) = ½ log1p(2y / (1 − y)), accurate for small y
            psi = 2.0 * vt / zz * Math.log1p(2.0 * y / (1.0 - y));
        } else {
            // ψ = (2V_T/z) ln[(1 + y)/(1 − y)], with 1 − y = (1 − k) + k (1 − t) free of cancellation near t = 1
            double oneMinusT = 2.0 / (Math.exp(2.0 * a) + 1.0);
            double den = -Math.expm1(-distanceNm / lambdaNm) + decay * oneMinusT;
            psi = 2.0 * vt / zz * Math.log((1.0 + y) / den);
        }
        return Math.copySign(psi, psi0Mv);
    }

    /** Debye length of the z:z electrolyte, λ_D = sqrt(ε0 ε_r R T / (2 F² z² c)), nm. */
    public static double debyeLengthNm(double cMm, int z, double permittivity, double temperatureK) {
        int zz = magnitude(z);
        return DebyeLength.nm(permittivity, new int[] {zz, -zz}, new double[] {cMm, cMm}, temperatureK);
    }

    /** sqrt(8 ε0 ε_r R T c), C/m². */
    private static double grahameScaleCPerM2(double cMm, double permittivity, double temperatureK) {
        return Math.sqrt(8.0 * PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * permittivity
                * PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * temperatureK * cMm);
    }

    private static double asinh(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax > 1e150) {
            r = Math.log(ax) + Math.log(2.0);
        } else {
            // asinh(x) = log1p(x + x² / (1 + sqrt(1 + x²))), accurate for small |x|
            r = Math.log1p(ax + ax * ax / (1.0 + Math.sqrt(1.0 + ax * ax)));
        }
        return Math.copySign(r, x);
    }

    private static int magnitude(int z) {
        if (z == 0) {
            throw new IllegalArgumentException("Gouy–Chapman needs a non-zero valence, got z = 0");
        }
        return Math.abs(z);
    }
}
