package org.membranepnp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Locale;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.FileWriteException;
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
        Failure failure = failure(ex);
        PrintWriter err = cl.getErr();
        err.println("pnp: " + failure.message()
                + (failure.unexpected() ? " (set PNP_DEBUG=1 or pass --verbose for a stack trace)" : ""));
        if (debugFromEnvironment() || verboseMatched(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return failure.code();
    }

    /**
     * What a failure comes to.
     *
     * @param code       the exit code
     * @param message    one line, without the leading "pnp: "
     * @param unexpected a bug rather than bad input, a solver failure or an I/O error
     */
    record Failure(int code, String message, boolean unexpected) {
    }

    /** The exit code and one-line message of {@code ex}, as {@code pnp} reports it. */
    static Failure failure(Throwable ex) {
        UserInputException input = find(ex, UserInputException.class);
        ConvergenceException convergence = find(ex, ConvergenceException.class);
        IOException io = find(ex, IOException.class);
        OutOfMemoryError memory = find(ex, OutOfMemoryError.class);
        if (input != null) {
            return new Failure(EXIT_USAGE, oneLine(message(input)), false);
        } else if (memory != null) {
            // what fits is the user's choice: fewer cells, particles or snapshots, or a larger heap
            return new Failure(EXIT_USAGE, String.format(Locale.ROOT, "out of memory: this run needs more than the "
                    + "Java heap of %.1f GB; use fewer mesh cells (mesh.cells), particles or snapshots, or give Java "
                    + "more memory, e.g. PNP_JAVA_OPTS=-Xmx%dg ./pnp …", Runtime.getRuntime().maxMemory() / GB,
                    (long) Math.ceil(2 * Runtime.getRuntime().maxMemory() / GB)), false);
        } else if (convergence != null) {
            return new Failure(EXIT_CONVERGENCE, oneLine(message(convergence))
                    + String.format(Locale.ROOT, " (last residual %.3e)", convergence.lastResidual()), false);
        } else if (io != null) {
            return new Failure(EXIT_UNEXPECTED, describe(io), false);
        }
        return new Failure(EXIT_UNEXPECTED, "unexpected error: " + oneLine(ex.toString()), true);
    }

    /**
     * True if {@code ex} refuses the input (command line, scenario, output folder) rather than reporting a failure of
     * the work: a file that could not be written is a failure.
     */
    static boolean refusal(Throwable ex) {
        return ex instanceof ParameterException
                || (find(ex, UserInputException.class) != null && find(ex, FileWriteException.class) == null);
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
