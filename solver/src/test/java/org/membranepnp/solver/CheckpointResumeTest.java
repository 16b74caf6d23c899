package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.CheckpointFile;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** A transient stopped and resumed from its checkpoint file ends bit-identical to one that never stopped. */
class CheckpointResumeTest {
    @TempDir
    Path dir;

    private static Scenario runDown() {
        return ReferenceScenarios.neuronRest()
                .withBoundary(new org.membranepnp.engine.model.Boundary(
                        org.membranepnp.engine.model.BoundaryKind.WALL, org.membranepnp.engine.model.BoundaryKind.RESERVOIR,
                        org.membranepnp.engine.model.ClampKind.CURRENT, 0, 0))
                .withRun(new RunSpec(RunMode.TRANSIENT, 100.0, 1e-4));
    }

    private static void assertSameEnd(RunResult a, RunResult b) {
        assertArrayEquals(a.profiles().potentialMv(), b.profiles().potentialMv(), 0.0);
        for (int i = 0; i < a.profiles().concentrationsMm().length; i++) {
            assertArrayEquals(a.profiles().concentrationsMm()[i], b.profiles().concentrationsMm()[i], 0.0);
        }
        assertArrayEquals(a.timeSeries().timeS(), b.timeSeries().timeS(), 0.0);
        assertArrayEquals(a.timeSeries().membranePotentialMv(), b.timeSeries().membranePotentialMv(), 0.0);
        assertEquals(a.timeSteps(), b.timeSteps());
        assertEquals(a.newtonIterations(), b.newtonIterations());
    }

    @Test
    void stoppedRunResumesExactly() {
        Scenario s = runDown();
        RunResult whole = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);

        AtomicInteger polls = new AtomicInteger();
        List<Checkpoint> taken = new ArrayList<>();
        RunControl stopAfter40 = new RunControl(() -> polls.incrementAndGet() > 40, 0, cp -> {
            CheckpointFile.write(dir, cp);
            taken.add(cp);
        });
        RunResult partial = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE, stopAfter40, null);
        assertEquals(1, taken.size(), "one checkpoint at the stop");
        double stoppedAt = partial.timeSeries().timeS()[partial.timeSeries().sampleCount() - 1];
        assertTrue(stoppedAt < 100.0, "stopped early, at " + stoppedAt);
        assertEquals(stoppedAt, taken.get(0).timeS(), 0.0);

        Checkpoint read = CheckpointFile.read(dir);
        assertArrayEquals(taken.get(0).state(), read.state(), 0.0);
        RunResult resumed = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE, RunControl.NONE, read);
        assertSameEnd(whole, resumed);
    }

    @Test
    void periodicCheckpointsResumeExactlyToo() {
        Scenario s = runDown();
        List<Checkpoint> taken = new ArrayList<>();
        RunResult whole = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE,
                new RunControl(() -> false, 1e-9, taken::add), null);
        assertTrue(taken.size() > 10, "a checkpoint after (almost) every step: " + taken.size());
        Checkpoint middle = taken.get(taken.size() / 2);
        RunResult resumed = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE, RunControl.NONE, middle);
        assertSameEnd(whole, resumed);
    }

    @Test
    void checkpointOfAnotherMeshIsRefused() {
        Scenario s = runDown();
        List<Checkpoint> taken = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE,
                new RunControl(() -> polls.incrementAndGet() > 5, 0, taken::add), null);
        Scenario finer = s.withMesh(new MeshSpec(1000));
        UserInputException e = assertThrows(UserInputException.class, () -> Simulation.run(finer,
                SolverOptions.DEFAULT, ProgressListener.NONE, RunControl.NONE, taken.get(0)));
        assertTrue(e.getMessage().contains("another scenario or mesh"), e.getMessage());
    }

    @Test
    void failedTimeStepHandsOverTheLastAcceptedState() {
        Scenario s = ReferenceScenarios.neuronRest().withRun(new RunSpec(RunMode.TRANSIENT, 1e-3, 1e-4));
        MembraneSlabSolver slab = new MembraneSlabSolver(s);
        List<Checkpoint> taken = new ArrayList<>();
        RunControl control = new RunControl(() -> false, 0, taken::add);
        // an impossible clamp (NaN) from 1 µs on: Newton cannot take a step, the step size collapses
        assertThrows(ConvergenceException.class,
                () -> slab.advanceTo(1e-3, t -> t < 1e-6 ? 0.0 : Double.NaN, 1e-4, control));
        assertEquals(1, taken.size());
        Checkpoint cp = taken.get(0);
        assertTrue(cp.timeS() > 0 && cp.timeS() <= 1e-6, "last accepted time " + cp.timeS());
        for (double v : cp.state()) {
            assertTrue(Double.isFinite(v));
        }
        double[] t = cp.series().timeS();
        assertEquals(cp.timeS(), t[t.length - 1], 0.0);
    }
}
