package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** Time courses: they end at the steady state, conserve amounts, keep concentrations positive. */
class TransientTest {

    @Test
    void closedCellChargesToTheSteadyNernstPotential() {
        Scenario s = ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310, 0, 0);
        RunResult steady = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        RunResult run = Simulation.run(s.withRun(new RunSpec(RunMode.TRANSIENT, 5.0, 1e-5)), SolverOptions.DEFAULT,
                ProgressListener.NONE);
        assertEquals(steady.membranePotentialMv(), run.membranePotentialMv(), 0.01);
        assertTrue(run.conservationError() < 1e-12, "conservation " + run.conservationError());
        SteadyStateRobustnessTest.assertPositive(run);
        TimeSeries ts = run.timeSeries();
        assertEquals(0.0, ts.timeS()[0], 0.0);
        assertEquals(0.0, ts.membranePotentialMv()[0], 1e-12, "starts uncharged");
        assertEquals(5.0, ts.timeS()[ts.sampleCount() - 1], 1e-9);
        for (int k = 1; k < ts.sampleCount(); k++) {
            assertTrue(ts.timeS()[k] > ts.timeS()[k - 1]);
        }
        // the time steps span from below a nanosecond (Debye-layer charging) to above a tenth of a second
        assertTrue(ts.timeS()[1] < 1e-9, "first step " + ts.timeS()[1]);
        assertTrue(maxStep(ts) > 0.1, "largest step " + maxStep(ts));
    }

    @Test
    void transientCurrentsAreThoseOfTheMembrane() {
        Scenario s = ReferenceScenarios.neuronRest().withRun(new RunSpec(RunMode.TRANSIENT, 1.0, 1e-5));
        RunResult run = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        RunResult steady = Simulation.run(ReferenceScenarios.neuronRest(), SolverOptions.DEFAULT, ProgressListener.NONE);
        assertEquals(steady.membranePotentialMv(), run.membranePotentialMv(), 0.01);
        TimeSeries ts = run.timeSeries();
        int last = ts.sampleCount() - 1;
        double total = 0;
        for (int i = 0; i < 4; i++) {
            total += ts.currentsAPerM2()[i][last];
        }
        double kCurrent = ts.currentsAPerM2()[0][last];
        assertTrue(Math.abs(total) < 1e-3 * Math.abs(kCurrent), "net current at rest " + total);
    }

    private static double maxStep(TimeSeries ts) {
        double m = 0;
        for (int k = 1; k < ts.sampleCount(); k++) {
            m = Math.max(m, ts.timeS()[k] - ts.timeS()[k - 1]);
        }
        return m;
    }
}
