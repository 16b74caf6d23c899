package org.membranepnp.solver.newton;

import java.util.List;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.fv.GlobalConstraint;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.PnpAssembler1D;
import org.membranepnp.solver.fv.PnpModel1D;
import org.membranepnp.solver.linalg.BlockTridiagonalLu;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Fully coupled Newton on potential and all concentrations, with the analytic Jacobian, a block tridiagonal
 * LU, damping that keeps concentrations positive and limits potential jumps, and — for closed compartments in a
 * steady state — their dense amount rows added by the Sherman–Morrison–Woodbury formula:
 * J = T + Σ_c e_c v_cᵀ ⇒ J⁻¹b = y − Z (I + VᵀZ)⁻¹ Vᵀ y, with y = T⁻¹b and Z = T⁻¹[e_c].
 * All work arrays are allocated once per model.
 */
public final class NewtonSolver {
    /** Largest potential change per iteration, in thermal voltages. */
    public static final double MAX_POTENTIAL_STEP = 8.0;
    /** Smallest damping factor before the iteration is declared stuck. */
    public static final double MIN_DAMPING = 1e-4;
    /** An update this many times the tolerance is accepted once it stops shrinking (round-off floor). */
    public static final double ROUNDOFF_ACCEPTANCE = 1e4;

    private final PnpModel1D model;
    private final PnpAssembler1D assembler;
    private final BlockTridiagonalMatrix jac;
    private final BlockTridiagonalLu lu;
    private final double[] r;
    private final double[] du;
    private final double[][] zCols;
    private final double[][] gradients;
    private final int[] pumpRows = new int[4];
    private final double[] pumpWeights = new double[4];
    private final double[] pumpGradient = new double[2];
    private final double[] pumpColumn;
    private final double[] small;
    private final double[] smallRhs;
    private final int[] smallPiv;
    private ProgressListener listener = ProgressListener.NONE;
    private boolean verbose;

    public NewtonSolver(PnpModel1D model) {
        this(model, WorkerPool.serial());
    }

    /** Assembles with the threads of {@code pool}; results are identical for any number of threads. */
    public NewtonSolver(PnpModel1D model, WorkerPool pool) {
        this.model = model;
        this.assembler = new PnpAssembler1D(model, pool);
        this.jac = new BlockTridiagonalMatrix(model.n, model.m);
        this.lu = new BlockTridiagonalLu(model.n, model.m);
        this.r = new double[model.n * model.m];
        this.du = new double[model.n * model.m];
        int q = Math.max(model.steadyConstraints.size(), model.transientConstraints.size());
        this.zCols = new double[q][model.n * model.m];
        this.gradients = new double[q][];
        this.pumpColumn = new double[model.n * model.m];
        this.small = new double[q * q];
        this.smallRhs = new double[q];
        this.smallPiv = new int[q];
    }

    /** Reports each iteration's residual to {@code l} when {@code verbose}. */
    public void setListener(ProgressListener l, boolean verbose) {
        this.listener = l;
        this.verbose = verbose;
    }

    /** The assembler (for flux evaluation by callers). */
    public PnpAssembler1D assembler() {
        return assembler;
    }

