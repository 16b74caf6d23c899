package org.membranepnp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.scenario.ScenarioLoader;

/**
 * The example scenarios shipped inside the {@code pnp} jar: the build copies the repository's
 * {@code examples/*.toml} to the resource folder {@code examples/} (see cli/pom.xml). They are listed from the
 * jar itself (or from target/classes when run from the build tree), so a new file in {@code examples/} needs
 * no index.
 */
final class ShippedExamples {
    private static final String FOLDER = "examples/";
    private static final String EXTENSION = ".toml";

    /**
     * One shipped example.
     *
     * @param name        file name without {@code .toml}
     * @param title       its {@code title} key (the name if the file does not load)
     * @param description the first comment line, without the {@code #} (a trailing comma becomes "…")
     */
    record Example(String name, String title, String description) {
    }

    private ShippedExamples() {
    }

    /** The names of the shipped examples (file names without {@code .toml}), sorted. */
    static List<String> names() throws IOException {
        Path location = codeLocation();
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(location)) {
            Path folder = location.resolve(FOLDER);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.list(folder)) {
                    s.map(p -> p.getFileName().toString()).forEach(files::add);
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(FOLDER) && n.indexOf('/', FOLDER.length()) < 0)
                        .map(n -> n.substring(FOLDER.length()))
                        .forEach(files::add);
            }
        }
        return files.stream().filter(n -> n.endsWith(EXTENSION) && n.length() > EXTENSION.length())
                .map(n -> n.substring(0, n.length() - EXTENSION.length()))
                .sorted().toList();
    }

    /** The exact bytes of example {@code name}. */
    static byte[] bytes(String name) throws IOException {
        String resource = "/" + FOLDER + name + EXTENSION;
        try (InputStream in = ShippedExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NoSuchFileException(resource, null, "not in this build of pnp");
            }
            return in.readAllBytes();
        }
    }

    /** Name, title and first comment line of example {@code name}. */
    static Example describe(String name) throws IOException {
        String text = new String(bytes(name), StandardCharsets.UTF_8);
        String description = text.lines().map(String::strip).filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "")).findFirst()
                .map(l -> l.matches(".*[,;:]") ? l.substring(0, l.length() - 1) + "…" : l).orElse("");
        String title;
        try {
            title = ScenarioLoader.parse(text, name + EXTENSION).title();
        } catch (UserInputException e) {
            title = name;
        }
        return new Example(name, title, description);
    }

    /** The jar or class folder this class was loaded from. */
    private static Path codeLocation() throws IOException {
        CodeSource source = ShippedExamples.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IOException("cannot tell where pnp was loaded from, so the examples cannot be listed");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot open " + source.getLocation() + " to list the examples", e);
        }
    }
}
