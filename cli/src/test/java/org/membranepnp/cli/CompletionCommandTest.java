package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionCommandTest {
    @Test
    void printsABashCompletionScriptForEverySubcommand() {
        Cli.Outcome r = Cli.run("completion");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String script = r.out();
        assertTrue(script.contains("complete -F"), script);
        assertTrue(script.contains("_complete_pnp"), script);
        for (String command : List.of("run", "validate", "explain", "examples", "completion")) {
            assertTrue(script.contains(command), "no '" + command + "' in the script");
        }
        assertTrue(script.contains("--cell-radius-um"), "options of the subcommands are completed");
        assertTrue(script.endsWith("\n"), "ends with a newline");
    }

    @Test
    void helpHasExamples() {
        Cli.Outcome r = Cli.run("completion", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("source <(pnp completion)"), r.out());
    }
}