    /**
     * Solves the steady ({@code invDt} = 0) or implicit-Euler equations for {@code u}, in place.
     *
     * @param uOld        previous time level (implicit Euler)
     * @param invDt       1/Δt̂, 0 for the steady state
     * @param steady      use the steady state's global equations (closed amounts); else those of a time step
     * @param maxIter     iteration limit
     * @param tol         tolerance of the scaled update (ψ in V_T, ĉ relative)
     */
    public NewtonResult solve(double[] u, double[] uOld, double invDt, boolean steady, int maxIter,
                              double tol) {
        List<GlobalConstraint> closed = steady ? model.steadyConstraints : model.transientConstraints;
        double resNorm = Double.NaN;
        double previousNorm = Double.POSITIVE_INFINITY;
        for (int it = 1; it <= maxIter; it++) {
            assembler.assemble(u, uOld, invDt, closed, r, jac);
            resNorm = scaledResidual();
            if (verbose) {
                listener.onNewtonIteration(it, resNorm);
            }
            if (!Double.isFinite(resNorm)) {
                return new NewtonResult(false, it, resNorm, "residual is not finite");
            }
            try {
                lu.factor(jac);
            } catch (ArithmeticException e) {
                return new NewtonResult(false, it, resNorm, "singular Jacobian: " + e.getMessage());
            }
            for (int i = 0; i < du.length; i++) {
                du[i] = -r[i];
            }
            lu.solve(du);
            if (!closed.isEmpty()) {
                prepareWoodbury(closed, u, invDt);
                applyWoodbury(closed, du);
            }
            if (model.pump != null && model.pump.saturating()) {
                addPumpJacobian(closed, u);
            }
            double lambda = damping(u);
            if (!(lambda >= MIN_DAMPING)) {
                return new NewtonResult(false, it, resNorm, "damping fell below " + MIN_DAMPING);
            }
            double norm = applyUpdate(u, lambda);
            if (!Double.isFinite(norm)) {
                return new NewtonResult(false, it, resNorm, "update is not finite");
            }
            if (lambda == 1.0 && norm < tol) {
                return new NewtonResult(true, it, resNorm, "converged");
            }
            if (lambda == 1.0 && norm < ROUNDOFF_ACCEPTANCE * tol && norm > 0.25 * previousNorm) {
                // quadratic convergence has stalled at the round-off level of a large mesh
                return new NewtonResult(true, it, resNorm, "converged to round-off");
            }
            previousNorm = lambda == 1.0 ? norm : Double.POSITIVE_INFINITY;
        }
        return new NewtonResult(false, maxIter, resNorm, "no convergence in " + maxIter + " iterations");
    }

    /** Z = T⁻¹[e_c], the constraint gradients at u, and the LU of the small matrix I + VᵀZ. */
    private void prepareWoodbury(List<GlobalConstraint> closed, double[] u, double invDt) {
        int q = closed.size();
        int m = model.m;
        for (int c = 0; c < q; c++) {
            double[] zc = zCols[c];
            java.util.Arrays.fill(zc, 0.0);
            GlobalConstraint cc = closed.get(c);
            zc[cc.rowNode() * m + cc.variable()] = 1.0;
            lu.solve(zc);
            int len = (cc.last() - cc.first() + 1) * m;
            if (gradients[c] == null || gradients[c].length != len) {
                gradients[c] = new double[len];
            }
            cc.gradient(u, invDt, gradients[c]);
        }
        for (int c = 0; c < q; c++) {
            GlobalConstraint cc = closed.get(c);
            for (int d = 0; d < q; d++) {
                small[c * q + d] = (c == d ? 1.0 : 0.0) + vDot(cc, gradients[c], zCols[d]);
            }
        }
        smallFactor(q);
    }

    /** x ← x − Z (I + VᵀZ)⁻¹ Vᵀ x: turns T⁻¹b into J⁻¹b for J = T + Σ e_c v_cᵀ. */
    private void applyWoodbury(List<GlobalConstraint> closed, double[] x) {
        int q = closed.size();
        for (int c = 0; c < q; c++) {
            smallRhs[c] = vDot(closed.get(c), gradients[c], x);
        }
        smallSolve(q);
        for (int d = 0; d < q; d++) {
            double w = smallRhs[d];
            double[] zd = zCols[d];
            for (int i = 0; i < x.length; i++) {
                x[i] -= w * zd[i];
            }
        }
    }

