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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.membranepnp.engine.result.AtomicFiles;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.CheckpointFile;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.ParticleFiles;
import org.membranepnp.engine.result.ParticleSnapshots;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.particles.ParticleProgress;
import org.membranepnp.solver.particles.ParticleRun;
import org.membranepnp.solver.ConvergenceException;
import org.membranepnp.solver.ProfileSnapshots;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.RunControl;
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
 * prints a readable summary. The output folder is checked before any work is done; the run is written into a
 * {@link RunFolder}, which ends complete, failed or interrupted (run.json says which), or leaves nothing if refused.
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
                    + "V_m, the Nernst and GHK potentials, driving forces, membrane currents and the numerical checks.",
            "",
            "With a [particles] table, ions are then drawn from the computed concentrations and moved as Brownian "
                    + "particles in the computed potential; their snapshots go to particles.csv."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp run examples/neuron-rest.toml --out r",
            "  pnp run examples/neuron-rest.toml --out r --force --threads 4",
            "  pnp run examples/neuron-rest.toml -o r2 --set outside.concentrations_mM.K=20 --set outside.concentrations_mM.Na=129",
            "  pnp run examples/neuron-rest.toml --set temperature_K=300 --quiet",
            "  pnp run examples/particles-gouy-chapman.toml --out gc --render    (particles.csv, particles.png)",
            "  pnp run examples/neuron-rest.toml -o rd --set boundary.inside=wall --set run.mode=transient "
                    + "--set run.end_time_s=36000",
            "  pnp run --resume rd            (after Ctrl-C: continue from the checkpoint)"})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The scenario file (TOML); not with --resume.")
    private Path file;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the stopped transient run in DIR from its checkpoint (exactly as if it had not "
                    + "stopped) and write its results there.")
    private Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", defaultValue = "60",
            description = "Wall-clock seconds between checkpoints of a transient (default: ${DEFAULT-VALUE}; "
                    + "0: only when stopped). Ctrl-C always writes one.")
    private double checkpointEveryS;

    @Option(names = "--snapshots", paramLabel = "N", defaultValue = "0",
            description = "With a transient: write N profile snapshots to DIR/snapshots/ (profile-0001.csv … and "
                    + "index.csv), at t = 0 and log-spaced from 0.1 ns to the end (default: ${DEFAULT-VALUE}, none).")
    private int snapshots;

    @Option(names = "--stop-after-steps", hidden = true, defaultValue = "-1",
            description = "Testing: behave as if Ctrl-C came after N time steps.")
    private int stopAfterSteps;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: results/<FILE without extension>). "
                    + "It must not exist, be empty or hold a failed run, unless --force. The run is written beside it "
                    + "and moved into place when it ends; run.json says complete, failed or interrupted.")
    private Path out;

    @Option(names = {"-f", "--force"}, description = "Replace an existing run folder (when the new run ends; a run "
            + "refused on its input leaves it as it was).")
    private boolean force;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "Threads of the worker pool that assembles the equations and moves the particles (default: ${DEFAULT-VALUE}); results are bit-identical for any N.")
    private int threads;

    @Option(names = "--render", description = "Draw the figures (profile.png, timeseries.png, particles.png, …) when the results are written; "
            + "needs an X display (xvfb-run -a).")
    private boolean render;

    @Mixin
    private ScenarioOverrides overrides;

    @Mixin
    private VerbosityOptions verbosity;

    @Override
    public Integer call() throws Exception {
        verbosity.check();
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        if (snapshots != 0 && (snapshots < 2 || resume != null)) {
            throw new ParameterException(spec.commandLine(), "--snapshots N needs N >= 2 and a new run (not --resume); "
                    + "got " + snapshots);
        }
        if ((file == null) == (resume == null)) {
            throw new ParameterException(spec.commandLine(),
                    file == null ? "give a scenario FILE, or --resume DIR" : "give either FILE or --resume DIR, not both");
        }
        RunFolder folder;
        Checkpoint checkpoint = null;
        if (resume != null) {
            if (overrides.given() || out != null) {
                throw new ParameterException(spec.commandLine(),
                        "--resume continues the run as it was started: --set and --out are not allowed with it");
            }
            folder = RunFolder.open(resume);
            checkpoint = CheckpointFile.read(resume);
        } else {
            Path outDir = out != null ? out : defaultOutDir(file);
            RunFolder.checkTarget(outDir, force); // before any work; the loader reports a missing FILE
            folder = RunFolder.create(outDir, file, overrides.values(), commandLine(), VersionProvider.version());
        }
        try {
            return run(folder, checkpoint);
        } catch (Throwable e) {
            folder.endAfter(e);
            throw e;
        }
    }

    /** Solves the scenario of {@code folder} (from {@code checkpoint} if given), writes the results and ends the run. */
    private int run(RunFolder folder, Checkpoint checkpoint) {
        Scenario scenario = folder.scenario();
        Map<String, Object> provenance = provenance(folder, checkpoint != null);

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(stderr, verbosity.verbose(), System.console() != null);
        if (snapshots != 0 && scenario.run().mode() != RunMode.TRANSIENT) {
            throw new ParameterException(spec.commandLine(), "--snapshots needs a transient run; this scenario is steady");
        }
        ProfileSnapshots frames = snapshots == 0 ? ProfileSnapshots.NONE
                : SnapshotWriter.create(folder.dir(), scenario.species(), snapshots, scenario.run().endTimeS());
        AtomicInteger polls = new AtomicInteger();
        StopOnInterrupt interrupt = StopOnInterrupt.install(); // released in the finally below
        BooleanSupplier stop = () -> interrupt.requested()
                || (stopAfterSteps >= 0 && polls.incrementAndGet() > stopAfterSteps);
        RunControl control = new RunControl(stop, checkpointEveryS, cp -> CheckpointFile.write(folder.dir(), cp),
                frames);
        RunResult result;
        try {
            try {
                result = Simulation.run(scenario, new SolverOptions(threads, verbosity.verbose()),
                        verbosity.quiet() ? ProgressListener.NONE : progress, control, checkpoint);
            } catch (ConvergenceException e) {
                throw keepPartialRun(folder, scenario, e);
            }
            progress.finish();
            if (stop.getAsBoolean() && scenario.run().mode() == RunMode.TRANSIENT && !reachedEnd(result)) {
                return stopped(folder, result, provenance, stderr);
            }
            ResultWriter.writeAll(folder.dir(), result, provenance, true);
            writeParticles(folder.dir(), result, stderr);
            CheckpointFile.delete(folder.dir());
            folder.end(new RunStatus(RunStatus.COMPLETE, null));
        } catch (RuntimeException | Error e) {
            folder.endAfter(e); // before release(): an exit on Ctrl-C waits until the folder is in place
            throw e;
        } finally {
            progress.finish();
            interrupt.release();
        }
        if (!verbosity.quiet()) {
            RunReport.print(stdout, result, Summary.of(result, provenance), folder.target());
        }
        RenderCommand.renderAfter(render, folder.target(), stdout, verbosity.quiet());
        stdout.flush();
        return 0;
    }

    /**
     * A transient stopped (Ctrl-C) before its end: ends the run as interrupted and says how to go on; its checkpoint
     * is in the folder (1-D and 2-D alike).
     */
    private static int stopped(RunFolder folder, RunResult result, Map<String, Object> provenance,
                               PrintWriter stderr) {
        Scenario scenario = result.scenario();
        double t = result.timeSeries().timeS()[result.timeSeries().sampleCount() - 1];
        String at = "stopped at t = " + Fmt.num(t, 4) + " s of " + Fmt.num(scenario.run().endTimeS(), 4) + " s";
        Path dir = folder.target();
        String message = at + "; the state is saved in " + dir.resolve(CheckpointFile.FILE)
                + "; continue with: pnp run --resume " + RunCommand.shellQuote(dir.toString());
        folder.end(new RunStatus(RunStatus.INTERRUPTED, message));
        stderr.println("pnp: " + message);
        stderr.flush();
        return STOPPED;
    }

    /**
     * The Brownian particle mode ({@code [particles]}): draws the particles from the final profile, moves them in its
     * potential and writes particles.csv; without it, removes a particles.csv left by an earlier run in the folder.
     */
    private void writeParticles(Path dir, RunResult result, PrintWriter stderr) {
        Scenario scenario = result.scenario();
        if (!scenario.particles().present()) {
            ParticleFiles.deleteStale(dir);
            return;
        }
        long startNs = System.nanoTime();
        long[] lastNs = {startNs};
        ParticleProgress progress = (k, n, t) -> {
            long now = System.nanoTime();
            if (verbosity.quiet() || (!verbosity.verbose() && k < n && now - lastNs[0] < 1_000_000_000L)) {
                return;
            }
            lastNs[0] = now;
            stderr.println("  particles: snapshot " + k + " of " + n + ", t = " + Fmt.num(t, 4) + " s, wall "
                    + Fmt.num((now - startNs) * 1e-9, 3) + " s");
            stderr.flush();
        };
        ParticleSnapshots snapshots;
        try (WorkerPool pool = WorkerPool.create(threads)) {
            snapshots = ParticleRun.run(result, pool, progress);
        }
        ParticleFiles.write(dir, snapshots);
    }

    /** Name of the time series of a transient that failed part-way. */
    static final String PARTIAL_TIMESERIES = "timeseries.partial.csv";

    /**
     * After a transient failed to converge, the checkpoint of its last accepted step is in the folder: writes the
     * time series up to there beside it and says so in the error.
     */
    private static ConvergenceException keepPartialRun(RunFolder folder, Scenario scenario, ConvergenceException e) {
        if (scenario.run().mode() != RunMode.TRANSIENT || !Files.exists(folder.dir().resolve(CheckpointFile.FILE))) {
            return e;
        }
        Checkpoint cp = CheckpointFile.read(folder.dir());
        AtomicFiles.write(folder.dir(), PARTIAL_TIMESERIES,
                ResultWriter.timeSeriesCsv(scenario.species(), cp.series()).getBytes(StandardCharsets.UTF_8));
        return new ConvergenceException(e.getMessage() + "; kept the run up to t = " + Fmt.num(cp.timeS(), 4)
                + " s in " + folder.target().resolve(PARTIAL_TIMESERIES) + " and " + CheckpointFile.FILE,
                e.lastResidual());
    }

    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
    static final int STOPPED = 130;

    private static boolean reachedEnd(RunResult r) {
        double[] t = r.timeSeries().timeS();
        return t[t.length - 1] >= r.scenario().run().endTimeS() * (1 - 1e-12);
    }

    /** {@code results/<file name without its last extension>}, relative to the working directory. */
    static Path defaultOutDir(Path scenarioFile) {
        Path fileName = scenarioFile.getFileName();
        String name = fileName == null ? "scenario" : fileName.toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Paths.get("results", stem);
    }

    private static Map<String, Object> provenance(RunFolder folder, boolean resumed) {
        Map<String, Object> p = new LinkedHashMap<>(folder.record());
        p.put("java_version", System.getProperty("java.version"));
        p.put(resumed ? "resumed_at" : "started_at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        // the continuum solver is deterministic; particle runs record their seed here
        ParticleSpec particles = folder.scenario().particles();
        p.put("seed", particles.present() ? Long.valueOf(particles.seed()) : null);
        p.put("scenario_toml", folder.scenarioText());
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
