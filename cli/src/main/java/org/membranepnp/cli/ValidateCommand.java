package org.membranepnp.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.validation.ValidationSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pnp validate}: runs the analytic validation suite and prints one row per case as it finishes. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Runs the validation suite against analytic references.",
            "",
            "Cases: Nernst, GHK, Gouy–Chapman, capacitor, conservation, time constant and mesh convergence. "
                    + "Prints each case as it finishes and a final line 'N passed, M failed'; "
                    + "exits with 1 if any case fails."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp validate",
            "  pnp validate --json > validation.json"})
final class ValidateCommand implements Callable<Integer> {
    private static final String ROW = "%-66s %14s %14s %-8s %11s  %s";

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerbosityOptions verbosity;

    @Option(names = "--json",
            description = "Print a JSON list of {name, expected, actual, unit, tolerance, pass, note} instead of the table.")
    private boolean json;

    /** The suite to run: {@link ValidationSuite#runAll} (replaced in tests). */
    Function<Consumer<ValidationCase>, List<ValidationCase>> suite = ValidationSuite::runAll;

    @Override
    public Integer call() {
        verbosity.check();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean table = !json && !verbosity.quiet();
        if (table) {
            out.println(String.format(Locale.ROOT, ROW, "case", "expected", "actual", "unit", "tolerance", "result"));
            out.flush();
        }
        List<ValidationCase> cases = suite.apply(c -> {
            if (table) {
                printRow(out, c);
            }
        });
        long failed = cases.stream().filter(c -> !c.pass()).count();
        String verdict = (cases.size() - failed) + " passed, " + failed + " failed";
        if (json) {
            out.println(toJson(cases));
            if (!verbosity.quiet()) {
                err.println(verdict);
            }
        } else {
            out.println(verdict);
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : ErrorHandler.EXIT_VALIDATION_FAILED;
    }

    private void printRow(PrintWriter out, ValidationCase c) {
        out.println(String.format(Locale.ROOT, ROW, c.name(), Fmt.num(c.expected()), Fmt.num(c.actual()),
                c.unit(), Fmt.num(c.tolerance(), 3), c.pass() ? "PASS" : "FAIL"));
        boolean hasNote = c.note() != null && !c.note().isBlank();
        if (hasNote && (!c.pass() || verbosity.verbose())) {
            out.println("    " + ErrorHandler.oneLine(c.note()));
        }
        out.flush();
    }

    /** The cases as a pretty-printed JSON list; non-finite numbers become null. */
    static String toJson(List<ValidationCase> cases) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (ValidationCase c : cases) {
            ObjectNode o = list.addObject();
            o.put("name", c.name());
            o.put("expected", finiteOrNull(c.expected()));
            o.put("actual", finiteOrNull(c.actual()));
            o.put("unit", c.unit());
            o.put("tolerance", finiteOrNull(c.tolerance()));
            o.put("pass", c.pass());
            o.put("note", c.note() == null ? "" : c.note());
        }
        return list.toPrettyString();
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