    /**
     * The saturating pump's Jacobian w gᵀ (stoichiometry on the face rows times ∇J), by Sherman–Morrison:
     * δ ← δ − A⁻¹w (g·δ)/(1 + g·A⁻¹w), A the Jacobian without it.
     */
    private void addPumpJacobian(List<GlobalConstraint> closed, double[] u) {
        var pump = model.pump;
        pump.rows(pumpRows, pumpWeights);
        java.util.Arrays.fill(pumpColumn, 0.0);
        boolean any = false;
        for (int k = 0; k < 4; k++) {
            int row = pumpRows[k];
            if (model.kind[row] != org.membranepnp.solver.fv.EquationKind.BALANCE || isGlobalRow(closed, row)) {
                continue; // that row's equation is not the balance law the pump enters
            }
            pumpColumn[row] = pumpWeights[k];
            any = true;
        }
        pump.gradient(u, pumpGradient);
        if (!any || (pumpGradient[0] == 0 && pumpGradient[1] == 0)) {
            return;
        }
        lu.solve(pumpColumn);
        if (!closed.isEmpty()) {
            applyWoodbury(closed, pumpColumn);
        }
        int na = pump.sodiumInIndex();
        int k = pump.potassiumOutIndex();
        double gDelta = pumpGradient[0] * du[na] + pumpGradient[1] * du[k];
        double gW = pumpGradient[0] * pumpColumn[na] + pumpGradient[1] * pumpColumn[k];
        double f = gDelta / (1.0 + gW);
        for (int i = 0; i < du.length; i++) {
            du[i] -= f * pumpColumn[i];
        }
    }

    private boolean isGlobalRow(List<GlobalConstraint> closed, int row) {
        for (GlobalConstraint c : closed) {
            if (c.rowNode() * model.m + c.variable() == row) {
                return true;
            }
        }
        return false;
    }

    /** v_cᵀ x with v_c = ∇g_c − e_row (the identity row that the assembler left in T). */
    private double vDot(GlobalConstraint cc, double[] gradient, double[] x) {
        int m = model.m;
        int base = cc.first() * m;
        double sum = 0;
        for (int j = 0; j < gradient.length; j++) {
            double g = gradient[j];
            if (g != 0.0) {
                sum += g * x[base + j];
            }
        }
        return sum - x[cc.rowNode() * m + cc.variable()];
    }

    /** LU with partial pivoting of the q × q matrix {@code small}, in place. */
    private void smallFactor(int q) {
        double[] a = small;
        for (int c = 0; c < q; c++) {
            int p = c;
            for (int rr = c + 1; rr < q; rr++) {
                if (Math.abs(a[rr * q + c]) > Math.abs(a[p * q + c])) {
                    p = rr;
                }
            }
            smallPiv[c] = p;
            if (p != c) {
                for (int k = 0; k < q; k++) {
                    double t = a[c * q + k];
                    a[c * q + k] = a[p * q + k];
                    a[p * q + k] = t;
                }
            }
            for (int rr = c + 1; rr < q; rr++) {
                double f = a[rr * q + c] / a[c * q + c];
                a[rr * q + c] = f;
                for (int k = c + 1; k < q; k++) {
                    a[rr * q + k] -= f * a[c * q + k];
                }
            }
        }
    }

    /** Solves with the LU of {@code small}, in place in {@code smallRhs}. */
    private void smallSolve(int q) {
        double[] a = small;
        double[] b = smallRhs;
        for (int c = 0; c < q; c++) {
            int p = smallPiv[c];
            if (p != c) {
                double t = b[c];
                b[c] = b[p];
                b[p] = t;
            }
            for (int rr = c + 1; rr < q; rr++) {
                b[rr] -= a[rr * q + c] * b[c];
            }
        }
        for (int c = q - 1; c >= 0; c--) {
            double sum = b[c];
            for (int k = c + 1; k < q; k++) {
                sum -= a[c * q + k] * b[k];
            }
            b[c] = sum / a[c * q + c];
        }
    }

    private double damping(double[] u) {
        return NewtonStep.damping(u, du, model.kind, model.n, model.m);
    }

    private double applyUpdate(double[] u, double lambda) {
        return NewtonStep.apply(u, du, lambda, model.n, model.m);
    }

    /** max_row |r_row| / |J_row,row|: the residual in units of its own unknown. */
    private double scaledResidual() {
        int m = model.m;
        double norm = 0;
        double[] d = jac.diag;
        for (int k = 0; k < model.n; k++) {
            int blk = k * m * m;
            for (int v = 0; v < m; v++) {
                double diag = Math.abs(d[blk + v * m + v]);
                double rv = Math.abs(r[k * m + v]);
                if (diag > 0) {
                    rv /= diag;
                }
                if (!(rv <= norm)) {
                    norm = rv; // also propagates NaN
                }
            }
        }
        return norm;
    }
}
