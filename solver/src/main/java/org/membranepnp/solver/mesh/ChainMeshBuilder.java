package org.membranepnp.solver.mesh;

/**
 * The control-volume mesh of a 1-D slab, per unit membrane area (d = 1): node k of the graded {@link Mesh1D} gets
 * half of each adjacent cell, edge j joins nodes j and j + 1 with the factor 1/h_j, and each end and each membrane
 * face has area 1.
 */
public final class ChainMeshBuilder {
    private ChainMeshBuilder() {
    }

    /** The chain of {@code mesh}. */
    public static ControlVolumeMesh build(Mesh1D mesh) {
        int n = mesh.nodeCount();
        int cells = mesh.cellCount();
        Material[] material = new Material[cells];
        int[] channel = new int[cells];
        for (int j = 0; j < cells; j++) {
            material[j] = switch (mesh.cellRegion(j)) {
                case INSIDE -> Material.INSIDE;
                case MEMBRANE -> Material.LIPID;
                case OUTSIDE -> Material.OUTSIDE;
            };
            channel[j] = -1;
        }
        ControlVolumeMesh.Builder b = new ControlVolumeMesh.Builder(1, n, 1, mesh.nodePositionsNm(), new double[n],
                material, channel, new double[cells]);
        for (int j = 0; j < cells; j++) {
            double h = mesh.cellLengthNm(j);
            int e = b.edge(j, j + 1);
            b.edgePart(e, j, 1.0 / h);
            b.nodePart(j, j, 0.5 * h);
            b.nodePart(j + 1, j, 0.5 * h);
        }
        b.face(BoundaryFace.INSIDE_END, 0, 0, 1.0);
        b.face(BoundaryFace.OUTSIDE_END, n - 1, cells - 1, 1.0);
        b.face(BoundaryFace.MEMBRANE_INSIDE, mesh.membraneStartNode(), mesh.membraneStartNode(), 1.0);
        b.face(BoundaryFace.MEMBRANE_OUTSIDE, mesh.membraneEndNode(), mesh.membraneEndNode() - 1, 1.0);
        b.membrane(mesh.membraneStartNode(), mesh.membraneEndNode(), 1.0);
        return b.build();
    }
}
