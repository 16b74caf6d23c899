package org.membranepnp.solver.fv;

import org.membranepnp.solver.linalg.BlockFivePointMatrix;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Residual and analytic Jacobian of the steady discrete PNP equations of a {@link PnpModel2D}.
 *
 * <p>Per edge from node L to node R with transmissibility T: the Scharfetter–Gummel flux
 * F = T[B(a) ĉ_L − B(−a) ĉ_R], a = z(ψ_R − ψ_L), and the displacement flux T_ε(ψ_L − ψ_R). Node equations:
 * <pre>
 *   Poisson  Σ_edges T_ε(ψ_k − ψ_nb) − Γ Σ_i z_i vol_ki ĉ_ki − σ_k = 0
 *   NP       vol_ki (ĉ_ki − ĉ_ki^old)/Δt̂ + Σ_edges F_out − Σ_edges F_in = 0
 * </pre>
 * (the storage term only in a time step of implicit Euler; 1/Δt̂ = 0 gives the steady equations).
 * Each edge flux leaves one node and enters the other, so discrete conservation is exact. Three passes (x-edges,
 * y-edges, nodes) write disjoint memory; any partition gives bit-identical results.
 */
public final class PnpAssembler2D {
    private final PnpModel2D model;
    private final WorkerPool pool;
    private final ScharfetterGummelFluxes xEdges;
    private final ScharfetterGummelFluxes yEdges;

    public PnpAssembler2D(PnpModel2D model, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.xEdges = new ScharfetterGummelFluxes((model.nx - 1) * model.ny * model.s);
        this.yEdges = new ScharfetterGummelFluxes(model.nx * (model.ny - 1) * model.s);
    }

    /** Residual {@code r} and Jacobian {@code jac} of the steady equations at state {@code u}. */
    public void assemble(double[] u, double[] r, BlockFivePointMatrix jac) {
        assemble(u, null, 0.0, r, jac);
    }

    /**
     * Residual {@code r} and Jacobian {@code jac} at state {@code u}; with {@code invDt} = 1/Δt̂ &gt; 0 each NP row
     * gains the implicit Euler storage term vol (ĉ − ĉ_old)/Δt̂ and its derivative vol/Δt̂ on the diagonal.
     *
     * @param uOld  the previous time level (ignored when {@code invDt} is 0)
     * @param invDt 1/Δt̂, or 0 for the steady equations
     */
    public void assemble(double[] u, double[] uOld, double invDt, double[] r, BlockFivePointMatrix jac) {
        int nx = model.nx;
        int ny = model.ny;
        int ex = nx - 1;
        pool.forEachChunk(ex * ny, (from, to) -> {
            for (int e = from; e < to; e++) {
                int j = e / ex;
                int i = e - j * ex;
                int left = j * nx + i;
                edge(u, left, left + 1, model.xCoef, e, xEdges);
            }
        });
        pool.forEachChunk(nx * (ny - 1), (from, to) -> {
            for (int e = from; e < to; e++) {
                edge(u, e, e + nx, model.yCoef, e, yEdges);
            }
        });
        pool.forEachChunk(ny, 1, (from, to) -> {
            jac.clearLines(from, to);
            for (int j = from; j < to; j++) {
                for (int i = 0; i < nx; i++) {
                    node(u, uOld, invDt, r, jac, i, j);
                }
            }
        });
    }

    private void edge(double[] u, int left, int right, double[] coef, int e, ScharfetterGummelFluxes out) {
        int s = model.s;
        int m = model.m;
        double psiL = u[left * m];
        double psiR = u[right * m];
        for (int i = 0; i < s; i++) {
            int c = e * s + i;
            out.evaluate(c, coef[c], model.z[i], psiL, psiR, u[left * m + 1 + i], u[right * m + 1 + i]);
        }
    }

    private void node(double[] u, double[] uOld, double invDt, double[] r, BlockFivePointMatrix jac, int i, int j) {
        int nx = model.nx;
        int ny = model.ny;
        int s = model.s;
        int m = model.m;
        int mm = m * m;
        int k = j * nx + i;
        int off = k * m;
        BlockTridiagonalMatrix line = jac.line(j);
        double[] di = line.diag;
        int blk = i * mm;
        int gblk = k * mm;
        double psi = u[off];
        double rp = -model.surfaceCharge[k];
        // Poisson: displacement through the four edges
        if (i > 0) {
            rp += poissonEdge(model.xEps[j * (nx - 1) + i - 1], psi, u[off - m], di, blk, line.lower, blk);
        }
        if (i < nx - 1) {
            rp += poissonEdge(model.xEps[j * (nx - 1) + i], psi, u[off + m], di, blk, line.upper, blk);
        }
        if (j > 0) {
            rp += poissonEdge(model.yEps[(j - 1) * nx + i], psi, u[off - nx * m], di, blk, jac.south, gblk);
        }
        if (j < ny - 1) {
            rp += poissonEdge(model.yEps[j * nx + i], psi, u[off + nx * m], di, blk, jac.north, gblk);
        }
        double gamma = model.scales.poissonFactor;
        for (int q = 0; q < s; q++) {
            double vq = gamma * model.z[q] * model.volume[k * s + q];
            rp -= vq * u[off + 1 + q];
            di[blk + 1 + q] -= vq;
        }
        r[off] = rp;
        // Nernst–Planck
        for (int q = 0; q < s; q++) {
            int col = 1 + q;
            int row = col * m;
            double rn = 0;
            if (invDt != 0.0) {
                double v = model.volume[k * s + q] * invDt;
                rn += v * (u[off + col] - uOld[off + col]);
                di[blk + row + col] += v;
            }
            if (i < nx - 1) {
                rn += out(xEdges, (j * (nx - 1) + i) * s + q, di, blk + row, col, line.upper, blk + row);
            }
            if (i > 0) {
                rn += in(xEdges, (j * (nx - 1) + i - 1) * s + q, di, blk + row, col, line.lower, blk + row);
            }
            if (j < ny - 1) {
                rn += out(yEdges, (j * nx + i) * s + q, di, blk + row, col, jac.north, gblk + row);
            }
            if (j > 0) {
                rn += in(yEdges, ((j - 1) * nx + i) * s + q, di, blk + row, col, jac.south, gblk + row);
            }
            r[off + col] = rn;
        }
        for (int v = 0; v < m; v++) {
            EquationKind kv = model.kind[off + v];
            if (kv == EquationKind.DIRICHLET) {
                r[off + v] = u[off + v] - model.dirichlet[off + v];
                jac.setIdentityRow(i, j, v, 1.0);
            } else if (kv == EquationKind.INACTIVE) {
                r[off + v] = u[off + v];
                jac.setIdentityRow(i, j, v, 1.0);
            }
        }
    }

