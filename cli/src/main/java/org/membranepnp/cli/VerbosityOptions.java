package org.membranepnp.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --quiet} / {@code --verbose} pair shared by the commands (a picocli mixin). */
public final class VerbosityOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (and the final verdict of validate).")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Print solver progress in detail, and a stack trace with any error.")
    private boolean verbose;

    /** True with {@code --quiet}. */
    public boolean quiet() {
        return quiet;
    }

    /** True with {@code --verbose}. */
    public boolean verbose() {
        return verbose;
    }

    /** Rejects {@code --quiet} together with {@code --verbose}. */
    void check() {
        if (quiet && verbose) {
            throw new ParameterException(mixee.commandLine(), "--quiet and --verbose exclude each other");
        }
    }
}
