package org.membranepnp.solver.fv;

import org.membranepnp.engine.analytic.Bernoulli;

import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Evaluates the residual and the analytic Jacobian of the discrete PNP equations of a {@link PnpModel1D}.
 *
 * <p>Physics terms, VoronoiFVM style: per cell the Scharfetter–Gummel flux of each species from node L to
 * node R, F = (D/h)[B(a) ĉ_L − B(−a) ĉ_R], a = z(ψ_R − ψ_L), and the displacement flux ε(ψ_L − ψ_R)/h;
 * per node the storage vol·ĉ and the charge Γ Σ z vol ĉ + σ. Node equations:
 * <pre>
 *   Poisson  Σ_cells ε(ψ_k − ψ_nb)/h − Γ Σ_i z_i vol_ki ĉ_ki − σ_k = 0
 *   NP       vol_ki (ĉ_ki − ĉ_ki^old)/Δt + F_k,i − F_{k−1},i = 0
 * </pre>
 * Discrete conservation is exact: each cell flux leaves one node and enters its neighbour. In a steady solve
 * (Δt̂ = ∞) a species' rows in a compartment bounded by a wall are its partial flux sums from that wall
 * ({@link SteadyRow}), scaled by the cell's h/D. Two passes (cells, then nodes) write disjoint memory, so any
 * partition of the loops gives bit-identical results.
 */
public final class PnpAssembler1D {
    private final PnpModel1D model;
    private final WorkerPool pool;
    private final int[] pumpRows = new int[4];
    private final double[] pumpWeights = new double[4];
    private final double[] pumpColumn;
    /** The steady flux J of each {@link OpenFlux} of the model, read by the steady rows (set by Newton). */
    public final double[] steadyFlux;
    // per cell and species: flux and its derivatives
    private final ScharfetterGummelFluxes fluxes;
    private final double[] flux;
    private final double[] dFluxDcLeft;
    private final double[] dFluxDcRight;
    private final double[] dFluxDpsiRight;

    public PnpAssembler1D(PnpModel1D model) {
        this(model, WorkerPool.serial());
    }

    /** Assembles with the threads of {@code pool} (results do not depend on their number). */
    public PnpAssembler1D(PnpModel1D model, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.fluxes = new ScharfetterGummelFluxes((model.n - 1) * model.s);
        this.flux = fluxes.flux;
        this.dFluxDcLeft = fluxes.dLeft;
        this.dFluxDcRight = fluxes.dRight;
        this.dFluxDpsiRight = fluxes.dPsiRight;
        this.pumpColumn = model.pump != null ? new double[model.n * model.m] : null;
        this.steadyFlux = new double[model.openFluxes.size()];
    }

    /**
     * Residual {@code r} and Jacobian {@code jac} at state {@code u}.
     *
     * @param uOld        previous time level (ignored when {@code invDt} is 0)
     * @param invDt       1/Δt̂, or 0 for the steady equations (with the steady row forms of the model)
     * @param constraints global equations whose rows replace local ones (their Jacobian rows become identity
     *                    rows here; Newton adds the rest)
     */
    public void assemble(double[] u, double[] uOld, double invDt, java.util.List<GlobalConstraint> constraints,
                         double[] r, BlockTridiagonalMatrix jac) {
        pool.forEachChunk(model.n - 1, (from, to) -> cellFluxes(u, from, to));
        pool.forEachChunk(model.n, (from, to) -> {
            jac.clear(from, to);
            nodeEquations(u, uOld, invDt, r, jac, from, to);
        });
        int m = model.m;
        if (model.pump != null) {
            addPump(u, invDt, r);
        }
        for (GlobalConstraint c : constraints) {
            r[c.rowNode() * m + c.variable()] = c.residual(u, uOld, invDt);
            jac.setIdentityRow(c.rowNode(), c.variable(), 1.0);
        }
    }

    /** The pump's sink and source terms on the rows they enter (its Jacobian is added by Newton). */
    private void addPump(double[] u, double invDt, double[] r) {
        double j = model.pump.rate(u);
        pumpColumn(pumpColumn, invDt);
        for (int row = 0; row < r.length; row++) {
            double w = pumpColumn[row];
            if (w != 0.0) {
                r[row] += w * j;
            }
        }
    }

