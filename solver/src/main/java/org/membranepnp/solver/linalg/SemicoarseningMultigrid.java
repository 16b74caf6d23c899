package org.membranepnp.solver.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * A preconditioner for a {@link BlockFivePointMatrix}: one multigrid V-cycle with semicoarsening along y. Each
 * coarser level joins pairs of neighbouring rows (aggregation: P copies a coarse row to both fine rows, R = Pᵀ
 * sums them) and gets the Galerkin operator RAP, again block five-point; the coarsest level is one x-line, solved
 * exactly. The smoother is block-line Gauss–Seidel ({@link LineSmoother}): red–black x-lines on every level, which
 * carry the strong coupling across the graded Debye layers exactly, and on the finest level red–black y-lines as
 * well, for where the lateral cells are the finer ones. Coarsening in y only keeps every x-line whole, so the work
 * per level halves and a cycle costs O(nx·ny·m²): linear in the mesh.
 */
public final class SemicoarseningMultigrid {
    private final int nx;
    private final int m;
    private final WorkerPool pool;
    /** Level l: its matrix (level 0 is the caller's), smoother, rows and work vectors. */
    private final List<BlockFivePointMatrix> matrices = new ArrayList<>();
    private final List<LineSmoother> smoothers = new ArrayList<>();
    private final List<Integer> rows = new ArrayList<>();
    private final List<double[]> rhs = new ArrayList<>();
    private final List<double[]> sol = new ArrayList<>();
    private final List<double[]> res = new ArrayList<>();

    public SemicoarseningMultigrid(int nx, int ny, int m, WorkerPool pool) {
        this(nx, ny, m, pool, Integer.MAX_VALUE);
    }

    /** At most {@code maxLevels} levels; with fewer than needed to reach one row the cycle ends in smoothing. */
    SemicoarseningMultigrid(int nx, int ny, int m, WorkerPool pool, int maxLevels) {
        this.nx = nx;
        this.m = m;
        this.pool = pool;
        int r = ny;
        int level = 0;
        while (true) {
            rows.add(r);
            smoothers.add(new LineSmoother(nx, r, m, pool, level == 0 && r > 1));
            int size = nx * r * m;
            rhs.add(new double[size]);
            sol.add(new double[size]);
            res.add(new double[size]);
            matrices.add(level == 0 ? null : new BlockFivePointMatrix(nx, r, m));
            if (r == 1 || level + 1 >= maxLevels) {
                break;
            }
            r = (r + 1) / 2;
            level++;
        }
    }

    /** Levels, the finest included. */
    public int levels() {
        return rows.size();
    }

    /**
     * Builds the coarse operators of {@code a} and factors every level's lines.
     *
     * @throws ArithmeticException if a line is singular
     */
    public void factor(BlockFivePointMatrix a) {
        matrices.set(0, a);
        for (int l = 0; l < rows.size(); l++) {
            if (l > 0) {
                coarsen(matrices.get(l - 1), matrices.get(l));
            }
            smoothers.get(l).factor(matrices.get(l));
        }
    }

    /** Galerkin RAP of {@code fine} for row aggregates {2J, 2J+1}. */
    private void coarsen(BlockFivePointMatrix fine, BlockFivePointMatrix coarse) {
        int mm = m * m;
        int fineRows = fine.ny;
        int line = nx * mm;
        pool.forEachChunk(coarse.ny, 1, (from, to) -> {
            coarse.clearLines(from, to);
            for (int cj = from; cj < to; cj++) {
                BlockTridiagonalMatrix c = coarse.line(cj);
                int first = 2 * cj;
                int last = Math.min(2 * cj + 1, fineRows - 1);
                for (int j = first; j <= last; j++) {
                    BlockTridiagonalMatrix f = fine.line(j);
                    for (int q = 0; q < line; q++) {
                        c.lower[q] += f.lower[q];
                        c.diag[q] += f.diag[q];
                        c.upper[q] += f.upper[q];
                    }
                }
                int cBase = cj * line;
                if (last > first) { // the coupling inside the aggregate joins the diagonal
                    int a0 = first * line;
                    int a1 = last * line;
                    for (int q = 0; q < line; q++) {
                        c.diag[q] += fine.north[a0 + q] + fine.south[a1 + q];
                    }
                }
                System.arraycopy(fine.south, first * line, coarse.south, cBase, line);
                System.arraycopy(fine.north, last * line, coarse.north, cBase, line);
            }
        });
    }

    /** out = M⁻¹ in: one V-cycle from zero. */
    public void apply(double[] in, double[] out) {
        vcycle(0, in, out);
    }

    private void vcycle(int l, double[] b, double[] x) {
        LineSmoother s = smoothers.get(l);
        int r = rows.get(l);
        if (r == 1) {
            s.solveSingleLine(b, x);
            return;
        }
        Arrays.fill(x, 0.0);
        s.lineSweep(b, x, 0);
        s.lineSweep(b, x, 1);
        s.columnSweep(b, x, 0);
        s.columnSweep(b, x, 1);
        if (l == rows.size() - 1) { // no coarser level: smoothing only
            s.columnSweep(b, x, 1);
            s.columnSweep(b, x, 0);
            s.lineSweep(b, x, 1);
            s.lineSweep(b, x, 0);
            return;
        }
        double[] res0 = res.get(l);
        s.residual(b, x, res0);
        // restrict: sum row pairs
        double[] bc = rhs.get(l + 1);
        double[] xc = sol.get(l + 1);
        int line = nx * m;
        int coarseRows = rows.get(l + 1);
        pool.forEachChunk(coarseRows, 1, (from, to) -> {
            for (int cj = from; cj < to; cj++) {
                int first = 2 * cj;
                int last = Math.min(2 * cj + 1, r - 1);
                int cb = cj * line;
                System.arraycopy(res0, first * line, bc, cb, line);
                if (last > first) {
                    int fb = last * line;
                    for (int q = 0; q < line; q++) {
                        bc[cb + q] += res0[fb + q];
                    }
                }
            }
        });
        vcycle(l + 1, bc, xc);
        // prolong: copy each coarse row to its pair
        pool.forEachChunk(r, 1, (from, to) -> {
            for (int j = from; j < to; j++) {
                int cb = (j / 2) * line;
                int fb = j * line;
                for (int q = 0; q < line; q++) {
                    x[fb + q] += xc[cb + q];
                }
            }
        });
        s.columnSweep(b, x, 1);
        s.columnSweep(b, x, 0);
        s.lineSweep(b, x, 1);
        s.lineSweep(b, x, 0);
    }
}
