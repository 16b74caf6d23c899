package org.membranepnp.solver;

import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.TimeSeries;

/** The checkpoints of a transient of any geometry: what one holds, and whether it fits a model. */
final class Checkpoints {
    private Checkpoints() {
    }

    /**
     * The checkpoint of state {@code u} at time {@code timeNd} (solver time) of a run stepped by {@code stepper} (null
     * before the first step: the predictor then starts from u itself).
     */
    static Checkpoint of(TransientSolver stepper, double timeS, double timeNd, int nodes, int unknownsPerNode,
                         double[] u, TimeSeries series, int newtonIterations, int timeSteps, double wallTimeS) {
        double[] previous = stepper == null ? u.clone() : stepper.previousState().clone();
        double previousStep = stepper == null ? 0 : stepper.previousStep();
        double nextStep = stepper == null ? 0 : stepper.nextStep();
        return new Checkpoint(timeS, timeNd, nodes, unknownsPerNode, u.clone(), previous, previousStep, nextStep,
                series, newtonIterations, timeSteps, wallTimeS);
    }

    /**
     * Checks that {@code cp} was taken on a mesh of {@code nodes} nodes with {@code unknownsPerNode} unknowns each.
     *
     * @throws UserInputException if it belongs to another mesh or species set
     */
    static void requireShape(Checkpoint cp, int nodes, int unknownsPerNode) {
        if (cp.nodes() != nodes || cp.unknownsPerNode() != unknownsPerNode) {
            throw new UserInputException(String.format("the checkpoint has %d nodes × %d unknowns but the scenario "
                    + "gives %d × %d: it belongs to another scenario or mesh", cp.nodes(), cp.unknownsPerNode(),
                    nodes, unknownsPerNode));
        }
    }

    /** When the next periodic checkpoint is due: {@code intervalS} of wall time after the last one (never if ≤ 0). */
    static final class Cadence {
        private final double intervalS;
        private long lastNanos = System.nanoTime();

        Cadence(double intervalS) {
            this.intervalS = intervalS;
        }

        /** True once the interval has passed since the start or the last {@link #taken()}. */
        boolean due() {
            return intervalS > 0 && (System.nanoTime() - lastNanos) * 1e-9 >= intervalS;
        }

        /** A checkpoint was just taken: the next one is due an interval from now. */
        void taken() {
            lastNanos = System.nanoTime();
        }
    }
}
