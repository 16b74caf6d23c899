package org.membranepnp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pnp run}: loads a scenario, solves it, writes summary.json, profiles.csv and timeseries.csv and
 * prints a readable summary. The output folder is checked before any work is done.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Runs a scenario (steady state or transient) and writes the results.",
            "",
            "Writes summary.json, profiles.csv and (transient) timeseries.csv into the output folder, and prints "
                    + "V_m, the Nernst and GHK potentials, driving forces, membrane currents and the numerical checks."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp run examples/neuron-rest.toml --out r",
            "  pnp run examples/neuron-rest.toml --out r --force --threads 4",
            "  pnp run examples/neuron-rest.toml -o r2 --set outside.concentrations_mM.K=20",
            "  pnp run examples/neuron-rest.toml --set temperature_K=300 --quiet"})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (TOML).")
    private Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: results/<FILE without extension>). "
                    + "It must not exist or be empty, unless --force.")
    private Path out;

    @Option(names = {"-f", "--force"}, description = "Overwrite the result files in an existing output folder.")
    private boolean force;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "Threads of the worker pool that assembles the equations (default: ${DEFAULT-VALUE}); results are bit-identical for any N.")
    private int threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key before it is checked, e.g. outside.concentrations_mM.K=20 "
                    + "or temperature_K=300 (repeatable; dotted keys address tables, species by name).")
    private Map<String, String> overrides;

    @Mixin
    private VerbosityOptions verbosity;

    @Override
    public Integer call() throws Exception {
        verbosity.check();
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        Map<String, String> sets = overrides == null ? Map.of() : overrides;
        Path outDir = out != null ? out : defaultOutDir(file);
        ResultWriter.checkOutputFolder(outDir, force); // before any work; the loader reports a missing FILE

        Map<String, Object> provenance = provenance();
        Scenario scenario = ScenarioLoader.load(file, sets);

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(stderr, verbosity.verbose(),
                System.console() != null);
        RunResult result;
        try {
            result = Simulation.run(scenario, new SolverOptions(threads, verbosity.verbose()),
                    verbosity.quiet() ? ProgressListener.NONE : progress);
        } finally {
            progress.finish();
        }
        ResultWriter.writeAll(outDir, result, provenance, force);
        if (!verbosity.quiet()) {
            RunReport.print(stdout, result, Summary.of(result, provenance), outDir);
        }
        stdout.flush();
        return 0;
    }

    /** {@code results/<file name without its last extension>}, relative to the working directory. */
    static Path defaultOutDir(Path scenarioFile) {
        Path fileName = scenarioFile.getFileName();
        String name = fileName == null ? "scenario" : fileName.toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Paths.get("results", stem);
    }

    private Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scenario_file", file.toAbsolutePath().normalize().toString());
        p.put("command_line", commandLine());
        p.put("code_version", VersionProvider.version());
        p.put("java_version", System.getProperty("java.version"));
        p.put("started_at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return p;
    }

    /** The command as typed, re-quoted for a POSIX shell where needed. */
    private String commandLine() {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        return Stream.concat(Stream.of(spec.root().name()), args.stream())
                .map(RunCommand::shellQuote)
                .collect(Collectors.joining(" "));
    }

    static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=,+@%-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
