package org.membranepnp.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.AtomicFiles;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.solver.ConvergenceException;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pnp sweep}: runs a scenario at every point of a grid of parameter values, in parallel, and writes
 * {@code sweep.csv} (one row per point, in grid order), {@code sweep.json} and {@code points/NNN/} with each point's
 * result files. Every point is loaded, and the output folder checked, before any solving; a point that fails does
 * not stop the others, but makes the exit code 3.
 */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Runs a scenario over a grid of parameter values and tabulates V_m, GHK and Nernst potentials.",
            "",
            "Each --vary KEY=SPEC gives one axis; several give the full grid, the first varying slowest. Writes "
                    + "sweep.csv (one row per point), sweep.json (axes, command line, version) and points/NNN/ "
                    + "(summary.json, profiles.csv) into the output folder. A point that fails is recorded with "
                    + "status 'failed: …' and the others go on; the exit code is then 3."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp sweep examples/sweep-potassium.toml --vary outside.concentrations_mM.K=1:300:log:20 "
                    + "--balance outside.concentrations_mM.Cl",
            "  pnp sweep examples/neuron-rest.toml --vary membrane.permeability_cm_s.Na=1e-9,4e-9,1e-8,4e-8 "
                    + "--vary temperature_K=280:320:lin:3 --out na-t",
            "  pnp sweep examples/gouy-chapman.toml --vary membrane.surface_charge_C_m2.outside=-0.1:0:lin:11 --threads 4"})
final class SweepCommand implements Callable<Integer> {
    /** Subfolder with one folder per point. */
    static final String POINTS_DIR = "points";
    static final String CSV_FILE = "sweep.csv";
    static final String JSON_FILE = "sweep.json";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (TOML).")
    private Path file;

    @Option(names = "--vary", paramLabel = "KEY=SPEC", required = true, converter = SweepAxis.Converter.class,
            description = "A scenario key and its values: start:stop:lin:n, start:stop:log:n (n ≥ 2 points, both ends "
                    + "included; log needs start, stop > 0) or a list 1,2,5,10. Repeatable: the grid of all "
                    + "combinations, the first --vary varying slowest.")
    private List<SweepAxis> axes;

