package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PnpCommandTest {

    @Test
    void versionPrintsTheFilteredProjectVersion() {
        Cli.Outcome r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().strip().matches("membrane-pnp \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void versionIsTheOneInThePom() {
        assertEquals("membrane-pnp 0.1.0", Cli.run("--version").out().strip());
    }

    @Test
    void helpListsTheSubcommandsAndExamples() {
        Cli.Outcome r = Cli.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("run"), r.out());
        assertTrue(r.out().contains("validate"), r.out());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void everySubcommandHasAnExamplesFooter(String command) {
        Cli.Outcome r = Cli.run(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(r.out().contains("pnp " + command), r.out());
    }

    @Test
    void helpSubcommandWorks() {
        Cli.Outcome r = Cli.run("help", "run");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--out"), r.out());
    }

    @Test
    void unknownOptionIsOneLineAndExit2() {
        Cli.Outcome r = Cli.run("--bogus");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("pnp: "), r.err());
        assertTrue(r.err().contains("--bogus"), r.err());
        assertTrue(r.err().contains("see pnp --help"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownSubcommandOptionPointsAtThatCommandsHelp() {
        Cli.Outcome r = Cli.run("run", "x.toml", "--forc");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("see pnp run --help"), r.err());
        assertTrue(r.err().contains("--force"), "suggests --force: " + r.err());
    }

    @Test
    void unknownSubcommandIsExit2() {
        Cli.Outcome r = Cli.run("rnu");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void noSubcommandIsExit2() {
        Cli.Outcome r = Cli.run();
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("see pnp --help"), r.err());
    }

    @Test
    void oneLineCollapsesLineBreaks() {
        assertEquals("a b c", ErrorHandler.oneLine(" a\n  b\r\nc \n"));
        assertFalse(ErrorHandler.oneLine("x\ny").contains("\n"));
    }
}
