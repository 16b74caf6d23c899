package org.membranepnp.engine.result;

/**
 * Field profiles across the slab at the nodes of the 1D mesh (x = 0 at the inside far end).
 *
 * @param xNm                  node positions, nm
 * @param potentialMv          electric potential φ, mV (φ = 0 at the outside far end)
 * @param concentrationsMm     [species][node] concentration in mM; inside the membrane the real (partitioned) concentration
 * @param chargeDensityCPerM3  net ionic charge density F Σ z_i c_i, C/m³
 * @param membraneStartNode    index of the node on the inside face of the membrane
 * @param membraneEndNode      index of the node on the outside face of the membrane
 */
public record Profiles(double[] xNm, double[] potentialMv, double[][] concentrationsMm,
                       double[] chargeDensityCPerM3, int membraneStartNode, int membraneEndNode) {

    /** Number of nodes. */
    public int nodeCount() {
        return xNm.length;
    }
}
