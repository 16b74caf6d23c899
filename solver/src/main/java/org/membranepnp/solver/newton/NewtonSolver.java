package org.membranepnp.solver.newton;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.fv.GlobalConstraint;
import org.membranepnp.solver.fv.OpenFlux;
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
    private final double[] constraintScale;
    private final double[] pumpGradient = new double[2];
    private final double[] pumpColumn;
    private final DMatrixRMaj small;
    private final DMatrixRMaj smallRhs;
    private final DMatrixRMaj smallX;
    private final LinearSolverDense<DMatrixRMaj> smallLu;
    private boolean pumpActive;
    private double pumpGw;
    // bordering by the steady fluxes of open compartments
    private final double[][] fluxColumns;
    private final double[][] fluxGradients;
    private final double[] fluxResidual;
    private boolean bordering;
    private final DMatrixRMaj border;
    private final DMatrixRMaj borderRhs;
    private final DMatrixRMaj borderX;
    private final LinearSolverDense<DMatrixRMaj> borderLu;
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
        // the update: the node unknowns, then the steady fluxes of the open compartments (steady solves)
        int augmented = model.n * model.m + model.openFluxes.size();
        this.du = new double[augmented];
        int q = Math.max(model.steadyConstraints.size(), model.transientConstraints.size());
        this.zCols = new double[q][augmented];
        this.gradients = new double[q][];
        this.constraintScale = new double[q];
        this.pumpColumn = new double[augmented];
        this.small = new DMatrixRMaj(q, q);
        this.smallRhs = new DMatrixRMaj(q, 1);
        this.smallX = new DMatrixRMaj(q, 1);
        this.smallLu = LinearSolverFactory_DDRM.lu(Math.max(q, 1));
        int f = model.openFluxes.size();
        this.fluxColumns = new double[f][model.n * model.m];
        this.fluxGradients = new double[f][2 * model.m];
        this.fluxResidual = new double[f];
        this.border = new DMatrixRMaj(f, f);
        this.borderRhs = new DMatrixRMaj(f, 1);
        this.borderX = new DMatrixRMaj(f, 1);
        this.borderLu = LinearSolverFactory_DDRM.lu(Math.max(f, 1));
    }

    /** Reports each iteration's residual to {@code l} when {@code verbose}. */
    public void setListener(ProgressListener l, boolean verbose) {
        this.listener = l;
        this.verbose = verbose;
    }

    /** A Newton solver for another model (e.g. a member of a continuation path) that reports like this one. */
    public NewtonSolver sibling(PnpModel1D other, WorkerPool pool) {
        NewtonSolver s = new NewtonSolver(other, pool);
        s.setListener(listener, verbose);
        return s;
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
        boolean bordered = invDt == 0.0 && !model.openFluxes.isEmpty();
        if (bordered) {
            for (int j = 0; j < fluxResidual.length; j++) {
                OpenFlux o = model.openFluxes.get(j);
                assembler.steadyFlux[j] = assembler.fluxThroughCell(u, o.first(), o.species());
            }
        }
        double resNorm = Double.NaN;
        double previousNorm = Double.POSITIVE_INFINITY;
        for (int it = 1; it <= maxIter; it++) {
            resNorm = assembleResidual(u, uOld, invDt, closed, bordered);
            if (verbose) {
                listener.onNewtonIteration(it, resNorm);
            }
            if (!Double.isFinite(resNorm)) {
                return new NewtonResult(false, it, resNorm, "residual is not finite");
            }
            try {
                solveForUpdate(u, invDt, closed, bordered);
            } catch (ArithmeticException e) {
                return new NewtonResult(false, it, resNorm, "singular Jacobian: " + e.getMessage());
            }
            double lambda = damping(u);
            if (NewtonStep.stuck(lambda)) {
                return new NewtonResult(false, it, resNorm, "damping fell below " + MIN_DAMPING);
            }
            double norm = applyUpdate(u, lambda);
            if (bordered) {
                for (int j = 0; j < fluxResidual.length; j++) {
                    double dj = lambda * du[r.length + j];
                    assembler.steadyFlux[j] += dj;
                    norm = Math.max(norm, Math.abs(dj)
                            / assembler.openFluxTransmissibility(j) / fluxScale(u, j));
                }
            }
            if (!Double.isFinite(norm)) {
                return new NewtonResult(false, it, resNorm, "update is not finite");
            }
            String verdict = NewtonStep.acceptance(lambda, norm, previousNorm, tol);
            if (verdict != null) {
                return new NewtonResult(true, it, resNorm, verdict);
            }
            previousNorm = lambda == 1.0 ? norm : Double.POSITIVE_INFINITY;
        }
        return new NewtonResult(false, maxIter, resNorm, "no convergence in " + maxIter + " iterations");
    }

    /**
     * The undamped Newton update δ = −A⁻¹F(u, J) of the augmented system at u (node unknowns, then the steady fluxes
     * J of the open compartments, taken from {@code assembler().steadyFlux}), written to {@code out} (length
     * n·m + number of open fluxes). A is the whole Jacobian: the block tridiagonal part, the global constraints'
     * dense rows, the steady-flux border and the saturating pump. Exposed so that tests can check it against a dense
     * solve with a finite-difference Jacobian.
     */
    public void undampedUpdate(double[] u, double[] uOld, double invDt, boolean steady, double[] out) {
        List<GlobalConstraint> closed = steady ? model.steadyConstraints : model.transientConstraints;
        boolean bordered = invDt == 0.0 && !model.openFluxes.isEmpty();
        assembleResidual(u, uOld, invDt, closed, bordered);
        solveForUpdate(u, invDt, closed, bordered);
        System.arraycopy(du, 0, out, 0, du.length);
    }

    /** Assembles r and the Jacobian at u; returns the scaled residual norm (steady-flux rows included). */
    private double assembleResidual(double[] u, double[] uOld, double invDt, List<GlobalConstraint> closed,
                                    boolean bordered) {
        assembler.assemble(u, uOld, invDt, closed, r, jac);
        double resNorm = scaledResidual();
        if (bordered) {
            for (int j = 0; j < fluxResidual.length; j++) {
                fluxResidual[j] = assembler.openFluxResidual(j);
                resNorm = Math.max(resNorm, Math.abs(fluxResidual[j]) / fluxScale(u, j));
            }
        }
        return resNorm;
    }

    /** du ← −A⁻¹(r, flux residuals), A factored here; throws ArithmeticException when A is singular. */
    private void solveForUpdate(double[] u, double invDt, List<GlobalConstraint> closed, boolean bordered) {
        lu.factor(jac);
        prepareBorder(bordered);
        if (!closed.isEmpty()) {
            prepareWoodbury(closed, u, invDt);
        }
        preparePump(closed, u, invDt);
        int nodes = r.length;
        for (int i = 0; i < nodes; i++) {
            du[i] = -r[i];
        }
        for (int j = 0; j < fluxResidual.length; j++) {
            du[nodes + j] = bordered ? -fluxResidual[j] : 0.0;
        }
        for (int c = 0; c < closed.size(); c++) {
            GlobalConstraint cc = closed.get(c);
            du[cc.rowNode() * model.m + cc.variable()] /= constraintScale[c];
        }
        applyInverse(closed, du);
    }

    /**
     * Z = T⁻¹[e_c], the constraint gradients at u, and the LU of the small matrix I + VᵀZ. The small matrices keep
     * the size q of the constructor: a non-empty list of constraints always has q entries (transient constraints
     * exist only with a current clamp between two reservoirs, where the steady list holds that one constraint too).
     */
    private void prepareWoodbury(List<GlobalConstraint> closed, double[] u, double invDt) {
        int q = closed.size();
        int m = model.m;
        for (int c = 0; c < q; c++) {
            double[] zc = zCols[c];
            java.util.Arrays.fill(zc, 0.0);
            GlobalConstraint cc = closed.get(c);
            zc[cc.rowNode() * m + cc.variable()] = 1.0;
            borderedSolve(zc);
            int len = (cc.last() - cc.first() + 1) * m;
            if (gradients[c] == null || gradients[c].length != len) {
                gradients[c] = new double[len];
            }
            cc.gradient(u, invDt, gradients[c]);
            // each constraint row is scaled to a largest entry of 1 (a membrane current may be 1e-16 of unity)
            double scale = 0;
            for (double g : gradients[c]) {
                scale = Math.max(scale, Math.abs(g));
            }
            constraintScale[c] = scale > 0 ? scale : 1.0;
            for (int j = 0; j < len; j++) {
                gradients[c][j] /= constraintScale[c];
            }
        }
        // I + VᵀZ with v_c = ∇g_c − e_c and Z = T⁻¹[e_d]: as (T⁻¹e_d)[row c] = δ_cd, it is ∇g_cᵀZ, summed without the
        // cancellation of 1 − 1
        for (int c = 0; c < q; c++) {
            GlobalConstraint cc = closed.get(c);
            for (int d = 0; d < q; d++) {
                small.set(c, d, gradientDot(cc, gradients[c], zCols[d]));
            }
        }
        // EJML's LU accepts an exactly singular matrix (setA is true, the solve then gives ±∞/NaN): test its quality
        if (!smallLu.setA(small) || !(smallLu.quality() > 0)) {
            throw new ArithmeticException("the global constraints are dependent (I + VᵀZ is singular)");
        }
    }

    /** x ← x − Z (I + VᵀZ)⁻¹ Vᵀ x: turns T⁻¹b into J⁻¹b for J = T + Σ e_c v_cᵀ. */
    private void applyWoodbury(List<GlobalConstraint> closed, double[] x) {
        int q = closed.size();
        for (int c = 0; c < q; c++) {
            smallRhs.set(c, 0, vDot(closed.get(c), gradients[c], x));
        }
        smallLu.solve(smallRhs, smallX);
        for (int d = 0; d < q; d++) {
            double w = smallX.get(d, 0);
            double[] zd = zCols[d];
            for (int i = 0; i < x.length; i++) {
                x[i] -= w * zd[i];
            }
        }
    }

    /**
     * A⁻¹x in place, on the augmented vector (node unknowns, then steady fluxes): the block LU bordered by the steady
     * fluxes, the global constraints (Woodbury) and the pump (Sherman–Morrison), each a low-rank update of the last.
     */
    private void applyInverse(List<GlobalConstraint> closed, double[] x) {
        borderedSolve(x);
        if (!closed.isEmpty()) {
            applyWoodbury(closed, x);
        }
        if (pumpActive) {
            applyPump(x);
        }
    }

    /**
     * The saturating pump's Jacobian w gᵀ (stoichiometry on the rows it enters times ∇J): A'⁻¹w and g·A'⁻¹w for
     * Sherman–Morrison, A' the Jacobian without it.
     */
    private void preparePump(List<GlobalConstraint> closed, double[] u, double invDt) {
        pumpActive = false;
        if (model.pump == null || !model.pump.saturating()) {
            return;
        }
        var pump = model.pump;
        assembler.pumpColumn(pumpColumn, invDt);
        boolean any = false;
        for (int row = 0; row < pumpColumn.length; row++) {
            if (pumpColumn[row] != 0.0 && isGlobalRow(closed, row)) {
                pumpColumn[row] = 0.0; // that row's equation is not one the pump enters
            }
            any |= pumpColumn[row] != 0.0;
        }
        pump.gradient(u, pumpGradient);
        if (!any || (pumpGradient[0] == 0 && pumpGradient[1] == 0)) {
            return;
        }
        borderedSolve(pumpColumn);
        if (!closed.isEmpty()) {
            applyWoodbury(closed, pumpColumn);
        }
        pumpGw = pumpGradient[0] * pumpColumn[pump.sodiumInIndex()]
                + pumpGradient[1] * pumpColumn[pump.potassiumOutIndex()];
        pumpActive = true;
    }

    /** x ← x − A'⁻¹w (g·x)/(1 + g·A'⁻¹w). */
    private void applyPump(double[] x) {
        double gx = pumpGradient[0] * x[model.pump.sodiumInIndex()] + pumpGradient[1] * x[model.pump.potassiumOutIndex()];
        double f = gx / (1.0 + pumpGw);
        for (int i = 0; i < x.length; i++) {
            x[i] -= f * pumpColumn[i];
        }
    }

    /**
     * Prepares the bordering by the steady fluxes J of the open compartments (columns C, rows (Gᵀ, D = −1/t)):
     * Z = T⁻¹C and the LU of the Schur complement H = D − GᵀZ; without {@code active}, no bordering.
     */
    private void prepareBorder(boolean active) {
        bordering = active;
        if (!active) {
            return;
        }
        int f = fluxResidual.length;
        int m = model.m;
        for (int j = 0; j < f; j++) {
            assembler.openFluxColumn(j, fluxColumns[j]);
            lu.solve(fluxColumns[j]);
            assembler.openFluxGradient(j, fluxGradients[j]);
        }
        for (int j = 0; j < f; j++) {
            int base = model.openFluxes.get(j).first() * m;
            double[] g = fluxGradients[j];
            for (int l = 0; l < f; l++) {
                double gz = 0;
                for (int v = 0; v < g.length; v++) {
                    gz += g[v] * fluxColumns[l][base + v];
                }
                double d = j == l ? -1.0 / assembler.openFluxTransmissibility(j) : 0.0;
                border.set(j, l, d - gz);
            }
        }
        if (!borderLu.setA(border)) {
            throw new ArithmeticException("the steady fluxes of the open compartments are undetermined");
        }
    }

    /**
     * x ← [T C; Gᵀ D]⁻¹x on the augmented vector: x₀ = T⁻¹x_u, δJ = H⁻¹(x_J − Gᵀx₀), x_u = x₀ − Z δJ.
     */
    private void borderedSolve(double[] x) {
        lu.solve(x);
        if (!bordering) {
            return;
        }
        int f = fluxResidual.length;
        int nodes = r.length;
        int m = model.m;
        for (int j = 0; j < f; j++) {
            int base = model.openFluxes.get(j).first() * m;
            double[] g = fluxGradients[j];
            double gx = 0;
            for (int v = 0; v < g.length; v++) {
                gx += g[v] * x[base + v];
            }
            borderRhs.set(j, 0, x[nodes + j] - gx);
        }
        borderLu.solve(borderRhs, borderX);
        for (int l = 0; l < f; l++) {
            double y = borderX.get(l, 0);
            x[nodes + l] = y;
            double[] z = fluxColumns[l];
            for (int i = 0; i < nodes; i++) {
                x[i] -= y * z[i];
            }
        }
    }

    /** The concentration scale of open compartment j's flux equation: its first cell's larger end, or the floor. */
    private double fluxScale(double[] u, int j) {
        OpenFlux o = model.openFluxes.get(j);
        int m = model.m;
        int v = 1 + o.species();
        return Math.max(NewtonStep.CONCENTRATION_FLOOR,
                Math.max(Math.abs(u[o.first() * m + v]), Math.abs(u[(o.first() + 1) * m + v])));
    }

    private boolean isGlobalRow(List<GlobalConstraint> closed, int row) {
        for (GlobalConstraint c : closed) {
            if (c.rowNode() * model.m + c.variable() == row) {
                return true;
            }
        }
        return false;
    }

    /** ∇g_cᵀ x (the scaled gradient over the constraint's nodes). */
    private double gradientDot(GlobalConstraint cc, double[] gradient, double[] x) {
        int base = cc.first() * model.m;
        double sum = 0;
        for (int j = 0; j < gradient.length; j++) {
            double g = gradient[j];
            if (g != 0.0) {
                sum += g * x[base + j];
            }
        }
        return sum;
    }

    /** v_cᵀ x with v_c = ∇g_c − e_row (the identity row that the assembler left in T). */
    private double vDot(GlobalConstraint cc, double[] gradient, double[] x) {
        return gradientDot(cc, gradient, x) - x[cc.rowNode() * model.m + cc.variable()];
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
                norm = Math.max(norm, rv); // NaN stays NaN (a comparison would let the next row overwrite it)
            }
        }
        return norm;
    }
}


