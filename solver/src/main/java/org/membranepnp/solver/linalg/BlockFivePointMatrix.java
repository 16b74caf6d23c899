package org.membranepnp.solver.linalg;

import java.util.Arrays;

/**
 * A block five-point matrix of a tensor-product mesh: node k = j·nx + i couples to itself, its x-neighbours
 * k ± 1 and its y-neighbours k ± nx through m × m blocks. Each x-line j is a {@link BlockTridiagonalMatrix}
 * ({@link #line}), so a line can be factored directly; the y-couplings are {@link #south} (to k − nx) and
 * {@link #north} (to k + nx), entry (k, r, c) at (k·m + r)·m + c.
 */
public final class BlockFivePointMatrix {
    public final int nx;
    public final int ny;
    public final int m;
    private final BlockTridiagonalMatrix[] lines;
    public final double[] south;
    public final double[] north;

    public BlockFivePointMatrix(int nx, int ny, int m) {
        this.nx = nx;
        this.ny = ny;
        this.m = m;
        this.lines = new BlockTridiagonalMatrix[ny];
        for (int j = 0; j < ny; j++) {
            lines[j] = new BlockTridiagonalMatrix(nx, m);
        }
        this.south = new double[nx * ny * m * m];
        this.north = new double[nx * ny * m * m];
    }

    /** The block tridiagonal matrix of x-line j (its lower/diag/upper blocks are those of this matrix). */
    public BlockTridiagonalMatrix line(int j) {
        return lines[j];
    }

    /** Sets lines [from, to) to 0. */
    public void clearLines(int from, int to) {
        for (int j = from; j < to; j++) {
            lines[j].clear();
        }
        Arrays.fill(south, from * nx * m * m, to * nx * m * m, 0.0);
        Arrays.fill(north, from * nx * m * m, to * nx * m * m, 0.0);
    }

    /** Zeroes row (node (i, j), variable r) and puts {@code value} on its diagonal. */
    public void setIdentityRow(int i, int j, int r, double value) {
        lines[j].setIdentityRow(i, r, value);
        int base = ((j * nx + i) * m + r) * m;
        Arrays.fill(south, base, base + m, 0.0);
        Arrays.fill(north, base, base + m, 0.0);
    }

    /** Multiplies row (node (i, j), variable r) and its right-hand side entry by {@code f}. */
    public void scaleRow(int i, int j, int r, double f) {
        BlockTridiagonalMatrix l = lines[j];
        int lineBase = (i * m + r) * m;
        int base = ((j * nx + i) * m + r) * m;
        for (int c = 0; c < m; c++) {
            l.lower[lineBase + c] *= f;
            l.diag[lineBase + c] *= f;
            l.upper[lineBase + c] *= f;
            south[base + c] *= f;
            north[base + c] *= f;
        }
    }

    /**
     * Row equilibration of lines [from, to): each row is divided by its largest |entry|, and that factor
     * f = 1 / max_c |a_rc| is written to {@code scale[row]} (1 for a row of zeros, which stays). The y-couplings
     * are read only when there are y-neighbours (a single line is a chain). Lines may run in parallel.
     */
    public void equilibrateRows(int from, int to, double[] scale) {
        for (int j = from; j < to; j++) {
            BlockTridiagonalMatrix l = lines[j];
            double[] lo = l.lower;
            double[] d = l.diag;
            double[] up = l.upper;
            for (int i = 0; i < nx; i++) {
                for (int r = 0; r < m; r++) {
                    int lb = (i * m + r) * m;
                    int gb = ((j * nx + i) * m + r) * m;
                    double max = 0;
                    for (int c = 0; c < m; c++) {
                        max = Math.max(max, Math.max(Math.abs(d[lb + c]), Math.max(Math.abs(lo[lb + c]),
                                Math.abs(up[lb + c]))));
                    }
                    if (ny > 1) {
                        for (int c = 0; c < m; c++) {
                            max = Math.max(max, Math.max(Math.abs(south[gb + c]), Math.abs(north[gb + c])));
                        }
                    }
                    double f = max > 0 ? 1.0 / max : 1.0;
                    scale[(j * nx + i) * m + r] = f;
                    for (int c = 0; c < m; c++) {
                        lo[lb + c] *= f;
                        d[lb + c] *= f;
                        up[lb + c] *= f;
                    }
                    if (ny > 1) {
                        for (int c = 0; c < m; c++) {
                            south[gb + c] *= f;
                            north[gb + c] *= f;
                        }
                    }
                }
            }
        }
    }

    /** y = A x over the rows of lines [from, to) (disjoint writes: lines may run in parallel). */
    public void multiply(double[] x, double[] y, int from, int to) {
        int mm = m * m;
        for (int j = from; j < to; j++) {
            BlockTridiagonalMatrix l = lines[j];
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                int lb = i * mm;
                int gb = k * mm;
                for (int r = 0; r < m; r++) {
                    double s = 0;
                    int lr = lb + r * m;
                    int gr = gb + r * m;
                    for (int c = 0; c < m; c++) {
                        s += l.diag[lr + c] * x[k * m + c];
                        if (i > 0) {
                            s += l.lower[lr + c] * x[(k - 1) * m + c];
                        }
                        if (i < nx - 1) {
                            s += l.upper[lr + c] * x[(k + 1) * m + c];
                        }
                        if (j > 0) {
                            s += south[gr + c] * x[(k - nx) * m + c];
                        }
                        if (j < ny - 1) {
                            s += north[gr + c] * x[(k + nx) * m + c];
                        }
                    }
                    y[k * m + r] = s;
                }
            }
        }
    }
}
