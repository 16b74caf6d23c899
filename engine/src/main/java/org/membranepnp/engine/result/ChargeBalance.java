package org.membranepnp.engine.result;

/**
 * Where the net charge of a profile sits: the charge per area held by the inside bath (one plate of the membrane
 * capacitor) and how electroneutral the bulk of both baths is. Used for the summary of a run and for the live
 * numbers of {@code pnp view} on snapshot frames.
 */
public final class ChargeBalance {
    /** Nodes closer than this many Debye lengths to a membrane face are not bulk. */
    public static final double BULK_DEBYE_LENGTHS = 10.0;

    private ChargeBalance() {
    }

    /**
     * The net ionic charge per membrane area in the inside bath, σ_ion = ∫ ρ dx from the inside far end to the
     * inside face, C/m², by the trapezoid rule over the nodes (the water halves of the finite-volume control volumes:
     * Σ_k ρ_k h_k with h_k half the sum of the neighbouring cell widths). Fixed surface charge is not included.
     */
    public static double insideIonicChargeCPerM2(Profiles p) {
        double[] x = p.xNm();
        double[] rho = p.chargeDensityCPerM3();
        int a = p.membraneStartNode();
        double sum = 0;
        for (int k = 0; k < a; k++) {
            sum += 0.5 * (rho[k] + rho[k + 1]) * (x[k + 1] - x[k]);
        }
        return sum * 1e-9;
    }

    /**
     * Bulk electroneutrality: max over the nodes farther than {@value #BULK_DEBYE_LENGTHS} Debye lengths from both
     * membrane faces of |Σ_i z_i c_i| / Σ_i |z_i| c_i (0 for a perfectly neutral bulk; nodes without ions are skipped).
     *
     * @param xNm           node positions, nm (x = 0 at the inside far end)
     * @param a             the node on the inside membrane face
     * @param b             the node on the outside membrane face
     * @param z             valence of each species
     * @param cMm           [species][node] concentrations, mM
     * @param insideDebyeNm λ_D of the inside bath, nm
     * @param outsideDebyeNm λ_D of the outside bath, nm
     */
    public static double bulkElectroneutrality(double[] xNm, int a, int b, int[] z, double[][] cMm,
                                               double insideDebyeNm, double outsideDebyeNm) {
        double xa = xNm[a];
        double xb = xNm[b];
        double worst = 0;
        for (int k = 0; k < xNm.length; k++) {
            double x = xNm[k];
            boolean bulk = (x < xa && xa - x > BULK_DEBYE_LENGTHS * insideDebyeNm)
                    || (x > xb && x - xb > BULK_DEBYE_LENGTHS * outsideDebyeNm);
            if (!bulk) {
                continue;
            }
            double net = 0;
            double total = 0;
            for (int i = 0; i < z.length; i++) {
                net += z[i] * cMm[i][k];
                total += Math.abs(z[i]) * cMm[i][k];
            }
            if (total > 0) {
                worst = Math.max(worst, Math.abs(net) / total);
            }
        }
        return worst;
    }

    /** {@link #bulkElectroneutrality(double[], int, int, int[], double[][], double, double)} of a profile. */
    public static double bulkElectroneutrality(Profiles p, int[] z, double insideDebyeNm, double outsideDebyeNm) {
        return bulkElectroneutrality(p.xNm(), p.membraneStartNode(), p.membraneEndNode(), z, p.concentrationsMm(),
                insideDebyeNm, outsideDebyeNm);
    }
}
