package org.membranepnp.solver.mesh;

import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Lateral;

/**
 * The tensor-product mesh of a 2-D slab: the 1-D mesh across (x, {@link Mesh1D}) times nodes along the membrane
 * (y, {@link LateralMeshBuilder}); node (i, j) at (x_i, y_j) has flat index {@code j·nx + i}, so each x-line of
 * nodes is contiguous. Element (i, j) = [x_i, x_{i+1}] × [y_j, y_{j+1}] is filled with one {@link Material}: bath
 * water, lipid, or water in the pore whose y range holds the element's centre.
 */
public final class Mesh2D {
    private final Mesh1D across;
    private final double[] yNm;
    private final Material[] material;
    private final int[] channel;

    public Mesh2D(Mesh1D across, double[] yNm, Lateral lateral) {
        this.across = across;
        this.yNm = yNm.clone();
        int ex = across.cellCount();
        int ey = yNm.length - 1;
        this.material = new Material[ex * ey];
        this.channel = new int[ex * ey];
        for (int j = 0; j < ey; j++) {
            double yc = 0.5 * (yNm[j] + yNm[j + 1]);
            int pore = -1;
            for (int c = 0; c < lateral.channels().size(); c++) {
                Channel ch = lateral.channels().get(c);
                if (yc > lateral.poreLowerNm(ch) && yc < lateral.poreUpperNm(ch)) {
                    pore = c;
                }
            }
            for (int i = 0; i < ex; i++) {
                int e = j * ex + i;
                Material m = switch (across.cellRegion(i)) {
                    case INSIDE -> Material.INSIDE;
                    case OUTSIDE -> Material.OUTSIDE;
                    case MEMBRANE -> pore >= 0 ? Material.PORE : Material.LIPID;
                };
                material[e] = m;
                channel[e] = m == Material.PORE ? pore : -1;
            }
        }
    }

    /** The mesh across the slab. */
    public Mesh1D across() {
        return across;
    }

    /** Node columns. */
    public int nx() {
        return across.nodeCount();
    }

    /** Node rows. */
    public int ny() {
        return yNm.length;
    }

    /** Nodes. */
    public int nodeCount() {
        return nx() * ny();
    }

    /** Elements. */
    public int elementCount() {
        return (nx() - 1) * (ny() - 1);
    }

    /** y of row j, nm. */
    public double yNm(int j) {
        return yNm[j];
    }

    /** A copy of the y nodes, nm. */
    public double[] yNodesNm() {
        return yNm.clone();
    }

    /** Material of element (i, j). */
    public Material material(int i, int j) {
        return material[j * (nx() - 1) + i];
    }

    /** The pore (index into the scenario's channels) that element (i, j) lies in, or -1. */
    public int channel(int i, int j) {
        return channel[j * (nx() - 1) + i];
    }

    /** Height of element row j, nm. */
    public double rowHeightNm(int j) {
        return yNm[j + 1] - yNm[j];
    }
}
