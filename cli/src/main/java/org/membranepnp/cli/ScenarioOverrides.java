package org.membranepnp.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --set KEY=VALUE} option shared by the commands that load a scenario (a picocli mixin). */
final class ScenarioOverrides {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key before it is checked, e.g. membrane.permeability_cm_s.Na=1e-7 "
                    + "or temperature_K=300 (repeatable; dotted keys address tables, species by name).")
    private Map<String, String> values;

    /** True if at least one --set was given. */
    boolean given() {
        return values != null && !values.isEmpty();
    }

    /** The overrides in the order given (empty if none). */
    Map<String, String> values() {
        return values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
    }
}
