package org.membranepnp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import org.membranepnp.solver.validation.ReferenceScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pnp bench}: times the steady solve of a scenario (default: the resting neuron) at several mesh sizes in
 * this JVM, after a warm-up, and reports the median and best of the repeats. For publication-grade numbers use
 * the JMH benchmarks (BENCHMARKS.md); this is the quick check on a user's own machine and scenario.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {"Times steady solves at several mesh sizes (warm JVM; median and best of the repeats).",
            "",
            "Without FILE it solves the resting mammalian neuron. Each size is first solved until the JIT has "
                    + "warmed up (at least --warmup-s seconds), then --repeat times."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp bench",
            "  pnp bench --cells 1000,10000,100000,1000000 --repeat 3",
            "  pnp bench examples/gouy-chapman.toml --cells 2000,20000 --json"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A steady scenario to time (default: the resting neuron of examples/neuron-rest.toml).")
    private Path file;

    @Option(names = "--cells", split = ",", paramLabel = "N", defaultValue = "1000,10000,100000",
            description = "Mesh sizes to time (default: ${DEFAULT-VALUE}).")
    private int[] cells;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "5", description = "Timed solves per size (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--warmup-s", paramLabel = "SECONDS", defaultValue = "3",
            description = "Minimum warm-up time per size, s (default: ${DEFAULT-VALUE}).")
    private double warmupS;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "Threads of the solver's worker pool (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--json", description = "Print the results as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || threads < 1 || warmupS < 0) {
            throw new ParameterException(spec.commandLine(), "--repeat and --threads must be at least 1, --warmup-s >= 0");
        }
        Scenario base = file == null ? ReferenceScenarios.neuronRest() : ScenarioLoader.load(file);
        if (base.run().mode() != RunMode.STEADY) {
            throw new ParameterException(spec.commandLine(), "pnp bench times steady solves; " + file
                    + " is a transient (set [run] mode = \"steady\" or pass --set in pnp run)");
        }
        PrintWriter out = spec.commandLine().getOut();
        SolverOptions options = new SolverOptions(threads, false);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!json) {
            out.printf(Locale.ROOT, "%s, %d thread(s), Java %s, %d processors%n", base.title(), threads,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "%10s %12s %12s %16s %8s%n", "cells", "median ms", "best ms", "ms / 1000 cells",
                    "Newton");
            out.flush();
        }
        for (int n : cells) {
            Scenario s = base.withMesh(new MeshSpec(n));
            long warmEnd = System.nanoTime() + (long) (warmupS * 1e9);
            RunResult r = Simulation.run(s, options, ProgressListener.NONE);
            while (System.nanoTime() < warmEnd) {
                r = Simulation.run(s, options, ProgressListener.NONE);
            }
            double[] ms = new double[repeat];
            for (int k = 0; k < repeat; k++) {
                long t0 = System.nanoTime();
                r = Simulation.run(s, options, ProgressListener.NONE);
                ms[k] = (System.nanoTime() - t0) * 1e-6;
            }
            Arrays.sort(ms);
            double median = repeat % 2 == 1 ? ms[repeat / 2] : 0.5 * (ms[repeat / 2 - 1] + ms[repeat / 2]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cells", r.cells());
            row.put("median_ms", median);
            row.put("best_ms", ms[0]);
            row.put("ms_per_1000_cells", 1000 * median / r.cells());
            row.put("newton_iterations", r.newtonIterations());
            row.put("membrane_potential_mV", r.membranePotentialMv());
            rows.add(row);
            if (!json) {
                out.printf(Locale.ROOT, "%10d %12.3f %12.3f %16.3f %8d%n", r.cells(), median, ms[0],
                        1000 * median / r.cells(), r.newtonIterations());
                out.flush();
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scenario", base.title());
            doc.put("threads", threads);
            doc.put("repeat", repeat);
            doc.put("java_version", System.getProperty("java.version"));
            doc.put("processors", Runtime.getRuntime().availableProcessors());
            doc.put("results", rows);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        }
        out.flush();
        return 0;
    }
}
