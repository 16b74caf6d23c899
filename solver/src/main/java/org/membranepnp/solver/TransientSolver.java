package org.membranepnp.solver;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.fv.ParameterSchedule;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.newton.NewtonSolver;

/**
 * Time course by implicit Euler with adaptive steps: the local error is estimated from the difference between
 * the implicit Euler solution and the linear extrapolation of the two previous states,
 * err ≈ Δt/(Δt + Δt_prev) · |u − u_pred|, weighted by atol + rtol·|u|; the step grows by up to 4× when the
 * error is small, so one run covers the nanosecond charging of the Debye layers and the hours of ion run-down.
 * Every step conserves each species' amount exactly (the fluxes telescope). The same stepping serves the 1-D slab
 * and the 2-D plane ({@link ImplicitEulerSystem}).
 */
public final class TransientSolver {
    private static final int STEP_ITERATIONS = 10;
    private static final double NEWTON_TOLERANCE = 1e-10;
    /** First step, and the step after a parameter jump (dimensionless: 1e-3 Debye-layer relaxation times). */
    private static final double INITIAL_STEP = 1e-3;

    private final ImplicitEulerSystem system;
    private final int nodes;
    private final int m;
    private final double relativeTolerance;
    private int iterations;
    private int steps;
    private int rejected;
    private double lastResidual = Double.NaN;
    private final double atolConcentration;
    private double[] prev;
    private ParameterSchedule schedule;
    private double dtPrev;
    private double dt;

    /** Steps the equations of {@code model} (any geometry) with {@code newton}. */
    public TransientSolver(PnpModel model, NewtonSolver newton, double relativeTolerance) {
        this(system(model, newton), relativeTolerance);
    }

    /** Steps {@code system}; the error test is relative to {@code relativeTolerance}. */
    public TransientSolver(ImplicitEulerSystem system, double relativeTolerance) {
        this.system = system;
        this.nodes = system.layout().nodes();
        this.m = system.layout().unknownsPerNode();
        this.relativeTolerance = relativeTolerance;
        this.atolConcentration = relativeTolerance * system.layout().concentrationScale();
    }

    private static ImplicitEulerSystem system(PnpModel model, NewtonSolver newton) {
        double scale = maxBulkConcentration(model.scenario, model.scales.concentrationMolPerM3);
        ImplicitEulerSystem.Layout layout = new ImplicitEulerSystem.Layout(model.n, model.m, scale,
                model.scales.timeS);
        return new ImplicitEulerSystem() {
            @Override
            public Layout layout() {
                return layout;
            }

            @Override
            public void setClampCurrent(double current) {
                model.setClampCurrent(current);
            }

            @Override
            public NewtonResult step(double[] u, double[] uOld, double invDt, int maxIterations, double tolerance) {
                return newton.solve(u, uOld, invDt, maxIterations, tolerance);
            }
        };
    }

    /**
     * The largest bulk concentration of {@code scenario}, dimensionless with {@code concentrationScale} (mol/m³);
     * 1 if all are 0 (the absolute scale of the error test).
     */
    static double maxBulkConcentration(Scenario scenario, double concentrationScale) {
        double c = 0;
        for (int i = 0; i < scenario.speciesCount(); i++) {
            c = Math.max(c, Math.max(scenario.inside().concentrationMm(i), scenario.outside().concentrationMm(i)));
        }
        c /= concentrationScale;
        return c > 0 ? c : 1.0;
    }

    /** Called after each accepted step with the dimensionless time and state. */
    public interface StepObserver {
        void accepted(double time, double[] u);
    }

    /** Parameters that change in time (permeabilities, clamps); the steps land on their breakpoints. */
    public void setSchedule(ParameterSchedule schedule) {
        this.schedule = schedule == null || schedule.isEmpty() ? null : schedule;
    }

    /** The state before the last accepted step (the predictor's second point). */
    public double[] previousState() {
        return prev;
    }

    /** The last accepted step (dimensionless; 0 before the first). */
    public double previousStep() {
        return dtPrev;
    }

    /** The step to try next (dimensionless). */
    public double nextStep() {
        return dt;
    }

