package org.membranepnp.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Steady states, found whenever one exists by three strategies in turn:
 * <ol>
 *   <li>Newton on the steady equations (closed compartments keep their amounts) from the given state, usually
 *       the analytic guess;</li>
 *   <li>continuation along parameter embeddings ({@link ScenarioEmbedding}): from the uncharged, unclamped,
 *       unpumped membrane — itself reached, if need be, from equal baths — to the scenario, each step a Newton
 *       solve from the last steady state with the step length adapted to how Newton fares;</li>
 *   <li>pseudo-transient continuation from the filled baths (the amounts of the closed compartments exactly):
 *       implicit Euler steps of growing Δt, which conserve every amount, until Newton converges from the state
 *       reached.</li>
 * </ol>
 * A failure says what each strategy reached.
 */
public final class SteadyStateSolver {
    /**
     * Tolerance of the scaled Newton update (ψ in V_T, ĉ relative). Newton converges quadratically, so the error
     * left after an update of 1e-8 is of order 1e-16.
     */
    public static final double TOLERANCE = 1e-8;
    private static final int DIRECT_ITERATIONS = 40;
    private static final int PATH_ITERATIONS = 15;
    private static final int STEP_ITERATIONS = 12;
    private static final int MAX_PSEUDO_STEPS = 400;
    private static final int MAX_PATH_STEPS = 400;
    private static final double MIN_PATH_STEP = 1e-7;

    private final PnpModel model;
    private final NewtonSolver newton;
    private final WorkerPool pool;
    private final List<String> attempts = new ArrayList<>();
    private int iterations;
    private int pseudoSteps;
    private double lastResidual = Double.NaN;

    public SteadyStateSolver(PnpModel model, NewtonSolver newton) {
        this(model, newton, WorkerPool.serial());
    }

    /** Continuation models assemble with the threads of {@code pool}. */
    public SteadyStateSolver(PnpModel model, NewtonSolver newton, WorkerPool pool) {
        this.model = model;
        this.newton = newton;
        this.pool = pool;
    }

    /**
     * Solves in place from the state in {@code u}.
     *
     * @throws ConvergenceException if no strategy converges; the message says what each reached
     */
    public void solve(double[] u, ProgressListener progress) {
        NewtonResult direct = newton.solve(u, null, 0.0, DIRECT_ITERATIONS, TOLERANCE);
        count(direct);
        if (direct.converged()) {
            return;
        }
        attempts.add("Newton from the analytic guess: " + direct.reason());
        if (solveByContinuation(u, progress)) {
            return;
        }
        if (solveByPseudoTransient(u, progress)) {
            return;
        }
        throw new ConvergenceException("steady state not found; " + String.join("; ", attempts)
                + ". The scenario may have no steady state (e.g. a constant pump that empties a closed bath): run it "
                + "with run.mode = \"transient\" to follow what happens", lastResidual);
    }

    /**
     * Strategy 2: continuation in the driving terms (fixed charges, clamp, pump: {@link ScenarioEmbedding#drives})
     * from the undriven problem, which Newton solves from its analytic guess or, failing that,
     * {@link #solveUndrivenFromEqualBaths} reaches. Overwrites {@code u}; true when it holds the steady state.
     */
    public boolean solveByContinuation(double[] u, ProgressListener progress) {
        Scenario sc = model.scenario;
        PnpModel undriven = member(ScenarioEmbedding.drives(sc, 0));
        InitialState.fillSteadyGuess(undriven, u);
        NewtonResult r = newton.sibling(undriven).solve(u, null, 0.0, DIRECT_ITERATIONS, TOLERANCE);
        count(r);
        if (!r.converged() && !solveUndrivenFromEqualBaths(u, progress)) {
            return false;
        }
        double reached = follow("fixed charges, clamp and pump", lambda -> ScenarioEmbedding.drives(sc, lambda), u,
                progress);
        if (reached < 1) {
            attempts.add(String.format("continuation in fixed charges, clamp and pump reached %.3g of the way",
                    reached));
            return false;
        }
        return true; // at λ = 1 the path's member is the scenario itself (drives(sc, 1) = sc): u is its steady state
    }

