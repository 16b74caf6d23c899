package org.membranepnp.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.membranepnp.solver.parallel.WorkerPool;

/** GMRES with the semicoarsening V-cycle: the right solution, and iteration counts that barely grow with the mesh. */
class SemicoarseningMultigridTest {

    /**
     * A block five-point operator like the 2-D Jacobian: per node m unknowns, a finite-volume diffusion stencil
     * (transmissibilities k·hy/hx and hx/hy, the x cells strongly graded), a small random coupling between the
     * unknowns of a node.
     */
    static BlockFivePointMatrix operator(int nx, int ny, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BlockFivePointMatrix a = new BlockFivePointMatrix(nx, ny, m);
        double[] hx = new double[nx];
        for (int i = 0; i < nx; i++) {
            hx[i] = 0.05 * Math.pow(1.08, Math.min(i, nx - i)); // fine at both ends, like the Debye layers
        }
        double hy = 1.0 / ny;
        for (int j = 0; j < ny; j++) {
            BlockTridiagonalMatrix l = a.line(j);
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                for (int r = 0; r < m; r++) {
                    // finite-volume form: a transmissibility is the face length over the node distance
                    double gx = (1.0 + r) * hy / hx[i];
                    double gy = hx[i] / hy;
                    int d = (i * m + r) * m + r;
                    double diag = 1e-6;
                    if (i > 0) {
                        l.lower[d] = -gx;
                        diag += gx;
                    }
                    if (i < nx - 1) {
                        l.upper[d] = -gx;
                        diag += gx;
                    }
                    if (j > 0) {
                        a.south[(k * m + r) * m + r] = -gy;
                        diag += gy;
                    }
                    if (j < ny - 1) {
                        a.north[(k * m + r) * m + r] = -gy;
                        diag += gy;
                    }
                    if (i == 0 || i == nx - 1) {
                        diag += gx; // Dirichlet-like ends
                    }
                    l.diag[d] = diag;
                    for (int c = 0; c < m; c++) {
                        if (c != r) {
                            l.diag[(i * m + r) * m + c] = 0.1 * diag * rnd.nextDouble(-1, 1) / m;
                        }
                    }
                }
            }
        }
        return a;
    }

    private static int solve(BlockFivePointMatrix a, double[] b, double[] x, WorkerPool pool) {
        return solve(a, b, x, pool, Integer.MAX_VALUE);
    }

    private static int solve(BlockFivePointMatrix a, double[] b, double[] x, WorkerPool pool, int levels) {
        SemicoarseningMultigrid mg = new SemicoarseningMultigrid(a.nx, a.ny, a.m, pool, levels);
        mg.factor(a);
        Gmres gmres = new Gmres(b.length, 60);
        Gmres.Outcome out = gmres.solve((v, w) -> a.multiply(v, w, 0, a.ny), mg::apply, b, x, 1e-10, 1000);
        assertTrue(out.converged(), "relative residual " + out.relativeResidual());
        return out.iterations();
    }

    @Test
    void solvesTheSystemAsADenseLuDoes() {
        int nx = 12;
        int ny = 7;
        int m = 3;
        BlockFivePointMatrix a = operator(nx, ny, m, 3);
        int size = nx * ny * m;
        double[] b = new SplittableRandom(9).doubles(size, -1, 1).toArray();
        double[] x = new double[size];
        solve(a, b, x, WorkerPool.serial());
        DMatrixRMaj dense = new DMatrixRMaj(size, size);
        double[] col = new double[size];
        double[] e = new double[size];
        for (int c = 0; c < size; c++) {
            e[c] = 1;
            a.multiply(e, col, 0, ny);
            e[c] = 0;
            for (int r = 0; r < size; r++) {
                dense.set(r, c, col[r]);
            }
        }
        DMatrixRMaj want = new DMatrixRMaj(size, 1);
        assertTrue(CommonOps_DDRM.solve(dense, new DMatrixRMaj(size, 1, true, b), want));
        double scale = CommonOps_DDRM.elementMaxAbs(want);
        for (int q = 0; q < size; q++) {
            assertEquals(want.get(q), x[q], 1e-8 * scale);
        }
    }

    @Test
    void theCoarseLevelsCutTheIterationsOfLineRelaxation() {
        int[] its = new int[3];
        int[] smoothingOnly = new int[3];
        for (int level = 0; level < 3; level++) {
            int nx = 40 << level;
            int ny = 16 << level;
            BlockFivePointMatrix a = operator(nx, ny, 2, 5);
            double[] b = new SplittableRandom(1).doubles(nx * ny * 2, -1, 1).toArray();
            its[level] = solve(a, b, new double[b.length], WorkerPool.serial());
            smoothingOnly[level] = solve(a, b, new double[b.length], WorkerPool.serial(), 1);
        }
        String counts = "V-cycle " + java.util.Arrays.toString(its) + ", line relaxation alone "
                + java.util.Arrays.toString(smoothingOnly);
        // measured: V-cycle 15, 37, 66 iterations; line relaxation alone 45, 117, 171
        assertTrue(2 * its[2] <= smoothingOnly[2], counts);
        // 16 times the unknowns from the first to the last: fewer than √16 = 4.5 times the iterations
        assertTrue(its[2] <= 4.5 * its[0], counts);
    }

    @Test
    void resultsDoNotDependOnThreads() {
        BlockFivePointMatrix a = operator(30, 20, 2, 8);
        double[] b = new SplittableRandom(2).doubles(30 * 20 * 2, -1, 1).toArray();
        double[] x1 = new double[b.length];
        double[] x2 = new double[b.length];
        solve(a, b, x1, WorkerPool.serial());
        try (WorkerPool two = WorkerPool.create(2)) {
            solve(a, b, x2, two);
        }
        for (int q = 0; q < b.length; q++) {
            assertEquals(Double.doubleToRawLongBits(x1[q]), Double.doubleToRawLongBits(x2[q]));
        }
    }
}
