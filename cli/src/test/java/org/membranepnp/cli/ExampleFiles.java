package org.membranepnp.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code examples/} folder, found from the working directory of the test run. */
final class ExampleFiles {
    private ExampleFiles() {
    }

    static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("examples/neuron-rest.toml"))) {
                return p.resolve("examples");
            }
        }
        throw new AssertionError("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    static Path file(String name) {
        return folder().resolve(name + ".toml");
    }
}
