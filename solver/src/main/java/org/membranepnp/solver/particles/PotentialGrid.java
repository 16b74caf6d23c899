package org.membranepnp.solver.particles;

import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * A frozen field on a rectilinear grid for the particles: the dimensionless potential ψ̂ = φ/V_T and the
 * concentrations at the nodes, node (ix, iy) stored at {@code ix * ny + iy} (y fastest, unlike {@link Fields2D#index}:
 * {@link #fromFields} reorders). The fields of a 2-D run fill it ({@link #fromFields}); a 1-D
 * profile fills it extended uniformly in y ({@link #fromProfile}).
 *
 * @param xNm               node x, nm, strictly increasing, at least 2 (x = 0 at the inside far end)
 * @param yNm               node y, nm, strictly increasing, at least 2
 * @param psi               ψ̂ = φ/V_T at the nodes, dimensionless, length nx·ny
 * @param concentrationsMm  [species][node] concentrations, mM, each of length nx·ny (≥ 0)
 */
public record PotentialGrid(double[] xNm, double[] yNm, double[] psi, double[][] concentrationsMm) {

    /**
     * @throws IllegalArgumentException if the nodes are not increasing or the arrays do not fit the grid
     */
    public PotentialGrid {
        increasing(xNm, "x");
        increasing(yNm, "y");
        int n = xNm.length * yNm.length;
        if (psi.length != n) {
            throw new IllegalArgumentException("psi has " + psi.length + " values for " + n + " nodes");
        }
        for (double v : psi) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("psi must be finite");
            }
        }
        for (double[] c : concentrationsMm) {
            if (c.length != n) {
                throw new IllegalArgumentException("a concentration has " + c.length + " values for " + n + " nodes");
            }
            for (double v : c) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("concentrations must be finite and >= 0");
                }
            }
        }
    }

    /**
     * The 1-D profile {@code p} extended uniformly over y ∈ [0, heightNm]: ψ̂(x, y) = φ(x)/V_T with
     * V_T = RT/F at {@code temperatureK}, c_i(x, y) = c_i(x), on the profile's x nodes and y nodes {0, heightNm}.
     *
     * @throws IllegalArgumentException if {@code heightNm} is not > 0
     */
    public static PotentialGrid fromProfile(Profiles p, double temperatureK, double heightNm) {
        if (!(heightNm > 0) || Double.isInfinite(heightNm)) {
            throw new IllegalArgumentException("height must be > 0, got " + heightNm);
        }
        double vtMv = PhysicalConstants.thermalVoltageMv(temperatureK);
        int nx = p.nodeCount();
        double[] psi = new double[2 * nx];
        double[][] c = new double[p.concentrationsMm().length][2 * nx];
        for (int ix = 0; ix < nx; ix++) {
            double v = p.potentialMv()[ix] / vtMv;
            psi[2 * ix] = v;
            psi[2 * ix + 1] = v;
            for (int s = 0; s < c.length; s++) {
                double ci = Math.max(0, p.concentrationsMm()[s][ix]);
                c[s][2 * ix] = ci;
                c[s][2 * ix + 1] = ci;
            }
        }
        return new PotentialGrid(p.xNm().clone(), new double[] {0, heightNm}, psi, c);
    }

    /**
     * The fields of a 2-D run: ψ̂ = φ/V_T with V_T = RT/F at {@code temperatureK}, and its concentrations (taken from
     * the fields' numbering, {@link Fields2D#index}, into this grid's {@link #index}).
     */
    public static PotentialGrid fromFields(Fields2D f, double temperatureK) {
        double vtMv = PhysicalConstants.thermalVoltageMv(temperatureK);
        int nx = f.nx();
        int ny = f.ny();
        double[] psi = new double[nx * ny];
        double[][] c = new double[f.concentrationsMm().length][nx * ny];
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                int q = ix * ny + iy;
                int k = f.index(ix, iy);
                psi[q] = f.potentialMv()[k] / vtMv;
                for (int s = 0; s < c.length; s++) {
                    c[s][q] = Math.max(0, f.concentrationsMm()[s][k]);
                }
            }
        }
        return new PotentialGrid(f.xNm().clone(), f.yNm().clone(), psi, c);
    }

    /** Number of x nodes. */
    public int nx() {
        return xNm.length;
    }

    /** Number of y nodes. */
    public int ny() {
        return yNm.length;
    }

    /** Storage index of node (ix, iy): {@code ix * ny + iy}. */
    public int index(int ix, int iy) {
        return ix * yNm.length + iy;
    }

    /** Number of species. */
    public int speciesCount() {
        return concentrationsMm.length;
    }

    private static void increasing(double[] a, String what) {
        if (a == null || a.length < 2) {
            throw new IllegalArgumentException("a particle grid needs at least 2 " + what + " nodes");
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || (i > 0 && a[i] <= a[i - 1])) {
                throw new IllegalArgumentException(what + " nodes must be finite and strictly increasing");
            }
        }
    }
}
