package org.membranepnp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs {@code pnp} in-process with captured stdout and stderr. */
final class Cli {
    /** What one invocation produced. */
    record Outcome(int code, String out, String err) {
        /** The non-empty lines of stderr. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private Cli() {
    }

    static Outcome run(String... args) {
        return run(cl -> { }, args);
    }

    /** Like {@link #run(String...)}, after {@code customize} has seen the configured command line. */
    static Outcome run(Consumer<CommandLine> customize, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PnpCommand.configure(new CommandLine(new PnpCommand()))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        customize.accept(cl);
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
