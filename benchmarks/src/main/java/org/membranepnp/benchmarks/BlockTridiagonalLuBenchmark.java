package org.membranepnp.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.membranepnp.solver.linalg.BlockTridiagonalLu;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One factorization plus one solve of a block tridiagonal system with {@code n} block rows of 5 × 5 blocks (the
 * shape of the neuron-rest Jacobian: ψ and four species per cell), i.e. the linear-algebra core of one Newton step.
 *
 * <p>The matrix is filled once in the set-up with dense random blocks (fixed seed, entries in [−1, 1)) made
 * strictly diagonally dominant by row, so every Schur complement is regular. Dense blocks are the worst case for
 * {@link BlockTridiagonalLu} (it skips zero entries of the lower blocks; the PNP Jacobian has some). The timed
 * operation copies the right-hand side into a work vector (the solve is in place; O(5n), negligible), factors, and
 * solves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class BlockTridiagonalLuBenchmark {
    /** Block size: ψ + 4 species. */
    static final int M = 5;

    /** Number of block rows (cells). */
    @Param({"10000", "100000"})
    public int n;

    private BlockTridiagonalMatrix matrix;
    private BlockTridiagonalLu lu;
    private double[] rhs;
    private double[] work;

    @Setup(Level.Trial)
    public void fill() {
        SplittableRandom random = new SplittableRandom(20240601L);
        matrix = new BlockTridiagonalMatrix(n, M);
        for (int k = 0; k < n; k++) {
            for (int r = 0; r < M; r++) {
                double offDiagonalSum = 0;
                for (int c = 0; c < M; c++) {
                    int i = matrix.index(k, r, c);
                    if (k > 0) {
                        matrix.lower[i] = random.nextDouble(-1.0, 1.0);
                        offDiagonalSum += Math.abs(matrix.lower[i]);
                    }
                    if (k < n - 1) {
                        matrix.upper[i] = random.nextDouble(-1.0, 1.0);
                        offDiagonalSum += Math.abs(matrix.upper[i]);
                    }
                    if (c != r) {
                        matrix.diag[i] = random.nextDouble(-1.0, 1.0);
                        offDiagonalSum += Math.abs(matrix.diag[i]);
                    }
                }
                matrix.diag[matrix.index(k, r, r)] = offDiagonalSum + 1.0;
            }
        }
        rhs = new double[n * M];
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = random.nextDouble(-1.0, 1.0);
        }
        work = new double[n * M];
        lu = new BlockTridiagonalLu(n, M);
    }

    @Benchmark
    public double[] factorAndSolve() {
        System.arraycopy(rhs, 0, work, 0, rhs.length);
        lu.factor(matrix);
        lu.solve(work);
        return work;
    }
}