    private static double poissonEdge(double g, double psi, double psiNb, double[] diag, int dBase, double[] nb,
                                      int nbBase) {
        diag[dBase] += g;
        nb[nbBase] -= g;
        return g * (psi - psiNb);
    }

    /** This node is the edge's left end: the flux leaves it. */
    private static double out(ScharfetterGummelFluxes f, int c, double[] diag, int dRow, int col, double[] nb, int nbRow) {
        diag[dRow + col] += f.dLeft[c];
        nb[nbRow + col] += f.dRight[c];
        diag[dRow] -= f.dPsiRight[c];
        nb[nbRow] += f.dPsiRight[c];
        return f.flux[c];
    }

    /** This node is the edge's right end: the flux enters it. */
    private static double in(ScharfetterGummelFluxes f, int c, double[] diag, int dRow, int col, double[] nb, int nbRow) {
        diag[dRow + col] -= f.dRight[c];
        nb[nbRow + col] -= f.dLeft[c];
        diag[dRow] -= f.dPsiRight[c];
        nb[nbRow] += f.dPsiRight[c];
        return -f.flux[c];
    }

    /**
     * Total outward charge flux Σ_j Σ_i z_i F_i through the x-edges between columns {@code column} and
     * {@code column + 1}, from the last assembly (dimensionless, per unit depth: a flux density times a length).
     */
    public double chargeFluxThroughColumn(int column) {
        double sum = 0;
        for (int q = 0; q < model.s; q++) {
            sum += model.z[q] * speciesFluxThroughColumn(column, q);
        }
        return sum;
    }

    /** Total flux of species q through the x-edges between columns {@code column} and {@code column + 1}. */
    public double speciesFluxThroughColumn(int column, int q) {
        int nx = model.nx;
        double sum = 0;
        for (int j = 0; j < model.ny; j++) {
            sum += xEdges.flux[(j * (nx - 1) + column) * model.s + q];
        }
        return sum;
    }

    /** Flux of species q through x-edge (column+½, j) from the last assembly. */
    public double xEdgeFlux(int column, int j, int q) {
        return xEdges.flux[(j * (model.nx - 1) + column) * model.s + q];
    }

    /**
     * Total outward current through the x-edges between columns {@code column} and {@code column + 1} (per unit
     * depth, dimensionless), ionic plus, in a time step, displacement:
     * <pre>
     *   I = Σ_j [ Σ_i z_i F_i,j + T_ε,j ((ψ_L − ψ_R) − (ψ_L − ψ_R)^old) / (Γ Δt̂) ]
     * </pre>
     * the backward difference of the displacement flux, consistent with implicit Euler: the discrete Gauss law and
     * balance laws make this total the same through every column. The ionic part is that of the last assembly,
     * which must have been at {@code u}.
     *
     * @param invDt 1/Δt̂, or 0 for the steady current (ionic only)
     */
    public double currentThroughColumn(int column, double[] u, double[] uOld, double invDt) {
        double current = chargeFluxThroughColumn(column);
        if (invDt != 0.0) {
            int nx = model.nx;
            int m = model.m;
            double f = invDt / model.scales.poissonFactor;
            for (int j = 0; j < model.ny; j++) {
                int left = (j * nx + column) * m;
                double drop = u[left] - u[left + m];
                double dropOld = uOld[left] - uOld[left + m];
                current += model.xEps[j * (nx - 1) + column] * f * (drop - dropOld);
            }
        }
        return current;
    }

    /**
     * The gradient ∂I/∂u of {@link #currentThroughColumn} at the last assembled state, into {@code out} (length of
     * the state; only the two node columns of the edges are written, the rest is zeroed).
     */
    public void currentGradient(int column, double invDt, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        int nx = model.nx;
        int s = model.s;
        int m = model.m;
        double f = invDt / model.scales.poissonFactor;
        for (int j = 0; j < model.ny; j++) {
            int e = j * (nx - 1) + column;
            int left = (j * nx + column) * m;
            int right = left + m;
            for (int q = 0; q < s; q++) {
                int c = e * s + q;
                int z = model.z[q];
                out[left + 1 + q] += z * xEdges.dLeft[c];
                out[right + 1 + q] += z * xEdges.dRight[c];
                out[left] -= z * xEdges.dPsiRight[c];
                out[right] += z * xEdges.dPsiRight[c];
            }
            double g = model.xEps[e] * f;
            out[left] += g;
            out[right] -= g;
        }
    }
}
