package org.membranepnp.solver.validation;

import java.util.List;
import java.util.function.Consumer;
import org.membranepnp.engine.result.ValidationCase;

/** The analytic validation cases of `pnp validate` (Nernst, GHK, Gouy–Chapman, capacitor, conservation, τ, convergence). */
public final class ValidationSuite {
    private ValidationSuite() {
    }

    /** Runs every case, reporting each to {@code onEach} as it finishes, and returns them all in order. */
    public static List<ValidationCase> runAll(Consumer<ValidationCase> onEach) {
        throw new UnsupportedOperationException("validation under construction");
    }
}
