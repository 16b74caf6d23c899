package org.membranepnp.solver;

import org.membranepnp.solver.fv.PnpModel1D;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.newton.NewtonSolver;

/**
 * Steady states: Newton on the steady equations (closed compartments keep their amounts) from the analytic
 * guess; where that fails, pseudo-transient continuation — implicit Euler steps with growing Δt, which conserve
 * every amount exactly — until plain Newton converges from the state reached.
 */
public final class SteadyStateSolver {
    /**
     * Tolerance of the scaled Newton update (ψ in V_T, ĉ relative). Newton converges quadratically, so the error
     * left after an update of 1e-8 is of order 1e-16.
     */
    public static final double TOLERANCE = 1e-8;
    private static final int DIRECT_ITERATIONS = 40;
    private static final int STEP_ITERATIONS = 12;
    private static final int MAX_PSEUDO_STEPS = 400;

    private final PnpModel1D model;
    private final NewtonSolver newton;
    private int iterations;
    private int pseudoSteps;
    private double lastResidual = Double.NaN;

    public SteadyStateSolver(PnpModel1D model, NewtonSolver newton) {
        this.model = model;
        this.newton = newton;
    }

    /**
     * Solves in place from the state in {@code u}.
     *
     * @throws ConvergenceException if neither Newton nor continuation converges
     */
    public void solve(double[] u, ProgressListener progress) {
        double[] start = u.clone();
        NewtonResult direct = newton.solve(u, null, 0.0, true, DIRECT_ITERATIONS, TOLERANCE);
        iterations += direct.iterations();
        lastResidual = direct.residualNorm();
        if (direct.converged()) {
            return;
        }
        System.arraycopy(start, 0, u, 0, u.length);
        continuation(u, progress, direct);
    }

    private void continuation(double[] u, ProgressListener progress, NewtonResult first) {
        double[] old = u.clone();
        double[] trial = u.clone();
        double dt = 1e-3;
        double time = 0;
        String lastReason = first.reason();
        for (int step = 0; step < MAX_PSEUDO_STEPS; step++) {
            System.arraycopy(old, 0, trial, 0, u.length);
            NewtonResult res = newton.solve(trial, old, 1.0 / dt, false, STEP_ITERATIONS, TOLERANCE);
            iterations += res.iterations();
            lastResidual = res.residualNorm();
            if (!res.converged()) {
                lastReason = res.reason();
                dt *= 0.25;
                if (dt < 1e-12) {
                    break;
                }
                continue;
            }
            pseudoSteps++;
            time += dt;
            System.arraycopy(trial, 0, old, 0, u.length);
            progress.onTimeStep(time * model.scales.timeS, dt * model.scales.timeS, Double.NaN, res.iterations());
            dt *= res.iterations() <= 4 ? 4.0 : 1.5;
            if (dt > 1e3 || step % 8 == 7) {
                System.arraycopy(old, 0, trial, 0, u.length);
                NewtonResult fin = newton.solve(trial, null, 0.0, true, DIRECT_ITERATIONS, TOLERANCE);
                iterations += fin.iterations();
                lastResidual = fin.residualNorm();
                if (fin.converged()) {
                    System.arraycopy(trial, 0, u, 0, u.length);
                    return;
                }
                lastReason = fin.reason();
            }
        }
        System.arraycopy(old, 0, u, 0, u.length);
        throw new ConvergenceException("steady state not found: Newton and pseudo-transient continuation failed ("
                + lastReason + "); try a finer [mesh] cells, or [run] mode = \"transient\" to follow the approach",
                lastResidual);
    }

    /** Newton iterations used so far. */
    public int iterations() {
        return iterations;
    }

    /** Pseudo-time steps taken by the continuation (0 if Newton converged directly). */
    public int pseudoSteps() {
        return pseudoSteps;
    }

    /** Scaled residual of the last Newton iteration. */
    public double lastResidual() {
        return lastResidual;
    }
}
