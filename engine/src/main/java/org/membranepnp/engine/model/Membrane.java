package org.membranepnp.engine.model;

/**
 * The lipid membrane between the baths.
 *
 * <p>Permeation is modelled as partitioning into the membrane with coefficient β (an energy barrier)
 * followed by diffusion inside it, so that P = β·D_m/d. An impermeant species has P = 0 and does not
 * enter the membrane at all.
 *
 * @param thicknessNm                  thickness d, nm
 * @param permittivity                 relative permittivity of the lipid core ε_m
 * @param permeabilityCmPerS           permeability P of each species, cm/s (0 = impermeant), indexed like species
 * @param insideSurfaceChargeCPerM2    fixed charge density on the inside face, C/m²
 * @param outsideSurfaceChargeCPerM2   fixed charge density on the outside face, C/m²
 * @param partitionCoefficient         β, the ratio of membrane to surface water concentration at equilibrium
 */
public record Membrane(double thicknessNm, double permittivity, double[] permeabilityCmPerS,
                       double insideSurfaceChargeCPerM2, double outsideSurfaceChargeCPerM2,
                       double partitionCoefficient) {

    /** Default partition coefficient β: small enough that the membrane holds no measurable space charge. */
    public static final double DEFAULT_PARTITION_COEFFICIENT = 1e-6;

    /** Permeability of species {@code i} in m/s. */
    public double permeabilityMPerS(int i) {
        return permeabilityCmPerS[i] * 1e-2;
    }

    /** The permeabilities of all species in m/s (a new array). */
    public double[] permeabilitiesMPerS() {
        double[] p = new double[permeabilityCmPerS.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = permeabilityMPerS(i);
        }
        return p;
    }

    /** True if species {@code i} crosses the membrane. */
    public boolean isPermeant(int i) {
        return permeabilityCmPerS[i] > 0;
    }
}
