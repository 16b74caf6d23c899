package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The adaptive implicit Euler stepping of {@link TransientSolver}, on a system whose exact solution is known: a
 * "potential" and a "concentration" that decay as e^{−kt} (one implicit Euler step: u = u_old / (1 + kΔt)). The global
 * error follows the tolerance, steps never grow more than 4× at once, rejected steps shrink, a collapsing step is an
 * error that says where, and a stop request is honoured.
 */
class TransientStepControlTest {
    private static final double RATE = 3.0;

    /** Concentration scale of the test system (the absolute part of the error test is rtol × this). */
    private static final double SCALE = 4.0;

    /** u' = −k u on 1 node with (ψ, c); Newton "fails" when the step exceeds {@code failAbove}. */
    private static final class Decay implements ImplicitEulerSystem {
        final double failAbove;
        double clamp = Double.NaN;
        int calls;
        final List<double[]> guesses = new ArrayList<>();
        final List<double[]> olds = new ArrayList<>();
        final List<Double> stepLengths = new ArrayList<>();
        /** Below this concentration the decay becomes 30× faster (a sudden stiffening); 0: never. */
        double stiffBelow;

        /** Something of the caller's world to record at each call (e.g. a scheduled parameter). */
        java.util.function.DoubleSupplier observed;
        final List<Double> observedValues = new ArrayList<>();

        /** The decay rate of unknown i: node 1 decays twice as fast as node 0. */
        double rate(double[] uOld, int i) {
            double k = uOld[1] < stiffBelow ? 30 * RATE : RATE;
            return i >= 2 ? 2 * k : k;
        }

        Decay(double failAbove) {
            this.failAbove = failAbove;
        }

        @Override
        public Layout layout() {
            return new Layout(2, 2, SCALE, 2.0);
        }

        @Override
        public void setClampCurrent(double current) {
            clamp = current;
        }

        @Override
        public NewtonResult step(double[] u, double[] uOld, double invDt, int maxIterations, double tolerance) {
            calls++;
            guesses.add(u.clone());
            olds.add(uOld.clone());
            stepLengths.add(1.0 / invDt);
            if (1.0 / invDt > failAbove) {
                return new NewtonResult(false, maxIterations, 1.0, "no convergence in " + maxIterations);
            }
            for (int i = 0; i < u.length; i++) {
                u[i] = uOld[i] / (1 + rate(uOld, i) / invDt);
            }
            if (observed != null) {
                observedValues.add(observed.getAsDouble());
            }
            return new NewtonResult(true, 2, 1e-12, "converged");
        }
    }

    private record Run(double[] u, List<Double> times, List<double[]> states, List<Double> reportedTimes,
                       TransientSolver solver, Decay system) {
    }

    private static Run integrate(double rtol, double tEnd, double failAbove) {
        return integrate(new Decay(failAbove), rtol, tEnd);
    }

