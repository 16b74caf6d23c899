package org.membranepnp.solver.linalg;

import org.membranepnp.solver.parallel.WorkerPool;

/**
 * A preconditioner for a {@link BlockFivePointMatrix}: block-line Gauss–Seidel over the x-lines in red–black
 * order (even lines, odd lines, even lines again), each line solved exactly by its {@link BlockTridiagonalLu},
 * followed by a coarse correction in the space of fields constant along y (the Galerkin product PᵀAP with P
 * the prolongation that copies a 1-D correction to every line, itself block tridiagonal and solved exactly).
 * Lines of one colour are independent, so they run in parallel with identical results for any thread count.
 *
 * <p>The x-lines carry the strong coupling of the graded mesh across the Debye layers; the y-constant coarse
 * space removes the smooth lateral error modes that line relaxation damps slowly. Cost per application:
 * O(nx·ny·m²), linear in the mesh.
 */
public final class LineRelaxation {
    private final int nx;
    private final int ny;
    private final int m;
    private final WorkerPool pool;
    private final BlockTridiagonalLu[] lineLu;
    private final double[][] lineRhs;
    private final BlockTridiagonalMatrix coarse;
    private final BlockTridiagonalLu coarseLu;
    private final double[] coarseRhs;
    private final double[] residual;
    private final BlockTridiagonalMatrix[] columns;
    private final BlockTridiagonalLu[] columnLu;
    private final double[][] columnRhs;
    private BlockFivePointMatrix a;

    public LineRelaxation(int nx, int ny, int m, WorkerPool pool) {
        this.nx = nx;
        this.ny = ny;
        this.m = m;
        this.pool = pool;
        this.lineLu = new BlockTridiagonalLu[ny];
        this.lineRhs = new double[ny][nx * m];
        for (int j = 0; j < ny; j++) {
            lineLu[j] = new BlockTridiagonalLu(nx, m);
        }
        this.coarse = new BlockTridiagonalMatrix(nx, m);
        this.coarseLu = new BlockTridiagonalLu(nx, m);
        this.coarseRhs = new double[nx * m];
        this.residual = new double[nx * ny * m];
        this.columns = new BlockTridiagonalMatrix[nx];
        this.columnLu = new BlockTridiagonalLu[nx];
        this.columnRhs = new double[nx][ny * m];
        for (int i = 0; i < nx; i++) {
            columns[i] = new BlockTridiagonalMatrix(ny, m);
            columnLu[i] = new BlockTridiagonalLu(ny, m);
        }
    }

    /**
     * Factors every line of {@code matrix} and the coarse operator.
     *
     * @throws ArithmeticException if a line or the coarse operator is singular
     */
    public void factor(BlockFivePointMatrix matrix) {
        this.a = matrix;
        pool.forEachChunk(ny, 1, (from, to) -> {
            for (int j = from; j < to; j++) {
                lineLu[j].factor(matrix.line(j));
            }
        });
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
        coarse.clear();
        for (int j = 0; j < ny; j++) {
            BlockTridiagonalMatrix l = matrix.line(j);
            for (int q = 0; q < nx * mm; q++) {
                coarse.lower[q] += l.lower[q];
                coarse.diag[q] += l.diag[q] + matrix.south[j * nx * mm + q] + matrix.north[j * nx * mm + q];
                coarse.upper[q] += l.upper[q];
            }
        }
        coarseLu.factor(coarse);
    }

    /** out = M⁻¹ rhs (one red–black–red line sweep from 0, then the coarse correction). */
    public void apply(double[] rhs, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        sweep(rhs, out, 0);
        sweep(rhs, out, 1);
        columnSweep(rhs, out, 0);
        columnSweep(rhs, out, 1);
        sweep(rhs, out, 0);
        sweep(rhs, out, 1);
        // coarse correction: r = rhs − A out summed along y, solved, added to every line
        pool.forEachChunk(ny, 1, (from, to) -> a.multiply(out, residual, from, to));
        java.util.Arrays.fill(coarseRhs, 0.0);
        int line = nx * m;
        for (int j = 0; j < ny; j++) {
            int base = j * line;
            for (int q = 0; q < line; q++) {
                coarseRhs[q] += rhs[base + q] - residual[base + q];
            }
        }
        coarseLu.solve(coarseRhs);
        for (int j = 0; j < ny; j++) {
            int base = j * line;
            for (int q = 0; q < line; q++) {
                out[base + q] += coarseRhs[q];
            }
        }
    }

    /** Updates the lines of one colour: x_j = A_jj⁻¹ (b_j − S_j x_{j−1} − N_j x_{j+1}). */
    private void sweep(double[] rhs, double[] x, int colour) {
        int count = (ny - colour + 1) / 2;
        pool.forEachChunk(count, 1, (from, to) -> {
            for (int q = from; q < to; q++) {
                solveLine(2 * q + colour, rhs, x);
            }
        });
    }

    /** Updates the y-lines (columns) of one colour: x_i = A_ii⁻¹ (b_i − W_i x_{i−1} − E_i x_{i+1}). */
    private void columnSweep(double[] rhs, double[] x, int colour) {
        int count = (nx - colour + 1) / 2;
        pool.forEachChunk(count, 8, (from, to) -> {
            for (int q = from; q < to; q++) {
                solveColumn(2 * q + colour, rhs, x);
            }
        });
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
}
