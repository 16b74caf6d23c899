package org.membranepnp.solver.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.ValidationCase;

/**
 * The analytic validation cases of `pnp validate`: Nernst, GHK, Gouy–Chapman, the membrane capacitor,
 * conservation, the membrane time constant, mesh convergence, the pump and the 2-D solver. Each case compares a simulated value with an
 * analytic or independently computed one at a stated tolerance.
 */
public final class ValidationSuite {
    private ValidationSuite() {
    }

    /** Runs every case, reporting each to {@code onEach} as it finishes, and returns them all in order. */
    public static List<ValidationCase> runAll(Consumer<ValidationCase> onEach) {
        List<ValidationCase> all = new ArrayList<>();
        Consumer<ValidationCase> sink = c -> {
            all.add(c);
            onEach.accept(c);
        };
        NernstValidation.run(sink);
        GhkValidation.run(sink);
        GouyChapmanValidation.run(sink);
        CapacitorValidation.run(sink);
        ConservationValidation.run(sink);
        TimeConstantValidation.run(sink);
        ConvergenceValidation.run(sink);
        PumpValidation.run(sink);
        PlaneValidation.run(sink);
        return all;
    }

    /** A case with an absolute tolerance: pass when |actual − expected| ≤ tolerance. */
    static ValidationCase absolute(String name, double expected, double actual, String unit, double tolerance,
                                   String note) {
        boolean pass = Math.abs(actual - expected) <= tolerance;
        return new ValidationCase(name, expected, actual, unit, tolerance, pass, note);
    }

    /** A case that passes when {@code actual} lies in [low, high]: reported as (low + high)/2 ± (high − low)/2. */
    static ValidationCase within(String name, double actual, String unit, double low, double high, String note) {
        boolean pass = actual >= low && actual <= high;
        return new ValidationCase(name, 0.5 * (low + high), actual, unit, 0.5 * (high - low), pass, note);
    }

    /** A case that passes when actual ≤ bound (expected reported as 0). */
    static ValidationCase atMost(String name, double actual, String unit, double bound, String note) {
        return new ValidationCase(name, 0.0, actual, unit, bound, actual <= bound, note);
    }

    /** Copy of a scenario with both ends reservoirs and a voltage clamp at {@code voltageMv}. */
    static Scenario voltageClamped(Scenario s, double voltageMv) {
        return s.withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.VOLTAGE, 0,
                voltageMv));
    }

    static String name(Species sp) {
        return sp.name() + (sp.charge() > 0 ? "+".repeat(sp.charge()) : "-".repeat(-sp.charge()));
    }
}
