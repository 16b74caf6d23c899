package org.membranepnp.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The block Thomas solver against EJML's dense LU on the same matrix. */
class BlockTridiagonalLuTest {

    private static BlockTridiagonalMatrix random(int n, int m, long seed, boolean needsPivoting) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BlockTridiagonalMatrix a = new BlockTridiagonalMatrix(n, m);
        for (int k = 0; k < n; k++) {
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    a.diag[a.index(k, r, c)] = rnd.nextDouble(-1, 1);
                    if (k > 0) {
                        a.lower[a.index(k, r, c)] = rnd.nextDouble(-1, 1);
                    }
                    if (k < n - 1) {
                        a.upper[a.index(k, r, c)] = rnd.nextDouble(-1, 1);
                    }
                }
                // block diagonal dominance; with needsPivoting the dominant entry is off the diagonal
                int c = needsPivoting ? (r + 1) % m : r;
                a.diag[a.index(k, r, c)] += 4 * m * (rnd.nextBoolean() ? 1 : -1);
            }
        }
        return a;
    }

    private static DMatrixRMaj dense(BlockTridiagonalMatrix a) {
        int size = a.n * a.m;
        DMatrixRMaj d = new DMatrixRMaj(size, size);
        for (int k = 0; k < a.n; k++) {
            for (int r = 0; r < a.m; r++) {
                for (int c = 0; c < a.m; c++) {
                    d.set(k * a.m + r, k * a.m + c, a.diag[a.index(k, r, c)]);
                    if (k > 0) {
                        d.set(k * a.m + r, (k - 1) * a.m + c, a.lower[a.index(k, r, c)]);
                    }
                    if (k < a.n - 1) {
                        d.set(k * a.m + r, (k + 1) * a.m + c, a.upper[a.index(k, r, c)]);
                    }
                }
            }
        }
        return d;
    }

    private static void checkAgainstDense(boolean pivoting) {
        int n = 40;
        int m = 5;
        BlockTridiagonalMatrix a = random(n, m, 42, pivoting);
        double[] b = new double[n * m];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextDouble(-1, 1);
        }
        DMatrixRMaj x = new DMatrixRMaj(n * m, 1);
        CommonOps_DDRM.solve(dense(a), new DMatrixRMaj(n * m, 1, true, b), x);
        double[] sol = solvedLikeDense(a, b, x);
        double[] ax = new double[b.length];
        a.multiply(sol, ax);
        for (int i = 0; i < b.length; i++) {
            assertEquals(b[i], ax[i], 1e-12, "residual row " + i);
        }
    }

    @Test
    void matchesDenseSolveOnDiagonallyDominantBlocks() {
        checkAgainstDense(false);
    }

    @Test
    void pivotsInsideBlocks() {
        checkAgainstDense(true);
    }

    @Test
    void reusesFactorizationForSeveralRightHandSides() {
        BlockTridiagonalMatrix a = random(10, 3, 3, false);
        BlockTridiagonalLu lu = new BlockTridiagonalLu(10, 3);
        lu.factor(a);
        for (int e = 0; e < 30; e += 7) {
            double[] rhs = new double[30];
            rhs[e] = 1;
            lu.solve(rhs);
            double[] back = new double[30];
            a.multiply(rhs, back);
            for (int i = 0; i < 30; i++) {
                assertEquals(i == e ? 1.0 : 0.0, back[i], 1e-13);
            }
        }
    }

    @Test
    void singularBlockIsReported() {
        BlockTridiagonalMatrix a = new BlockTridiagonalMatrix(3, 2);
        a.diag[a.index(0, 0, 0)] = 1;
        a.diag[a.index(0, 1, 1)] = 1;
        a.diag[a.index(1, 0, 0)] = 1; // row (1,1) all zero
        a.diag[a.index(2, 0, 0)] = 1;
        a.diag[a.index(2, 1, 1)] = 1;
        assertThrows(ArithmeticException.class, () -> new BlockTridiagonalLu(3, 2).factor(a));
    }

    /** The unused corner blocks L_0 and U_{n−1} do not enter the factorization: garbage there changes nothing. */
    @Test
    void unusedCornerBlocksAreIgnored() {
        int n = 6;
        int m = 3;
        BlockTridiagonalMatrix a = random(n, m, 5, true);
        double[] b = new double[n * m];
        for (int i = 0; i < b.length; i++) {
            b[i] = Math.sin(i + 1.0);
        }
        DMatrixRMaj x = new DMatrixRMaj(n * m, 1);
        CommonOps_DDRM.solve(dense(a), new DMatrixRMaj(n * m, 1, true, b), x);
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                a.lower[a.index(0, r, c)] = 1e3 * (r + 1) + c;
                a.upper[a.index(n - 1, r, c)] = -1e3 * (c + 1) + r;
            }
        }
        double[] sol = solvedLikeDense(a, b, x);
    }

    /** The block LU's solution of a·sol = b, each component equal to the dense solution x within 1e-12. */
    private static double[] solvedLikeDense(BlockTridiagonalMatrix a, double[] b, DMatrixRMaj x) {
        BlockTridiagonalLu lu = new BlockTridiagonalLu(a.n, a.m);
        lu.factor(a);
        double[] sol = b.clone();
        lu.solve(sol);
        for (int i = 0; i < sol.length; i++) {
            assertEquals(x.get(i), sol[i], 1e-12 * (1 + Math.abs(x.get(i))), "component " + i);
        }
        return sol;
    }
}
