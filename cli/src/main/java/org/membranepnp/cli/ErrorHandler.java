package org.membranepnp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Locale;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.solver.ConvergenceException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure of a {@code pnp} command into one line on stderr and an exit code; a stack trace only
 * with {@code --verbose} or the environment variable {@code PNP_DEBUG=1}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** {@code pnp validate}: at least one case failed. */
    static final int EXIT_VALIDATION_FAILED = 1;
    /** Bad command line, scenario, input file or output folder. */
    static final int EXIT_USAGE = 2;
    /** The solver did not converge. */
    static final int EXIT_CONVERGENCE = 3;
    /** Anything else (I/O failure, a bug). */
    static final int EXIT_UNEXPECTED = 4;

    private static final int MAX_SUGGESTIONS = 3;
    private static final double GB = 1 << 30;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        StringBuilder line = new StringBuilder("pnp: ").append(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ")
                        .append(String.join(" or ", suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()))))
                        .append("?)");
            }
        }
        line.append("; see ").append(cl.getCommandSpec().qualifiedName()).append(" --help");
        PrintWriter err = cl.getErr();
        err.println(line);
        if (debugFromEnvironment()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_USAGE;
    }

    /**
     * Runs the chosen command like picocli's default, but hands an {@link OutOfMemoryError} to
     * {@link #handleExecutionException} as an exception, so that it too becomes one line rather than a trace.
     */
    static int executeCatchingOutOfMemory(ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError e) {
            CommandLine cl = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
            throw new CommandLine.ExecutionException(cl, "out of memory", e);
        }
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        UserInputException input = find(ex, UserInputException.class);
        OutOfMemoryError memory = find(ex, OutOfMemoryError.class);
        ConvergenceException convergence = find(ex, ConvergenceException.class);
        IOException io = find(ex, IOException.class);
        int code;
        String line;
        if (input != null) {
            code = EXIT_USAGE;
            line = "pnp: " + oneLine(message(input));
        } else if (memory != null) {
            code = EXIT_USAGE; // what fits is the user's choice: fewer cells, particles or snapshots, or a larger heap
            line = String.format(Locale.ROOT, "pnp: out of memory: this run needs more than the Java heap of %.1f GB; "
                    + "use fewer mesh cells (mesh.cells), particles or snapshots, or give Java more memory, e.g. "
                    + "PNP_JAVA_OPTS=-Xmx%dg ./pnp …", Runtime.getRuntime().maxMemory() / GB,
                    (long) Math.ceil(2 * Runtime.getRuntime().maxMemory() / GB));
        } else if (convergence != null) {
            code = EXIT_CONVERGENCE;
            line = "pnp: " + oneLine(message(convergence))
                    + String.format(Locale.ROOT, " (last residual %.3e)", convergence.lastResidual());
        } else if (io != null) {
            code = EXIT_UNEXPECTED;
            line = "pnp: " + describe(io);
        } else {
            code = EXIT_UNEXPECTED;
            line = "pnp: unexpected error: " + oneLine(ex.toString())
                    + " (set PNP_DEBUG=1 or pass --verbose for a stack trace)";
        }
        PrintWriter err = cl.getErr();
        err.println(line);
        if (debugFromEnvironment() || verboseMatched(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** True when the environment asks for stack traces ({@code PNP_DEBUG=1}). */
    static boolean debugFromEnvironment() {
        String v = System.getenv("PNP_DEBUG");
        return v != null && !v.isBlank() && !v.equals("0");
    }

    /** True if {@code --verbose} was given to the command or any of its subcommands. */
    private static boolean verboseMatched(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** The first throwable of type {@code type} in the cause chain of {@code t}, or null. */
    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fse) {
            String reason = fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
            return "cannot access " + fse.getFile() + ": " + oneLine(reason);
        }
        return "I/O error: " + oneLine(message(e));
    }

    private static String message(Throwable t) {
        return t.getMessage() != null && !t.getMessage().isBlank() ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** Collapses line breaks so that the message stays one line. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
