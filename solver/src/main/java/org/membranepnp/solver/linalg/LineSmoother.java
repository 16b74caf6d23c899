package org.membranepnp.solver.linalg;

import java.util.Arrays;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Block-line Gauss–Seidel for a {@link BlockFivePointMatrix}: x-lines (and, if asked, y-lines) in red–black
 * order, each line solved exactly by a {@link BlockTridiagonalLu} factored once per matrix. Lines of one colour
 * are independent, so they run in parallel over fixed chunks with identical results for any thread count.
 */
final class LineSmoother {
    private final int nx;
    private final int ny;
    private final int m;
    private final WorkerPool pool;
    private final boolean columnsToo;
    private final BlockTridiagonalLu[] lineLu;
    private final double[][] lineRhs;
    private final BlockTridiagonalMatrix[] columns;
    private final BlockTridiagonalLu[] columnLu;
    private final double[][] columnRhs;
    private BlockFivePointMatrix a;

    LineSmoother(int nx, int ny, int m, WorkerPool pool, boolean columnsToo) {
        this.nx = nx;
        this.ny = ny;
        this.m = m;
        this.pool = pool;
        this.columnsToo = columnsToo;
        this.lineLu = new BlockTridiagonalLu[ny];
        this.lineRhs = new double[ny][nx * m];
        for (int j = 0; j < ny; j++) {
            lineLu[j] = new BlockTridiagonalLu(nx, m);
        }
        int cols = columnsToo ? nx : 0;
        this.columns = new BlockTridiagonalMatrix[cols];
        this.columnLu = new BlockTridiagonalLu[cols];
        this.columnRhs = new double[cols][ny * m];
        for (int i = 0; i < cols; i++) {
            columns[i] = new BlockTridiagonalMatrix(ny, m);
            columnLu[i] = new BlockTridiagonalLu(ny, m);
        }
    }

    /** Factors every line (and column) of {@code matrix}. */
    void factor(BlockFivePointMatrix matrix) {
        this.a = matrix;
        pool.forEachChunk(ny, 1, (from, to) -> {
            for (int j = from; j < to; j++) {
                lineLu[j].factor(matrix.line(j));
            }
        });
        if (!columnsToo) {
            return;
        }
        int mm = m * m;
        pool.forEachChunk(nx, 8, (from, to) -> {
            for (int i = from; i < to; i++) {
                BlockTridiagonalMatrix c = columns[i];
                for (int j = 0; j < ny; j++) {
                    int k = j * nx + i;
                    System.arraycopy(matrix.line(j).diag, i * mm, c.diag, j * mm, mm);
                    System.arraycopy(matrix.south, k * mm, c.lower, j * mm, mm);
                    System.arraycopy(matrix.north, k * mm, c.upper, j * mm, mm);
                }
                columnLu[i].factor(c);
            }
        });
    }

    /** The x-lines of one colour: x_j = A_jj⁻¹ (b_j − S_j x_{j−1} − N_j x_{j+1}). */
    void lineSweep(double[] rhs, double[] x, int colour) {
        int count = (ny - colour + 1) / 2;
        pool.forEachChunk(count, 1, (from, to) -> {
            for (int q = from; q < to; q++) {
                solveLine(2 * q + colour, rhs, x);
            }
        });
    }

    /** The y-lines (columns) of one colour, if this smoother has them. */
    void columnSweep(double[] rhs, double[] x, int colour) {
        if (!columnsToo) {
            return;
        }
        int count = (nx - colour + 1) / 2;
        pool.forEachChunk(count, 8, (from, to) -> {
            for (int q = from; q < to; q++) {
                solveColumn(2 * q + colour, rhs, x);
            }
        });
    }

    /** r = rhs − A x. */
    void residual(double[] rhs, double[] x, double[] r) {
        pool.forEachChunk(ny, 1, (from, to) -> {
            a.multiply(x, r, from, to);
            int lo = from * nx * m;
            int hi = to * nx * m;
            for (int q = lo; q < hi; q++) {
                r[q] = rhs[q] - r[q];
            }
        });
    }

    /** x = A⁻¹ rhs for a single line (ny = 1). */
    void solveSingleLine(double[] rhs, double[] x) {
        Arrays.fill(x, 0.0);
        solveLine(0, rhs, x);
    }

    private void solveLine(int j, double[] rhs, double[] x) {
        double[] t = lineRhs[j];
        int line = nx * m;
        int base = j * line;
        System.arraycopy(rhs, base, t, 0, line);
        int mm = m * m;
        for (int i = 0; i < nx; i++) {
            int k = j * nx + i;
            for (int r = 0; r < m; r++) {
                double s = 0;
                int gr = k * mm + r * m;
                if (j > 0) {
                    int o = (k - nx) * m;
                    for (int c = 0; c < m; c++) {
                        s += a.south[gr + c] * x[o + c];
                    }
                }
                if (j < ny - 1) {
                    int o = (k + nx) * m;
                    for (int c = 0; c < m; c++) {
                        s += a.north[gr + c] * x[o + c];
                    }
                }
                t[i * m + r] -= s;
            }
        }
        lineLu[j].solve(t);
        System.arraycopy(t, 0, x, base, line);
    }

    private void solveColumn(int i, double[] rhs, double[] x) {
        double[] t = columnRhs[i];
        int mm = m * m;
        for (int j = 0; j < ny; j++) {
            int k = j * nx + i;
            BlockTridiagonalMatrix l = a.line(j);
            for (int r = 0; r < m; r++) {
                double s = rhs[k * m + r];
                int lr = i * mm + r * m;
                if (i > 0) {
                    int o = (k - 1) * m;
                    for (int c = 0; c < m; c++) {
                        s -= l.lower[lr + c] * x[o + c];
                    }
                }
                if (i < nx - 1) {
                    int o = (k + 1) * m;
                    for (int c = 0; c < m; c++) {
                        s -= l.upper[lr + c] * x[o + c];
                    }
                }
                t[j * m + r] = s;
            }
        }
        columnLu[i].solve(t);
        for (int j = 0; j < ny; j++) {
            System.arraycopy(t, j * m, x, (j * nx + i) * m, m);
        }
    }
}
