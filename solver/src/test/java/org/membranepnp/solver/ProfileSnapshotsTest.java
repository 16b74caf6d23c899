package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** Snapshots of the charging membrane at log-spaced times, without changing the time steps. */
class ProfileSnapshotsTest {
    @Test
    void snapshotsFollowTheChargingAndDoNotChangeTheRun() {
        Scenario s = ReferenceScenarios.neuronRest().withRun(new RunSpec(RunMode.TRANSIENT, 1e-2, 1e-4));
        double[] wanted = {0, 1e-9, 1e-7, 1e-5, 1e-3, 1e-2};
        List<Double> times = new ArrayList<>();
        List<Profiles> frames = new ArrayList<>();
        ProfileSnapshots sink = new ProfileSnapshots() {
            int next;

            @Override
            public double nextTimeS() {
                return next < wanted.length ? wanted[next] : Double.POSITIVE_INFINITY;
            }

            @Override
            public void take(double timeS, double vm, Profiles p) {
                times.add(timeS);
                frames.add(p);
                while (next < wanted.length && wanted[next] <= timeS) {
                    next++;
                }
            }
        };
        RunResult with = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE,
                new RunControl(() -> false, 0, cp -> { }, sink), null);
        RunResult without = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        assertArrayEquals(without.timeSeries().timeS(), with.timeSeries().timeS(), 0.0);
        assertEquals(wanted.length, times.size(), "one frame per requested time: " + times);
        for (int k = 0; k < wanted.length; k++) {
            assertTrue(times.get(k) >= wanted[k] * (1 - 1e-12), "frame " + k + " at " + times.get(k));
        }
        // the separated charge grows as the membrane charges: compare the inside-face charge density
        int a = frames.get(0).membraneStartNode();
        double early = Math.abs(frames.get(1).chargeDensityCPerM3()[a - 1]);
        double late = Math.abs(frames.get(frames.size() - 1).chargeDensityCPerM3()[a - 1]);
        assertTrue(late > early, "the layer charges: " + early + " → " + late);
        assertArrayEquals(with.profiles().potentialMv(), frames.get(frames.size() - 1).potentialMv(), 0.0);
    }
}