    /**
     * The undriven problem (no fixed charges, clamp or pump) by continuation in the bath contrast
     * ({@link ScenarioEmbedding#bathContrast}): from equal baths, which the uniform bath at ψ = 0 solves exactly, to
     * the scenario's baths. Overwrites {@code u}; true when it holds the undriven steady state.
     */
    public boolean solveUndrivenFromEqualBaths(double[] u, ProgressListener progress) {
        Scenario sc = model.scenario;
        InitialState.fillUniform(member(ScenarioEmbedding.bathContrast(sc, 0)), u);
        double reached = follow("bath contrast", lambda -> ScenarioEmbedding.bathContrast(sc, lambda), u, progress);
        if (reached < 1) {
            attempts.add(String.format("continuation from equal baths reached %.3g of the way", reached));
            return false;
        }
        return true;
    }

    /**
     * Follows the steady states of {@code path} from λ = 0 (solved in {@code u}) towards λ = 1, with the step
     * doubled after an easy Newton solve and halved after a failed one.
     *
     * @return the λ reached (1 on success); {@code u} holds its steady state
     */
    private double follow(String what, DoubleFunction<Scenario> path, double[] u, ProgressListener progress) {
        double lambda = 0;
        double step = 0.25;
        double[] trial = u.clone();
        for (int k = 0; k < MAX_PATH_STEPS && lambda < 1; k++) {
            double next = Math.min(1.0, lambda + step);
            System.arraycopy(u, 0, trial, 0, u.length);
            PnpModel member = member(path.apply(next));
            NewtonResult r = newton.sibling(member).solve(trial, null, 0.0, PATH_ITERATIONS,
                    TOLERANCE);
            count(r);
            if (!r.converged()) {
                step *= 0.5;
                if (step < MIN_PATH_STEP) {
                    return lambda;
                }
                continue;
            }
            System.arraycopy(trial, 0, u, 0, u.length);
            lambda = next;
            progress.onContinuationStep(what, lambda, r.iterations());
            step *= r.iterations() <= 5 ? 2.0 : 1.0;
        }
        return lambda;
    }

    /** A member of a continuation path, on this mesh and in this model's units. */
    private PnpModel member(Scenario sc) {
        return new PnpModel(sc, model.mesh, model.scales);
    }

    /**
     * Strategy 3: pseudo-transient continuation from the filled baths — implicit Euler steps of growing Δt, which
     * keep every closed amount exactly, with a steady Newton solve tried every 8 steps and once Δt̂ exceeds 1e3.
     * Overwrites {@code u}; true when it holds the steady state, else the last state reached.
     */
    public boolean solveByPseudoTransient(double[] u, ProgressListener progress) {
        InitialState.fillUniform(model, u);
        double[] old = u.clone();
        double[] trial = u.clone();
        double dt = 1e-3;
        double time = 0;
        String lastReason = "not started";
        for (int step = 0; step < MAX_PSEUDO_STEPS; step++) {
            System.arraycopy(old, 0, trial, 0, u.length);
            NewtonResult res = newton.solve(trial, old, 1.0 / dt, STEP_ITERATIONS, TOLERANCE);
            count(res);
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
                // trial holds the state just accepted (= old): the steady Newton starts from it
                NewtonResult fin = newton.solve(trial, null, 0.0, DIRECT_ITERATIONS, TOLERANCE);
                count(fin);
                if (fin.converged()) {
                    System.arraycopy(trial, 0, u, 0, u.length);
                    return true;
                }
                lastReason = fin.reason();
            }
        }
        System.arraycopy(old, 0, u, 0, u.length);
        attempts.add(String.format("pseudo-transient continuation from the filled baths reached t = %.3g s (%s)",
                time * model.scales.timeS, lastReason));
        return false;
    }

    private void count(NewtonResult r) {
        iterations += r.iterations();
        lastResidual = r.residualNorm();
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
