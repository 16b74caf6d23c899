package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** The analytic Jacobian and the clamp gradient against central finite differences of the residual. */
class PnpJacobianTest {

    private static PnpModel1D model(Scenario s) {
        return new PnpModel1D(s, GradedMeshBuilder.build(s.withMesh(new MeshSpec(60))));
    }

    /** A state away from equilibrium: the steady guess with random relative perturbations. */
    private static double[] perturbedState(PnpModel1D model, long seed) {
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-0.3, 0.3) : u[i] * (1 + rnd.nextDouble(-0.2, 0.2));
        }
        return u;
    }

    private static void checkJacobian(Scenario s, double invDt, List<GlobalConstraint> constraints) {
        PnpModel1D model = model(s);
        PnpAssembler1D asm = new PnpAssembler1D(model);
        double[] u = perturbedState(model, 11);
        double[] old = perturbedState(model, 12);
        int size = u.length;
        BlockTridiagonalMatrix jac = new BlockTridiagonalMatrix(model.n, model.m);
        BlockTridiagonalMatrix scratch = new BlockTridiagonalMatrix(model.n, model.m);
        double[] r = new double[size];
        asm.assemble(u, old, invDt, constraints, r, jac);
        double[] rp = new double[size];
        double[] rm = new double[size];
        int m = model.m;
        for (int col = 0; col < size; col++) {
            int kc = col / m;
            int vc = col % m;
            double h = 1e-6 * Math.max(1.0, Math.abs(u[col]));
            double keep = u[col];
            u[col] = keep + h;
            asm.assemble(u, old, invDt, constraints, rp, scratch);
            u[col] = keep - h;
            asm.assemble(u, old, invDt, constraints, rm, scratch);
            u[col] = keep;
            for (int kr = Math.max(0, kc - 1); kr <= Math.min(model.n - 1, kc + 1); kr++) {
                for (int vr = 0; vr < m; vr++) {
                    int row = kr * m + vr;
                    double fd = (rp[row] - rm[row]) / (2 * h);
                    double[] block = kr == kc ? jac.diag : kr == kc + 1 ? jac.lower : jac.upper;
                    double an = block[jac.index(kr, vr, vc)];
                    if (isGlobalRow(constraints, kr, vr)) {
                        continue; // checked through the constraint's gradient
                    }
                    assertEquals(fd, an, 1e-6 * (1 + Math.abs(fd)),
                            "d r(" + kr + "," + vr + ") / d u(" + kc + "," + vc + ")");
                }
            }
        }
    }

    private static boolean isGlobalRow(List<GlobalConstraint> constraints, int k, int v) {
        for (GlobalConstraint c : constraints) {
            if (c.rowNode() == k && c.variable() == v) {
                return true;
            }
        }
        return false;
    }

    @Test
    void steadyJacobianOfNeuronMatchesFiniteDifferences() {
        Scenario s = ReferenceScenarios.neuronRest();
        checkJacobian(s, 0.0, model(s).steadyConstraints);
    }

    @Test
    void timeStepJacobianOfClosedCellMatchesFiniteDifferences() {
        Scenario s = ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 0.1, 2, 310, -0.01, 0.02);
        checkJacobian(s, 3.0, model(s).transientConstraints);
    }

    @Test
    void constraintGradientsMatchFiniteDifferences() {
        for (Scenario s : new Scenario[]{ReferenceScenarios.neuronRest(),
                ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310, 0, 0),
                ReferenceScenarios.neuronRest().withPump(ReferenceScenarios.pump(1e-3, true))}) {
            PnpModel1D model = model(s);
            double[] u = perturbedState(model, 5);
            double[] old = perturbedState(model, 6);
            for (double invDt : new double[]{0.0, 2.0}) {
                List<GlobalConstraint> all = invDt == 0 ? model.steadyConstraints : model.transientConstraints;
                for (GlobalConstraint c : all) {
                    double[] g = new double[(c.last() - c.first() + 1) * model.m];
                    c.gradient(u, invDt, g);
                    for (int j = 0; j < g.length; j++) {
                        int idx = c.first() * model.m + j;
                        double h = 1e-6 * Math.max(1, Math.abs(u[idx]));
                        double keep = u[idx];
                        u[idx] = keep + h;
                        double p = c.residual(u, old, invDt);
                        u[idx] = keep - h;
                        double q = c.residual(u, old, invDt);
                        u[idx] = keep;
                        double fd = (p - q) / (2 * h);
                        assertEquals(fd, g[j], 1e-6 * (1 + Math.abs(fd)), c.name() + " entry " + j);
                    }
                }
            }
        }
    }

    @Test
    void pumpRateGradientMatchesFiniteDifferences() {
        Scenario s = ReferenceScenarios.neuronRest().withPump(ReferenceScenarios.pump(1e-3, true));
        PnpModel1D model = model(s);
        double[] u = perturbedState(model, 21);
        double[] g = new double[2];
        model.pump.gradient(u, g);
        int[] idx = {model.pump.sodiumInIndex(), model.pump.potassiumOutIndex()};
        for (int q = 0; q < 2; q++) {
            double keep = u[idx[q]];
            double h = 1e-6 * keep;
            u[idx[q]] = keep + h;
            double p = model.pump.rate(u);
            u[idx[q]] = keep - h;
            double m = model.pump.rate(u);
            u[idx[q]] = keep;
            assertEquals((p - m) / (2 * h), g[q], 1e-6 * Math.abs(g[q]));
        }
    }

    @Test
    void newtonWithTheSaturatingPumpStillConvergesQuadratically() {
        // Sherman–Morrison adds the pump's rank-one Jacobian: the iteration count stays that of plain Newton
        Scenario s = ReferenceScenarios.neuronRest().withPump(ReferenceScenarios.pump(5e-3, true));
        var slab = new org.membranepnp.solver.MembraneSlabSolver(s);
        slab.useSteadyGuess();
        slab.solveSteady();
        var r = slab.result();
        assertEquals(0, r.timeSteps(), "no continuation needed");
        org.junit.jupiter.api.Assertions.assertTrue(r.newtonIterations() <= 5, "iterations " + r.newtonIterations());
    }
}
