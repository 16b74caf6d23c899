package org.membranepnp.solver.fv;

/**
 * A closed compartment of one species on any mesh: a connected set of nodes where the species moves, with no
 * reservoir. Its balance laws fix only the shape of the distribution; the amount Σ_k V_k ĉ_k = N replaces the
 * balance law of {@code rowNode}.
 *
 * @param name    what is conserved, for messages
 * @param species the species
 * @param rowNode the node whose balance law the amount replaces
 * @param nodes   the compartment's nodes, increasing
 * @param volumes the storage volume V_k of each (dimensionless)
 */
public record ClosedAmount(String name, int species, int rowNode, int[] nodes, double[] volumes) {

    /** Σ_k V_k ĉ_k at state u (m unknowns per node), summed in node order. */
    public double amount(double[] u, int m) {
        double sum = 0;
        for (int p = 0; p < nodes.length; p++) {
            sum += volumes[p] * u[nodes[p] * m + 1 + species];
        }
        return sum;
    }

    /** The row of the state vector whose equation the amount replaces. */
    public int row(int m) {
        return rowNode * m + 1 + species;
    }
}
