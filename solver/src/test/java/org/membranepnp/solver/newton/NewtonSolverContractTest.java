package org.membranepnp.solver.newton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.MembranePlaneSolver;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.fv.ClosedAmount;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.LateralMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.mesh.Mesh2D;
import org.membranepnp.solver.mesh.PatchMeshBuilder;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * What {@link NewtonSolver#solve} reports and when it stops, on 1-D chains of 60 cells: the residual norm given to
 * the listener (max_row |r|/|J_rr|, computed here independently from {@link PnpAssembler#assemble}), the round-off
 * acceptance, the failure returns, and siblings that report like their origin.
 */
class NewtonSolverContractTest {
    /** Relative agreement of two evaluations of the same formula on the same numbers (different summation order). */
    private static final double SAME_FORMULA = 1e-12;

    static PnpModel model(Scenario s) {
        return new PnpModel(s, ChainMeshBuilder.build(GradedMeshBuilder.build(s.withMesh(new MeshSpec(60)))));
    }

    static NewtonSolver newton(PnpModel model) {
        return new NewtonSolver(model, WorkerPool.serial());
    }

    private static double[] root(PnpModel model) {
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        NewtonResult r = newton(model).solve(u, 60, 1e-13);
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

    /**
     * max_row |r_row|/|J_row,row| (|r_row| where the diagonal is 0) of the steady node equations at u, from a fresh
     * assembler into block-sparse slots; marks the rows with a zero diagonal.
     */
    private static double nodeResidualNorm(PnpModel model, double[] u, boolean[] zeroDiagonal) {
        int m = model.m;
        double[] r = new double[model.n * m];
        BlockSlots jac = BlockSlots.sparse(model.mesh, m);
        new PnpAssembler(model, WorkerPool.serial()).assemble(u, u, 0.0, r, jac);
        double norm = 0;
        for (int k = 0; k < model.n; k++) {
            for (int v = 0; v < m; v++) {
                double diag = Math.abs(jac.array(k)[jac.offset(k) + v * m + v]);
                int row = k * m + v;
                if (diag == 0 && zeroDiagonal != null) {
                    zeroDiagonal[row] = true;
                }
                norm = Math.max(norm, diag == 0 ? Math.abs(r[row]) : Math.abs(r[row]) / diag);
            }
        }
        return norm;
    }

    /** A coarse 2-D patch (about 30 × 6 nodes) on the x mesh {@code across}, with the lateral table of {@code s}. */
    private static PnpModel patch(Scenario s, Mesh1D across) {
        double[] y = LateralMeshBuilder.build(s.lateral(), 0.8, 6.0);
        return new PnpModel(s, PatchMeshBuilder.build(new Mesh2D(across, y, s.lateral()), false));
    }

    /**
     * On a 2-D patch the update comes from GMRES with the multigrid preconditioner (the chain's from its block LU):
     * a patch without pores under a 2 A/m² current clamp has the chain's steady V_m on the same x mesh, within
     * 1e-6 mV, with the clamp equation I = I_clamp·A over the patch's membrane area (not 1), with at least one GMRES
     * iteration for the update and one for the clamp's column in every Newton step; and the first residual it reports, from a randomly disturbed state whose rows differ, is
     * max_row |r|/|J_rr| over every row of the patch.
     */
    @Test
    void aPatchSolvesWithTheKrylovSolverToTheChainsSteadyState() {
        Scenario clamped = ReferenceScenarios.neuronRest().withBoundary(new Boundary(BoundaryKind.RESERVOIR,
                BoundaryKind.RESERVOIR, ClampKind.CURRENT, 2, 0));
        Scenario plane = ReferenceScenarios.plane(clamped, 0.008, 6.0, List.of());
        Mesh1D across = GradedMeshBuilder.plan(plane, 6.0).build();
        PnpModel chain = new PnpModel(MembranePlaneSolver.averagedSlab(plane), ChainMeshBuilder.build(across));
        PnpModel patch = patch(plane, across);
        assertTrue(patch.ny > 2 && Math.abs(patch.membraneArea - 1.0) > 0.5, "a patch of several rows, area ≠ 1");
        double[] uc = new double[chain.n * chain.m];
        InitialState.fillSteadyGuess(chain, uc);
        assertTrue(newton(chain).solve(uc, 40, 1e-12).converged());
        double[] up = new double[patch.n * patch.m];
        InitialState.fillSteadyGuess(patch, up);
        NewtonSolver krylov = newton(patch);
        NewtonResult r = krylov.solve(up, 40, 1e-12);
        assertTrue(r.converged(), r.reason());
        // the update and the clamp's column each take at least one GMRES iteration per Newton step
        assertTrue(krylov.linearIterations() >= 2 * r.iterations(), krylov.linearIterations() + " GMRES iterations");
        double vc = chain.scales.potentialToMv(uc[0] - uc[(chain.nx - 1) * chain.m]);
        double vp = patch.scales.potentialToMv(up[0] - up[(patch.nx - 1) * patch.m]);
        assertEquals(vc, vp, 1e-6);
        PnpModel free = new PnpModel(MembranePlaneSolver.averagedSlab(ReferenceScenarios.plane(
                ReferenceScenarios.neuronRest(), 0.008, 6.0, List.of())), ChainMeshBuilder.build(across));
        double[] u0 = new double[free.n * free.m];
        InitialState.fillSteadyGuess(free, u0);
        assertTrue(newton(free).solve(u0, 40, 1e-12).converged());
        assertTrue(Math.abs(vc - free.scales.potentialToMv(u0[0] - u0[(free.nx - 1) * free.m])) > 1.0,
                "the clamp moves V_m by more than 1 mV");

        Channel pore = new Channel("pore", 3.0, 2.0, 70, new double[] {1.0, 0.3, 0.0, 0.0}, -50.0);
        PnpModel porous = patch(ReferenceScenarios.plane(ReferenceScenarios.neuronRest(), 0.008, 6.0, List.of(pore)),
                across);
        double[] u = new double[porous.n * porous.m];
        InitialState.fillSteadyGuess(porous, u);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < u.length; i++) {
            if (i % porous.m != 0) {
                u[i] *= 1 + rnd.nextDouble(-0.05, 0.05);
            }
        }
        porous.setElectrodePotential(u[0]); // as the solve does: the clamped electrode starts where the state is
        double expected = nodeResidualNorm(porous, u, null);
        NewtonSolver n = newton(porous);
        List<Double> history = listen(n, true);
        n.solve(u.clone(), 1, 1e-13);
        assertEquals(expected, history.get(0), SAME_FORMULA * expected);
    }

    /** The first reported residual is max_row |r|/|J_rr| of the state given: concentrations 2 % off the root. */
    @Test
    void theReportedResidualIsTheLargestDiagonallyScaledRow() {
        PnpModel model = model(ReferenceScenarios.neuronRest());
        double[] u = root(model);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < u.length; i++) {
            if (i % model.m != 0) {
                u[i] *= 1 + rnd.nextDouble(-0.02, 0.02);
            }
        }
        double expected = nodeResidualNorm(model, u, null);
        assertTrue(expected > 1e-6, "precondition: away from the root, " + expected);
        NewtonSolver newton = newton(model);
        List<Double> history = listen(newton, true);
        newton.solve(u.clone(), 1, 1e-13);
        assertEquals(1, history.size());
        assertEquals(expected, history.get(0), SAME_FORMULA * expected);
    }

    /**
     * A row whose Jacobian diagonal is exactly 0 counts with its unscaled |r| (not divided by 0, not left out): a
     * potential well of 2000 thermal voltages at the last bath node before the membrane, in the closed inside bath,
     * makes that node's K⁺ row (the flux to the membrane face, a partial flux sum from the wall) independent of its
     * own concentration (B(2000) underflows), with a finite residual T·2000·ĉ that is the largest row.
     */
    @Test
    void aRowWithZeroDiagonalCountsUnscaled() {
        PnpModel model = model(ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, 0, 0));
        double[] u = root(model);
        int well = model.membraneStart - 1;
        u[well * model.m] -= 2000;
        boolean[] zero = new boolean[u.length];
        double expected = nodeResidualNorm(model, u, zero);
        assertTrue(zero[well * model.m + 1], "precondition: the K⁺ row at the well has a zero diagonal");
        assertTrue(Double.isFinite(expected) && expected > 0, "norm " + expected);
        // the zero-diagonal row sets the norm: the rest of the rows, scaled, are below it
        double[] r = new double[u.length];
        new PnpAssembler(model, WorkerPool.serial()).assemble(u, u, 0.0, r, BlockSlots.sparse(model.mesh, model.m));
        assertEquals(expected, Math.abs(r[well * model.m + 1]), 0.0, "precondition: the unscaled row is the largest");
        NewtonSolver newton = newton(model);
        List<Double> history = listen(newton, true);
        newton.solve(u.clone(), 1, 1e-13);
        assertEquals(expected, history.get(0), SAME_FORMULA * expected);
    }

    /** maxIter = 1 allows one iteration: a solve started at the root converges in it. */
    @Test
    void oneIterationIsAllowedWithMaxIterOne() {
        PnpModel model = model(ReferenceScenarios.neuronRest());
        assertTrue(model.currentClamped(), "precondition: no early return at a round-off residual");
        double[] u = root(model);
        NewtonResult r = newton(model).solve(u, 1, 1e-10);
        assertTrue(r.converged(), r.reason());
        assertEquals(1, r.iterations());
        assertEquals("converged", r.reason());
    }

    /**
     * At the root, with a tolerance below the round-off floor of the update but within ROUNDOFF_ACCEPTANCE of it,
     * the solve stops as "converged to round-off" from the second iteration on (never the first); with a tolerance
     * 1e4 times further below, it runs out of iterations.
     */
    @Test
    void aRoundOffFloorWithinTenThousandTolerancesIsAccepted() {
        PnpModel model = model(ReferenceScenarios.neuronRest());
        double[] u = root(model);
        NewtonResult r = newton(model).solve(u.clone(), 6, 1e-18);
        assertTrue(r.converged(), r.reason());
        assertEquals("converged to round-off", r.reason());
        assertTrue(r.iterations() >= 2 && r.iterations() <= 4, "iterations " + r.iterations());
        NewtonResult never = newton(model).solve(u.clone(), 4, 1e-24);
        assertFalse(never.converged());
        assertEquals("no convergence in 4 iterations", never.reason());
    }

    /**
     * A residual below ROUNDOFF_RESIDUAL ends the solve before any update (without a current clamp): equal baths of
     * K⁺ and its counter-ion around an impermeable membrane, filled uniformly, meet the steady equations exactly; the
     * solve reports 0 iterations, "residual at round-off", the residual it found (the one assembly is reported) and
     * leaves u untouched. A residual above that level (one concentration 1e-6 off) is iterated.
     */
    @Test
    void aResidualAtRoundOffEndsTheSolveBeforeAnUpdate() {
        Scenario s = ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 4, 4, 310.15, 0, 0)
                .withMembrane(ReferenceScenarios.membrane(0, 0));
        PnpModel model = model(s);
        assertFalse(model.currentClamped());
        double[] u = new double[model.n * model.m];
        InitialState.fillUniform(model, u);
        double norm = nodeResidualNorm(model, u, null);
        assertTrue(norm < NewtonSolver.ROUNDOFF_RESIDUAL, "precondition: at round-off, " + norm);
        double[] given = u.clone();
        NewtonSolver newton = newton(model);
        List<Double> history = listen(newton, true);
        NewtonResult r = newton.solve(u, 5, 1e-30);
        assertTrue(r.converged(), r.reason());
        assertEquals("residual at round-off", r.reason());
        assertEquals(0, r.iterations());
        assertEquals(List.of(r.residualNorm()), history, "the one assembly is reported");
        assertEquals(norm, r.residualNorm(), SAME_FORMULA * norm + 1e-300);
        assertArrayEquals(given, u, 0.0);
        u[3 * model.m + 1] *= 1 + 1e-6;
        assertTrue(nodeResidualNorm(model, u, null) > NewtonSolver.ROUNDOFF_RESIDUAL, "precondition");
        NewtonResult moved = newton(model).solve(u, 5, 1e-30);
        assertTrue(moved.iterations() >= 1, moved.reason() + " after " + moved.iterations());
    }

    /**
     * A state shifted by S thermal voltages everywhere (the grounded outside electrode included) needs an update of
     * about −S in ψ; λ = MAX_POTENTIAL_STEP/S falls below MIN_DAMPING for S = 1e5 (λ ≈ 8e-5): the solve stops at
     * iteration 1 and leaves u untouched; for S = 7e4 (λ ≈ 1.14e-4) it steps on, by exactly MAX_POTENTIAL_STEP at the
     * node that moves most.
     */
    @Test
    void aStepDampedBelowTheMinimumIsRefused() {
        PnpModel model = model(ReferenceScenarios.neuronRest());
        double[] rootState = root(model);
        double[] u = rootState.clone();
        for (int k = 0; k < model.n; k++) {
            u[k * model.m] += 1e5;
        }
        double[] given = u.clone();
        NewtonResult r = newton(model).solve(u, 5, 1e-10);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
        assertEquals("damping fell below " + NewtonSolver.MIN_DAMPING, r.reason());
        assertArrayEquals(given, u, 0.0);
        double[] w = rootState.clone();
        for (int k = 0; k < model.n; k++) {
            w[k * model.m] += 7e4;
        }
        NewtonResult stepped = newton(model).solve(w, 1, 1e-10);
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
        PnpModel model = model(ReferenceScenarios.neuronRest());
        PnpModel other = model(ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, 0, 0));
        NewtonSolver origin = newton(model);
        List<Double> history = listen(origin, true);
        double[] u = new double[other.n * other.m];
        InitialState.fillSteadyGuess(other, u);
        NewtonSolver sibling = origin.sibling(other);
        NewtonResult r = sibling.solve(u, 60, 1e-12);
        assertTrue(r.converged(), r.reason());
        // one report per assembly; an assembly at a round-off residual ends the solve without an update
        int assemblies = r.iterations() + ("residual at round-off".equals(r.reason()) ? 1 : 0);
        assertTrue(assemblies > 2, "a solve of several iterations: " + assemblies);
        assertEquals(assemblies, history.size());
        assertEquals(r.residualNorm(), history.get(history.size() - 1), 0.0);
        // the sibling solves its own model: its root satisfies its own equations
        assertTrue(nodeResidualNorm(other, u, null) < 1e-9);

        NewtonSolver quiet = newton(model);
        List<Double> none = listen(quiet, false);
        InitialState.fillSteadyGuess(other, u);
        assertTrue(quiet.sibling(other).solve(u, 60, 1e-12).converged());
        assertTrue(none.isEmpty());
    }

    /**
     * A current clamp whose global equation is undetermined: a 1 mA/m² clamp on an insulating membrane over a time
     * step with subnormal 1/Δt = 1e-320, so that the clamp current's dependence on the potential (the displacement
     * current, ∝ 1/Δt) underflows and the bordered system's Schur complement cᵀJ⁻¹b is 0 (the capacitor would need
     * a ψ jump of ~1e310 V_T). The solve reports that at iteration 1, with the finite residual norm of the given state
     * (as reported to the listener), and leaves u untouched, instead of stepping with ±∞/NaN. With a time step of 0.5
     * the displacement current determines the clamp, and the step converges.
     */
    @Test
    void anUndeterminedGlobalConstraintIsReportedNotStepped() {
        Scenario s = ReferenceScenarios.neuronRest().withMembrane(ReferenceScenarios.membrane(0, 0, 0, 0))
                .withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 1e-3, 0));
        PnpModel model = model(s);
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        double[] given = u.clone();
        double electrode = model.electrodePotential();
        NewtonSolver newton = newton(model);
        List<Double> history = listen(newton, true);
        NewtonResult r = newton.solve(u, given, 1e-320, 10, 1e-12);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
        assertEquals("the clamp current does not depend on the potential", r.reason());
        assertTrue(Double.isFinite(r.residualNorm()));
        assertEquals(history.get(0), r.residualNorm(), 0.0);
        assertArrayEquals(given, u, 0.0);
        assertEquals(electrode, model.electrodePotential(), 0.0, "the electrode potential untouched");
        NewtonResult step = newton(model).solve(u, given, 2.0, 30, 1e-12);
        assertTrue(step.converged(), step.reason());
        assertTrue(Double.isFinite(model.electrodePotential()));
    }

    /**
     * One solver serves the steady equations and then a time step whose global equation is another (the inside
     * bath's charge on an insulating membrane, then the membrane current of the clamp): the time step goes exactly
     * as with a fresh solver and converges; likewise a time step first, then the steady state.
     */
    @Test
    void oneSolverServesTheSteadyAndTheTimeStepConstraints() {
        PnpModel model = model(ReferenceScenarios.neuronRest().withMembrane(ReferenceScenarios.membrane(0, 0, 0, 0)));
        assertTrue(model.currentClamped() && !model.clampCarriesCurrent(), "precondition");
        double[] rest = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, rest);
        NewtonSolver shared = newton(model);
        assertTrue(shared.solve(rest, 30, 1e-12).converged());
        assertEquals(model.insideChargeTarget(), model.insideCharge(rest),
                1e-10 * Math.abs(model.insideChargeTarget()) + 1e-12, "the steady state keeps the inside charge");
        double[] start = rest.clone();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < start.length; i++) {
            start[i] = i % model.m == 0 ? start[i] + rnd.nextDouble(-0.05, 0.05) : start[i] * (1 + rnd.nextDouble(-0.05, 0.05));
        }
        double electrode = model.electrodePotential();
        double[] a = start.clone();
        double[] b = start.clone();
        NewtonResult viaShared = shared.solve(a, rest, 2.0, 30, 1e-12);
        model.setElectrodePotential(electrode);
        NewtonResult viaFresh = newton(model).solve(b, rest, 2.0, 30, 1e-12);
        assertTrue(viaFresh.converged(), viaFresh.reason());
        assertEquals(viaFresh, viaShared);
        assertArrayEquals(b, a, 0.0);
        // and the other way round: a time step first, then the steady state
        NewtonSolver stepFirst = newton(model);
        assertTrue(stepFirst.solve(start.clone(), rest, 2.0, 30, 1e-12).converged());
        double[] c = start.clone();
        double[] d = start.clone();
        NewtonResult steadyShared = stepFirst.solve(c, 30, 1e-12);
        NewtonResult steadyFresh = newton(model).solve(d, 30, 1e-12);
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
                .withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0))
                .withPump(ReferenceScenarios.pump(5e-3, true));
        PnpModel model = model(s);
        int sodiumIn = model.pumpInsideNode(0) * model.m + 1 + model.pumpSodium();
        assertTrue(model.closedAmounts().stream().anyMatch(a -> a.row(model.m) == sodiumIn), "precondition");
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-0.05, 0.05) : u[i] * (1 + rnd.nextDouble(-0.05, 0.05));
        }
        for (int c = 0; c < model.closedAmounts().size(); c++) {
            ClosedAmount a = model.closedAmounts().get(c);
            assertTrue(Math.abs(a.amount(u, model.m) - model.closedTarget(c)) > 1e-4 * model.closedTarget(c),
                    "precondition: the disturbed state misses " + a.name());
        }
        double[] delta = new double[u.length];
        newton(model).undampedUpdate(u, u, 0.0, delta);
        for (int i = 0; i < u.length; i++) {
            u[i] += delta[i];
        }
        for (int c = 0; c < model.closedAmounts().size(); c++) {
            ClosedAmount a = model.closedAmounts().get(c);
            double scale = 0;
            for (int p = 0; p < a.nodes().length; p++) {
                scale += Math.abs(a.volumes()[p] * u[a.nodes()[p] * model.m + 1 + a.species()]);
            }
            assertEquals(model.closedTarget(c), a.amount(u, model.m), 1e-12 * scale, a.name());
        }
    }
}
