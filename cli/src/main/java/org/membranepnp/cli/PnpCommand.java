package org.membranepnp.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pnp} command: the top of the command tree. It does nothing itself; without a subcommand
 * picocli reports "Missing required subcommand" (exit 2).
 */
@Command(name = "pnp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = "Poisson–Nernst–Planck simulation of a cell membrane: inside bath | lipid membrane | outside bath.",
        subcommands = {RunCommand.class, ValidateCommand.class, TourCommand.class, BenchCommand.class, SweepCommand.class,
                RenderCommand.class, ViewCommand.class, ExplainCommand.class, ExamplesCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:pnp validate: at least one case failed",
            "2:bad command line, scenario (also a value out of its range, a mesh too large for the heap) or output folder (the message says which)",
            "3:the solver did not converge (pnp sweep: at least one point failed)",
            "4:unexpected error (set PNP_DEBUG=1 for a stack trace)",
            "130:pnp run stopped by Ctrl-C; the state is saved (continue with pnp run --resume DIR)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp run examples/neuron-rest.toml --out r",
            "  pnp run examples/neuron-rest.toml -o r2 --set outside.concentrations_mM.K=20 --set outside.concentrations_mM.Na=129",
            "  pnp validate",
            "  pnp sweep examples/sweep-potassium.toml --vary outside.concentrations_mM.K=1:300:log:20 --balance outside.concentrations_mM.Cl",
            "  pnp bench --cells 1000,100000",
            "  pnp explain examples/neuron-rest.toml",
            "  pnp tour",
            "  pnp examples --copy my-scenarios",
            "  source <(pnp completion)",
            "  pnp run --help"})
public final class PnpCommand {

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        // UTF-8 whatever the locale: the tables use µ, Δ and −, which a POSIX locale would turn into '?'
        CommandLine cl = configure(new CommandLine(new PnpCommand()))
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }

    /**
     * Installs the error handling of every {@code pnp} command on {@code commandLine} and its subcommands:
     * one line on stderr and exit codes 2 (input, and running out of memory), 3 (convergence) or 4 (unexpected), no
     * stack traces unless {@code --verbose} or {@code PNP_DEBUG=1}. Call it before {@code setOut}/{@code setErr} or after; both work.
     */
    public static CommandLine configure(CommandLine commandLine) {
        ErrorHandler handler = new ErrorHandler();
        return commandLine
                .setExecutionStrategy(ErrorHandler::executeCatchingOutOfMemory)
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler);
    }
}
