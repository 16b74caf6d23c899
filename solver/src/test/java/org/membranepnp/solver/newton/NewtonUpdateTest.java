package org.membranepnp.solver.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.fv.GlobalConstraint;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.OpenFlux;
import org.membranepnp.solver.fv.PnpAssembler1D;
import org.membranepnp.solver.fv.PnpModel1D;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * Newton's update is the exact solution of the linearised equations: for every kind of global coupling (closed
 * amounts at node 0 and away from it, steady fluxes of open compartments, current and voltage clamps, the saturating
 * pump, time steps), A·δ = −F holds row by row with A the finite-difference Jacobian of the whole augmented residual,
 * to a small componentwise backward error. Near the root, the residuals then fall quadratically.
 */
class NewtonUpdateTest {
    private static final double INVERSE_TIME_STEP = 2.0;
    /**
     * Componentwise backward error allowed: |(Aδ + F)_i| ≤ 1e-5 Σ_j |A_ij δ_j| + |F_i|. The finite differences are good
     * to about 1e-8; the Woodbury update of the zero-current constraint reaches 1.2e-6 on the open neuron (it is not
     * backward stable like the block LU alone); a wrong term in any coupling gives errors of order one.
     */
    private static final double BACKWARD_ERROR = 1e-5;

    private static Scenario withBoundary(Scenario s, BoundaryKind in, BoundaryKind out, ClampKind clamp,
                                         double currentAPerM2, double voltageMv) {
        return s.withBoundary(new Boundary(in, out, clamp, currentAPerM2, voltageMv));
    }