    private static Run integrate(Decay system, double rtol, double tEnd) {
        TransientSolver ts = new TransientSolver(system, rtol);
        double[] u = {1.0, SCALE, 1.0, SCALE};
        List<Double> times = new ArrayList<>();
        List<double[]> states = new ArrayList<>();
        times.add(0.0);
        states.add(u.clone());
        List<Double> reported = new ArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void onTimeStep(double timeS, double dtS, double endTimeS, int newtonIterations) {
                double previous = reported.isEmpty() ? 0.0 : reported.get(reported.size() - 1);
                assertEquals(timeS - previous, dtS, 1e-12 * timeS, "step in seconds");
                reported.add(timeS);
                assertEquals(2.0 * tEnd, endTimeS, 1e-12 * tEnd, "end time in seconds");
                assertEquals(2, newtonIterations);
            }
        };
        double reached = ts.integrate(u, 0.0, tEnd, null, (t, state) -> {
            times.add(t);
            states.add(state.clone());
        }, progress, () -> false);
        assertEquals(tEnd, reached, 0.0);
        assertEquals(tEnd, times.get(times.size() - 1), 0.0, "the last step lands on the end");
        return new Run(u, times, states, reported, ts, system);
    }

    /** Error of the "concentration" at t = 1 (exact 4 e^{−3}), in units of its scale. */
    private static double error(Run r) {
        return Math.abs(r.u()[1] - SCALE * Math.exp(-RATE * 1.0)) / SCALE;
    }

    @Test
    void theGlobalErrorFollowsTheTolerance() {
        Run loose = integrate(1e-3, 1.0, Double.POSITIVE_INFINITY);
        Run tight = integrate(1e-5, 1.0, Double.POSITIVE_INFINITY);
        // the local error test holds each step to rtol: over one decay the global error is a few rtol / step count
        // local error ≤ rtol per step, first order: Δt ~ √rtol, so the global error is about 0.24 √rtol here
        // … neither above the tolerance nor wastefully below it
        assertTrue(error(loose) < 0.5 * Math.sqrt(1e-3) && error(loose) > 0.1 * Math.sqrt(1e-3),
                "error at rtol 1e-3: " + error(loose));
        assertTrue(error(tight) < 0.5 * Math.sqrt(1e-5) && error(tight) > 0.1 * Math.sqrt(1e-5),
                "error at rtol 1e-5: " + error(tight));
        // 100× tighter → about 10× (√100) more steps and 10× less error
        double ratio = error(loose) / error(tight);
        assertTrue(ratio > 6 && ratio < 16, "error ratio " + ratio);
        assertTrue(tight.solver().steps() > 6 * loose.solver().steps(),
                "steps " + loose.solver().steps() + " → " + tight.solver().steps());
        assertEquals(tight.times().size() - 1, tight.solver().steps());
        // bookkeeping: Newton iterations (2 per call here), the last residual, progress in seconds (2 s per unit)
        assertEquals(2 * tight.system().calls, tight.solver().iterations());
        assertEquals(1e-12, tight.solver().lastResidual(), 0.0);
        assertEquals(tight.times().size() - 1, tight.reportedTimes().size());
        for (int k = 0; k < tight.reportedTimes().size(); k++) {
            assertEquals(2.0 * tight.times().get(k + 1), tight.reportedTimes().get(k), 1e-15);
        }
    }

    /**
     * Newton starts each step from the linear extrapolation of the last two accepted states,
     * u_n + (Δt/Δt_prev)(u_n − u_{n−1}), except that a concentration extrapolated below zero starts from u_n (the
     * potential may go negative); the first step starts from u_0.
     */
    @Test
    void eachStepStartsFromTheLinearExtrapolation() {
        Run r = integrate(1e-4, 100.0, Double.POSITIVE_INFINITY);
        Decay sys = r.system();
        int clipped = 0;
        int call = 0;
        for (int n = 0; n + 1 < r.states().size(); n++) {
            double[] un = r.states().get(n);
            // every call from u_n (rejected ones included) starts from the same extrapolation rule
            while (call < sys.calls && sys.olds.get(call)[1] == un[1]) {
                for (int v = 0; v < 4; v++) {
                    double expected = un[v];
                    if (n > 0) {
                        double dtPrev = r.times().get(n) - r.times().get(n - 1);
                        expected = un[v] + sys.stepLengths.get(call) / dtPrev * (un[v] - r.states().get(n - 1)[v]);
                        if (v % 2 == 1 && expected < 0) {
                            expected = un[v];
                            clipped++;
                        }
                    }
                    assertEquals(expected, sys.guesses.get(call)[v], 1e-12 * SCALE, "guess " + v + " of call " + call);
                }
                call++;
            }
        }
        assertEquals(sys.calls, call, "every call accounted for");
        assertTrue(clipped > 0, "the long decay extrapolates some concentration below zero");
    }

    /**
     * The step rules, with the error estimate err = max_i Δt/(Δt + Δt_prev) |u_i − u_pred,i| / (atol_i + rtol |u_i|)
     * (atol = rtol for ψ, rtol × the concentration scale for c) recomputed here: a step with err > 1 is retried
     * max(0.2, 0.9/√err) as long; an accepted one is followed by one max(0.5, min(4, 0.9/√err)) as long (2× if
     * err = 0).
     */
    @Test
    void stepLengthsFollowTheErrorEstimate() {
        double rtol = 1e-4;
        Decay stiffening = new Decay(Double.POSITIVE_INFINITY);
        stiffening.stiffBelow = 0.5 * SCALE;
        Run r = integrate(stiffening, rtol, 100.0);
        Decay sys = r.system();
        int accepted = 0;
        int rejected = 0;
        double dtPrev = 0;
        for (int c = 0; c + 1 < sys.calls; c++) {
            double step = sys.stepLengths.get(c);
            double[] guess = sys.guesses.get(c);
            double[] old = sys.olds.get(c);
            double err = 0;
            if (dtPrev > 0) {
                double w = step / (step + dtPrev);
                for (int v = 0; v < 4; v++) {
                    double result = old[v] / (1 + sys.rate(old, v) * step);
                    double scale = v % 2 == 0 ? rtol * (1 + Math.abs(result)) : rtol * SCALE + rtol * Math.abs(result);
                    err = Math.max(err, w * Math.abs(result - guess[v]) / scale);
                }
            }
            double next = sys.stepLengths.get(c + 1);
            boolean lastBeforeEnd = Math.abs(next - (100.0 - r.times().get(accepted + 1))) < 1e-9 * 100;
            if (err > 1.0) {
                assertEquals(step * Math.max(0.2, 0.9 / Math.sqrt(err)), next, 1e-12 * step, "retry of call " + c);
                rejected++;
            } else {
                double grow = err == 0 ? 2.0 : Math.min(4.0, 0.9 / Math.sqrt(err));
                if (!lastBeforeEnd) {
                    assertEquals(step * Math.max(0.5, grow), next, 1e-9 * step, "step after call " + c);
                }
                accepted++;
                dtPrev = step;
            }
        }
        assertEquals(r.solver().rejectedSteps(), rejected, "rejections by the error test");
        assertTrue(rejected > 0, "some steps grew too much and were retried");
    }

    /**
     * A permeability schedule: the steps land exactly on its breakpoint, restart from the initial step there and do
     * not extrapolate across it, and the model carries the scheduled permeability afterwards (P·d/D).
     */
    @Test
    void stepsLandOnScheduleBreakpointsAndRestartThere() {
        Scenario s = ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, 0, 0);
        PnpModel model = new PnpModel(s, ChainMeshBuilder.build(GradedMeshBuilder.build(s.withMesh(new MeshSpec(60)))));
        double breakS = 0.7 * model.scales.timeS;
        var schedule = new org.membranepnp.solver.fv.ParameterSchedule(model, List.of(
                new org.membranepnp.engine.model.Schedule("membrane.permeability_cm_s.K",
                        new double[]{0, breakS, breakS}, new double[]{1e-7, 1e-7, 3e-6})));
        Decay sys = new Decay(Double.POSITIVE_INFINITY);
        // the chain's edge from the membrane's inside face into the lipid: transmissibility T = D / ĥ (ĥ its length)
        int lipidEdge = lipidEdge(model);
        int k = s.speciesIndex("K");
        double length = model.scales.lengthFromNm(model.mesh.xNm(model.mesh.edgeB(lipidEdge))
                - model.mesh.xNm(model.mesh.edgeA(lipidEdge)));
        sys.observed = () -> model.edgeCoefficient(lipidEdge, k);
        TransientSolver ts = new TransientSolver(sys, 1e-4);
        ts.setSchedule(schedule);
        List<Double> times = new ArrayList<>();
        List<double[]> states = new ArrayList<>();
        double[] u = {1.0, SCALE, 1.0, SCALE};
        states.add(u.clone());
        ts.integrate(u, 0.0, 2.0, null, (t, state) -> {
            times.add(t);
            states.add(state.clone());
        }, ProgressListener.NONE, () -> false);
        int at = times.indexOf(0.7);
        assertTrue(at > 0, "a step ends exactly on the breakpoint 0.7: " + times);
        double after = times.get(at + 1) - 0.7;
        assertEquals(1e-3, after, 1e-15, "the step after the breakpoint is the initial step");
        // the call after the breakpoint starts from u at the breakpoint, not an extrapolation across it
        int call = sys.olds.size() - 1;
        while (sys.olds.get(call)[1] != states.get(at + 1)[1]) {
            call--;
        }
        assertEquals(states.get(at + 1)[1], sys.guesses.get(call)[1], 0.0);
        double d = 3e-6 * 1e-2 * s.membrane().thicknessNm() * 1e-9 / model.scales.diffusionM2PerS / length;
        assertEquals(d, model.edgeCoefficient(lipidEdge, k), 1e-12 * d, "the scheduled permeability after the break");
        // the step that ends on the breakpoint still has the permeability before it, the next one the new one
        int onBreak = sys.olds.size() - 1;
        while (sys.stepLengths.get(onBreak) != 1e-3 || sys.olds.get(onBreak)[1] != states.get(at + 1)[1]) {
            onBreak--;
        }
        assertEquals(d, sys.observedValues.get(onBreak), 1e-12 * d, "first step after the breakpoint");
        assertEquals(d / 30, sys.observedValues.get(onBreak - 1), 1e-12 * d, "step ending on the breakpoint");
        // and the model constructor steps a real model too
        assertTrue(new TransientSolver(model, new NewtonSolver(model, WorkerPool.serial()), 1e-4).steps() == 0);
    }

    /** The edge of a chain from the membrane's inside face node to the next node (inside the lipid). */
    private static int lipidEdge(PnpModel model) {
        int a = model.membraneStart;
        for (int e = 0; e < model.mesh.edgeCount(); e++) {
            if (model.mesh.edgeA(e) == a && model.mesh.edgeB(e) == a + 1) {
                assertTrue(model.membraneEnd > a, "a membrane of positive thickness");
                return e;
            }
        }
        throw new AssertionError("no edge out of the membrane's inside face");
    }

    /** A step that reaches the end of the run lands exactly on it, not one ulp off (2.2 + (10.4 − 2.2) ≠ 10.4). */
    @Test
    void theLastStepLandsExactlyOnTheEnd() {
        assertTrue(2.2 + (10.4 - 2.2) != 10.4, "the example needs a sum that rounds");
        TransientSolver ts = new TransientSolver(new Decay(Double.POSITIVE_INFINITY), 1e-4);
        ts.restore(new double[]{1.0, 1.0, 1.0, 1.0}, 0.0, 10.0);
        List<Double> times = new ArrayList<>();
        ts.integrate(new double[]{1.0, 1.0, 1.0, 1.0}, 2.2, 10.4, null, (t, state) -> times.add(t),
                ProgressListener.NONE, () -> false);
        assertEquals(List.of(10.4), times, "one step, onto the end");
    }

    /** A step collapses when it is shorter than 1e-14 of the time reached (round-off of t), not before. */
    @Test
    void aStepCollapsesAtTheRoundOffOfTheTimeReached() {
        Decay failing = new Decay(0.0);
        TransientSolver ts = new TransientSolver(failing, 1e-4);
        ts.restore(new double[]{1.0, 1.0, 1.0, 1.0}, 0.0, 1.0);
        double t0 = 1e3;
        assertThrows(ConvergenceException.class, () -> ts.integrate(new double[]{1.0, 1.0, 1.0, 1.0}, t0, 2e3, null,
                null, ProgressListener.NONE, () -> false));
        double lastTried = failing.stepLengths.get(failing.stepLengths.size() - 1);
        assertTrue(lastTried >= 1e-14 * t0 && lastTried < 4e-14 * t0, "last step tried " + lastTried);
    }

    @Test
    void theAbsoluteScaleIsTheLargestBulkConcentration() {
        Scenario s = ReferenceScenarios.neuronRest();
        assertEquals(149.0 / 7.0, TransientSolver.maxBulkConcentration(s, 7.0), 1e-12);
        Scenario empty = ReferenceScenarios.gouyChapman(-0.01, 0.0, 298.15);
        assertEquals(1.0, TransientSolver.maxBulkConcentration(empty, 7.0), 0.0);
        // a schedule may be absent
        new TransientSolver(new Decay(1.0), 1e-4).setSchedule(null);
    }

    @Test
    void stepsStartSmallAndGrowAtMostFourfold() {
        Run r = integrate(1e-4, 1e6, Double.POSITIVE_INFINITY);
        List<Double> t = r.times();
        assertEquals(1e-3, t.get(1), 1e-18, "first step");
        for (int k = 2; k < t.size(); k++) {
            double grow = (t.get(k) - t.get(k - 1)) / (t.get(k - 1) - t.get(k - 2));
            assertTrue(grow <= 4.0 + 1e-9, "step " + k + " grew " + grow + "×");
        }
        // from 1e-3 to 1e6 in far fewer steps than a fixed step would need: the steps grow geometrically
        assertTrue(r.solver().steps() < 200, "steps " + r.solver().steps());
        assertTrue(r.u()[0] < 1e-12, "decayed: " + r.u()[0]);
        // a short run takes a tenth of its length as the first step
        Run shortRun = integrate(1e-4, 1e-3, Double.POSITIVE_INFINITY);
        assertEquals(1e-4, shortRun.times().get(1), 1e-18);
        TransientSolver late = new TransientSolver(new Decay(Double.POSITIVE_INFINITY), 1e-4);
        List<Double> lateTimes = new ArrayList<>();
        late.integrate(new double[]{1.0, 1.0, 1.0, 1.0}, 5.0, 5.001, null, (time, state) -> lateTimes.add(time), ProgressListener.NONE,
                () -> false);
        assertEquals(5.0001, lateTimes.get(0), 1e-15, "a tenth of the run's length, not of its end time");
        assertEquals(5.001, lateTimes.get(lateTimes.size() - 1), 0.0);
    }

    @Test
    void aStepNewtonCannotSolveIsRetriedAQuarterAsLong() {
        Run r = integrate(1e-4, 10.0, 0.05);
        assertTrue(r.solver().rejectedSteps() > 0, "some steps were too long for Newton");
        List<Double> t = r.times();
        for (int k = 1; k < t.size(); k++) {
            assertTrue(t.get(k) - t.get(k - 1) <= 0.05 + 1e-12, "accepted step " + (t.get(k) - t.get(k - 1)));
        }
        assertTrue(Math.abs(r.u()[1] - SCALE * Math.exp(-30)) < 1e-3, "still the decay: " + r.u()[1]);
        List<Double> tried = r.system().stepLengths;
        int retries = 0;
        for (int c = 0; c + 1 < tried.size(); c++) {
            if (tried.get(c) > 0.05) {
                assertEquals(0.25 * tried.get(c), tried.get(c + 1), 1e-15, "retry after the failed step " + c);
                retries++;
            }
        }
        assertEquals(r.solver().rejectedSteps(), retries);
    }

    @Test
    void aCollapsingStepIsAnErrorThatSaysWhenAndWhy() {
        TransientSolver ts = new TransientSolver(new Decay(0.0), 1e-4);
        double[] u = {1.0, 1.0, 1.0, 1.0};
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> ts.integrate(u, 0.5, 2.0, null, null, ProgressListener.NONE, () -> false));
        assertTrue(e.getMessage().startsWith("time step collapsed at t = 1.0 s (no convergence in 10)"),
                e.getMessage());
        assertEquals(1.0, e.lastResidual(), 0.0);
    }

    @Test
    void aStopRequestEndsTheIntegrationWhereItIs() {
        TransientSolver ts = new TransientSolver(new Decay(Double.POSITIVE_INFINITY), 1e-4);
        double[] u = {1.0, 1.0, 1.0, 1.0};
        List<Double> times = new ArrayList<>();
        double reached = ts.integrate(u, 0.0, 1.0, null, (t, state) -> times.add(t), ProgressListener.NONE,
                () -> times.size() >= 5);
        assertEquals(5, times.size());
        assertEquals(times.get(4), reached, 0.0);
        assertEquals(Math.exp(-RATE * reached), u[1], 0.01 * u[1]);
        assertEquals(times.get(3), times.get(4) - ts.previousStep(), 1e-15);
        // the state before the last accepted step is kept for the predictor (and checkpoints)
        assertEquals(Math.exp(-RATE * times.get(3)), ts.previousState()[1], 0.01 * ts.previousState()[1]);
        assertTrue(ts.previousState()[1] > u[1], "the previous state is the earlier, larger one");
        // and a second call continues with the same step sizes
        double next = ts.nextStep();
        assertTrue(next > 0 && next <= 4 * ts.previousStep() + 1e-15);
        assertEquals(1.0, ts.integrate(u, reached, 1.0, null, null, ProgressListener.NONE, () -> false), 0.0);
    }

    @Test
    void theClampCurrentIsSetForTheEndOfEachStep() {
        Decay sys = new Decay(Double.POSITIVE_INFINITY);
        TransientSolver ts = new TransientSolver(sys, 1e-4);
        double[] u = {1.0, 1.0, 1.0, 1.0};
        List<Double> clampAtAccept = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        ts.integrate(u, 0.0, 0.1, t -> 7 * t, (t, state) -> {
            times.add(t);
            clampAtAccept.add(sys.clamp);
        }, ProgressListener.NONE, () -> false);
        for (int k = 0; k < times.size(); k++) {
            assertEquals(7 * times.get(k), clampAtAccept.get(k), 1e-15);
        }
    }
}
