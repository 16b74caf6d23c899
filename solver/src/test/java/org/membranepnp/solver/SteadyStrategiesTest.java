package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * Each strategy of {@link SteadyStateSolver} on its own reaches the steady state that Newton finds from the analytic
 * guess (to 1e-7 in ψ/V_T and relative concentration), reports its progress, and keeps closed amounts; a scenario
 * without a steady state fails with a message that says what each strategy reached.
 */
class SteadyStrategiesTest {
    private static final double AGREEMENT = 1e-7;

    static Stream<Scenario> scenarios() {
        Scenario potassium = ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, -0.01, 0);
        // 100 nM Ca²⁺ behind a −0.05 C/m² face: Newton from the filled baths fails, the pseudo-time steps get there
        Scenario calcium = ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 1e-4, 2, 310.15, -0.05, 0);
        return Stream.of(potassium, calcium,
                ReferenceScenarios.neuronRest().withPump(ReferenceScenarios.pump(3e-3, true))
                        .withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT,
                                1e-3, 0)));
    }

    private static PnpModel model(Scenario s) {
        return new PnpModel(s, ChainMeshBuilder.build(GradedMeshBuilder.build(s.withMesh(new MeshSpec(60)))));
    }

    private static NewtonSolver newton(PnpModel model) {
        return new NewtonSolver(model, WorkerPool.serial());
    }

    /** The steady state by Newton from the analytic guess (the reference for the other strategies). */
    private static double[] newtonFromGuess(PnpModel model) {
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        NewtonResult r = newton(model).solve(u, null, 0.0, 40, SteadyStateSolver.TOLERANCE);
        assertTrue(r.converged(), r.reason());
        return u;
    }

    private static void assertSameState(PnpModel model, double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            double allowed = i % model.m == 0 ? AGREEMENT : AGREEMENT * Math.abs(expected[i]) + 1e-15;
            assertEquals(expected[i], actual[i], allowed, what + ": unknown " + i + " (node " + i / model.m + ")");
        }
    }

    /** Σ over the inside bath's nodes of c·(water volume) for the unknown {@code v} (a species' amount, model units). */
    private static double insideAmount(PnpModel model, double[] u, int v) {
        double sum = 0;
        for (int k = 0; k <= model.membraneStart; k++) {
            sum += model.waterVolume(k) * u[k * model.m + v];
        }
        return sum;
    }

    /** A model on 60 cells, Newton's steady state from the guess, and a solver reporting to a recorder. */
    private record Setup(PnpModel model, double[] reference, Recorder rec, SteadyStateSolver solver, double[] u) {
        static Setup of(Scenario s) {
            PnpModel model = SteadyStrategiesTest.model(s);
            double[] reference = newtonFromGuess(model);
            Recorder rec = new Recorder();
            return new Setup(model, reference, rec, rec.solverFor(model), new double[reference.length]);
        }

        /** u is Newton's state to 1e-7, and the solver counted every Newton iteration that was reported. */
        void assertReachedTheReference(String what) {
            assertEquals(rec.newtonIterations, solver.iterations(), what + ": every Newton iteration counted");
            assertSameState(model, reference, u, what);
        }
    }

    /** Records the continuation fractions, pseudo-times and Newton iterations reported. */
    private static final class Recorder implements ProgressListener {
        int newtonIterations;
        final List<String> paths = new ArrayList<>();
        final List<Double> fractions = new ArrayList<>();
        final List<Boolean> easy = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        final List<Double> steps = new ArrayList<>();

        @Override
        public void onContinuationStep(String what, double fraction, int newtonIterations) {
            easy.add(newtonIterations <= 5);
            paths.add(what);
            fractions.add(fraction);
        }

        @Override
        public void onTimeStep(double timeS, double dtS, double endTimeS, int newtonIterations) {
            // pseudo-time in seconds: each report is the last plus its step
            double previous = times.isEmpty() ? 0.0 : times.get(times.size() - 1);
            assertEquals(previous + dtS, timeS, 1e-9 * timeS, "pseudo-time and its step");
            assertTrue(Double.isNaN(endTimeS), "a pseudo-transient has no end time");
            times.add(timeS);
            steps.add(dtS);
        }

        /** Whether the models solved have a current clamp (and so no early return at a round-off residual). */
        boolean clamped;

        /**
         * Counts the iterations that {@link NewtonResult#iterations} counts: every reported assembly except one whose
         * residual is below {@link NewtonSolver#ROUNDOFF_RESIDUAL} without a current clamp, which ends the solve
         * before an update ("residual at round-off", it − 1 iterations).
         */
        @Override
        public void onNewtonIteration(int iteration, double residualNorm) {
            if (clamped || !(residualNorm < NewtonSolver.ROUNDOFF_RESIDUAL)) {
                newtonIterations++;
            }
        }

        /** A solver whose Newton (and every continuation member's) reports each iteration here. */
        SteadyStateSolver solverFor(PnpModel model) {
            clamped = model.currentClamped();
            NewtonSolver newton = newton(model);
            newton.setListener(this, true);
            return new SteadyStateSolver(model, newton);
        }

        void assertIncreasingToOne() {
            assertTrue(!fractions.isEmpty(), "no continuation step reported");
            for (int k = 1; k < fractions.size(); k++) {
                assertTrue(fractions.get(k) > fractions.get(k - 1), "fractions " + fractions);
            }
            assertEquals(1.0, fractions.get(fractions.size() - 1), 0.0);
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void continuationInTheDrivesReachesNewtonsSteadyState(Scenario s) {
        Setup t = Setup.of(s);
        Arrays.fill(t.u(), Double.NaN);
        assertTrue(t.solver().solveByContinuation(t.u(), t.rec()), s.title());
        t.assertReachedTheReference("continuation");
        t.rec().assertIncreasingToOne();
        assertTrue(t.rec().paths.stream().allMatch("fixed charges, clamp and pump"::equals), "paths " + t.rec().paths);
        assertTrue(t.solver().iterations() >= t.rec().fractions.size(), "iterations " + t.solver().iterations());
        assertEquals(0, t.solver().pseudoSteps());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void equalBathsLeadToTheUndrivenSteadyState(Scenario s) {
        PnpModel model = model(s);
        PnpModel undriven = new PnpModel(ScenarioEmbedding.drives(s, 0), model.mesh, model.scales);
        double[] reference = newtonFromGuess(undriven);
        SteadyStateSolver solver = new SteadyStateSolver(model, newton(model));
        double[] u = new double[reference.length];
        Recorder rec = new Recorder();
        assertTrue(solver.solveUndrivenFromEqualBaths(u, rec), s.title());
        assertSameState(model, reference, u, "bath contrast");
        rec.assertIncreasingToOne();
        assertTrue(rec.paths.stream().allMatch("bath contrast"::equals), "paths " + rec.paths);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void pseudoTransientStepsReachNewtonsSteadyState(Scenario s) {
        Setup t = Setup.of(s);
        SteadyStateSolver solver = t.solver();
        Recorder rec = t.rec();
        assertTrue(solver.solveByPseudoTransient(t.u(), rec), s.title());
        t.assertReachedTheReference("pseudo-transient");
        assertTrue(solver.pseudoSteps() > 0 && solver.pseudoSteps() == rec.times.size(),
                solver.pseudoSteps() + " steps, " + rec.times.size() + " reported");
        for (int k = 1; k < rec.times.size(); k++) {
            assertTrue(rec.times.get(k) > rec.times.get(k - 1), "pseudo-times " + rec.times);
        }
        assertTrue(rec.fractions.isEmpty());
        // the pseudo-time reported is the sum of the steps
        assertTrue(rec.times.isEmpty() || rec.times.get(0) > 0);
    }

    /** For the Ca²⁺ box, Newton from the filled baths alone fails: the steps of the pseudo-transient are needed. */
    @Test
    void theCalciumBoxNeedsThePseudoTimeSteps() {
        Scenario s = scenarios().skip(1).findFirst().orElseThrow();
        PnpModel model = model(s);
        double[] u = new double[model.n * model.m];
        InitialState.fillUniform(model, u);
        NewtonResult direct = newton(model).solve(u, null, 0.0, 40, SteadyStateSolver.TOLERANCE);
        assertTrue(!direct.converged(), "Newton from the filled baths converged; the test needs a harder case");
        SteadyStateSolver solver = new SteadyStateSolver(model, newton(model));
        double[] v = new double[u.length];
        assertTrue(solver.solveByPseudoTransient(v, ProgressListener.NONE));
        // the steady Newton is tried after every 8th accepted step (and once Δt̂ > 1e3): here the first try succeeds
        assertEquals(8, solver.pseudoSteps(), "pseudo-steps");
    }

    /**
     * The continuation starts with a quarter of the way and doubles its step after each easy solve (at most 5 Newton
     * iterations): for the K⁺ box, whose every member is easy, 0.25 → 0.75 → 1.
     */
    @Test
    void theContinuationStepDoublesAfterEasySolves() {
        Setup t = Setup.of(scenarios().findFirst().orElseThrow());
        assertTrue(t.solver().solveByContinuation(t.u(), t.rec()));
        assertEquals(List.of(true, true, true), t.rec().easy, "every member easy");
        assertEquals(List.of(0.25, 0.75, 1.0), t.rec().fractions);
    }

    /**
     * Random physical scenarios (seed 20261203, cases 11 and 61) whose undriven problem Newton cannot solve from the
     * analytic guess: the continuation reaches it from equal baths, then follows the drives, and ends where the
     * pseudo-transient (an independent strategy) ends, to 1e-7.
     */
    @Test
    void anUndrivenProblemNewtonCannotSolveIsReachedFromEqualBaths() {
        org.membranepnp.solver.validation.RandomPhysicalScenarios gen =
                new org.membranepnp.solver.validation.RandomPhysicalScenarios(20261203);
        for (int c = 0; c <= 61; c++) {
            Scenario s = gen.next(org.membranepnp.solver.validation.RandomPhysicalScenarios.Kind.ANY);
            if (c != 11 && c != 61) {
                continue;
            }
            PnpModel model = new PnpModel(s, ChainMeshBuilder.build(GradedMeshBuilder.build(s)));
            PnpModel undriven = new PnpModel(ScenarioEmbedding.drives(s, 0), model.mesh, model.scales);
            double[] guess = new double[model.n * model.m];
            InitialState.fillSteadyGuess(undriven, guess);
            assertTrue(!newton(undriven).solve(guess, null, 0.0, 40, SteadyStateSolver.TOLERANCE)
                    .converged(), "case " + c + ": Newton solves the undriven problem; the test needs a harder case");
            Recorder rec = new Recorder();
            double[] u = new double[guess.length];
            assertTrue(rec.solverFor(model).solveByContinuation(u, rec), "case " + c);
            assertEquals("bath contrast", rec.paths.get(0), "case " + c + " starts from equal baths");
            double[] v = new double[guess.length];
            assertTrue(new SteadyStateSolver(model, newton(model)).solveByPseudoTransient(v,
                    ProgressListener.NONE), "case " + c);
            assertSameState(model, v, u, "case " + c + ": continuation vs pseudo-transient");
        }
    }

    /** From a state Newton cannot start from (NaN), solve() falls back to continuation and finds the same state. */
    @Test
    void solveFallsBackToContinuationFromAHopelessStart() {
        Scenario s = scenarios().findFirst().orElseThrow();
        Setup t = Setup.of(s);
        Arrays.fill(t.u(), Double.NaN);
        t.solver().solve(t.u(), t.rec());
        t.assertReachedTheReference("solve");
        t.rec().assertIncreasingToOne();
        assertEquals(0, t.solver().pseudoSteps());
        assertTrue(t.solver().lastResidual() < 1e-6, "last residual " + t.solver().lastResidual());
    }

    /**
     * A constant pump of 1e7 cycles/(s µm²) empties a closed inside bath of Na⁺: there is no steady state, and the
     * error says what Newton, the continuation and the pseudo-transient each reached.
     */
    @Test
    void aScenarioWithoutSteadyStateSaysWhatEachStrategyReached() {
        Scenario s = ReferenceScenarios.neuronRest()
                .withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0))
                .withPump(new NaKPump(1e7, false, 1.5, 10.0, "Na", "K"));
        PnpModel model = model(s);
        Recorder rec = new Recorder();
        SteadyStateSolver solver = rec.solverFor(model);
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> solver.solve(u, rec));
        String m = e.getMessage();
        assertTrue(m.startsWith("steady state not found; Newton from the analytic guess: "), m);
        assertTrue(m.contains("; continuation in fixed charges, clamp and pump reached "), m);
        assertTrue(m.contains("; pseudo-transient continuation from the filled baths reached t = "), m);
        assertTrue(m.contains("run.mode = \"transient\""), m);
        assertEquals(solver.lastResidual(), e.lastResidual(), 0.0);
        assertTrue(solver.pseudoSteps() > 0 && !rec.times.isEmpty(), "pseudo-steps " + solver.pseudoSteps());
        assertEquals(rec.newtonIterations, solver.iterations(), "every Newton iteration counted");
        assertTrue(solver.iterations() > solver.pseudoSteps(), "iterations " + solver.iterations());
        // u holds the last pseudo-transient state: the pump has carried part of the inside Na⁺ out of the closed bath
        double[] filled = new double[u.length];
        InitialState.fillUniform(model, filled);
        int na = 1 + 1;
        assertTrue(insideAmount(model, u, na) < 0.99 * insideAmount(model, filled, na),
                "inside Na⁺ " + insideAmount(model, u, na) + " of " + insideAmount(model, filled, na));
        // it gave up only after its steps collapsed: failed steps are retried a quarter as long until Δt̂ < 1e-12
        double lastStep = rec.steps.get(rec.steps.size() - 1) / model.scales.timeS;
        assertTrue(lastStep < 1e-6, "last accepted pseudo-time step " + lastStep + " time constants");
        // the message gives the pseudo-time reached, the last one reported; the steps went on until 400 or collapse
        var t = java.util.regex.Pattern.compile("filled baths reached t = ([0-9.e+-]+) s").matcher(m);
        assertTrue(t.find(), m);
        double last = rec.times.get(rec.times.size() - 1);
        assertEquals(last, Double.parseDouble(t.group(1)), 5e-3 * last, "pseudo-time in the message (3 digits)");
        // the continuation got part of the way before the pump emptied the bath
        var reached = java.util.regex.Pattern.compile("pump reached ([0-9.e+-]+) of the way").matcher(m);
        assertTrue(reached.find(), m);
        double lambda = Double.parseDouble(reached.group(1));
        assertTrue(lambda > 0 && lambda < 1, "reached " + lambda);
    }
}
