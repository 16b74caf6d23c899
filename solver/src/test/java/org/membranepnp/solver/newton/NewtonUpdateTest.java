package org.membranepnp.solver.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.InitialState;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.LateralMeshBuilder;
import org.membranepnp.solver.mesh.Mesh2D;
import org.membranepnp.solver.mesh.PatchMeshBuilder;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * Newton's update is the solution of the linearised equations: for every kind of global coupling on a 1-D chain
 * (closed amounts at node 0 and away from it, steady partial-flux rows from a wall, current clamps with the electrode
 * potential as a bordered unknown, the inside charge of a clamped slab that no ion crosses, voltage clamps, the
 * saturating pump, time steps), {@link NewtonSolver#undampedUpdate} agrees with a dense solve A δ = −F of the
 * central finite-difference Jacobian A of the whole system (node residuals of {@link PnpAssembler}, the pump and
 * amounts included, and with a current clamp the clamp's own equation with its column ∂F/∂V̂), and meets A δ = −F
 * row by row to a small componentwise backward error. Near the root, the residuals then fall quadratically.
 */
class NewtonUpdateTest {
    private static final double INVERSE_TIME_STEP = 2.0;
    /**
     * A saturating pump of 10¹³ cycles/(s µm²), far beyond a real membrane's, so that its derivatives by the face
     * concentrations weigh in every row they enter (a real pump's are below the finite differences' resolution).
     */
    private static final NaKPump STRONG_PUMP = new NaKPump(1e13, true, 15, 100, "Na", "K");
    /**
     * Componentwise backward error allowed: |(Aδ + F)_i| ≤ 1e-6 (Σ_j |A_ij δ_j| + |F_i|). The central differences of
     * the SG fluxes are good to about 1e-9 relative, GMRES is asked for a relative residual of 1e-13 in the
     * equilibrated rows; a wrong term in any coupling gives errors of order one.
     */
    private static final double BACKWARD_ERROR = 1e-6;
    /**
     * Agreement with the dense solve, per unknown relative to the largest |δ| of its kind (potentials ψ and V̂, or
     * the concentrations of one species) plus 1e-12: the dense solve of the finite-difference matrix is good to about
     * cond · 1e-9 (observed at most 5e-5, in the Ca²⁺ box's time step from a far state, a 1e4 V_T update).
     */
    private static final double FORWARD_ERROR = 2e-4;
    /** Agreement of the electrode's δV̂ with the dense solve, relative to its own size. */
    private static final double ELECTRODE_ERROR = 2e-3;

    private static Scenario withBoundary(Scenario s, BoundaryKind in, BoundaryKind out, ClampKind clamp,
                                         double currentAPerM2, double voltageMv) {
        return s.withBoundary(new Boundary(in, out, clamp, currentAPerM2, voltageMv));
    }

    static Stream<Arguments> couplings() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        Scenario potassium = ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, -0.01, 0);
        Scenario calcium = ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 0.1, 2, 310.15, -0.02, 0.01);
        Scenario insulated = neuron.withMembrane(ReferenceScenarios.membrane(0, 0, 0, 0));
        return Stream.of(
                Arguments.of("open baths, zero current", neuron, 0.0),
                Arguments.of("open baths, 2 mA/m² clamp", withBoundary(neuron, BoundaryKind.RESERVOIR,
                        BoundaryKind.RESERVOIR, ClampKind.CURRENT, 2e-3, 0), 0.0),
                Arguments.of("open baths, 2 mA/m² clamp, time step", withBoundary(neuron, BoundaryKind.RESERVOIR,
                        BoundaryKind.RESERVOIR, ClampKind.CURRENT, 2e-3, 0), INVERSE_TIME_STEP),
                Arguments.of("open baths, −60 mV clamp", withBoundary(neuron, BoundaryKind.RESERVOIR,
                        BoundaryKind.RESERVOIR, ClampKind.VOLTAGE, 0, -60), 0.0),
                Arguments.of("insulating membrane, current clamp: the inside charge", insulated, 0.0),
                Arguments.of("insulating membrane, current clamp, time step", insulated, INVERSE_TIME_STEP),
                Arguments.of("insulating membrane with a charged inside face: the inside charge is not 0",
                        neuron.withMembrane(new Membrane(5.0, 5.6, new double[] {0, 0, 0, 0}, -0.02, 0.0,
                                Membrane.DEFAULT_PARTITION_COEFFICIENT)), 0.0),
                Arguments.of("saturating pump, current clamp", neuron.withPump(ReferenceScenarios.pump(5e-3, true)),
                        0.0),
                Arguments.of("saturating pump, time step", neuron.withPump(ReferenceScenarios.pump(5e-3, true)),
                        INVERSE_TIME_STEP),
                Arguments.of("closed inside bath (node 0)", potassium, 0.0),
                Arguments.of("closed outside bath (last node)", withBoundary(potassium, BoundaryKind.RESERVOIR,
                        BoundaryKind.WALL, ClampKind.CURRENT, 0, 0), 0.0),
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
                Arguments.of("closed outside bath, pump, time step", withBoundary(neuron, BoundaryKind.RESERVOIR,
                        BoundaryKind.WALL, ClampKind.CURRENT, 0, 0).withPump(ReferenceScenarios.pump(5e-3, true)),
                        INVERSE_TIME_STEP));
    }

    /**
     * For the update only (no steady state near): a pump as fast as the ions' transport on a chain; and the same
     * couplings on a small 2-D patch with a charged K⁺/Na⁺ pore, where the update comes from GMRES with the
     * multigrid preconditioner and the global couplings applied matrix-free (not from the chain's direct solver).
     * (A closed bath is left out here: a 2-D patch has no partial flux rows, and its finite-difference system is
     * too ill-conditioned for the dense solve to be a reference.)
     */
    static Stream<Arguments> strongAndPatchCouplings() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        Channel pore = new Channel("pore", 3.0, 2.0, 70, new double[] {1.0, 0.3, 0.0, 0.0}, -50.0);
        Scenario patch = ReferenceScenarios.plane(neuron, 0.008, 6.0, List.of(pore)).withPump(STRONG_PUMP);
        return Stream.of(
                Arguments.of("a pump as fast as the ions' transport, current clamp", neuron.withPump(STRONG_PUMP),
                        0.0),
                Arguments.of("patch: pump, 2 mA/m² clamp", withBoundary(patch, BoundaryKind.RESERVOIR,
                        BoundaryKind.RESERVOIR, ClampKind.CURRENT, 2e-3, 0), 0.0),
                Arguments.of("patch: pump, clamp, time step", withBoundary(patch, BoundaryKind.RESERVOIR,
                        BoundaryKind.RESERVOIR, ClampKind.CURRENT, 2e-3, 0), INVERSE_TIME_STEP),
                Arguments.of("patch: pump, −60 mV clamp", withBoundary(patch, BoundaryKind.RESERVOIR,
                        BoundaryKind.RESERVOIR, ClampKind.VOLTAGE, 0, -60), 0.0));
    }

    /** A chain of about 60 cells, or for a 2-D scenario a coarse patch (about 30 × 6 nodes). */
    private static PnpModel model(Scenario s) {
        if (s.isTwoDimensional()) {
            double[] y = LateralMeshBuilder.build(s.lateral(), 0.8, 6.0);
            return new PnpModel(s, PatchMeshBuilder.build(new Mesh2D(GradedMeshBuilder.plan(s, 6.0).build(), y,
                    s.lateral()), false));
        }
        return new PnpModel(s, ChainMeshBuilder.build(GradedMeshBuilder.build(s.withMesh(new MeshSpec(60)))));
    }

    private static NewtonSolver newton(PnpModel model) {
        return new NewtonSolver(model, WorkerPool.serial());
    }

    /** The steady guess with random relative perturbations: a state away from the root. */
    private static double[] perturbedState(PnpModel model, long seed, double size) {
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-size, size) : u[i] * (1 + rnd.nextDouble(-size, size));
        }
        return u;
    }

    /**
     * F(x) of the whole system, x = (u, V̂) with V̂ the inside electrode's potential when a current clamp makes it an
     * unknown: the node residuals (the electrode's ψ rows u − V̂), then the clamp's equation — in a time step or
     * when ions cross, I(u) + I_pump − I_clamp A through the middle of the membrane; else Q̂_in(u) − Q̂_in,target.
     */
    private static double[] fullResidual(PnpModel model, PnpAssembler asm, double[] x, double[] uOld, double invDt) {
        int nodes = model.n * model.m;
        boolean bordered = model.currentClamped();
        double[] u = java.util.Arrays.copyOf(x, nodes);
        if (bordered) {
            model.setElectrodePotential(x[nodes]);
        }
        double[] out = new double[nodes + (bordered ? 1 : 0)];
        double[] r = new double[nodes];
        asm.assemble(u, uOld, invDt, r, BlockSlots.sparse(model.mesh, model.m));
        System.arraycopy(r, 0, out, 0, nodes);
        if (bordered) {
            if (invDt == 0.0 && !model.clampCarriesCurrent()) {
                out[nodes] = model.insideCharge(u) - model.insideChargeTarget();
            } else {
                int[] mid = model.midMembraneEdges();
                out[nodes] = asm.current(mid, u, uOld, invDt) + asm.pumpCurrent()
                        - model.clampCurrent() * model.membraneArea;
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"couplings", "strongAndPatchCouplings"})
    void theUpdateSolvesTheLinearisedEquationsOfEveryCoupling(String name, Scenario s, double invDt) {
        PnpModel model = model(s);
        double[] u = perturbedState(model, 7, 0.2);
        double[] uOld = perturbedState(model, 8, 0.2);
        int nodes = model.n * model.m;
        boolean bordered = model.currentClamped();
        int size = nodes + (bordered ? 1 : 0);
        double[] delta = new double[size];
        newton(model).undampedUpdate(u, uOld, invDt, delta);

        PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
        double[] x = java.util.Arrays.copyOf(u, size);
        if (bordered) {
            x[nodes] = u[model.insideElectrodeNodes()[0] * model.m]; // where undampedUpdate starts V̂
        }
        double[] f0 = fullResidual(model, asm, x, uOld, invDt);
        double[][] a = new double[size][size];
        for (int col = 0; col < size; col++) {
            double keep = x[col];
            boolean concentration = col < nodes && col % model.m != 0;
            double h = 1e-6 * Math.max(Math.abs(keep), concentration ? 1e-3 : 1.0);
            x[col] = keep + h;
            double[] fp = fullResidual(model, asm, x, uOld, invDt);
            x[col] = keep - h;
            double[] fm = fullResidual(model, asm, x, uOld, invDt);
            x[col] = keep;
            for (int row = 0; row < size; row++) {
                a[row][col] = (fp[row] - fm[row]) / (2 * h);
            }
        }
        // backward error of Newton's δ in the finite-difference system, row by row
        double worstBackward = 0;
        for (int row = 0; row < size; row++) {
            double lhs = f0[row];
            double scale = Math.abs(f0[row]);
            for (int col = 0; col < size; col++) {
                lhs += a[row][col] * delta[col];
                scale += Math.abs(a[row][col] * delta[col]);
            }
            worstBackward = Math.max(worstBackward, scale > 0 ? Math.abs(lhs) / scale : Math.abs(lhs));
            assertEquals(0.0, lhs, BACKWARD_ERROR * scale + 1e-300,
                    name + ": row " + row + " (node " + row / model.m + ", variable " + row % model.m + ") scale "
                            + scale + " F " + f0[row]);
        }
        // and the dense solve of the same system: δ_dense = −A⁻¹F
        double[] minusF = new double[size];
        for (int i = 0; i < size; i++) {
            minusF[i] = -f0[i];
        }
        double[] dense = denseSolve(a, minusF);
        double[] kindMax = new double[model.m];
        for (int i = 0; i < size; i++) {
            int k = i < nodes ? i % model.m : 0;
            kindMax[k] = Math.max(kindMax[k], Math.abs(dense[i]));
        }
        double worstForward = 0;
        for (int i = 0; i < size; i++) {
            int k = i < nodes ? i % model.m : 0;
            if (i < nodes && model.kind(i) == EquationKind.INACTIVE) {
                assertEquals(0.0, delta[i], 0.0, name + ": an inactive unknown stays 0");
            }
            double allowed = FORWARD_ERROR * kindMax[k] + 1e-12;
            worstForward = Math.max(worstForward, Math.abs(dense[i] - delta[i]) / (kindMax[k] + 1e-12));
            assertEquals(dense[i], delta[i], allowed, name + ": δ of unknown " + i + " (node " + i / model.m
                    + ", variable " + i % model.m + ")");
        }
        assertTrue(kindMax[0] > 1e-3, name + ": a real update, max |δψ| " + kindMax[0]);
        if (bordered) {
            // the electrode's δV̂ on its own scale: it can be far smaller than the ψ updates (5e-4 V_T against 1e2 for
            // the insulating membrane's inside charge, whose dense solve is good to 4e-4 of it)
            double v = dense[nodes];
            assertEquals(v, delta[nodes], ELECTRODE_ERROR * Math.abs(v) + 1e-12, name + ": δV̂");
        }
        System.out.printf("[newton update] %s: %d unknowns, backward error %.1e, forward error %.1e%n", name, size,
                worstBackward, worstForward);
    }

    /** x = A⁻¹b by Gaussian elimination with partial pivoting on the row-equilibrated matrix (A, b are copied). */
    private static double[] denseSolve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        double[] b = rhs.clone();
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            double max = 0;
            for (double v : a[i]) {
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max > 0, "a zero row " + i + " in the finite-difference Jacobian");
            for (int j = 0; j < n; j++) {
                a[i][j] /= max;
            }
            b[i] /= max;
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[p][c])) {
                    p = i;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double tb = b[c];
            b[c] = b[p];
            b[p] = tb;
            for (int i = c + 1; i < n; i++) {
                double f = a[i][c] / a[c][c];
                if (f != 0.0) {
                    for (int j = c; j < n; j++) {
                        a[i][j] -= f * a[c][j];
                    }
                    b[i] -= f * b[c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int j = i + 1; j < n; j++) {
                sum -= a[i][j] * x[j];
            }
            x[i] = sum / a[i][i];
        }
        return x;
    }

    /** Scaled residuals of each iteration, as reported to the listener. */
    private static List<Double> residualHistory(NewtonSolver newton, double[] u, double invDt, double[] uOld) {
        List<Double> history = new ArrayList<>();
        newton.setListener(new ProgressListener() {
            @Override
            public void onNewtonIteration(int iteration, double residualNorm) {
                history.add(residualNorm);
            }
        }, true);
        NewtonResult result = newton.solve(u, uOld, invDt, 30, 1e-13);
        assertTrue(result.converged(), result.reason());
        return history;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("couplings")
    void nearTheRootResidualsFallQuadratically(String name, Scenario s, double invDt) {
        PnpModel model = model(s);
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        NewtonSolver newton = newton(model);
        NewtonResult first = newton.solve(u, 60, 1e-13);
        assertTrue(first.converged(), name + ": " + first.reason());
        // a time step from the steady state, or the steady state itself, after a small disturbance of the root
        double[] uOld = u.clone();
        SplittableRandom rnd = new SplittableRandom(4);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-0.05, 0.05) : u[i] * (1 + rnd.nextDouble(-0.05, 0.05));
        }
        List<Double> r = residualHistory(newton, u, invDt, uOld);
        // to the round-off floor in at most 4 iterations, then at most 2 more until the update settles there
        assertTrue(r.size() <= 7, name + ": " + r.size() + " iterations from a 5 % disturbance: " + r);
        double floor = r.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        // quadratic: r_{k+1} ≤ C r_k² with C = 10 wherever r_k < 1 and r_{k+1} is clear of round-off (above 1e-10 and
        // 10× the floor reached); a linear rate ρ would give r_{k+1}/r_k² = ρ/r_k, > 100 ρ once r_k < 1e-2
        int measured = 0;
        for (int k = 0; k + 1 < r.size(); k++) {
            double now = r.get(k);
            double next = r.get(k + 1);
            if (now < 1 && next > Math.max(1e-10, 10 * floor)) {
                assertTrue(next <= 10 * now * now, name + ": r_k+1/r_k² = " + next / (now * now) + " in " + r);
                measured++;
            }
        }
        assertTrue(measured >= 1, name + ": no step in the asymptotic range: " + r);
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
        System.out.printf("[newton quadratic] %s: residuals %s (%d orders measured)%n", name, r, measured);
    }

    @Test
    void aNonFiniteStateIsReportedNotIterated() {
        PnpModel model = model(ReferenceScenarios.neuronRest());
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        u[3 * model.m] = Double.NaN;
        double[] given = u.clone();
        NewtonResult r = newton(model).solve(u, 20, 1e-10);
        assertFalse(r.converged());
        assertEquals(1, r.iterations());
        assertEquals("residual is not finite", r.reason());
        assertTrue(java.util.Arrays.equals(given, u), "u untouched");
    }

    @Test
    void theIterationLimitIsReported() {
        PnpModel model = model(ReferenceScenarios.neuronRest());
        double[] u = perturbedState(model, 2, 0.3);
        NewtonResult r = newton(model).solve(u, 2, 1e-12);
        assertFalse(r.converged());
        assertEquals(2, r.iterations());
        assertEquals("no convergence in 2 iterations", r.reason());
        assertTrue(r.residualNorm() > 1e-12 && Double.isFinite(r.residualNorm()), "norm " + r.residualNorm());
    }
}
