package org.membranepnp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.membranepnp.engine.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pnp examples}: lists the scenarios shipped with pnp and copies them into a folder. */
@Command(name = "examples",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Lists the example scenarios shipped with pnp, or copies them into a folder to start from.",
            "",
            "Without --copy it lists them (all, or the NAMEs): name, title and what each shows. With --copy it "
                    + "writes NAME.toml files into DIR (created if needed); an existing file is left alone "
                    + "and nothing is copied, unless --force."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp examples",
            "  pnp examples --copy my-scenarios",
            "  pnp examples --copy . neuron-rest nernst-k",
            "  pnp examples --copy my-scenarios --force"})
final class ExamplesCommand implements Callable<Integer> {
    private static final String EXTENSION = ".toml";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-l", "--list"}, description = "List the examples (the default without --copy).")
    private boolean list;

    @Option(names = {"-c", "--copy"}, paramLabel = "DIR", description = "Copy the examples into DIR.")
    private Path copyTo;

    @Option(names = {"-f", "--force"}, description = "With --copy: overwrite files that exist in DIR.")
    private boolean force;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Only these examples (with or without .toml); default: all.")
    private List<String> names;

    @Override
    public Integer call() throws IOException {
        List<String> shipped = ShippedExamples.names();
        if (shipped.isEmpty()) {
            throw new IOException("this build of pnp holds no examples (examples/*.toml missing from the jar)");
        }
        List<String> selected = select(shipped);
        PrintWriter out = spec.commandLine().getOut();
        if (list || copyTo == null) {
            printList(out, selected);
        }
        if (copyTo != null) {
            copy(out, selected);
        }
        out.flush();
        return 0;
    }

    /** The requested names in the order given (duplicates dropped), or all; unknown names are an error. */
    private List<String> select(List<String> shipped) {
        if (names == null || names.isEmpty()) {
            return shipped;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String n : names) {
            String name = n.endsWith(EXTENSION) ? n.substring(0, n.length() - EXTENSION.length()) : n;
            if (!shipped.contains(name)) {
                throw new ParameterException(spec.commandLine(), "unknown example '" + n + "'; shipped: "
                        + String.join(", ", shipped));
            }
            chosen.add(name);
        }
        return List.copyOf(chosen);
    }

    private static void printList(PrintWriter out, List<String> selected) throws IOException {
        int width = selected.stream().mapToInt(String::length).max().orElse(0);
        String row = "%-" + width + "s  %s%n";
        for (String name : selected) {
            ShippedExamples.Example e = ShippedExamples.describe(name);
            out.printf(Locale.ROOT, row, name, e.title());
            if (!e.description().isEmpty()) {
                out.printf(Locale.ROOT, row, "", e.description());
            }
        }
    }

    /** Checks every target first, so that a refusal copies nothing. */
    private void copy(PrintWriter out, List<String> selected) throws IOException {
        if (Files.exists(copyTo) && !Files.isDirectory(copyTo)) {
            throw new UserInputException(copyTo + " exists and is not a folder; choose another --copy DIR");
        }
        List<Path> existing = new ArrayList<>();
        for (String name : selected) {
            Path target = copyTo.resolve(name + EXTENSION);
            if (Files.exists(target)) {
                existing.add(target);
            }
        }
        if (!force && !existing.isEmpty()) {
            throw new UserInputException((existing.size() == 1 ? existing.get(0) + " exists"
                    : existing.size() + " files exist (" + existing.get(0) + ", …)")
                    + "; pass --force to overwrite, or choose another folder (nothing copied)");
        }
        Files.createDirectories(copyTo);
        for (String name : selected) {
            Path target = copyTo.resolve(name + EXTENSION);
            Files.write(target, ShippedExamples.bytes(name), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            out.println("wrote " + target);
        }
    }
}
