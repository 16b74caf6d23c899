package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.ConvergenceException;
import picocli.CommandLine;

class ValidateCommandTest {
    private static final ValidationCase NERNST = new ValidationCase("Nernst K+ 310 K", -95.03, -95.031, "mV", 0.01,
            true, "closed inside bath");
    private static final ValidationCase GHK = new ValidationCase("GHK neuron-rest V_m", -74.2, -73.1, "mV", 0.5,
            false, "off by 1.1 mV");
    private static final ValidationCase ORDER = new ValidationCase("mesh convergence order", 2.0, Double.NaN, "",
            0.2, false, "");

    /** Runs {@code pnp validate ARGS} with {@code suite} in place of the real validation suite. */
    private static Cli.Outcome validate(Function<Consumer<ValidationCase>, List<ValidationCase>> suite,
                                        String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(cl -> validateCommand(cl).suite = suite, all);
    }

    private static ValidateCommand validateCommand(CommandLine cl) {
        return cl.getSubcommands().get("validate").getCommand();
    }

    private static Function<Consumer<ValidationCase>, List<ValidationCase>> reporting(ValidationCase... cases) {
        return onEach -> {
            for (ValidationCase c : cases) {
                onEach.accept(c);
            }
            return List.of(cases);
        };
    }

    @Test
    void theRealSuiteIsTheDefault() {
        assertTrue(validateCommand(PnpCommand.configure(new CommandLine(new PnpCommand()))).suite != null);
    }

    @Test
    void allPassingIsExit0WithOneRowEach() {
        Cli.Outcome r = validate(reporting(NERNST, NERNST));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out()); // header, two rows, verdict
        assertTrue(lines.get(1).startsWith("Nernst K+ 310 K"), lines.get(1));
        assertTrue(lines.get(1).contains("-95.031") && lines.get(1).contains("mV") && lines.get(1).endsWith("PASS"),
                lines.get(1));
        assertEquals("2 passed, 0 failed", lines.get(3));
    }

    @Test
    void aFailingCaseIsExit1AndShowsItsNote() {
        Cli.Outcome r = validate(reporting(NERNST, GHK));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("FAIL"), r.out());
        assertTrue(r.out().contains("off by 1.1 mV"), r.out());
        assertTrue(r.out().strip().endsWith("1 passed, 1 failed"), r.out());
    }

    @Test
    void quietPrintsOnlyTheVerdict() {
        Cli.Outcome r = validate(reporting(NERNST, GHK), "--quiet");
        assertEquals(1, r.code());
        assertEquals("1 passed, 1 failed", r.out().strip());
    }

    @Test
    void jsonIsAListOfCases() throws Exception {
        Cli.Outcome r = validate(reporting(NERNST, GHK, ORDER), "--json");
        assertEquals(1, r.code(), r.err());
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertTrue(list.isArray());
        assertEquals(3, list.size());
        JsonNode first = list.get(0);
        for (String key : new String[] {"name", "expected", "actual", "unit", "tolerance", "pass", "note"}) {
            assertTrue(first.has(key), "missing " + key + " in " + first);
        }
        assertEquals("Nernst K+ 310 K", first.get("name").asText());
        assertEquals(-95.031, first.get("actual").asDouble(), 0);
        assertTrue(first.get("pass").asBoolean());
        assertFalse(list.get(1).get("pass").asBoolean());
        assertTrue(list.get(2).get("actual").isNull(), "NaN becomes null");
        assertEquals("1 passed, 2 failed", r.err().strip());
    }

    @Test
    void convergenceFailureIsExit3WithTheLastResidual() {
        Cli.Outcome r = validate(onEach -> {
            throw new ConvergenceException("Newton did not converge in 50 iterations; try more cells", 3.5e-2);
        });
        assertEquals(3, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("Newton did not converge"), r.err());
        assertTrue(r.err().contains("3.500e-02"), r.err());
    }

    @Test
    void userInputErrorIsExit2() {
        Cli.Outcome r = validate(onEach -> {
            throw new UserInputException("mesh.cells = 10: too coarse; use at least 40");
        });
        assertEquals(2, r.code());
        assertEquals(List.of("pnp: mesh.cells = 10: too coarse; use at least 40"), r.errLines());
    }

    @Test
    void unexpectedErrorIsOneLineWithoutStackTraceUnlessVerbose() {
        Function<Consumer<ValidationCase>, List<ValidationCase>> broken = onEach -> {
            throw new IllegalStateException("boom");
        };
        Cli.Outcome r = validate(broken);
        assertEquals(4, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("boom"), r.err());

        Cli.Outcome verbose = validate(broken, "--verbose");
        assertEquals(4, verbose.code());
        assertTrue(verbose.err().contains("\tat "), "stack trace with --verbose: " + verbose.err());
    }
}
