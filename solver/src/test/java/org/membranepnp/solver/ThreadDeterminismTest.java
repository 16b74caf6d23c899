package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** Results are bit-identical for 1, 2 and 3 threads (fixed chunks, disjoint writes, fixed-order reductions). */
class ThreadDeterminismTest {

    private static RunResult run(Scenario s, int threads) {
        return Simulation.run(s, new SolverOptions(threads, false), ProgressListener.NONE);
    }

    private static void assertIdentical(RunResult a, RunResult b) {
        assertEquals(Double.doubleToRawLongBits(a.membranePotentialMv()), Double.doubleToRawLongBits(b.membranePotentialMv()));
        assertArrayEquals(a.profiles().potentialMv(), b.profiles().potentialMv(), 0.0);
        for (int i = 0; i < a.profiles().concentrationsMm().length; i++) {
            assertArrayEquals(a.profiles().concentrationsMm()[i], b.profiles().concentrationsMm()[i], 0.0);
        }
        assertArrayEquals(a.membraneFluxMolPerM2S(), b.membraneFluxMolPerM2S(), 0.0);
        assertEquals(a.newtonIterations(), b.newtonIterations());
    }

    @Test
    void steadyStateIsTheSameForAnyNumberOfThreads() {
        // 30 000 cells: several chunks of the worker pool
        Scenario s = ReferenceScenarios.neuronRest().withMesh(new MeshSpec(30000));
        RunResult one = run(s, 1);
        assertIdentical(one, run(s, 2));
        assertIdentical(one, run(s, 3));
    }

    @Test
    void transientIsTheSameForAnyNumberOfThreads() {
        Scenario s = ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310, -0.01, 0)
                .withMesh(new MeshSpec(12000)).withRun(new RunSpec(RunMode.TRANSIENT, 1e-3, 1e-4));
        RunResult one = run(s, 1);
        RunResult two = run(s, 2);
        assertIdentical(one, two);
        assertArrayEquals(one.timeSeries().membranePotentialMv(), two.timeSeries().membranePotentialMv(), 0.0);
    }
}
