package org.membranepnp.solver.newton;

import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.linalg.BlockFivePointMatrix;
import org.membranepnp.solver.linalg.Gmres;
import org.membranepnp.solver.linalg.SemicoarseningMultigrid;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Newton's method for the discrete PNP equations of a {@link PnpModel} on any mesh — the one Newton of every
 * geometry (a chain is a patch of one row). The analytic Jacobian of {@link PnpAssembler} (local blocks through
 * {@link BlockSlots}, global couplings by {@link PnpAssembler#multiplyGlobal}), rows equilibrated (each divided by
 * its largest entry), is solved by one of two pluggable linear solvers: on a chain directly ({@link ChainSolver}: the
 * block-tridiagonal LU, the global couplings added by Sherman–Morrison–Woodbury; cost linear in the cells), on a
 * patch by GMRES preconditioned with one V-cycle of semicoarsening multigrid ({@link SemicoarseningMultigrid}), the
 * global couplings applied matrix-free, each solve only as accurate as the residual makes worthwhile (inexact
 * Newton). Damping keeps concentrations positive and potential steps at most {@value #MAX_POTENTIAL_STEP} V_T;
 * convergence is judged on the scaled update.
 *
 * <p>With a current clamp ({@link PnpModel#currentClamped()}) the inside electrode's potential V̂ is one more
 * unknown, with the global equation g(u) = I(u) + I_pump − I_clamp A = 0 (I the total current through the middle
 * column of membrane edges, {@link PnpAssembler#current}); in a steady state through which no ion passes, the inside
 * bath's ionic charge is kept instead ({@link PnpModel#insideCharge}). The bordered system
 * <pre>
 *   [ J   b ] [δu ]   [−r]        b = ∂r/∂V̂ (−1 on the ψ rows of the electrode, x = 0, else 0)
 *   [ cᵀ  0 ] [δV̂] = [−g]        c = ∂g/∂u
 * </pre>
 * is solved by block elimination with two solves on the same factorisation: J z₁ = −r, J z₂ = −b, then
 * δV̂ = (−g − cᵀz₁)/(cᵀz₂) and δu = z₁ + z₂ δV̂.
 */
public final class NewtonSolver {
    /** Largest potential change per iteration, in thermal voltages. */
    public static final double MAX_POTENTIAL_STEP = 8.0;
    /** Smallest damping factor before the iteration is declared stuck. */
    public static final double MIN_DAMPING = 1e-4;
    /** An update this many times the tolerance is accepted once it stops shrinking (round-off floor). */
    public static final double ROUNDOFF_ACCEPTANCE = 1e4;
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

    private final PnpModel model;
    private final PnpAssembler assembler;
    private final WorkerPool pool;
    private final BlockFivePointMatrix jac;
    private final BlockSlots slots;
    private final EquationKind[] kind;
    /** A chain's direct solver, or (on a patch) the Krylov solver and its multigrid preconditioner. */
    private final ChainSolver chain;
    private final SemicoarseningMultigrid preconditioner;
    private final Gmres gmres;
    private final double[] r;
    private final double[] rhs;
    private final double[] du;
    private final double[] z2;
    private final double[] gradient;
    /** −∂r/∂V̂: 1 on the electrode's ψ rows (identity rows, unchanged by the equilibration), else 0. */
    private final double[] electrodeColumn;
    private final int[] clampEdges;
    private final double[] rowScale;
    private final double[] globalProduct;
    /** The clamp's equation g at the last assembly, and the electrode's update δV̂ of the last linear solve. */
    private double clampResidual;
    private double electrodeUpdate;
    private ProgressListener listener = ProgressListener.NONE;
    private boolean verbose;
    private int linearIterations;

    public NewtonSolver(PnpModel model, WorkerPool pool) {
        this(model, pool, null);
    }

    /** A solver of {@code model}; with {@code shared} (same mesh and species), on its matrix and work arrays. */
    private NewtonSolver(PnpModel model, WorkerPool pool, NewtonSolver shared) {
        this.model = model;
        this.pool = pool;
        this.assembler = new PnpAssembler(model, pool);
        this.kind = model.kinds();
        int size = model.n * model.m;
        boolean share = shared != null;
        this.jac = share ? shared.jac : new BlockFivePointMatrix(model.nx, model.ny, model.m);
        this.slots = share ? shared.slots : BlockSlots.of(jac, model.mesh);
        boolean isChain = model.ny == 1;
        this.chain = isChain ? new ChainSolver(model, assembler) : null;
        this.preconditioner = isChain ? null : share ? shared.preconditioner
                : new SemicoarseningMultigrid(model.nx, model.ny, model.m, pool);
        this.gmres = isChain ? null : share ? shared.gmres : new Gmres(size, RESTART);
        this.r = share ? shared.r : new double[size];
        this.rhs = share ? shared.rhs : new double[size];
        this.du = share ? shared.du : new double[size];
        this.z2 = share ? shared.z2 : new double[size];
        this.gradient = share ? shared.gradient : new double[size];
        this.rowScale = share ? shared.rowScale : new double[size];
        this.globalProduct = share ? shared.globalProduct : new double[size];
        this.electrodeColumn = new double[size];
        for (int k : model.insideElectrodeNodes()) {
            electrodeColumn[k * model.m] = 1.0;
        }
        this.clampEdges = model.midMembraneEdges();
    }

    /**
     * A Newton solver for another model (e.g. a member of a continuation path) that reports like this one; on the
     * same mesh it works in this solver's matrix and work arrays (a 2-D Krylov basis is hundreds of MB), so the two
     * must not solve at the same time.
     */
    public NewtonSolver sibling(PnpModel other) {
        boolean same = other.mesh == model.mesh && other.m == model.m;
        NewtonSolver s = new NewtonSolver(other, pool, same ? this : null);
        s.setListener(listener, verbose);
        return s;
    }

    /** Reports Newton residuals to {@code l} when {@code verbose}. */
    public void setListener(ProgressListener l, boolean verbose) {
        this.listener = l;
        this.verbose = verbose;
    }

    /** The assembler (its fluxes are those of the last evaluated state). */
    public PnpAssembler assembler() {
        return assembler;
    }

    /** GMRES iterations used so far. */
    public int linearIterations() {
        return linearIterations;
    }

    /** Solves the steady equations in place from {@code u}. */
    public NewtonResult solve(double[] u, int maxIter, double tol) {
        return solve(u, null, 0.0, maxIter, tol);
    }

    /**
     * Solves in place from {@code u}: the steady equations ({@code invDt} = 0) or one implicit Euler step from
     * {@code uOld} with step 1/{@code invDt}; with a current clamp ({@link PnpModel#currentClamped()}) also for the
     * electrode potential (left in the model's Dirichlet value), with the global equation
     * I_ionic + I_displacement + I_pump = I_clamp A through the middle of the membrane.
     */
    public NewtonResult solve(double[] u, double[] uOld, double invDt, int maxIter, double tol) {
        boolean clamped = model.currentClamped();
        if (clamped) {
            model.setElectrodePotential(u[model.insideElectrodeNodes()[0] * model.m]);
        }
        double previousNorm = Double.POSITIVE_INFINITY;
        double resNorm = Double.NaN;
        for (int it = 1; it <= maxIter; it++) {
            resNorm = assemble(u, uOld, invDt);
            if (verbose) {
                listener.onNewtonIteration(it, resNorm);
            }
            if (!Double.isFinite(resNorm)) {
                return new NewtonResult(false, it, resNorm, "residual is not finite");
            }
            if (resNorm < ROUNDOFF_RESIDUAL && !clamped) {
                return new NewtonResult(true, it - 1, resNorm, "residual at round-off");
            }
            // inexact Newton: the linear solve is as accurate as the residual makes worthwhile
            double eta = Math.max(LINEAR_TOLERANCE, Math.min(LOOSE_LINEAR_TOLERANCE, 1e-2 * resNorm));
            String failure = solveForUpdate(eta);
            if (failure != null) {
                return new NewtonResult(false, it, resNorm, failure);
            }
            double lambda = damping(u);
            if (NewtonStep.stuck(lambda)) {
                return new NewtonResult(false, it, resNorm, "damping fell below " + NewtonSolver.MIN_DAMPING);
            }
            double norm = applyUpdate(u, lambda);
            if (clamped) {
                model.setElectrodePotential(model.electrodePotential() + lambda * electrodeUpdate);
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

    /** y = J x with the equilibrated rows: the five-point part, then the global couplings scaled like their rows. */
    private void multiply(double[] x, double[] y) {
        pool.forEachChunk(model.ny, 1, (from, to) -> jac.multiply(x, y, from, to));
        if (model.pumpSites() > 0 || !model.closedAmounts().isEmpty()) {
            java.util.Arrays.fill(globalProduct, 0.0);
            assembler.multiplyGlobal(x, globalProduct);
            for (int i = 0; i < y.length; i++) {
                if (globalProduct[i] != 0.0) {
                    y[i] += rowScale[i] * globalProduct[i];
                }
            }
        }
    }

    /**
     * The undamped Newton update at {@code u}, δ = −A⁻¹F (A the whole Jacobian: local blocks, global couplings and,
     * with a current clamp, the bordering by the electrode potential), solved to the tightest linear tolerance and
     * written to {@code out}: n·m node unknowns, then δV̂ of a current clamp (length n·m + 1 then). Exposed so that
     * tests can check it against a dense solve with a finite-difference Jacobian.
     *
     * @throws ArithmeticException if the linear solve fails
     */
    public void undampedUpdate(double[] u, double[] uOld, double invDt, double[] out) {
        if (model.currentClamped()) {
            model.setElectrodePotential(u[model.insideElectrodeNodes()[0] * model.m]);
        }
        assemble(u, uOld, invDt);
        String failure = solveForUpdate(LINEAR_TOLERANCE * 1e-3);
        if (failure != null) {
            throw new ArithmeticException(failure);
        }
        System.arraycopy(du, 0, out, 0, du.length);
        if (model.currentClamped()) {
            out[du.length] = electrodeUpdate;
        }
    }

    /**
     * Assembles residual, Jacobian and (with a current clamp) the clamp's equation g and gradient at u; returns the
     * scaled residual norm of the node equations.
     */
    private double assemble(double[] u, double[] uOld, double invDt) {
        assembler.assemble(u, uOld, invDt, r, slots);
        double resNorm = scaledResidual();
        clampResidual = 0;
        if (model.currentClamped() && invDt == 0.0 && !model.clampCarriesCurrent()) {
            // no ion crosses: the steady clamp cannot set the potential; the inside bath keeps its charge
            clampResidual = model.insideCharge(u) - model.insideChargeTarget();
            java.util.Arrays.fill(gradient, 0.0);
            model.addInsideChargeGradient(gradient);
        } else if (model.currentClamped()) {
            clampResidual = assembler.current(clampEdges, u, uOld, invDt) + assembler.pumpCurrent()
                    - model.clampCurrent() * model.membraneArea;
            assembler.currentGradient(clampEdges, invDt, gradient);
            assembler.addPumpCurrentGradient(gradient);
        }
        return resNorm;
    }

    /**
     * du (and the electrode's update δV̂ of a current clamp) from the assembled system: rows equilibrated, the
     * preconditioner factored, GMRES to relative residual {@code eta}. Returns null, or why it failed.
     */
    private String solveForUpdate(double eta) {
        int nx = model.nx;
        int m = model.m;
        pool.forEachChunk(model.ny, 1, (from, to) -> {
            jac.equilibrateRows(from, to, rowScale);
            for (int j = from; j < to; j++) {
                int lineStart = j * nx * m;
                for (int row = lineStart; row < lineStart + nx * m; row++) {
                    rhs[row] = -r[row] * rowScale[row];
                }
            }
        });
        // a closed compartment's row holds its amount, Σ V ĉ: scaled to a largest entry of 1
        for (var a : model.closedAmounts()) {
            double max = 0;
            for (double v : a.volumes()) {
                max = Math.max(max, v);
            }
            int row = a.row(m);
            double f = 1.0 / max;
            jac.scaleRow(a.rowNode() % nx, a.rowNode() / nx, 1 + a.species(), f);
            rhs[row] = -r[row] * f;
            rowScale[row] = f;
        }
        if (chain != null) {
            try {
                chain.factor(jac.line(0), rowScale);
            } catch (ArithmeticException e) {
                return "singular Jacobian: " + e.getMessage();
            }
            chain.solve(rhs, du);
            if (model.currentClamped()) {
                chain.solve(electrodeColumn, z2);
            }
        } else {
            String failure = krylovSolve(eta);
            if (failure != null) {
                return failure;
            }
        }
        electrodeUpdate = 0;
        if (model.currentClamped()) {
            double c1 = 0;
            double c2 = 0;
            for (int q = 0; q < gradient.length; q++) {
                if (gradient[q] != 0.0) {
                    c1 += gradient[q] * du[q];
                    c2 += gradient[q] * z2[q];
                }
            }
            electrodeUpdate = (-clampResidual - c1) / c2;
            if (!Double.isFinite(electrodeUpdate)) {
                return "the clamp current does not depend on the potential";
            }
            for (int q = 0; q < du.length; q++) {
                du[q] += z2[q] * electrodeUpdate;
            }
        }
        return null;
    }

    /** du (and z₂ of a current clamp) by GMRES on the patch, preconditioned by multigrid; null, or why it failed. */
    private String krylovSolve(double eta) {
        try {
            preconditioner.factor(jac);
        } catch (ArithmeticException e) {
            return "singular Jacobian: " + e.getMessage();
        }
        Gmres.Outcome lin = gmres.solve(this::multiply, preconditioner::apply, rhs, du, eta, MAX_LINEAR_ITERATIONS);
        linearIterations += lin.iterations();
        if (!(lin.relativeResidual() < 1e-4)) {
            return "the linear solver did not converge (relative residual " + lin.relativeResidual() + " after "
                    + lin.iterations() + " GMRES iterations)";
        }
        if (model.currentClamped()) {
            Gmres.Outcome lin2 = gmres.solve(this::multiply, preconditioner::apply, electrodeColumn, z2, eta,
                    MAX_LINEAR_ITERATIONS);
            linearIterations += lin2.iterations();
            if (!(lin2.relativeResidual() < 1e-4)) {
                return "the linear solver did not converge for the clamp (relative residual "
                        + lin2.relativeResidual() + ")";
            }
        }
        return null;
    }

    private double damping(double[] u) {
        return NewtonStep.damping(u, du, kind, model.n, model.m);
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
                    if (!(rv <= norm) && !Double.isNaN(norm)) { // a NaN row stays the norm
                        norm = rv;
                    }
                }
            }
        }
        return norm;
    }
}
