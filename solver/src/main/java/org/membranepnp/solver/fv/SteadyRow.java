package org.membranepnp.solver.fv;

/**
 * The form of a species' equation at a node in a steady solve. In a compartment bounded by a wall (no flux) the
 * steady balance laws F_k − F_{k−1} + S_k = 0 are replaced by their partial sums from the wall, which the fluxes
 * telescope exactly:
 * <pre>
 *   FLUX_RIGHT at k:   F_k + Σ_{j ≤ k} S_j = 0        (wall at the left end of the compartment)
 *   FLUX_LEFT  at k:  −F_{k−1} + Σ_{j ≥ k} S_j = 0    (wall at the right end)
 * </pre>
 * each divided by its cell's transmissibility D/h. Written this way a cell's equation does not depend on the large
 * fluxes of the neighbouring cells, so a compartment that is joined to another only through a membrane of tiny
 * permeability does not make the Jacobian nearly singular (the balance form would leave the membrane flux as the
 * difference of two bath fluxes, lost to round-off). The rows stay block tridiagonal.
 */
public enum SteadyRow {
    /** The balance law itself (both ends of the compartment are reservoirs, or a time step). */
    BALANCE,
    /** The flux out through the cell to the right, plus the sources at this node and to its left. */
    FLUX_RIGHT,
    /** Minus the flux in through the cell to the left, plus the sources at this node and to its right. */
    FLUX_LEFT
}
