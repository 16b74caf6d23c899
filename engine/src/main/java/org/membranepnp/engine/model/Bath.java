package org.membranepnp.engine.model;

/**
 * One aqueous compartment (inside or outside bath).
 *
 * @param widthUm              width of the bath along x, µm
 * @param permittivity         relative permittivity ε_r
 * @param concentrationsMm     bulk concentration of each species, mM (= mol/m³), indexed like {@link Scenario#species()}
 */
public record Bath(double widthUm, double permittivity, double[] concentrationsMm) {
    /** Bulk concentration of species {@code i}, mM. */
    public double concentrationMm(int i) {
        return concentrationsMm[i];
    }
}
