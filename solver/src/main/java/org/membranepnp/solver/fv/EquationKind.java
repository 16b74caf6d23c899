package org.membranepnp.solver.fv;

/** What the equation of one unknown (node, variable) is. */
public enum EquationKind {
    /** The balance law: Poisson for ψ, Nernst–Planck for a concentration. */
    BALANCE,
    /** A fixed value (reservoir concentration, electrode potential, gauge). */
    DIRICHLET,
    /** A species that cannot be at this node (impermeant, inside the membrane): ĉ = 0. */
    INACTIVE
}
