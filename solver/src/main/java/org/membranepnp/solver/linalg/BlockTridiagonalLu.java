package org.membranepnp.solver.linalg;

/**
 * Block LU factorization (block Thomas algorithm) of a {@link BlockTridiagonalMatrix}, with partial pivoting
 * inside each diagonal block. Cost O(n m³) to factor and O(n m²) per solve: linear in the number of cells.
 *
 * <p>Forward: S_0 = D_0, S_k = D_k − L_k X_{k−1}, X_k = S_k⁻¹ U_k. Solve: y_k = S_k⁻¹(b_k − L_k y_{k−1}),
 * x_k = y_k − X_k x_{k+1}. The workspace is allocated once and reused for every factorization of the same size;
 * the lower blocks are read from the factored matrix, which must not change before the last {@link #solve}.
 */
public final class BlockTridiagonalLu {
    private final int n;
    private final int m;
    private final double[] schurLu;  // LU of S_k, in place
    private final int[] pivots;      // row permutation of each S_k
    private final double[] x;        // X_k = S_k⁻¹ U_k
    private double[] lower;          // L_k of the matrix last factored (referenced, not copied)
    private final double[] column;   // scratch, length m

    public BlockTridiagonalLu(int n, int m) {
        this.n = n;
        this.m = m;
        this.schurLu = new double[n * m * m];
        this.pivots = new int[n * m];
        this.x = new double[n * m * m];
        this.column = new double[m];
    }

    /**
     * Factors {@code a}. The matrix itself is not modified.
     *
     * @throws ArithmeticException if a Schur complement block is singular
     */
    public void factor(BlockTridiagonalMatrix a) {
        if (a.n != n || a.m != m) {
            throw new IllegalArgumentException("size mismatch");
        }
        int mm = m * m;
        lower = a.lower;
        for (int k = 0; k < n; k++) {
            int b = k * mm;
            System.arraycopy(a.diag, b, schurLu, b, mm);
            if (k > 0) {
                int bp = (k - 1) * mm;
                // X_{k−1} = S_{k−1}⁻¹ U_{k−1}, column by column (only where a next block row needs it)
                for (int c = 0; c < m; c++) {
                    for (int r = 0; r < m; r++) {
                        column[r] = a.upper[bp + r * m + c];
                    }
                    luSolve(schurLu, bp, pivots, (k - 1) * m, m, column);
                    for (int r = 0; r < m; r++) {
                        x[bp + r * m + c] = column[r];
                    }
                }
                // S_k −= L_k X_{k−1}
                for (int r = 0; r < m; r++) {
                    for (int q = 0; q < m; q++) {
                        double l = lower[b + r * m + q];
                        if (l != 0.0) {
                            int xr = bp + q * m;
                            int sr = b + r * m;
                            for (int c = 0; c < m; c++) {
                                schurLu[sr + c] -= l * x[xr + c];
                            }
                        }
                    }
                }
            }
            luInPlace(schurLu, b, pivots, k * m, m, k);
        }
    }

    /** Solves A x = rhs in place ({@code rhs} becomes the solution). */
    public void solve(double[] rhs) {
        int mm = m * m;
        for (int k = 0; k < n; k++) {
            int off = k * m;
            if (k > 0) {
                int b = k * mm;
                int prev = off - m;
                for (int r = 0; r < m; r++) {
                    double s = 0;
                    for (int q = 0; q < m; q++) {
                        s += lower[b + r * m + q] * rhs[prev + q];
                    }
                    rhs[off + r] -= s;
                }
            }
            for (int r = 0; r < m; r++) {
                column[r] = rhs[off + r];
            }
            luSolve(schurLu, k * mm, pivots, off, m, column);
            for (int r = 0; r < m; r++) {
                rhs[off + r] = column[r];
            }
        }
        for (int k = n - 2; k >= 0; k--) {
            int off = k * m;
            int b = k * mm;
            int next = off + m;
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int c = 0; c < m; c++) {
                    s += x[b + r * m + c] * rhs[next + c];
                }
                rhs[off + r] -= s;
            }
        }
    }

    /** LU with partial pivoting of the m × m block at {@code a[off..]}; pivot rows to {@code piv[poff..]}. */
    static void luInPlace(double[] a, int off, int[] piv, int poff, int m, int blockIndex) {
        for (int c = 0; c < m; c++) {
            int p = c;
            double best = Math.abs(a[off + c * m + c]);
            for (int r = c + 1; r < m; r++) {
                double v = Math.abs(a[off + r * m + c]);
                if (v > best) {
                    best = v;
                    p = r;
                }
            }
            if (best == 0.0 || !Double.isFinite(best)) {
                throw new ArithmeticException("singular block " + blockIndex + " (column " + c + ")");
            }
            piv[poff + c] = p;
            if (p != c) {
                for (int q = 0; q < m; q++) {
                    double t = a[off + c * m + q];
                    a[off + c * m + q] = a[off + p * m + q];
                    a[off + p * m + q] = t;
                }
            }
            double inv = 1.0 / a[off + c * m + c];
            for (int r = c + 1; r < m; r++) {
                double f = a[off + r * m + c] * inv;
                a[off + r * m + c] = f;
                if (f != 0.0) {
                    for (int q = c + 1; q < m; q++) {
                        a[off + r * m + q] -= f * a[off + c * m + q];
                    }
                }
            }
        }
    }

    /** Solves with a block factored by {@link #luInPlace}, in place in {@code v}. */
    static void luSolve(double[] a, int off, int[] piv, int poff, int m, double[] v) {
        for (int c = 0; c < m; c++) {
            int p = piv[poff + c];
            if (p != c) {
                double t = v[c];
                v[c] = v[p];
                v[p] = t;
            }
        }
        for (int r = 1; r < m; r++) {
            double s = v[r];
            for (int q = 0; q < r; q++) {
                s -= a[off + r * m + q] * v[q];
            }
            v[r] = s;
        }
        for (int r = m - 1; r >= 0; r--) {
            double s = v[r];
            for (int q = r + 1; q < m; q++) {
                s -= a[off + r * m + q] * v[q];
            }
            v[r] = s / a[off + r * m + r];
        }
    }
}
