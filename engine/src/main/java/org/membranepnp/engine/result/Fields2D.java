package org.membranepnp.engine.result;

import java.util.List;

/**
 * The fields of a 2-D run on its rectilinear mesh (x across the slab from the inside far end, y along the
 * membrane), node (ix, iy) at flat index {@code iy · nx + ix} (x fastest: the solver's node numbering k = j·nx + i,
 * and VTK's point order).
 *
 * @param species              species names, in scenario order
 * @param xNm                  x of the node columns, nm, increasing
 * @param yNm                  y of the node rows, nm, increasing
 * @param potentialMv          φ at each node, mV (0 at the outside far end)
 * @param concentrationsMm     [species][node] concentration, mM (inside the lipid the real, partitioned one)
 * @param chargeDensityCPerM3  net charge density F Σ z_i c_i at each node, C/m³, in a pore with its walls' fixed
 *                             charge
 * @param membraneX0Nm         x of the membrane's inside face, nm
 * @param membraneX1Nm         x of its outside face, nm
 * @param channelsYNm          the pores, each {y0, y1} in nm (they span the membrane in x)
 * @param channelCurrentA      [pore][species] outward current z F J through each pore at the middle of the
 *                             membrane: A in an axisymmetric patch, A per metre of depth in a planar one (empty when
 *                             not computed, e.g. fields read back from files)
 * @param axisymmetric         y is the radius r of an axisymmetric (r, x) patch (the fields are rotated about y = 0)
 */
public record Fields2D(List<String> species, double[] xNm, double[] yNm, double[] potentialMv,
                       double[][] concentrationsMm, double[] chargeDensityCPerM3, double membraneX0Nm,
                       double membraneX1Nm, List<double[]> channelsYNm, double[][] channelCurrentA,
                       boolean axisymmetric) {

    /** Fields of a planar patch. */
    public Fields2D(List<String> species, double[] xNm, double[] yNm, double[] potentialMv,
                    double[][] concentrationsMm, double[] chargeDensityCPerM3, double membraneX0Nm,
                    double membraneX1Nm, List<double[]> channelsYNm, double[][] channelCurrentA) {
        this(species, xNm, yNm, potentialMv, concentrationsMm, chargeDensityCPerM3, membraneX0Nm, membraneX1Nm,
                channelsYNm, channelCurrentA, false);
    }

    /** Fields of a planar patch without channel currents. */
    public Fields2D(List<String> species, double[] xNm, double[] yNm, double[] potentialMv,
                    double[][] concentrationsMm, double[] chargeDensityCPerM3, double membraneX0Nm,
                    double membraneX1Nm, List<double[]> channelsYNm) {
        this(species, xNm, yNm, potentialMv, concentrationsMm, chargeDensityCPerM3, membraneX0Nm, membraneX1Nm,
                channelsYNm, null);
    }

    public Fields2D {
        species = List.copyOf(species);
        channelsYNm = channelsYNm == null ? List.of() : List.copyOf(channelsYNm);
        channelCurrentA = channelCurrentA == null ? new double[0][] : channelCurrentA;
        int nodes = xNm.length * yNm.length;
        check("potentialMv", potentialMv.length, nodes);
        check("chargeDensityCPerM3", chargeDensityCPerM3.length, nodes);
        check("concentrationsMm (species)", concentrationsMm.length, species.size());
        for (double[] c : concentrationsMm) {
            check("concentrationsMm (nodes)", c.length, nodes);
        }
    }

    private static void check(String what, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(what + " has " + length + " entries, expected " + expected);
        }
    }

    /** Node columns along x. */
    public int nx() {
        return xNm.length;
    }

    /** Node rows along y. */
    public int ny() {
        return yNm.length;
    }

    /** Flat index of node (ix, iy): {@code iy · nx + ix}. */
    public int index(int ix, int iy) {
        return index(ix, iy, xNm.length);
    }

    /** Flat index of node (ix, iy) on a grid of {@code nx} node columns: {@code iy · nx + ix}. */
    public static int index(int ix, int iy, int nx) {
        return iy * nx + ix;
    }

    /** A field (flat, node (ix, iy) at {@code iy · nx + ix}) as [ix][iy] (a copy), e.g. for a map. */
    public static double[][] grid(double[] flat, int nx, int ny) {
        double[][] g = new double[nx][ny];
        for (int iy = 0; iy < ny; iy++) {
            int row = iy * nx;
            for (int ix = 0; ix < nx; ix++) {
                g[ix][iy] = flat[row + ix];
            }
        }
        return g;
    }
}
