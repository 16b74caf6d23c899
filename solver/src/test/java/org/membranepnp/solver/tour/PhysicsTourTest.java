package org.membranepnp.solver.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every step of `pnp tour` keeps its textbook claim: simulated against analytic within the step's tolerance. */
class PhysicsTourTest {
    @TestFactory
    Stream<DynamicTest> everyStepAgreesWithTheAnalyticValue() {
        List<TourStep> steps = PhysicsTour.run(s -> { });
        assertEquals(8, steps.stream().mapToInt(TourStep::chapter).distinct().count(), "all eight chapters");
        return steps.stream().map(s -> DynamicTest.dynamicTest(s.chapter() + " " + s.title(), () -> assertTrue(
                s.agrees(), String.format("%s: analytic %.6g, simulated %.6g %s, tolerance %.3g (%s)", s.title(),
                        s.analytic(), s.simulated(), s.unit(), s.tolerance(), s.note()))));
    }
}