    /**
     * The pump's column w of the Jacobian, ∂r/∂J: its stoichiometry on the balance rows of the two faces, or, in a
     * steady solve, on every partial flux sum that includes a face ({@link SteadyRow}), scaled like that row.
     * Rows with a fixed value (reservoir, inactive) get 0; rows that a global constraint replaces are not excluded.
     */
    public void pumpColumn(double[] column, double invDt) {
        java.util.Arrays.fill(column, 0.0);
        int m = model.m;
        int s = model.s;
        model.pump.rows(pumpRows, pumpWeights);
        for (int q = 0; q < 4; q++) {
            int row = pumpRows[q];
            if (model.kind[row] != EquationKind.BALANCE) {
                continue;
            }
            int node = row / m;
            int i = row % m - 1;
            double w = pumpWeights[q];
            SteadyRow form = invDt == 0.0 ? model.steadyRow[node * s + i] : SteadyRow.BALANCE;
            if (form == SteadyRow.BALANCE) {
                column[row] += w;
            }
            for (int k = node; form == SteadyRow.FLUX_RIGHT && k < model.n
                    && model.steadyRow[k * s + i] == SteadyRow.FLUX_RIGHT; k++) {
                column[k * m + 1 + i] += w * model.h[k] / model.diffusivity[k * s + i];
            }
            for (int k = node; form == SteadyRow.FLUX_LEFT && k > 0
                    && model.steadyRow[k * s + i] == SteadyRow.FLUX_LEFT; k--) {
                column[k * m + 1 + i] += w * model.h[k - 1] / model.diffusivity[(k - 1) * s + i];
            }
        }
    }

    /** Scharfetter–Gummel fluxes of cells [from, to) and their derivatives. */
    void cellFluxes(double[] u, int from, int to) {
        int s = model.s;
        int m = model.m;
        int[] z = model.z;
        for (int j = from; j < to; j++) {
            double invH = 1.0 / model.h[j];
            double psiL = u[j * m];
            double psiR = u[(j + 1) * m];
            for (int i = 0; i < s; i++) {
                int c = j * s + i;
                fluxes.evaluate(c, model.diffusivity[c] * invH, z[i], psiL, psiR, u[j * m + 1 + i],
                        u[(j + 1) * m + 1 + i]);
            }
        }
    }

    /** Node equations of nodes [from, to). */
    void nodeEquations(double[] u, double[] uOld, double invDt, double[] r, BlockTridiagonalMatrix jac,
                       int from, int to) {
        int s = model.s;
        int m = model.m;
        int n = model.n;
        int[] z = model.z;
        double gamma = model.scales.poissonFactor;
        double[] lo = jac.lower;
        double[] di = jac.diag;
        double[] up = jac.upper;
        for (int k = from; k < to; k++) {
            int off = k * m;
            int blk = k * m * m;
            double psi = u[off];
            // Poisson row
            double rp = -model.surfaceCharge[k];
            if (k > 0) {
                double g = model.eps[k - 1] / model.h[k - 1];
                rp += g * (psi - u[off - m]);
                di[blk] += g;
                lo[blk] -= g;
            }
            if (k < n - 1) {
                double g = model.eps[k] / model.h[k];
                rp += g * (psi - u[off + m]);
                di[blk] += g;
                up[blk] -= g;
            }
            for (int i = 0; i < s; i++) {
                double q = gamma * z[i] * model.volume[k * s + i];
                rp -= q * u[off + 1 + i];
                di[blk + 1 + i] -= q;
            }
            r[off] = rp;
            // Nernst–Planck rows (balance law, or a partial flux sum in a steady solve)
            for (int i = 0; i < s; i++) {
                int row = blk + (1 + i) * m;
                int col = 1 + i;
                SteadyRow form = invDt == 0.0 ? model.steadyRow[k * s + i] : SteadyRow.BALANCE;
                double rn = 0;
                if (invDt != 0.0) {
                    double v = model.volume[k * s + i] * invDt;
                    rn += v * (u[off + col] - uOld[off + col]);
                    di[row + col] += v;
                }
                if (k < n - 1 && form != SteadyRow.FLUX_LEFT) { // cell k: flux out to the right
                    int c = k * s + i;
                    double w = form == SteadyRow.FLUX_RIGHT ? model.h[k] / model.diffusivity[c] : 1.0;
                    rn += w * flux[c];
                    if (form == SteadyRow.FLUX_RIGHT && model.openFluxOf[c] >= 0) {
                        rn -= w * steadyFlux[model.openFluxOf[c]];
                    }
                    di[row + col] += w * dFluxDcLeft[c];
                    up[row + col] += w * dFluxDcRight[c];
                    di[row] -= w * dFluxDpsiRight[c];
                    up[row] += w * dFluxDpsiRight[c];
                }
                if (k > 0 && form != SteadyRow.FLUX_RIGHT) { // cell k−1: flux in from the left
                    int c = (k - 1) * s + i;
                    double w = form == SteadyRow.FLUX_LEFT ? model.h[k - 1] / model.diffusivity[c] : 1.0;
                    rn -= w * flux[c];
                    di[row + col] -= w * dFluxDcRight[c];
                    lo[row + col] -= w * dFluxDcLeft[c];
                    di[row] -= w * dFluxDpsiRight[c];
                    lo[row] += w * dFluxDpsiRight[c];
                }
                r[off + col] = rn;
            }
            applyBoundaryRows(k, u, r, jac);
        }
    }