    static Stream<Arguments> couplings() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        Scenario potassium = ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, -0.01, 0);
        Scenario calcium = ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 0.1, 2, 310.15, -0.02, 0.01);
        return Stream.of(
                Arguments.of("open baths, zero current", neuron, 0.0),
                Arguments.of("open baths, 2 mA/m² clamp", withBoundary(neuron, BoundaryKind.RESERVOIR,
                        BoundaryKind.RESERVOIR, ClampKind.CURRENT, 2e-3, 0), 0.0),
                Arguments.of("open baths, −60 mV clamp", withBoundary(neuron, BoundaryKind.RESERVOIR,
                        BoundaryKind.RESERVOIR, ClampKind.VOLTAGE, 0, -60), 0.0),
                Arguments.of("saturating pump", neuron.withPump(ReferenceScenarios.pump(5e-3, true)), 0.0),
                Arguments.of("saturating pump, time step", neuron.withPump(ReferenceScenarios.pump(5e-3, true)),
                        INVERSE_TIME_STEP),
                Arguments.of("closed inside bath (node 0)", potassium, 0.0),
                Arguments.of("closed outside bath (last node)", withBoundary(potassium, BoundaryKind.RESERVOIR,
                        BoundaryKind.WALL, ClampKind.CURRENT, 0, 0), 0.0),
                Arguments.of("closed outside bath, 1 mA/m² clamp", withBoundary(potassium, BoundaryKind.RESERVOIR,
                        BoundaryKind.WALL, ClampKind.CURRENT, 1e-3, 0), 0.0),
                Arguments.of("closed box, Ca²⁺", withBoundary(calcium, BoundaryKind.WALL, BoundaryKind.WALL,
                        ClampKind.CURRENT, 0, 0), 0.0),
                Arguments.of("closed box with pump", withBoundary(neuron, BoundaryKind.WALL, BoundaryKind.WALL,
                        ClampKind.CURRENT, 0, 0).withPump(ReferenceScenarios.pump(5e-3, true)), 0.0),
                Arguments.of("closed inside bath with pump, Na⁺ impermeant (pump row = amount row)",
                        withBoundary(neuron.withMembrane(ReferenceScenarios.membrane(ReferenceScenarios.P_K_CM_S, 0,
                                0.45 * ReferenceScenarios.P_K_CM_S, 0)), BoundaryKind.WALL, BoundaryKind.RESERVOIR,
                                ClampKind.CURRENT, 0, 0).withPump(ReferenceScenarios.pump(5e-3, true)), 0.0),
                Arguments.of("closed box, time step", withBoundary(calcium, BoundaryKind.WALL, BoundaryKind.WALL,
                        ClampKind.CURRENT, 0, 0), INVERSE_TIME_STEP),
                Arguments.of("closed outside bath, time step", withBoundary(potassium, BoundaryKind.RESERVOIR,
                        BoundaryKind.WALL, ClampKind.CURRENT, 1e-3, 0), INVERSE_TIME_STEP));
    }

    private static PnpModel1D model(Scenario s) {
        return new PnpModel1D(s, GradedMeshBuilder.build(s.withMesh(new MeshSpec(60))));
    }

    /** The steady guess with random relative perturbations: a state away from the root. */
    private static double[] perturbedState(PnpModel1D model, long seed, double size) {
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-size, size) : u[i] * (1 + rnd.nextDouble(-size, size));
        }
        return u;
    }

    /** F(u, J): the node residuals, then the open compartments' own flux equations. */
    private static double[] augmentedResidual(PnpAssembler1D asm, PnpModel1D model, double[] u, double[] uOld,
                                              double invDt, List<GlobalConstraint> constraints) {
        int nodes = model.n * model.m;
        boolean bordered = invDt == 0.0;
        int f = bordered ? model.openFluxes.size() : 0;
        double[] out = new double[nodes + model.openFluxes.size()];
        double[] r = new double[nodes];
        asm.assemble(u, uOld, invDt, constraints, r, new BlockTridiagonalMatrix(model.n, model.m));
        System.arraycopy(r, 0, out, 0, nodes);
        for (int j = 0; j < f; j++) {
            out[nodes + j] = asm.openFluxResidual(j);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("couplings")
    void theUpdateSolvesTheLinearisedEquationsOfEveryCoupling(String name, Scenario s, double invDt) {
        PnpModel1D model = model(s);
        double[] u = perturbedState(model, 7, 0.2);
        double[] uOld = perturbedState(model, 8, 0.2);
        List<GlobalConstraint> constraints = invDt == 0 ? model.steadyConstraints : model.transientConstraints;
        NewtonSolver newton = new NewtonSolver(model);
        PnpAssembler1D asm = new PnpAssembler1D(model);
        int nodes = model.n * model.m;
        boolean bordered = invDt == 0.0 && !model.openFluxes.isEmpty();
        int size = nodes + (bordered ? model.openFluxes.size() : 0);
        // steady fluxes 10 % off those of the state, so that their equations have a residual too
        for (int j = 0; j < model.openFluxes.size(); j++) {
            OpenFlux o = model.openFluxes.get(j);
            double flux = 1.1 * asm.fluxThroughCell(u, o.first(), o.species()) + 1e-3;
            asm.steadyFlux[j] = flux;
            newton.assembler().steadyFlux[j] = flux;
        }
        double[] delta = new double[nodes + model.openFluxes.size()];
        newton.undampedUpdate(u, uOld, invDt, invDt == 0, delta);

        double[] f0 = augmentedResidual(asm, model, u, uOld, invDt, constraints);
        double[][] a = new double[size][size];
        for (int col = 0; col < size; col++) {
            boolean isFlux = col >= nodes;
            double keep = isFlux ? asm.steadyFlux[col - nodes] : u[col];
            double h = 1e-6 * Math.max(1.0, Math.abs(keep));
            set(asm, u, col, nodes, keep + h);
            double[] fp = augmentedResidual(asm, model, u, uOld, invDt, constraints);
            set(asm, u, col, nodes, keep - h);
            double[] fm = augmentedResidual(asm, model, u, uOld, invDt, constraints);
            set(asm, u, col, nodes, keep);
            for (int row = 0; row < size; row++) {
                a[row][col] = (fp[row] - fm[row]) / (2 * h);
            }
        }
        for (int row = 0; row < size; row++) {
            double lhs = f0[row];
            double scale = Math.abs(f0[row]);
            for (int col = 0; col < size; col++) {
                lhs += a[row][col] * delta[col];
                scale += Math.abs(a[row][col] * delta[col]);
            }
            assertEquals(0.0, lhs, BACKWARD_ERROR * scale + 1e-300,
                    name + ": row " + row + " (node " + row / model.m + ", variable " + row % model.m + ") scale "
                            + scale + " F " + f0[row]);
        }
    }

    private static void set(PnpAssembler1D asm, double[] u, int col, int nodes, double value) {
        if (col >= nodes) {
            asm.steadyFlux[col - nodes] = value;
        } else {
            u[col] = value;
        }
    }

    /** Scaled residuals of each iteration, as reported to the listener. */
    private static List<Double> residualHistory(NewtonSolver newton, double[] u, double invDt, boolean steady,
                                                double[] uOld) {
        List<Double> history = new ArrayList<>();
        newton.setListener(new ProgressListener() {
            @Override
            public void onNewtonIteration(int iteration, double residualNorm) {
                history.add(residualNorm);
            }
        }, true);
        NewtonResult result = newton.solve(u, uOld, invDt, steady, 30, 1e-13);
        assertTrue(result.converged(), result.reason());
        return history;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("couplings")
    void nearTheRootResidualsFallQuadratically(String name, Scenario s, double invDt) {
        PnpModel1D model = model(s);
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        NewtonSolver newton = new NewtonSolver(model);
        NewtonResult first = newton.solve(u, u.clone(), 0.0, true, 60, 1e-13);
        assertTrue(first.converged(), name + ": " + first.reason());
        // a time step from the steady state, or the steady state itself, after a small disturbance of the root
        double[] uOld = u.clone();
        SplittableRandom rnd = new SplittableRandom(4);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-0.05, 0.05) : u[i] * (1 + rnd.nextDouble(-0.05, 0.05));
        }
        List<Double> r = residualHistory(newton, u, invDt, invDt == 0, uOld);
        assertTrue(r.size() <= 6, name + ": " + r.size() + " iterations from a 5 % disturbance: " + r);
        // order p = log(r_{k+1}/r_k) / log(r_k/r_{k-1}) in the asymptotic range: quadratic → about 2, linear → 1
        for (int k = 1; k + 1 < r.size(); k++) {
            double prev = r.get(k - 1);
            double now = r.get(k);
            double next = r.get(k + 1);
            if (prev < 1 && now < 1e-2 * prev && next > 1e-11) {
                double order = Math.log(next / now) / Math.log(now / prev);
                assertTrue(order > 1.6, name + ": convergence order " + order + " in " + r);
            }
        }
        // and from a residual of 1e-2 to round-off (1e-11) in at most 3 steps (linear at rate 0.1 would take 9)
        int entered = 0;
        while (r.get(entered) >= 1e-2) {
            entered++;
        }
        int last = entered;
        while (last < r.size() && r.get(last) >= 1e-11) {
            last++;
        }
        assertTrue(last < r.size() && last - entered <= 3, name + ": slow final convergence " + r);
    }

    @Test
    void aNonFiniteStateIsReportedNotIterated() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        u[3 * model.m] = Double.NaN;
        NewtonResult r = new NewtonSolver(model).solve(u, u.clone(), 0, true, 20, 1e-10);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
        assertEquals("residual is not finite", r.reason());
    }

    @Test
    void theIterationLimitIsReported() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        double[] u = perturbedState(model, 2, 0.3);
        NewtonResult r = new NewtonSolver(model).solve(u, u.clone(), 0, true, 2, 1e-12);
        assertFalse(r.converged());
        assertEquals(2, r.iterations());
        assertEquals("no convergence in 2 iterations", r.reason());
        assertTrue(r.residualNorm() > 1e-12 && Double.isFinite(r.residualNorm()), "norm " + r.residualNorm());
    }
}
