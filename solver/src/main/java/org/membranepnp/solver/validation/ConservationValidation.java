package org.membranepnp.solver.validation;

import java.util.function.Consumer;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;

/**
 * Case 5: a cell closed on both sides, from freshly filled baths through the charging of the membrane (a
 * transient of 10 ms): every species keeps its amount in every closed compartment to 1e-10 relative.
 */
final class ConservationValidation {
    static final double BOUND = 1e-10;
    static final double END_TIME_S = 1e-2;

    private ConservationValidation() {
    }

    static void run(Consumer<ValidationCase> sink) {
        Scenario s = ReferenceScenarios.neuronRest()
                .withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.WALL, ClampKind.CURRENT, 0, 0))
                .withRun(new RunSpec(RunMode.TRANSIENT, END_TIME_S, RunSpec.DEFAULT_RELATIVE_TOLERANCE));
        RunResult r = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        sink.accept(ValidationSuite.atMost("Conservation: closed cell transient (max relative change)",
                r.conservationError(), "1", BOUND,
                String.format("neuron composition, walls both sides, %d time steps to %.0e s, V_m = %.2f mV",
                        r.timeSteps(), END_TIME_S, r.membranePotentialMv())));
    }
}
