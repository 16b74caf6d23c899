package org.membranepnp.benchmarks;

import java.util.concurrent.TimeUnit;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.MembranePlaneSolver;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.parallel.WorkerPool;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Wall time of one full 2-D steady-state solve of a K⁺ pore in a membrane patch
 * ({@link ReferenceScenarios#potassiumPore()}: 20 nm baths, 10 nm of membrane with a 1 nm pore, zero current):
 * the 1-D start, Newton with GMRES and a semicoarsening multigrid V-cycle with the electrode potential as one more unknown (bordered current clamp), and the
 * {@code RunResult}. {@code scale} sets the resolution: 1 is the default mesh, 0.5 halves every cell in x and y
 * (four times the nodes). {@code threads} is the size of the worker pool.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 4, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class PoreSteadyStateBenchmark {

    /** Cell size relative to the default mesh, in both directions. */
    @Param({"1", "0.5", "0.25"})
    public double scale;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private Scenario scenario;
    private Mesh1D across;
    private WorkerPool pool;
    private MembranePlaneSolver last;
    private RunResult lastResult;

    @Setup(Level.Trial)
    public void build() {
        scenario = ReferenceScenarios.potassiumPore();
        across = GradedMeshBuilder.plan(scenario, scale).build();
        pool = WorkerPool.create(threads);
    }

    @Benchmark
    public void steadySolve(Blackhole bh) {
        MembranePlaneSolver p = new MembranePlaneSolver(scenario, across, scale, pool);
        p.solveSteady();
        RunResult r = p.result();
        last = p;
        lastResult = r;
        bh.consume(r.membranePotentialMv());
    }

    @TearDown(Level.Trial)
    public void report() {
        if (last != null) {
            System.out.printf("%n[pore] scale %s: %d x %d nodes, V_m = %.6f mV, Newton %d, GMRES %d%n",
                    scale, last.model().nx, last.model().ny, lastResult.membranePotentialMv(),
                    lastResult.newtonIterations(), last.linearIterations());
        }
        pool.close();
    }
}
