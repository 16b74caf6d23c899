package org.membranepnp.benchmarks;

import java.util.concurrent.TimeUnit;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import org.membranepnp.solver.validation.ReferenceScenarios;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Wall time of one full steady-state solve of the resting mammalian neuron
 * ({@link ReferenceScenarios#neuronRest()}), as {@code Simulation.run} does it for a {@code mode = "steady"}
 * scenario: graded mesh of about {@code cells} cells, discrete model, analytic steady guess, then Newton with the
 * block tridiagonal LU, and finally the {@code RunResult}. Only building the {@code Scenario} is left out of the
 * timing. Single-threaded (the solver uses one thread; the JVM's GC threads are not restricted here).
 *
 * <p>One class covers 10³ … 10⁶ cells with the same time-based iterations. The 10⁶-cell solve takes several
 * seconds, longer than an iteration, so JMH runs exactly one operation per iteration there: 5 warm-up and 5
 * measured solves, which keeps the whole class at about three minutes. The warm-up is long (5 × 3 s) because the
 * JIT needs about 5–10 s of solving before the time per solve settles (measured: the 10³-cell solve goes from
 * ~100 ms to ~4 ms over the first ~200 calls). Default JVM heap settings, as the command-line tool gets them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class NeuronRestSteadyStateBenchmark {

    /** Approximate number of cells asked of the mesh builder (the actual count is printed at tear-down). */
    @Param({"1000", "10000", "100000", "1000000"})
    public int cells;

    private Scenario scenario;
    private RunResult last;

    @Setup(Level.Trial)
    public void buildScenario() {
        scenario = ReferenceScenarios.neuronRest().withMesh(new MeshSpec(cells));
    }

    @Benchmark
    public void steadySolve(Blackhole bh) {
        RunResult r = Simulation.run(scenario, SolverOptions.DEFAULT, ProgressListener.NONE);
        last = r;
        bh.consume(r.membranePotentialMv());
    }

    @TearDown(Level.Trial)
    public void report() {
        if (last != null) {
            System.out.printf("%n[neuron-rest] asked %d cells: actual cells = %d, V_m = %.4f mV, Newton iterations = %d%n",
                    cells, last.cells(), last.membranePotentialMv(), last.newtonIterations());
        }
    }
}
