package org.membranepnp.solver.mesh;

/**
 * A nonuniform 1D vertex-centred mesh across inside bath | membrane | outside bath.
 *
 * <p>Nodes lie at x_0 = 0 (inside far end) … x_N (outside far end); both membrane faces are nodes, so every
 * cell [x_j, x_{j+1}] lies in exactly one region. Lengths are in nanometres.
 */
public final class Mesh1D {
    private final double[] xNm;
    private final Region[] cellRegion;
    private final int membraneStartNode;
    private final int membraneEndNode;
    private final GradedMeshBuilder.Plan plan;

    Mesh1D(double[] xNm, int membraneStartNode, int membraneEndNode, GradedMeshBuilder.Plan plan) {
        this.xNm = xNm;
        this.membraneStartNode = membraneStartNode;
        this.membraneEndNode = membraneEndNode;
        this.plan = plan;
        this.cellRegion = new Region[xNm.length - 1];
        for (int j = 0; j < cellRegion.length; j++) {
            cellRegion[j] = j < membraneStartNode ? Region.INSIDE
                    : j < membraneEndNode ? Region.MEMBRANE : Region.OUTSIDE;
        }
    }

    /** Number of nodes N + 1. */
    public int nodeCount() {
        return xNm.length;
    }

    /** Number of cells N. */
    public int cellCount() {
        return xNm.length - 1;
    }

    /** Position of node k, nm. */
    public double xNm(int k) {
        return xNm[k];
    }

    /** Length of cell j = x_{j+1} − x_j, nm. */
    public double cellLengthNm(int j) {
        return xNm[j + 1] - xNm[j];
    }

    /** Region of cell j. */
    public Region cellRegion(int j) {
        return cellRegion[j];
    }

    /** The node on the inside face of the membrane. */
    public int membraneStartNode() {
        return membraneStartNode;
    }

    /** The node on the outside face of the membrane. */
    public int membraneEndNode() {
        return membraneEndNode;
    }

    /** A copy of the node positions, nm. */
    public double[] nodePositionsNm() {
        return xNm.clone();
    }

    /** Smallest cell length, nm. */
    public double minCellLengthNm() {
        double h = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cellCount(); j++) {
            h = Math.min(h, cellLengthNm(j));
        }
        return h;
    }

    /** The same mesh with every cell split in two along its smooth grading (nested refinement). */
    public Mesh1D refined() {
        return plan.refined().build();
    }

    /** The grading plan this mesh was built from. */
    public GradedMeshBuilder.Plan plan() {
        return plan;
    }
}
