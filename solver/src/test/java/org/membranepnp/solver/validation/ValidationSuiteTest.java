package org.membranepnp.solver.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.membranepnp.engine.result.ValidationCase;

/** Every case of `pnp validate`, as a JUnit test: simulated against analytic values at the stated tolerances. */
class ValidationSuiteTest {
    /** The suite, run afresh by each factory: no result outlives a test (mutation testing reuses the JVM). */
    private static List<ValidationCase> cases() {
        return ValidationSuite.runAll(c -> { });
    }

    @TestFactory
    Stream<DynamicTest> everyValidationCasePasses() {
        List<ValidationCase> cases = cases();
        assertTrue(cases.size() >= 25, "expected the full suite, got " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertTrue(c.pass(),
                String.format("%s: expected %.9g, actual %.9g %s, tolerance %.3g (%s)", c.name(), c.expected(),
                        c.actual(), c.unit(), c.tolerance(), c.note()))));
    }

    @TestFactory
    Stream<DynamicTest> casesCoverEveryValidationTopic() {
        List<String> names = cases().stream().map(ValidationCase::name).toList();
        return Stream.of("Nernst K+ 279 K", "Nernst Ca++ 310 K", "GHK V_m", "GHK flux Na+", "GHK I-V",
                        "zero crossing", "Gouy-Chapman potential", "Grahame", "Capacitor", "Electroneutrality",
                        "Fraction of inside K+", "Conservation", "Time constant", "Mesh convergence order of V_m",
                        "Mesh convergence order of Gouy-Chapman", "2-D slab without pores", "2-D K+ pore",
                        "2-D flux through every cross-section")
                .map(topic -> DynamicTest.dynamicTest(topic, () -> assertEquals(true,
                        names.stream().anyMatch(n -> n.contains(topic)), "no case named like " + topic)));
    }
}