    private void applyBoundaryRows(int k, double[] u, double[] r, BlockTridiagonalMatrix jac) {
        int m = model.m;
        int off = k * m;
        EquationKind[] kind = model.kind;
        if (kind[off] == EquationKind.CURRENT_CLAMP) {
            // the electrode potential is fixed by the clamp's global equation (MembraneCurrentClamp)
            r[off] = 0.0;
            jac.setIdentityRow(k, 0, 1.0);
        }
        for (int v = 0; v < m; v++) {
            EquationKind kv = kind[off + v];
            if (kv == EquationKind.DIRICHLET) {
                r[off + v] = u[off + v] - model.dirichlet[off + v];
                jac.setIdentityRow(k, v, 1.0);
            } else if (kv == EquationKind.INACTIVE) {
                r[off + v] = u[off + v];
                jac.setIdentityRow(k, v, 1.0);
            }
        }
    }

    /** Transmissibility t = D/h of the first cell of open compartment {@code j}: its equation is (F − J)/t = 0. */
    public double openFluxTransmissibility(int j) {
        OpenFlux o = model.openFluxes.get(j);
        return model.diffusivity[o.first() * model.s + o.species()] / model.h[o.first()];
    }

    /** The residual (F_first − J)/t of open compartment {@code j}'s own equation, from the last assembly. */
    public double openFluxResidual(int j) {
        OpenFlux o = model.openFluxes.get(j);
        return (flux[o.first() * model.s + o.species()] - steadyFlux[j]) / openFluxTransmissibility(j);
    }

    /**
     * ∂/∂u of open compartment {@code j}'s own equation, from the last assembly, into {@code out[v]} for node first
     * and {@code out[m + v]} for node first + 1 (its ∂/∂J is −1/t).
     */
    public void openFluxGradient(int j, double[] out) {
        OpenFlux o = model.openFluxes.get(j);
        int m = model.m;
        int c = o.first() * model.s + o.species();
        double w = 1.0 / openFluxTransmissibility(j);
        java.util.Arrays.fill(out, 0.0);
        out[1 + o.species()] = w * dFluxDcLeft[c];
        out[m + 1 + o.species()] = w * dFluxDcRight[c];
        out[0] = -w * dFluxDpsiRight[c];
        out[m] = w * dFluxDpsiRight[c];
    }

    /** J's column in the node rows: −1/t_k on the rows of nodes first + 1 … last − 1 of open compartment {@code j}. */
    public void openFluxColumn(int j, double[] column) {
        OpenFlux o = model.openFluxes.get(j);
        java.util.Arrays.fill(column, 0.0);
        int i = o.species();
        for (int k = o.first() + 1; k < o.last(); k++) {
            if (model.kind[k * model.m + 1 + i] == EquationKind.BALANCE) {
                column[k * model.m + 1 + i] = -model.h[k] / model.diffusivity[k * model.s + i];
            }
        }
    }

    /** Outward flux of species i through cell j, from the last evaluation (dimensionless). */
    public double cellFlux(int j, int i) {
        return flux[j * model.s + i];
    }

    /** Scharfetter–Gummel flux of species i through cell j at state u, from node j to node j + 1 (dimensionless). */
    public double fluxThroughCell(double[] u, int j, int i) {
        double d = model.diffusivity[j * model.s + i];
        if (d == 0.0) {
            return 0.0;
        }
        int m = model.m;
        double a = model.z[i] * (u[(j + 1) * m] - u[j * m]);
        return d / model.h[j] * (Bernoulli.value(a) * u[j * m + 1 + i] - Bernoulli.value(-a) * u[(j + 1) * m + 1 + i]);
    }

    /** Recomputes the cell fluxes at state u (e.g. for reporting). */
    public void evaluateFluxes(double[] u) {
        cellFluxes(u, 0, model.n - 1);
    }
}
