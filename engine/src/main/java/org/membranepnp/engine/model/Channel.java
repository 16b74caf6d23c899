package org.membranepnp.engine.model;

/**
 * A water-filled pore straight through the membrane (2-D scenarios): a strip of the membrane, centred at
 * {@code centerNm} along the membrane (y) and {@code widthNm} wide, where the lipid is replaced by water.
 *
 * <p>Ions enter the pore without a partition barrier (β = 1) and diffuse in it with D_pore,i = P_i · d, so that a
 * pore of unit area passes the flux of a membrane of permeability P_i. A species with P_i = 0 cannot enter.
 *
 * @param name                a label for figures and messages
 * @param centerNm            y of the pore axis, nm (0 ≤ y ≤ height)
 * @param widthNm             pore width along y, nm
 * @param permittivity        relative permittivity inside the pore (water: 80)
 * @param permeabilityCmPerS  permeability P_i of the pore per unit pore area, cm/s, indexed like species
 * @param fixedChargeMm       fixed charge of the pore walls as a volume density in mM of elementary charges
 *                            (negative for the acidic residues that line a cation channel; 0: none)
 */
public record Channel(String name, double centerNm, double widthNm, double permittivity, double[] permeabilityCmPerS,
                      double fixedChargeMm) {

    /** A pore with uncharged walls. */
    public Channel(String name, double centerNm, double widthNm, double permittivity, double[] permeabilityCmPerS) {
        this(name, centerNm, widthNm, permittivity, permeabilityCmPerS, 0.0);
    }

    /** Lower edge of the pore along y, nm. */
    public double lowerNm() {
        return centerNm - 0.5 * widthNm;
    }

    /** Upper edge of the pore along y, nm. */
    public double upperNm() {
        return centerNm + 0.5 * widthNm;
    }

    /** Permeability of species {@code i} in m/s. */
    public double permeabilityMPerS(int i) {
        return permeabilityCmPerS[i] * 1e-2;
    }

    /** True if species {@code i} passes the pore. */
    public boolean isPermeant(int i) {
        return permeabilityCmPerS[i] > 0;
    }
}
