package org.membranepnp.solver.newton;

import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.PnpAssembler2D;
import org.membranepnp.solver.fv.PnpModel2D;
import org.membranepnp.solver.linalg.BlockFivePointMatrix;
import org.membranepnp.solver.linalg.Gmres;
import org.membranepnp.solver.linalg.SemicoarseningMultigrid;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Newton's method for the steady 2-D equations: the analytic Jacobian of {@link PnpAssembler2D}, rows equilibrated
 * (each divided by its largest entry), solved by GMRES preconditioned with one V-cycle of semicoarsening
 * multigrid ({@link SemicoarseningMultigrid}); inexact Newton (each linear solve only as accurate as the
 * residual makes worthwhile); the damping of the 1-D solver (positive concentrations, potential
 * steps of at most {@value NewtonSolver#MAX_POTENTIAL_STEP} V_T) and its convergence test on the scaled update.
 */
public final class NewtonSolver2D {
    /** Smallest relative residual asked of a linear solve (near convergence). */
    public static final double LINEAR_TOLERANCE = 1e-10;
    /** Largest relative residual asked of a linear solve (far from convergence). */
    public static final double LOOSE_LINEAR_TOLERANCE = 1e-4;
    /** A scaled residual at this level is round-off: the state is converged without another update. */
    public static final double ROUNDOFF_RESIDUAL = 1e-14;
    /** Krylov vectors before a restart. */
    public static final int RESTART = 60;
    /** Most GMRES iterations per linear solve. */
    public static final int MAX_LINEAR_ITERATIONS = 600;

    private final PnpModel2D model;
    private final PnpAssembler2D assembler;
    private final WorkerPool pool;
    private final BlockFivePointMatrix jac;
    private final SemicoarseningMultigrid preconditioner;
    private final Gmres gmres;
    private final double[] r;
    private final double[] rhs;
    private final double[] du;
    private ProgressListener listener = ProgressListener.NONE;
    private boolean verbose;
    private int linearIterations;

    public NewtonSolver2D(PnpModel2D model, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.assembler = new PnpAssembler2D(model, pool);
        this.jac = new BlockFivePointMatrix(model.nx, model.ny, model.m);
        this.preconditioner = new SemicoarseningMultigrid(model.nx, model.ny, model.m, pool);
        int size = model.n * model.m;
        this.gmres = new Gmres(size, RESTART);
        this.r = new double[size];
        this.rhs = new double[size];
        this.du = new double[size];
    }

    /** Reports Newton residuals to {@code l} when {@code verbose}. */
    public void setListener(ProgressListener l, boolean verbose) {
        this.listener = l;
        this.verbose = verbose;
    }

    /** The assembler (its fluxes are those of the last evaluated state). */
    public PnpAssembler2D assembler() {
        return assembler;
    }

    /** GMRES iterations used so far. */
    public int linearIterations() {
        return linearIterations;
    }

    /** Evaluates residual and fluxes at {@code u} (e.g. for reporting currents). */
    public void evaluate(double[] u) {
        assembler.assemble(u, r, jac);
    }

    /** Solves the steady equations in place from {@code u}. */
    public NewtonResult solve(double[] u, int maxIter, double tol) {
        double previousNorm = Double.POSITIVE_INFINITY;
        double resNorm = Double.NaN;
        int nx = model.nx;
        int m = model.m;
        for (int it = 1; it <= maxIter; it++) {
            assembler.assemble(u, r, jac);
            resNorm = scaledResidual();
            if (verbose) {
                listener.onNewtonIteration(it, resNorm);
            }
            if (!Double.isFinite(resNorm)) {
                return new NewtonResult(false, it, resNorm, "residual is not finite");
            }
            if (resNorm < ROUNDOFF_RESIDUAL) {
                return new NewtonResult(true, it - 1, resNorm, "residual at round-off");
            }
            pool.forEachChunk(model.ny, 1, (from, to) -> {
                for (int j = from; j < to; j++) {
                    for (int i = 0; i < nx; i++) {
                        for (int v = 0; v < m; v++) {
                            double max = jac.rowMax(i, j, v);
                            if (max > 0) {
                                double f = 1.0 / max;
                                jac.scaleRow(i, j, v, f);
                                int row = (j * nx + i) * m + v;
                                rhs[row] = -r[row] * f;
                            } else {
                                rhs[(j * nx + i) * m + v] = 0.0;
                            }
                        }
                    }
                }
            });
            try {
                preconditioner.factor(jac);
            } catch (ArithmeticException e) {
                return new NewtonResult(false, it, resNorm, "singular Jacobian: " + e.getMessage());
            }
            // inexact Newton: the linear solve is as accurate as the residual makes worthwhile
            double eta = Math.max(LINEAR_TOLERANCE, Math.min(LOOSE_LINEAR_TOLERANCE, 1e-2 * resNorm));
            Gmres.Outcome lin = gmres.solve(this::multiply, preconditioner::apply, rhs, du, eta,
                    MAX_LINEAR_ITERATIONS);
            linearIterations += lin.iterations();
            if (!(lin.relativeResidual() < 1e-4)) {
                return new NewtonResult(false, it, resNorm, "the linear solver did not converge (relative residual "
                        + lin.relativeResidual() + " after " + lin.iterations() + " GMRES iterations)");
            }
            double lambda = damping(u);
            if (!(lambda >= NewtonSolver.MIN_DAMPING)) {
                return new NewtonResult(false, it, resNorm, "damping fell below " + NewtonSolver.MIN_DAMPING);
            }
            double norm = applyUpdate(u, lambda);
            if (!Double.isFinite(norm)) {
                return new NewtonResult(false, it, resNorm, "update is not finite");
            }
            if (lambda == 1.0 && norm < tol) {
                return new NewtonResult(true, it, resNorm, "converged");
            }
            if (lambda == 1.0 && norm < NewtonSolver.ROUNDOFF_ACCEPTANCE * tol && norm > 0.25 * previousNorm) {
                return new NewtonResult(true, it, resNorm, "converged to round-off");
            }
            previousNorm = lambda == 1.0 ? norm : Double.POSITIVE_INFINITY;
        }
        return new NewtonResult(false, maxIter, resNorm, "no convergence in " + maxIter + " iterations");
    }

    private void multiply(double[] x, double[] y) {
        pool.forEachChunk(model.ny, 1, (from, to) -> jac.multiply(x, y, from, to));
    }

    private double damping(double[] u) {
        return NewtonStep.damping(u, du, model.kind, model.n, model.m);
    }

    private double applyUpdate(double[] u, double lambda) {
        return NewtonStep.apply(u, du, lambda, model.n, model.m);
    }

    /** max_row |r_row| / |J_row,row| before equilibration. */
    private double scaledResidual() {
        int nx = model.nx;
        int m = model.m;
        double norm = 0;
        for (int j = 0; j < model.ny; j++) {
            double[] d = jac.line(j).diag;
            for (int i = 0; i < nx; i++) {
                for (int v = 0; v < m; v++) {
                    double diag = Math.abs(d[(i * m + v) * m + v]);
                    double rv = Math.abs(r[(j * nx + i) * m + v]);
                    if (diag > 0) {
                        rv /= diag;
                    }
                    if (!(rv <= norm)) {
                        norm = rv;
                    }
                }
            }
        }
        return norm;
    }
}
