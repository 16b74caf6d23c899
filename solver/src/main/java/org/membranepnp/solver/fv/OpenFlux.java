package org.membranepnp.solver.fv;

/**
 * The steady flux J of one species through a compartment with a reservoir at both ends (nodes {@code first} and
 * {@code last}), an extra unknown of the steady equations. Every cell k of the compartment then has the equation
 * <pre>
 *   (F_k + Σ_{first &lt; j ≤ k} S_j − J) / t_k = 0,      t_k = D_k / h_k,
 * </pre>
 * the first cell's on J's own row and the others on the rows of nodes first + 1 … last − 1 (partial sums of the
 * balance laws, {@link SteadyRow#FLUX_RIGHT}). Unlike the balance law F_k − F_{k−1} = 0, no equation subtracts
 * two large bath fluxes, so the flux through a membrane that is 10¹² times less permeable than its baths keeps all
 * its digits. Newton adds J's column (−1/t_k on those rows) and row by bordering.
 *
 * @param species the species
 * @param first   the node of the left reservoir
 * @param last    the node of the right reservoir
 */
public record OpenFlux(int species, int first, int last) {
}
