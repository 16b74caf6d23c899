package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * Steady states found from a cold start (uniform baths, ψ = 0, no analytic guess) agree with those found from
 * the analytic guess, for clamps from −100 to +100 mV.
 */
class SteadyStateRobustnessTest {

    private static Scenario clamped(double mv) {
        return ReferenceScenarios.neuronRest().withBoundary(new Boundary(BoundaryKind.RESERVOIR,
                BoundaryKind.RESERVOIR, ClampKind.VOLTAGE, 0, mv));
    }

    private static RunResult solve(Scenario s, boolean guess) {
        MembraneSlabSolver slab = new MembraneSlabSolver(s);
        if (guess) {
            slab.useSteadyGuess();
        }
        slab.solveSteady();
        return slab.result();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-100, -60, 0, 40, 100})
    void coldStartUnderVoltageClampMatchesGuessedStart(double mv) {
        RunResult cold = solve(clamped(mv), false);
        RunResult warm = solve(clamped(mv), true);
        assertEquals(mv, cold.membranePotentialMv(), 1e-9);
        assertEquals(warm.intramembraneDropMv(), cold.intramembraneDropMv(), 1e-7);
        for (int i = 0; i < warm.membraneFluxMolPerM2S().length; i++) {
            double w = warm.membraneFluxMolPerM2S()[i];
            assertEquals(w, cold.membraneFluxMolPerM2S()[i], 1e-8 * Math.abs(w) + 1e-30);
        }
        assertPositive(cold);
    }

    @Test
    void coldStartOfFreeRunningNeuronFindsTheSameRestingPotential() {
        RunResult cold = solve(ReferenceScenarios.neuronRest(), false);
        RunResult warm = solve(ReferenceScenarios.neuronRest(), true);
        assertEquals(warm.membranePotentialMv(), cold.membranePotentialMv(), 1e-7);
        assertPositive(cold);
    }

    @Test
    void coldStartOfClosedNernstCellKeepsAmountsAndReachesNernst() {
        Scenario s = ReferenceScenarios.nernst(ReferenceScenarios.chloride(), 7, 149, 310, -0.02, 0.01);
        RunResult cold = solve(s, false);
        RunResult warm = solve(s, true);
        assertEquals(warm.membranePotentialMv(), cold.membranePotentialMv(), 1e-7);
        assertTrue(cold.conservationError() < 1e-12, "conservation " + cold.conservationError());
    }

    static void assertPositive(RunResult r) {
        for (double[] c : r.profiles().concentrationsMm()) {
            for (double v : c) {
                assertTrue(v >= 0, "negative concentration " + v);
            }
        }
    }
}
