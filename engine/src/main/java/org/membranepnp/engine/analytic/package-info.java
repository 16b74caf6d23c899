/**
 * Closed-form and semi-analytic references for a membrane between two baths: Nernst and GHK potentials,
 * GHK fluxes and conductances, the Mullins–Noda pump potential, Debye length, Gouy–Chapman diffuse layers,
 * the membrane as a capacitor, the resistivity of a bath and the (Hall) conductance of a pore.
 *
 * <p>Conventions (see {@code shared/reference/physics.md}): SI units unless a method name says otherwise;
 * concentrations in mM (= mol/m³); V_m = φ(inside) − φ(outside); fluxes and currents are positive outward.
 */
package org.membranepnp.engine.analytic;
