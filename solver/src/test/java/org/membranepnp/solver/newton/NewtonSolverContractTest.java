package org.membranepnp.solver.newton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.OpenFlux;
import org.membranepnp.solver.fv.PnpAssembler1D;
import org.membranepnp.solver.fv.PnpModel1D;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * What {@link NewtonSolver#solve} reports and when it stops: the residual norm given to the listener (max_row
 * |r|/|J_rr| plus the steady-flux rows, computed here independently from {@link PnpAssembler1D#assemble}), the update
 * norm that decides convergence (steady fluxes included), the round-off acceptance, the failure returns, and siblings
 * that report like their origin.
 */
class NewtonSolverContractTest {
    /** Relative agreement of two evaluations of the same formula on the same numbers (different summation order). */
    private static final double SAME_FORMULA = 1e-12;

    private static PnpModel1D model(Scenario s) {
        return new PnpModel1D(s, GradedMeshBuilder.build(s.withMesh(new MeshSpec(60))));
    }

    private static double[] root(PnpModel1D model) {
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        NewtonResult r = new NewtonSolver(model).solve(u, u.clone(), 0.0, true, 60, 1e-13);
        assertTrue(r.converged(), r.reason());
        return u;
    }

    private static List<Double> listen(NewtonSolver newton, boolean verbose) {
        List<Double> history = new ArrayList<>();
        newton.setListener(new ProgressListener() {
            @Override
            public void onNewtonIteration(int iteration, double residualNorm) {
                assertEquals(history.size() + 1, iteration);
                history.add(residualNorm);
            }
        }, verbose);
        return history;
    }

    /** max_row |r_row|/|J_row,row| (|r_row| where the diagonal is 0) of the node equations, assembled at u. */
    private static double nodeResidualNorm(PnpModel1D model, PnpAssembler1D asm, double[] u, boolean[] zeroDiagonal) {
        double[] r = new double[model.n * model.m];
        BlockTridiagonalMatrix jac = new BlockTridiagonalMatrix(model.n, model.m);
        asm.assemble(u, u, 0.0, model.steadyConstraints, r, jac);
        double norm = 0;
        for (int k = 0; k < model.n; k++) {
            for (int v = 0; v < model.m; v++) {
                double diag = Math.abs(jac.diag[jac.index(k, v, v)]);
                int row = k * model.m + v;
                if (diag == 0 && zeroDiagonal != null) {
                    zeroDiagonal[row] = true;
                }
                norm = Math.max(norm, diag == 0 ? Math.abs(r[row]) : Math.abs(r[row]) / diag);
            }
        }
        return norm;
    }

    /** The concentration scale of open compartment j: max(floor, |ĉ| at its first two nodes). */
    private static double fluxScale(PnpModel1D model, double[] u, int j) {
        OpenFlux o = model.openFluxes.get(j);
        int v = 1 + o.species();
        int k = o.first();
        return Math.max(NewtonStep.CONCENTRATION_FLOOR,
                Math.max(Math.abs(u[k * model.m + v]), Math.abs(u[(k + 1) * model.m + v])));
    }

    /**
     * The first reported residual is max_row |r|/|J_rr| of the state given (the steady fluxes start at the state's
     * own, so their rows add nothing), on concentrations disturbed by up to 2 % from the root.
     */
    @Test
    void theReportedResidualIsTheLargestDiagonallyScaledRow() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        double[] u = root(model);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < u.length; i++) {
            if (i % model.m != 0) {
                u[i] *= 1 + rnd.nextDouble(-0.02, 0.02);
            }
        }
        PnpAssembler1D asm = new PnpAssembler1D(model);
        for (int j = 0; j < model.openFluxes.size(); j++) {
            OpenFlux o = model.openFluxes.get(j);
            asm.steadyFlux[j] = asm.fluxThroughCell(u, o.first(), o.species());
        }
        boolean[] unused = new boolean[u.length];
        double expected = nodeResidualNorm(model, asm, u, unused);
        NewtonSolver newton = new NewtonSolver(model);
        List<Double> history = listen(newton, true);
        newton.solve(u.clone(), u.clone(), 0.0, true, 1, 1e-13);
        assertEquals(1, history.size());
        assertEquals(expected, history.get(0), SAME_FORMULA * expected);
    }

    /**
     * A row whose Jacobian diagonal is exactly 0 counts with its unscaled |r| (not divided by 0): a potential well of
     * 2000 thermal voltages at one bath node leaves the cation's balance at that node independent of its own
     * concentration (B(±2000) underflows), with a finite residual.
     */
    @Test
    void aRowWithZeroDiagonalCountsUnscaled() {
        PnpModel1D model = model(ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, 0, 0));
        double[] u = root(model);
        int well = 5;
        u[well * model.m] -= 2000;
        boolean[] zero = new boolean[u.length];
        double expected = nodeResidualNorm(model, new PnpAssembler1D(model), u, zero);
        assertTrue(zero[well * model.m + 1], "precondition: the K⁺ row at the well has a zero diagonal");
        assertTrue(Double.isFinite(expected) && expected > 0, "norm " + expected);
        NewtonSolver newton = new NewtonSolver(model);
        List<Double> history = listen(newton, true);
        newton.solve(u.clone(), u.clone(), 0.0, true, 1, 1e-13);
        assertEquals(expected, history.get(0), SAME_FORMULA * expected);
    }

    /**
     * Convergence is decided on max(|δψ̂|, |δĉ|/max(|ĉ|, floor), |δJ|/(t·scale)): the steady-flux updates count in
     * units of their first cell's transmissibility t and concentration scale. A disturbance at node 1 (ψ up, Cl⁻ down)
     * makes the Cl⁻ flux term the largest; a tolerance just above that norm converges in one iteration, just below
     * it does not. The expected norm comes from the undamped update (checked against finite differences elsewhere).
     */
    @Test
    void theSteadyFluxUpdatesCountInTheConvergenceTest() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        double[] u = root(model);
        int m = model.m;
        u[m] += 1e-3;
        u[m + 3] *= 1 - 1e-3; // Cl⁻ (species 2) at node 1
        PnpAssembler1D probe = new NewtonSolver(model).assembler();
        NewtonSolver reference = new NewtonSolver(model);
        int nodes = model.n * m;
        for (int j = 0; j < model.openFluxes.size(); j++) {
            OpenFlux o = model.openFluxes.get(j);
            reference.assembler().steadyFlux[j] = probe.fluxThroughCell(u, o.first(), o.species());
        }
        double[] delta = new double[nodes + model.openFluxes.size()];
        reference.undampedUpdate(u, u, 0.0, true, delta);
        double[] next = u.clone();
        double nodeNorm = 0;
        for (int i = 0; i < nodes; i++) {
            next[i] += delta[i];
            assertTrue(i % m == 0 ? Math.abs(delta[i]) < NewtonSolver.MAX_POTENTIAL_STEP : u[i] <= 0 || next[i] > 0,
                    "precondition: no damping");
            nodeNorm = Math.max(nodeNorm, i % m == 0 ? Math.abs(delta[i])
                    : Math.abs(delta[i]) / Math.max(Math.abs(next[i]), NewtonStep.CONCENTRATION_FLOOR));
        }
        double fluxNorm = 0;
        for (int j = 0; j < model.openFluxes.size(); j++) {
            fluxNorm = Math.max(fluxNorm, Math.abs(delta[nodes + j]) / reference.assembler().openFluxTransmissibility(j)
                    / fluxScale(model, next, j));
        }
        assertTrue(fluxNorm > 1.5 * nodeNorm, "precondition: flux term dominates " + fluxNorm + " vs " + nodeNorm);
        NewtonResult above = new NewtonSolver(model).solve(u.clone(), u.clone(), 0.0, true, 1, fluxNorm * (1 + 1e-9));
        assertTrue(above.converged(), above.reason());
        assertEquals(1, above.iterations());
        NewtonResult below = new NewtonSolver(model).solve(u.clone(), u.clone(), 0.0, true, 1, fluxNorm * (1 - 1e-9));
        assertFalse(below.converged());
        assertEquals("no convergence in 1 iterations", below.reason());
    }

    /**
     * From the second iteration on, the reported residual includes the steady-flux rows |(F_first − J)/t|/scale at
     * the state and fluxes after the first (undamped) update, computed here from a separate assembler.
     */
    @Test
    void theReportedResidualIncludesTheSteadyFluxRows() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        double[] u = root(model);
        int m = model.m;
        u[m] += 1e-3;
        u[m + 3] *= 1 - 1e-3;
        NewtonSolver first = new NewtonSolver(model);
        double[] after = u.clone();
        NewtonResult one = first.solve(after, u, 0.0, true, 1, 1e-30);
        assertFalse(one.converged());
        PnpAssembler1D asm = new PnpAssembler1D(model);
        System.arraycopy(first.assembler().steadyFlux, 0, asm.steadyFlux, 0, asm.steadyFlux.length);
        double nodeNorm = nodeResidualNorm(model, asm, after, null);
        double fluxNorm = 0;
        for (int j = 0; j < model.openFluxes.size(); j++) {
            fluxNorm = Math.max(fluxNorm, Math.abs(asm.openFluxResidual(j)) / fluxScale(model, after, j));
        }
        assertTrue(fluxNorm > 1.5 * nodeNorm, "precondition: flux rows dominate " + fluxNorm + " vs " + nodeNorm);
        NewtonSolver newton = new NewtonSolver(model);
        List<Double> history = listen(newton, true);
        newton.solve(u.clone(), u, 0.0, true, 2, 1e-30);
        assertEquals(2, history.size());
        assertEquals(fluxNorm, history.get(1), SAME_FORMULA * fluxNorm);
    }

    /** maxIter = 1 allows one iteration: a solve started at the root converges in it. */
    @Test
    void oneIterationIsAllowedWithMaxIterOne() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        double[] u = root(model);
        NewtonResult r = new NewtonSolver(model).solve(u, u.clone(), 0.0, true, 1, 1e-10);
        assertTrue(r.converged(), r.reason());
        assertEquals(1, r.iterations());
        assertEquals("converged", r.reason());
    }

    /**
     * At the root, with a tolerance below the round-off floor of the update (≈ 1e-16) but within
     * ROUNDOFF_ACCEPTANCE of it, the solve stops as "converged to round-off" from the second iteration on (never the
     * first); with a tolerance 1e4 times further below, it runs out of iterations.
     */
    @Test
    void aRoundOffFloorWithinTenThousandTolerancesIsAccepted() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        double[] u = root(model);
        NewtonResult r = new NewtonSolver(model).solve(u.clone(), u, 0.0, true, 6, 1e-18);
        assertTrue(r.converged(), r.reason());
        assertEquals("converged to round-off", r.reason());
        assertTrue(r.iterations() >= 2 && r.iterations() <= 4, "iterations " + r.iterations());
        NewtonResult never = new NewtonSolver(model).solve(u.clone(), u, 0.0, true, 4, 1e-24);
        assertFalse(never.converged());
        assertEquals("no convergence in 4 iterations", never.reason());
    }

    /**
     * A state shifted by S thermal voltages everywhere needs an update of about −S in ψ; λ = MAX_POTENTIAL_STEP/S
     * falls below MIN_DAMPING for S = 1e5 (λ ≈ 8e-5): the solve stops at iteration 1 and leaves u untouched; for
     * S = 7e4 (λ ≈ 1.14e-4) it steps on.
     */
    @Test
    void aStepDampedBelowTheMinimumIsRefused() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        double[] rootState = root(model);
        double[] u = rootState.clone();
        for (int k = 0; k < model.n; k++) {
            u[k * model.m] += 1e5;
        }
        double[] given = u.clone();
        NewtonResult r = new NewtonSolver(model).solve(u, rootState, 0.0, true, 5, 1e-10);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
        assertEquals("damping fell below " + NewtonSolver.MIN_DAMPING, r.reason());
        assertArrayEquals(given, u, 0.0);
        double[] w = rootState.clone();
        for (int k = 0; k < model.n; k++) {
            w[k * model.m] += 7e4;
        }
        NewtonResult stepped = new NewtonSolver(model).solve(w, rootState, 0.0, true, 1, 1e-10);
        assertEquals("no convergence in 1 iterations", stepped.reason());
        double psiStep = 0;
        for (int k = 0; k < model.n; k++) {
            psiStep = Math.max(psiStep, Math.abs(w[k * model.m] - rootState[k * model.m] - 7e4));
        }
        assertEquals(NewtonSolver.MAX_POTENTIAL_STEP, psiStep, 1e-6);
    }

    /** A sibling reports its iterations to the same listener (and stays silent when the origin is not verbose). */
    @Test
    void aSiblingReportsToTheSameListener() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        PnpModel1D other = model(ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, 0, 0));
        NewtonSolver origin = new NewtonSolver(model);
        List<Double> history = listen(origin, true);
        double[] u = new double[other.n * other.m];
        InitialState.fillSteadyGuess(other, u);
        NewtonSolver sibling = origin.sibling(other, WorkerPool.serial());
        NewtonResult r = sibling.solve(u, u.clone(), 0.0, true, 60, 1e-12);
        assertTrue(r.converged(), r.reason());
        assertEquals(r.iterations(), history.size());
        assertEquals(r.residualNorm(), history.get(history.size() - 1), 0.0);
        // the sibling solves its own model: its root satisfies its own equations
        assertTrue(nodeResidualNorm(other, new PnpAssembler1D(other), u, null) < 1e-9);

        NewtonSolver quiet = new NewtonSolver(model);
        List<Double> none = listen(quiet, false);
        InitialState.fillSteadyGuess(other, u);
        assertTrue(quiet.sibling(other, WorkerPool.serial()).solve(u, u.clone(), 0.0, true, 60, 1e-12).converged());
        assertTrue(none.isEmpty());
    }

    /**
     * The time-step equations solved with invDt = 0 on an insulating membrane: the clamp's current then depends on
     * nothing (no permeant ion, no displacement current), its row of the Jacobian is zero and I + VᵀZ = [0]. The solve
     * reports a singular Jacobian at iteration 1 and leaves u untouched, instead of stepping with ±∞/NaN.
     */
    @Test
    void anUndeterminedGlobalConstraintIsASingularJacobian() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest().withMembrane(ReferenceScenarios.membrane(0, 0, 0, 0)));
        assertEquals(1, model.transientConstraints.size());
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        double[] given = u.clone();
        NewtonResult r = new NewtonSolver(model).solve(u, u.clone(), 0.0, false, 10, 1e-12);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
        assertEquals("singular Jacobian: the global constraints are dependent (I + VᵀZ is singular)", r.reason());
        assertArrayEquals(given, u, 0.0);
        // with a time step the displacement current determines the clamp
        NewtonResult step = new NewtonSolver(model).solve(u, given, 2.0, false, 30, 1e-12);
        assertTrue(step.converged(), step.reason());
    }

    /**
     * One solver serves the steady equations and then a time step whose global constraint spans other nodes (inside
     * charge over the inside bath, then the membrane current clamp over the membrane): the time step goes exactly as
     * with a fresh solver and converges.
     */
    @Test
    void oneSolverServesConstraintsOfDifferentSpans() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest().withMembrane(ReferenceScenarios.membrane(0, 0, 0, 0)));
        GlobalConstraintSpans spans = new GlobalConstraintSpans(model);
        assertTrue(spans.steady != spans.transientSpan, "precondition: spans differ " + spans.steady);
        double[] rest = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, rest);
        NewtonSolver shared = new NewtonSolver(model);
        assertTrue(shared.solve(rest, rest.clone(), 0.0, true, 30, 1e-12).converged());
        double[] start = rest.clone();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < start.length; i++) {
            start[i] = i % model.m == 0 ? start[i] + rnd.nextDouble(-0.05, 0.05) : start[i] * (1 + rnd.nextDouble(-0.05, 0.05));
        }
        double[] a = start.clone();
        double[] b = start.clone();
        NewtonResult viaShared = shared.solve(a, rest, 2.0, false, 30, 1e-12);
        NewtonResult viaFresh = new NewtonSolver(model).solve(b, rest, 2.0, false, 30, 1e-12);
        assertTrue(viaFresh.converged(), viaFresh.reason());
        assertEquals(viaFresh, viaShared);
        assertArrayEquals(b, a, 0.0);
        // and the other way round: a time step first, then the steady state
        NewtonSolver stepFirst = new NewtonSolver(model);
        assertTrue(stepFirst.solve(start.clone(), rest, 2.0, false, 30, 1e-12).converged());
        double[] c = start.clone();
        double[] d = start.clone();
        NewtonResult steadyShared = stepFirst.solve(c, c.clone(), 0.0, true, 30, 1e-12);
        NewtonResult steadyFresh = new NewtonSolver(model).solve(d, d.clone(), 0.0, true, 30, 1e-12);
        assertTrue(steadyFresh.converged(), steadyFresh.reason());
        assertEquals(steadyFresh, steadyShared);
        assertArrayEquals(d, c, 0.0);
    }

    /**
     * Amounts are linear in u, so one undamped Newton step meets every closed compartment's amount exactly (to
     * round-off), also where the saturating pump's source row is the row that the amount equation replaces (Na⁺
     * impermeant, inside bath closed): the pump must not enter that row.
     */
    @Test
    void oneStepMeetsTheClosedAmountsEvenWhereThePumpActs() {
        Scenario s = ReferenceScenarios.neuronRest()
                .withMembrane(ReferenceScenarios.membrane(ReferenceScenarios.P_K_CM_S, 0,
                        0.45 * ReferenceScenarios.P_K_CM_S, 0))
                .withBoundary(new org.membranepnp.engine.model.Boundary(
                        org.membranepnp.engine.model.BoundaryKind.WALL,
                        org.membranepnp.engine.model.BoundaryKind.RESERVOIR,
                        org.membranepnp.engine.model.ClampKind.CURRENT, 0, 0))
                .withPump(ReferenceScenarios.pump(5e-3, true));
        PnpModel1D model = model(s);
        boolean pumpRowIsAmountRow = false;
        for (var c : model.steadyConstraints) {
            pumpRowIsAmountRow |= c.rowNode() * model.m + c.variable() == model.pump.sodiumInIndex();
        }
        assertTrue(pumpRowIsAmountRow, "precondition");
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-0.05, 0.05) : u[i] * (1 + rnd.nextDouble(-0.05, 0.05));
        }
        double[] delta = new double[u.length];
        new NewtonSolver(model).undampedUpdate(u, u, 0.0, true, delta);
        for (int i = 0; i < u.length; i++) {
            u[i] += delta[i];
        }
        for (var c : model.closedSpecies) {
            double scale = 0;
            for (int k = c.first(); k <= c.last(); k++) {
                for (int v = 0; v < model.m; v++) {
                    scale += Math.abs(c.coefficients()[(k - c.first()) * model.m + v] * u[k * model.m + v]);
                }
            }
            assertEquals(c.target(), c.amount(u, model.m), 1e-12 * scale, c.name());
        }
    }

    /** Number of nodes spanned by the (single) steady and time-step constraint. */
    private static final class GlobalConstraintSpans {
        final int steady;
        final int transientSpan;

        GlobalConstraintSpans(PnpModel1D model) {
            assertEquals(1, model.steadyConstraints.size());
            assertEquals(1, model.transientConstraints.size());
            steady = model.steadyConstraints.get(0).last() - model.steadyConstraints.get(0).first() + 1;
            transientSpan = model.transientConstraints.get(0).last() - model.transientConstraints.get(0).first() + 1;
        }
    }

    /**
     * A non-finite update is a failure, not a step: a 1 mA/m² current clamp on an insulating membrane over a time step
     * with subnormal 1/Δt = 1e-320 (the capacitor would need a ψ jump of ~1e310 V_T; the scaled clamp row overflows
     * to NaN) stops at iteration 1 with "update is not finite" and the finite residual norm of the given state.
     */
    @Test
    void aNonFiniteUpdateIsReported() {
        Scenario s = ReferenceScenarios.neuronRest().withMembrane(ReferenceScenarios.membrane(0, 0, 0, 0))
                .withBoundary(new org.membranepnp.engine.model.Boundary(
                        org.membranepnp.engine.model.BoundaryKind.RESERVOIR,
                        org.membranepnp.engine.model.BoundaryKind.RESERVOIR,
                        org.membranepnp.engine.model.ClampKind.CURRENT, 1e-3, 0));
        PnpModel1D model = model(s);
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        double[] given = u.clone();
        NewtonSolver newton = new NewtonSolver(model);
        List<Double> history = listen(newton, true);
        NewtonResult r = newton.solve(u, given, 1e-320, false, 10, 1e-12);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
        assertEquals("update is not finite", r.reason());
        assertTrue(Double.isFinite(r.residualNorm()));
        assertEquals(history.get(0), r.residualNorm(), 0.0);
    }
}
