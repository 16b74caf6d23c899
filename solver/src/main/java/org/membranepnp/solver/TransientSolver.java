package org.membranepnp.solver;

import java.util.function.DoubleUnaryOperator;
import org.membranepnp.solver.fv.PnpModel1D;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.newton.NewtonSolver;

/**
 * Time course by implicit Euler with adaptive steps: the local error is estimated from the difference between
 * the implicit Euler solution and the linear extrapolation of the two previous states,
 * err ≈ Δt/(Δt + Δt_prev) · |u − u_pred|, weighted by atol + rtol·|u|; the step grows by up to 4× when the
 * error is small, so one run covers the nanosecond charging of the Debye layers and the hours of ion run-down.
 * Every step conserves each species' amount exactly (the fluxes telescope).
 */
public final class TransientSolver {
    private static final int STEP_ITERATIONS = 10;
    private static final double NEWTON_TOLERANCE = 1e-10;

    private final PnpModel1D model;
    private final NewtonSolver newton;
    private final double relativeTolerance;
    private int iterations;
    private int steps;
    private int rejected;
    private double lastResidual = Double.NaN;

    /** Called after each accepted step with the dimensionless time and state. */
    public interface StepObserver {
        void accepted(double time, double[] u);
    }

    public TransientSolver(PnpModel1D model, NewtonSolver newton, double relativeTolerance) {
        this.model = model;
        this.newton = newton;
        this.relativeTolerance = relativeTolerance;
    }

    /**
     * Integrates from dimensionless time {@code t0} to {@code tEnd}, in place.
     *
     * @param clampCurrent dimensionless clamp current as a function of dimensionless time (null: keep the model's)
     */
    public void integrate(double[] u, double t0, double tEnd, DoubleUnaryOperator clampCurrent,
                          StepObserver observer, ProgressListener progress) {
        int len = u.length;
        double[] prev = u.clone();
        double[] trial = new double[len];
        double dtPrev = 0;
        double dt = Math.min(1e-3, (tEnd - t0) / 10);
        double t = t0;
        int m = model.m;
        double atolC = relativeTolerance * maxConcentration(u);
        while (t < tEnd * (1 - 1e-14)) {
            if (t + dt > tEnd) {
                dt = tEnd - t;
            }
            if (clampCurrent != null) {
                model.clampCurrent = clampCurrent.applyAsDouble(t + dt);
            }
            System.arraycopy(u, 0, trial, 0, len);
            if (dtPrev > 0) { // predictor: linear extrapolation
                double f = dt / dtPrev;
                for (int i = 0; i < len; i++) {
                    trial[i] = u[i] + f * (u[i] - prev[i]);
                    if (i % m != 0 && trial[i] < 0) {
                        trial[i] = u[i];
                    }
                }
            }
            double[] pred = trial.clone();
            NewtonResult res = newton.solve(trial, u, 1.0 / dt, false, STEP_ITERATIONS, NEWTON_TOLERANCE);
            iterations += res.iterations();
            lastResidual = res.residualNorm();
            if (!res.converged()) {
                rejected++;
                dt *= 0.25;
                if (dt < 1e-14 * Math.max(1, t)) {
                    throw new ConvergenceException("time step collapsed at t = " + t * model.scales.timeS
                            + " s (" + res.reason() + "); try a smaller [run] relative_tolerance or a finer mesh",
                            res.residualNorm());
                }
                continue;
            }
            double err = 0;
            if (dtPrev > 0) {
                double w = dt / (dt + dtPrev);
                for (int k = 0; k < model.n; k++) {
                    for (int v = 0; v < m; v++) {
                        int i = k * m + v;
                        double scale = v == 0 ? relativeTolerance * (1 + Math.abs(trial[i]))
                                : atolC + relativeTolerance * Math.abs(trial[i]);
                        err = Math.max(err, w * Math.abs(trial[i] - pred[i]) / scale);
                    }
                }
            }
            if (err > 1.0) {
                rejected++;
                dt *= Math.max(0.2, 0.9 / Math.sqrt(err));
                continue;
            }
            System.arraycopy(u, 0, prev, 0, len);
            System.arraycopy(trial, 0, u, 0, len);
            t += dt;
            steps++;
            dtPrev = dt;
            if (observer != null) {
                observer.accepted(t, u);
            }
            progress.onTimeStep(t * model.scales.timeS, dt * model.scales.timeS, tEnd * model.scales.timeS,
                    res.iterations());
            double grow = err == 0 ? 2.0 : Math.min(4.0, 0.9 / Math.sqrt(err));
            dt *= Math.max(0.5, grow);
        }
    }

    private double maxConcentration(double[] u) {
        double c = 0;
        for (int i = 0; i < u.length; i++) {
            if (i % model.m != 0) {
                c = Math.max(c, Math.abs(u[i]));
            }
        }
        return c > 0 ? c : 1.0;
    }

    public int iterations() {
        return iterations;
    }

    public int steps() {
        return steps;
    }

    public int rejectedSteps() {
        return rejected;
    }

    public double lastResidual() {
        return lastResidual;
    }
}
