package org.membranepnp.solver;

import java.nio.file.Files;
import java.nio.file.Path;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.scenario.ScenarioLoader;

/** The shipped scenarios of {@code examples/}, found from the working directory of the tests. */
final class Examples {
    private Examples() {
    }

    /** The file {@code examples/<name>.toml}. */
    static Path path(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("examples/neuron-rest.toml"))) {
                return p.resolve("examples").resolve(name + ".toml");
            }
        }
        throw new AssertionError("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    /** The scenario of {@code examples/<name>.toml}. */
    static Scenario load(String name) {
        return ScenarioLoader.load(path(name));
    }
}