    /** Restores the stepping state of a checkpoint, so that integration continues exactly as it would have. */
    public void restore(double[] previousState, double previousStep, double nextStep) {
        this.prev = previousState.clone();
        this.dtPrev = previousStep;
        this.dt = nextStep;
    }

    /**
     * Integrates from dimensionless time {@code t0} towards {@code tEnd}, in place, continuing with the step sizes
     * of earlier calls.
     *
     * @param clampCurrent dimensionless clamp current as a function of dimensionless time (null: keep the model's)
     * @param stop         checked before each step; when true the integration returns early
     * @return the time reached ({@code tEnd} unless stopped)
     */
    public double integrate(double[] u, double t0, double tEnd, DoubleUnaryOperator clampCurrent,
                            StepObserver observer, ProgressListener progress, BooleanSupplier stop) {
        int len = u.length;
        if (prev == null) {
            prev = u.clone();
            dt = Math.min(INITIAL_STEP, (tEnd - t0) / 10);
        }
        double[] trial = new double[len];
        double[] pred = new double[len];
        double t = t0;
        while (t < tEnd) {
            if (stop.getAsBoolean()) {
                return t;
            }
            double breakpoint = schedule == null ? Double.POSITIVE_INFINITY : schedule.nextBreakpointAfter(t);
            double limit = Math.min(tEnd, breakpoint);
            double step = Math.min(dt, limit - t);
            boolean landsOnLimit = step == limit - t;
            double tNext = landsOnLimit ? limit : t + step; // exactly on a breakpoint, not one ulp short of it
            if (clampCurrent != null) {
                system.setClampCurrent(clampCurrent.applyAsDouble(tNext));
            }
            if (schedule != null) {
                schedule.applyAt(tNext, landsOnLimit && tNext == breakpoint);
            }
            System.arraycopy(u, 0, trial, 0, len);
            if (dtPrev > 0) { // predictor: linear extrapolation
                double f = step / dtPrev;
                for (int i = 0; i < len; i++) {
                    trial[i] = u[i] + f * (u[i] - prev[i]);
                    if (i % m != 0 && trial[i] < 0) {
                        trial[i] = u[i];
                    }
                }
            }
            System.arraycopy(trial, 0, pred, 0, len);
            NewtonResult res = system.step(trial, u, 1.0 / step, STEP_ITERATIONS, NEWTON_TOLERANCE);
            iterations += res.iterations();
            lastResidual = res.residualNorm();
            if (!res.converged()) {
                rejected++;
                dt = step * 0.25;
                if (dt < 1e-14 * Math.max(1, t)) {
                    throw new ConvergenceException("time step collapsed at t = " + t * system.layout().timeScaleS()
                            + " s (" + res.reason() + "); try a smaller [run] relative_tolerance or a finer mesh",
                            res.residualNorm());
                }
                continue;
            }
            double err = 0;
            if (dtPrev > 0) {
                double w = step / (step + dtPrev);
                for (int k = 0; k < nodes; k++) {
                    for (int v = 0; v < m; v++) {
                        int i = k * m + v;
                        double scale = v == 0 ? relativeTolerance * (1 + Math.abs(trial[i]))
                                : atolConcentration + relativeTolerance * Math.abs(trial[i]);
                        err = Math.max(err, w * Math.abs(trial[i] - pred[i]) / scale);
                    }
                }
            }
            if (err > 1.0) {
                rejected++;
                dt = step * Math.max(0.2, 0.9 / Math.sqrt(err));
                continue;
            }
            System.arraycopy(u, 0, prev, 0, len);
            System.arraycopy(trial, 0, u, 0, len);
            t = tNext;
            steps++;
            dtPrev = step;
            double grow = err == 0 ? 2.0 : Math.min(4.0, 0.9 / Math.sqrt(err));
            dt = step * Math.max(0.5, grow); // before the observer, so a checkpoint taken there resumes exactly
            if (t >= breakpoint) {
                // a parameter jumps here: start again from a small step, and do not extrapolate across the jump
                dt = Math.min(dt, INITIAL_STEP);
                dtPrev = 0;
            }
            if (observer != null) {
                observer.accepted(t, u);
            }
            double ts = system.layout().timeScaleS();
            progress.onTimeStep(t * ts, step * ts, tEnd * ts,
                    res.iterations());
        }
        return tEnd;
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
