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

    /** Largest |entry| of row (node (i, j), variable r). */
    public double rowMax(int i, int j, int r) {
        BlockTridiagonalMatrix l = lines[j];
        int lineBase = (i * m + r) * m;
        int base = ((j * nx + i) * m + r) * m;
        double max = 0;
        for (int c = 0; c < m; c++) {
            max = Math.max(max, Math.abs(l.lower[lineBase + c]));
            max = Math.max(max, Math.abs(l.diag[lineBase + c]));
            max = Math.max(max, Math.abs(l.upper[lineBase + c]));
            max = Math.max(max, Math.abs(south[base + c]));
            max = Math.max(max, Math.abs(north[base + c]));
        }
        return max;
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
