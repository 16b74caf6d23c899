package org.membranepnp.solver.validation;

import java.util.function.Consumer;
import org.membranepnp.engine.analytic.GouyChapman;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.MembraneSlabSolver;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;

/**
 * Case 7: mesh convergence. Halving every cell twice, the observed order p = log2(e_h / e_{h/2}) of the change of
 * the neuron's V_m and of the Gouy–Chapman potential error must be that of a second-order method (1.7 ≤ p ≤ 2.3).
 */
final class ConvergenceValidation {
    static final double LOW = 1.7;
    static final double HIGH = 2.3;

    private ConvergenceValidation() {
    }

    static void run(Consumer<ValidationCase> sink) {
        Scenario s = ReferenceScenarios.neuronRest();
        Mesh1D m0 = GradedMeshBuilder.plan(s, 2.0).build();
        Mesh1D m1 = m0.refined();
        Mesh1D m2 = m1.refined();
        double v0 = steadyVm(s, m0);
        double v1 = steadyVm(s, m1);
        double v2 = steadyVm(s, m2);
        double order = log2(Math.abs(v0 - v1) / Math.abs(v1 - v2));
        sink.accept(ValidationSuite.within("Mesh convergence order of V_m (neuron-rest)", order, "1", LOW, HIGH,
                String.format("%d/%d/%d cells: V_m = %.9f / %.9f / %.9f mV", m0.cellCount(), m1.cellCount(),
                        m2.cellCount(), v0, v1, v2)));

        Scenario gc = GouyChapmanValidation.scenario();
        double psi0 = GouyChapman.surfacePotentialMv(GouyChapmanValidation.SIGMA_C_PER_M2,
                GouyChapmanValidation.SALT_MM, 1, 80, GouyChapmanValidation.TEMPERATURE_K);
        Mesh1D g0 = GradedMeshBuilder.plan(gc, 2.0).build();
        Mesh1D g1 = g0.refined();
        Mesh1D g2 = g1.refined();
        double e0 = gcError(gc, g0, psi0);
        double e1 = gcError(gc, g1, psi0);
        double e2 = gcError(gc, g2, psi0);
        double gcOrder = log2(e1 / e2);
        sink.accept(ValidationSuite.within("Mesh convergence order of Gouy-Chapman error", gcOrder, "1", LOW,
                HIGH, String.format("%d/%d/%d cells: max error %.3e / %.3e / %.3e mV (first order %.2f)",
                        g0.cellCount(), g1.cellCount(), g2.cellCount(), e0, e1, e2, log2(e0 / e1))));
    }

    private static double steadyVm(Scenario s, Mesh1D mesh) {
        MembraneSlabSolver slab = new MembraneSlabSolver(s, mesh);
        slab.useSteadyGuess();
        slab.solveSteady();
        return slab.membranePotentialMv();
    }

    private static double gcError(Scenario s, Mesh1D mesh, double psi0) {
        MembraneSlabSolver slab = new MembraneSlabSolver(s, mesh);
        slab.useSteadyGuess();
        slab.solveSteady();
        return GouyChapmanValidation.maxPotentialError(slab.result(), psi0);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
