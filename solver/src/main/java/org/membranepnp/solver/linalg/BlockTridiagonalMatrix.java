package org.membranepnp.solver.linalg;

import java.util.Arrays;

/**
 * A block tridiagonal matrix with n × n blocks of size m × m, stored as three flat row-major arrays.
 * Block row k couples unknowns k−1 (lower), k (diag) and k+1 (upper).
 */
public final class BlockTridiagonalMatrix {
    /** Number of block rows. */
    public final int n;
    /** Block size. */
    public final int m;
    /** Lower blocks L_k (L_0 unused), entry (k, r, c) at (k·m + r)·m + c. */
    public final double[] lower;
    /** Diagonal blocks D_k. */
    public final double[] diag;
    /** Upper blocks U_k (U_{n−1} unused). */
    public final double[] upper;

    public BlockTridiagonalMatrix(int n, int m) {
        this.n = n;
        this.m = m;
        this.lower = new double[n * m * m];
        this.diag = new double[n * m * m];
        this.upper = new double[n * m * m];
    }

    /** Index of entry (r, c) of block k in the flat arrays. */
    public int index(int k, int r, int c) {
        return (k * m + r) * m + c;
    }

    /** Sets every entry to 0. */
    public void clear() {
        Arrays.fill(lower, 0.0);
        Arrays.fill(diag, 0.0);
        Arrays.fill(upper, 0.0);
    }

    /** Sets the blocks of block rows [from, to) to 0. */
    public void clear(int from, int to) {
        int a = from * m * m;
        int b = to * m * m;
        Arrays.fill(lower, a, b, 0.0);
        Arrays.fill(diag, a, b, 0.0);
        Arrays.fill(upper, a, b, 0.0);
    }

    /** Zeroes block row (k, r) in all three blocks and puts {@code value} on its diagonal. */
    public void setIdentityRow(int k, int r, double value) {
        int base = (k * m + r) * m;
        Arrays.fill(lower, base, base + m, 0.0);
        Arrays.fill(diag, base, base + m, 0.0);
        Arrays.fill(upper, base, base + m, 0.0);
        diag[base + r] = value;
    }

    /** y = A x (for tests and residual checks). */
    public void multiply(double[] x, double[] y) {
        for (int k = 0; k < n; k++) {
            for (int r = 0; r < m; r++) {
                int base = (k * m + r) * m;
                double s = 0;
                for (int c = 0; c < m; c++) {
                    s += diag[base + c] * x[k * m + c];
                    if (k > 0) {
                        s += lower[base + c] * x[(k - 1) * m + c];
                    }
                    if (k < n - 1) {
                        s += upper[base + c] * x[(k + 1) * m + c];
                    }
                }
                y[k * m + r] = s;
            }
        }
    }
}