    @Option(names = "--balance", paramLabel = "SIDE.concentrations_mM.SPECIES", converter = BathBalance.Converter.class,
            description = "Keep that bath neutral at every point by setting this species: c = (Σ z·c of the other ions) / (−z). "
                    + "E.g. outside.concentrations_mM.Cl when --vary changes outside K.")
    private BathBalance balance;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: results/<FILE without extension>-sweep). "
                    + "It must not exist or be empty, unless --force.")
    private Path out;

    @Option(names = {"-f", "--force"}, description = "Overwrite the result files in an existing output folder.")
    private boolean force;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Points solved at the same time, one thread each (default: the number of processors, "
                    + "${DEFAULT-VALUE}); the results do not depend on it.")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--render", description = "Draw sweep.png (V_m, GHK and Nernst against the first varied key) when "
            + "the table is written; needs an X display (xvfb-run -a).")
    private boolean render;

    @Mixin
    private ScenarioOverrides overrides; // applied at every point

    @Mixin
    private VerbosityOptions verbosity;

    /** Solves one point: {@link Simulation#run} on one thread, without progress (replaced in tests). */
    Function<Scenario, RunResult> solver = s -> Simulation.run(s, new SolverOptions(1, false), ProgressListener.NONE);

    /** A point of the grid: its override values, and its loaded scenario or why it could not be loaded. */
    private record Planned(int number, Map<String, String> values, Map<String, String> overrides, Scenario scenario,
                           UserInputException loadError) {
    }

    @Override
    public Integer call() throws Exception {
        long startNs = System.nanoTime();
        verbosity.check();
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        Map<String, String> sets = new LinkedHashMap<>();
        if (overrides.given()) {
            overrides.values().forEach((k, v) -> sets.put(SweepAxis.normalizeKey(k), v));
        }
        checkKeys(sets.keySet());
        List<List<String>> grid;
        try {
            grid = SweepAxis.grid(axes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path outDir = out != null ? out : defaultOutDir(file);
        ResultWriter.checkOutputFolder(outDir, force); // before any work

        Map<String, Object> provenance = provenance();
        List<Planned> plan = plan(grid, sets);
        Planned first = plan.stream().filter(p -> p.scenario() != null).findFirst()
                .orElseThrow(() -> noPointLoads(plan.get(0).loadError()));
        List<String> keys = new ArrayList<>(plan.get(0).values().keySet());
        List<String> species = first.scenario().species().stream().map(Species::name).toList();

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int toSolve = (int) plan.stream().filter(p -> p.scenario() != null).count();
        SweepProgress progress = new SweepProgress(stderr, toSolve, !verbosity.quiet(), System.console() != null,
                System::nanoTime);
        if (force) {
            clearOldPoints(outDir.resolve(POINTS_DIR));
        }
        createFolder(outDir.resolve(POINTS_DIR));
        List<SweepTable.Row> results;
        try {
            results = solveAll(plan, outDir, provenance, progress);
        } finally {
            progress.finish();
        }

        createFolder(outDir);
        AtomicFiles.write(outDir, CSV_FILE, SweepTable.csv(keys, species, results).getBytes(StandardCharsets.UTF_8));
        long failed = results.stream().filter(r -> r.failure() != null).count();
        String json = sweepJson(first.scenario().title(), sets, provenance, results.size(), failed,
                (System.nanoTime() - startNs) * 1e-9);
        AtomicFiles.write(outDir, JSON_FILE, (json + "\n").getBytes(StandardCharsets.UTF_8));

        if (!verbosity.quiet()) {
            String title = first.scenario().title();
            stdout.println((title == null || title.isBlank() ? "(untitled scenario)" : title) + ": " + results.size()
                    + (results.size() == 1 ? " point" : " points") + (failed > 0 ? ", " + failed + " failed" : ""));
            SweepTable.print(stdout, keys.subList(0, axes.size()), species.get(0), results);
            stdout.println("  results in " + outDir + " (" + CSV_FILE + ", " + JSON_FILE + ", " + POINTS_DIR + "/)");
        }
        RenderCommand.renderAfter(render && failed < results.size(), outDir, stdout, verbosity.quiet());
        stdout.flush();
        if (failed > 0) {
            stderr.println("pnp: " + failed + " of " + results.size() + " points failed; see the status column of "
                    + outDir.resolve(CSV_FILE));
            stderr.flush();
            return ErrorHandler.EXIT_CONVERGENCE;
        }
        return 0;
    }

    /** {@code results/<file name without its last extension>-sweep}. */
    static Path defaultOutDir(Path scenarioFile) {
        Path run = RunCommand.defaultOutDir(scenarioFile);
        return run.resolveSibling(run.getFileName() + "-sweep");
    }

    /** Rejects a key given twice (two --vary, or --vary and --set) and a --balance that another option also sets. */
    private void checkKeys(Set<String> setKeys) {
        Set<String> seen = new HashSet<>();
        for (SweepAxis a : axes) {
            if (!seen.add(a.key())) {
                throw new ParameterException(spec.commandLine(), "--vary " + a.text() + ": the key " + a.key()
                        + " is varied twice; give each key one --vary");
            }
            if (setKeys.contains(a.key())) {
                throw new ParameterException(spec.commandLine(), "--vary " + a.text() + ": the key " + a.key()
                        + " is also given with --set; give it once");
            }
        }
        if (balance == null) {
            return;
        }
        List<String> others = Stream.concat(seen.stream(), setKeys.stream()).toList();
        for (String k : others) {
            if (k.equals(balance.key()) || balance.replacesTable(k)) {
                throw new ParameterException(spec.commandLine(), "--balance " + balance.key() + ": " + k
                        + " is also set by --vary or --set; the balanced species must be left to --balance");
            }
        }
    }

    /**
     * Loads the scenario of every point (before any solving), with the --set, the point's values and the balance; a
     * point whose mesh would not fit in the heap fails here too.
     */
    private List<Planned> plan(List<List<String>> grid, Map<String, String> sets) {
        List<Planned> plan = new ArrayList<>(grid.size());
        for (int i = 0; i < grid.size(); i++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                values.put(axes.get(a).key(), grid.get(i).get(a));
            }
            Map<String, String> all = new LinkedHashMap<>(sets);
            all.putAll(values);
            Scenario scenario = null;
            UserInputException error = null;
            try {
                if (balance != null) {
                    values.put(balance.key(), "");
                    Scenario probe = ScenarioLoader.load(file, balance.without(all));
                    String c = balance.valueText(probe, all);
                    values.put(balance.key(), c);
                    all.put(balance.key(), c);
                }
                Scenario loaded = ScenarioLoader.load(file, all);
                Simulation.heapBudget(loaded).check();
                scenario = loaded;
            } catch (UserInputException e) {
                error = e;
            }
            plan.add(new Planned(i + 1, values, all, scenario, error));
        }
        return plan;
    }

    /** The error when no point can be loaded: the first point's, naming its --vary where the message shows the key. */
    private UserInputException noPointLoads(UserInputException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (balance == null && msg.contains("not electroneutral")) {
            return new UserInputException(msg + "; to vary a concentration, keep its bath neutral with --balance "
                    + "SIDE.concentrations_mM.SPECIES, e.g. --balance outside.concentrations_mM.Cl", e);
        }
        for (SweepAxis a : axes) {
            if (msg.contains(a.key() + " = ")) {
                return new UserInputException("--vary " + a.text() + ": " + msg, e);
            }
        }
        return e;
    }

    /** Solves the points on a fixed pool of {@code --threads} workers; rows in grid order. */
    private List<SweepTable.Row> solveAll(List<Planned> plan, Path outDir, Map<String, Object> provenance,
                                          SweepProgress progress) throws Exception {
        int width = Math.max(3, Integer.toString(plan.size()).length());
        List<Future<SweepTable.Row>> futures = new ArrayList<>(plan.size());
        long toSolve = plan.stream().filter(p -> p.scenario() != null).count();
        AtomicInteger worker = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool((int) Math.max(1, Math.min(threads, toSolve)), r -> {
            Thread t = new Thread(r, "pnp-sweep-" + worker.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (Planned p : plan) {
                if (p.scenario() == null) {
                    String why = ErrorHandler.oneLine(p.loadError().getMessage());
                    progress.warn(warning(p, why));
                    futures.add(CompletableFuture.completedFuture(
                            new SweepTable.Row(p.number(), p.values(), null, why)));
                    continue;
                }
                Path pointDir = outDir.resolve(POINTS_DIR).resolve(String.format(Locale.ROOT, "%0" + width + "d", p.number()));
                futures.add(pool.submit(() -> solveOne(p, pointDir, provenance, progress)));
            }
            List<SweepTable.Row> rows = new ArrayList<>(plan.size());
            for (Future<SweepTable.Row> f : futures) {
                try {
                    rows.add(f.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Solves one point and writes its folder (a {@link StagedFolder}: complete or absent); a solver or scenario
     * failure, or a folder that cannot be written, becomes a failed row.
     */
    private SweepTable.Row solveOne(Planned p, Path pointDir, Map<String, Object> provenance, SweepProgress progress) {
        SweepTable.Row row;
        try {
            RunResult result = solver.apply(p.scenario());
            Map<String, Object> prov = new LinkedHashMap<>(provenance);
            prov.put("sweep_point", p.number());
            prov.put("overrides", p.overrides());
            writePoint(pointDir, result, prov);
            row = new SweepTable.Row(p.number(), p.values(), Summary.of(result, prov), null);
        } catch (ConvergenceException | UserInputException e) {
            String failure = ErrorHandler.failure(e).message();
            progress.warn(warning(p, failure));
            row = new SweepTable.Row(p.number(), p.values(), null, failure);
        }
        progress.pointDone();
        return row;
    }

    /** Writes the result files of one point into a staged folder and moves it into place. */
    private static void writePoint(Path pointDir, RunResult result, Map<String, Object> provenance) {
        StagedFolder staged = StagedFolder.begin(pointDir);
        try {
            ResultWriter.writeAll(staged.dir(), result, provenance, true);
            staged.promote();
        } catch (RuntimeException e) {
            try {
                staged.discard();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private String warning(Planned p, String why) {
        String where = axes.stream().map(a -> a.key() + "=" + p.values().get(a.key())).collect(Collectors.joining(" "));
        return "pnp: warning: point " + p.number() + " (" + where + ") failed: " + why;
    }

    /** With --force: removes the result files of an earlier sweep's points (and their folders, once empty). */
    private static void clearOldPoints(Path pointsDir) {
        if (!Files.isDirectory(pointsDir)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(pointsDir, Files::isDirectory)) {
            for (Path d : dirs) {
                for (String name : List.of(ResultWriter.SUMMARY_FILE, ResultWriter.PROFILES_FILE, ResultWriter.TIMESERIES_FILE)) {
                    Files.deleteIfExists(d.resolve(name));
                }
                try (Stream<Path> left = Files.list(d)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot clear the old points in " + pointsDir + ": " + ErrorHandler.oneLine(e.toString()));
        }
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output folder " + dir + ": " + ErrorHandler.oneLine(e.toString()));
        }
    }

    /** sweep.json: what was swept and how, and how many points failed. */
    private String sweepJson(String title, Map<String, String> sets, Map<String, Object> provenance, int points,
                             long failed, double wallTimeS) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("title", title);
        o.put("scenario_file", (String) provenance.get("scenario_file"));
        ArrayNode list = o.putArray("axes");
        for (SweepAxis a : axes) {
            ObjectNode axis = list.addObject();
            axis.put("key", a.key());
            axis.put("spec", a.spec());
            ArrayNode values = axis.putArray("values");
            for (String v : a.values()) {
                try {
                    double x = Double.parseDouble(v);
                    if (Double.isFinite(x)) {
                        values.add(x);
                    } else {
                        values.add(v);
                    }
                } catch (NumberFormatException e) {
                    values.add(v);
                }
            }
        }
        o.put("balance", balance == null ? null : balance.key());
        ObjectNode set = o.putObject("set");
        sets.forEach(set::put);
        o.put("points", points);
        o.put("failed", failed);
        o.put("csv", CSV_FILE);
        o.put("point_folders", POINTS_DIR + "/NNN (1-based, in the row order of " + CSV_FILE + ")");
        o.put("command_line", (String) provenance.get("command_line"));
        o.put("code_version", (String) provenance.get("code_version"));
        o.put("java_version", (String) provenance.get("java_version"));
        o.put("started_at", (String) provenance.get("started_at"));
        o.put("wall_time_s", wallTimeS);
        return o.toPrettyString();
    }

    private Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scenario_file", file.toAbsolutePath().normalize().toString());
        p.put("command_line", Stream.concat(Stream.of(spec.root().name()),
                        spec.root().commandLine().getParseResult().originalArgs().stream())
                .map(RunCommand::shellQuote).collect(Collectors.joining(" ")));
        p.put("code_version", VersionProvider.version());
        p.put("java_version", System.getProperty("java.version"));
        p.put("started_at", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return p;
    }
}
