package org.membranepnp.solver.particles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * The integrator against analytic results: free diffusion (MSD = 2 D t per axis), drift in a constant field
 * (mean displacement −D z ∂ψ̂/∂x t), the Boltzmann distribution ∝ exp(−z ψ̂) in a linear potential between
 * reflecting walls and in a Gouy–Chapman layer against the membrane, and thread-independent results. The
 * statistical tolerances are 4 standard deviations of the estimator (plus the stated discretisation allowance).
 */
class ParticleDynamicsTest {
    /** D = 1e-9 m²/s = 1e9 nm²/s. */
    static final double D1 = 1e-9;
    static final double D2 = 2e-9;

    /** A central 40 nm square of a 1000 nm box holds the particles at the start: the edges are 480 nm away. */
    static final double[] WIDE = {0, 480, 490, 510, 520, 1000};

    static double centre(double x, double y) {
        boolean in = x >= 490 && x <= 510 && y >= 490 && y <= 510;
        return in ? 1 : 0;
    }

    @Test
    void freeDiffusionSpreadsAsTwoDtPerAxis() {
        PotentialGrid g = Grids.of(WIDE, WIDE, (x, y) -> 0, ParticleDynamicsTest::centre, ParticleDynamicsTest::centre);
        int n = 10000;
        BrownianIntegrator b = new BrownianIntegrator(g, ParticleWalls.NONE, new double[] {D1, D2}, new int[] {1, -1},
                new int[] {n, n}, 11);
        b.placeFromConcentrations(WorkerPool.serial());
        double[] x0 = b.xNm();
        double[] y0 = b.yNm();
        double dt = 1e-12;
        int steps = 1000;
        b.advance(steps, dt, WorkerPool.serial());
        double t = steps * dt;
        assertEquals(1e-9, b.timeS(), 1e-24);
        double[] x = b.xNm();
        double[] y = b.yNm();
        double[] d = {D1 * 1e18, D2 * 1e18};
        for (int s = 0; s < 2; s++) {
            double sx = 0;
            double sy = 0;
            double mx = 0;
            for (int p = s * n; p < (s + 1) * n; p++) {
                double dx = x[p] - x0[p];
                double dy = y[p] - y0[p];
                sx += dx * dx;
                sy += dy * dy;
                mx += dx;
            }
            double want = 2 * d[s] * t; // nm²
            double sigma = want * Math.sqrt(2.0 / n); // sd of the mean of n values of (2Dt) χ²_1
            double msdX = sx / n;
            double msdY = sy / n;
            System.out.printf(Locale.ROOT, "free diffusion, D = %.0e m2/s: MSD_x = %.5f, MSD_y = %.5f nm2, 2Dt = %.5f nm2 "
                    + "(rel. err %.2f%%, %.2f%%; 4 sigma = %.2f%%)%n", d[s] * 1e-18, msdX, msdY, want,
                    100 * (msdX / want - 1), 100 * (msdY / want - 1), 400 * sigma / want);
            assertEquals(want, msdX, 4 * sigma, "MSD along x");
            assertEquals(want, msdY, 4 * sigma, "MSD along y");
            assertEquals(0, mx / n, 4 * Math.sqrt(want / n), "no drift without a field");
        }
    }

    @Test
    void constantFieldDriftsAtMinusDzGradPsi() {
        double grad = 0.5; // ∂ψ̂/∂x, 1/nm
        PotentialGrid g = Grids.of(WIDE, WIDE, (x, y) -> grad * x, ParticleDynamicsTest::centre,
                ParticleDynamicsTest::centre);
        int n = 10000;
        // a cation with D1 and an anion with D2: drifts −D1·grad·t and +D2·grad·t
        BrownianIntegrator b = new BrownianIntegrator(g, ParticleWalls.NONE, new double[] {D1, D2}, new int[] {1, -1},
                new int[] {n, n}, 5);
        b.placeFromConcentrations(WorkerPool.serial());
        double[] x0 = b.xNm();
        double[] y0 = b.yNm();
        double dt = 1e-12;
        int steps = 4000;
        b.advance(steps, dt, WorkerPool.serial());
        double t = steps * dt;
        double[] x = b.xNm();
        double[] y = b.yNm();
        double[] d = {D1 * 1e18, D2 * 1e18};
        int[] z = {1, -1};
        for (int s = 0; s < 2; s++) {
            double mx = 0;
            double my = 0;
            for (int p = s * n; p < (s + 1) * n; p++) {
                mx += x[p] - x0[p];
                my += y[p] - y0[p];
            }
            mx /= n;
            my /= n;
            double vx = 0;
            for (int p = s * n; p < (s + 1) * n; p++) {
                vx += Math.pow(x[p] - x0[p] - mx, 2);
            }
            vx /= n - 1;
            double want = -d[s] * z[s] * grad * t;
            double sigma = Math.sqrt(2 * d[s] * t / n);
            System.out.printf(Locale.ROOT, "constant field, z = %+d: mean dx = %.4f nm, -D z grad t = %.4f nm "
                    + "(rel. err %.2f%%; 4 sigma = %.2f%%); var dx = %.4f vs 2Dt = %.4f nm2%n", z[s], mx, want,
                    100 * (mx / want - 1), 400 * sigma / Math.abs(want), vx, 2 * d[s] * t);
            assertEquals(want, mx, 4 * sigma, "mean drift along x");
            assertEquals(0, my, 4 * sigma, "no drift along y");
            assertEquals(2 * d[s] * t, vx, 4 * 2 * d[s] * t * Math.sqrt(2.0 / n), "spread about the drift");
        }
    }

    /** Chi-square of the counts {@code h} against the expected {@code e}. */
    static double chiSquare(int[] h, double[] e) {
        double chi = 0;
        for (int k = 0; k < h.length; k++) {
            chi += (h[k] - e[k]) * (h[k] - e[k]) / e[k];
        }
        return chi;
    }

    /** Mean + 4 sd of the chi-square distribution with {@code dof} degrees of freedom. */
    static double chiSquareLimit(int dof) {
        return dof + 4 * Math.sqrt(2.0 * dof);
    }

    /** Counts of {@code x[from … to)} in the bins {@code edges[k] ≤ x < edges[k + 1]} (the last bin closed). */
    static int[] histogram(double[] x, int from, int to, double[] edges) {
        int[] h = new int[edges.length - 1];
        for (int p = from; p < to; p++) {
            for (int k = 0; k < h.length; k++) {
                if (x[p] >= edges[k] && (x[p] < edges[k + 1] || (k == h.length - 1 && x[p] <= edges[k + 1]))) {
                    h[k]++;
                    break;
                }
            }
        }
        return h;
    }

    static String relative(int[] h, double[] e) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < h.length; k++) {
            sb.append(String.format(Locale.ROOT, " %+.3f", h[k] / e[k] - 1));
        }
        return sb.toString().trim();
    }

    @Test
    void linearPotentialRelaxesToBoltzmannBetweenReflectingWalls() {
        // ψ̂ = x / ℓ on [0, 10] nm: the cation's density ∝ exp(−x/ℓ), the anion's ∝ exp(+x/ℓ) (5 kT across)
        double ell = 2;
        double length = 10;
        PotentialGrid g = Grids.of(Grids.uniform(0, length, 50), new double[] {0, 2}, (x, y) -> x / ell,
                (x, y) -> 1, (x, y) -> 1); // uniform at the start
        int n = 10000;
        BrownianIntegrator b = new BrownianIntegrator(g, ParticleWalls.NONE, new double[] {D1, D1}, new int[] {1, -1},
                new int[] {n, n}, 3);
        b.placeFromConcentrations(WorkerPool.serial());
        // slowest relaxation rate D (π²/L² + 1/(4ℓ²)) = 1.6e8 /s: 4.5e-8 s is 7 relaxation times (e^-7 = 1e-3 left)
        double dt = 5e-12;
        b.advance(9000, dt, WorkerPool.serial());
        double[] x = b.xNm();
        double[] edges = Grids.uniform(0, length, 10);
        for (int s = 0; s < 2; s++) {
            int z = s == 0 ? 1 : -1;
            double[] e = new double[10];
            double norm = 1 - Math.exp(-z * length / ell);
            for (int k = 0; k < 10; k++) {
                e[k] = n * (Math.exp(-z * edges[k] / ell) - Math.exp(-z * edges[k + 1] / ell)) / norm;
            }
            int[] h = histogram(x, s * n, (s + 1) * n, edges);
            double chi = chiSquare(h, e);
            System.out.printf(Locale.ROOT, "Boltzmann, linear ψ, z = %+d: chi2 = %.1f (9 dof, limit %.1f); "
                    + "count/expected - 1 per 1 nm bin: %s%n", z, chi, chiSquareLimit(9), relative(h, e));
            assertTrue(chi < chiSquareLimit(9), "chi-square " + chi + " of " + relative(h, e));
        }
    }

    /** Gouy–Chapman: tanh(ψ̂/4) = tanh(ψ̂0/4) e^(−d/λ). */
    static double gouyChapman(double psi0, double lambdaNm, double dNm) {
        return 4 * atanh(Math.tanh(psi0 / 4) * Math.exp(-dNm / lambdaNm));
    }

    static double atanh(double v) {
        return 0.5 * Math.log((1 + v) / (1 - v));
    }

    /** The grid of a Gouy–Chapman layer against a membrane at x ∈ [0, 5] nm, bath to 25 nm, y ∈ [0, 2] nm. */
    static PotentialGrid gouyChapmanGrid(double psi0, double lambda) {
        double[] fine = Grids.uniform(5, 10, 100);
        double[] coarse = Grids.uniform(10, 25, 60);
        double[] x = new double[1 + fine.length + coarse.length - 1];
        x[0] = 0;
        System.arraycopy(fine, 0, x, 1, fine.length);
        System.arraycopy(coarse, 1, x, 1 + fine.length, coarse.length - 1);
        return Grids.of(x, new double[] {0, 2}, Grids.ofX(v -> gouyChapman(psi0, lambda, Math.max(0, v - 5))),
                Grids.ofX(v -> v < 5 ? 0 : Math.exp(-gouyChapman(psi0, lambda, v - 5))),
                Grids.ofX(v -> v < 5 ? 0 : Math.exp(gouyChapman(psi0, lambda, v - 5))));
    }

    @Test
    void gouyChapmanLayerAgainstTheMembraneStaysBoltzmann() {
        // a negative face (ψ̂0 = −2) at x = 5 nm, λ_D = 0.8 nm: counter-ions (z = +1) 7.4 times enriched at the face,
        // co-ions (z = −1) depleted; the drift pushes the counter-ions into the wall, where moves are rejected
        double psi0 = -2;
        double lambda = 0.8;
        PotentialGrid g = gouyChapmanGrid(psi0, lambda);
        int n = 20000;
        BrownianIntegrator b = new BrownianIntegrator(g, MembraneWalls.closed(0, 5), new double[] {D1, D1},
                new int[] {1, -1}, new int[] {n, n}, 21);
        b.placeFromConcentrations(WorkerPool.serial());
        double[] edges = {5, 5.2, 5.4, 5.7, 6, 6.5, 7, 8, 10, 15, 25};
        int bins = edges.length - 1;
        double[][] e = new double[2][bins];
        for (int s = 0; s < 2; s++) {
            int z = s == 0 ? 1 : -1;
            double total = integrate(d -> Math.exp(-z * gouyChapman(psi0, lambda, d)), 0, 20);
            for (int k = 0; k < bins; k++) {
                double a = edges[k] - 5;
                double c = edges[k + 1] - 5;
                e[s][k] = n * integrate(d -> Math.exp(-z * gouyChapman(psi0, lambda, d)), a, c) / total;
            }
            int[] h0 = histogram(b.xNm(), s * n, (s + 1) * n, edges);
            System.out.printf(Locale.ROOT, "Gouy-Chapman, z = %+d, drawn at t = 0: chi2 = %.1f (%d dof)%n", z,
                    chiSquare(h0, e[s]), bins - 1);
            assertTrue(chiSquare(h0, e[s]) < chiSquareLimit(bins - 1), "initial draw: " + relative(h0, e[s]));
        }
        // 6 relaxation times λ²/D of the layer, with rms steps of 0.045 nm (at 4e-12 s a bias of a few % shows at
        // the face: the stationary density of Euler–Maruyama with rejection at the wall is Boltzmann up to O(dt))
        double dt = 1e-12;
        b.advance(4000, dt, WorkerPool.serial());
        double[] x = b.xNm();
        for (int p = 0; p < 2 * n; p++) {
            assertTrue(x[p] >= 5, "particle " + p + " in the membrane at x = " + x[p]);
        }
        for (int s = 0; s < 2; s++) {
            int[] h = histogram(x, s * n, (s + 1) * n, edges);
            double chi = chiSquare(h, e[s]);
            System.out.printf(Locale.ROOT, "Gouy-Chapman, z = %+d, after %.1e s: chi2 = %.1f (%d dof, limit %.1f); "
                    + "count/expected - 1 per bin: %s%n", s == 0 ? 1 : -1, b.timeS(), chi, bins - 1,
                    chiSquareLimit(bins - 1), relative(h, e[s]));
            assertTrue(chi < chiSquareLimit(bins - 1), "chi-square " + chi + " of " + relative(h, e[s]));
        }
    }

    /** Simpson's rule with 2000 intervals. */
    static double integrate(java.util.function.DoubleUnaryOperator f, double a, double b) {
        int m = 2000;
        double h = (b - a) / m;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < m; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }

    // ---- walls and pores ----

    @Test
    void onlyThePermittedSpeciesEntersTheMembraneAndOnlyThroughThePore() {
        // x ∈ [0, 30], membrane 12 … 17, one pore at y ∈ [4, 6] open to species 0 only
        MembraneWalls walls = new MembraneWalls(12, 17, new double[] {4}, new double[] {6},
                new boolean[][] {{true, false}});
        PotentialGrid g = Grids.of(Grids.uniform(0, 30, 60), Grids.uniform(0, 10, 10), (x, y) -> 0,
                (x, y) -> 1, (x, y) -> 1);
        int n = 1000;
        BrownianIntegrator b = new BrownianIntegrator(g, walls, new double[] {D1, D1}, new int[] {1, -1},
                new int[] {n, n}, 8);
        b.placeFromConcentrations(WorkerPool.serial());
        double[] x0 = b.xNm();
        int inPore = 0;
        boolean[] crossed = new boolean[2 * n];
        for (int step = 0; step < 20000; step++) {
            b.advance(1, 5e-12, WorkerPool.serial());
            double[] x = b.xNm();
            double[] y = b.yNm();
            for (int p = 0; p < 2 * n; p++) {
                boolean inside = x[p] > 12 && x[p] < 17;
                if (inside) {
                    assertTrue(p < n, "species 1 particle " + p + " in the membrane at (" + x[p] + ", " + y[p] + ")");
                    assertTrue(y[p] >= 4 && y[p] <= 6, "particle " + p + " in the lipid at (" + x[p] + ", " + y[p] + ")");
                    inPore++;
                }
                if ((x0[p] <= 12) != (x[p] <= 12) && !inside) {
                    crossed[p] = true;
                }
            }
        }
        int crossed0 = 0;
        for (int p = 0; p < 2 * n; p++) {
            if (crossed[p]) {
                assertTrue(p < n, "species 1 particle " + p + " crossed the membrane");
                crossed0++;
            }
        }
        System.out.printf(Locale.ROOT, "walls: %d particle-steps in the pore, %d of %d permitted particles crossed, "
                + "0 of %d others%n", inPore, crossed0, n, n);
        assertTrue(inPore > 0, "the permitted species enters the pore");
        assertTrue(crossed0 > 0, "the permitted species crosses");
    }

    // ---- determinism ----

    static double[][] run(int threads, long seed) {
        PotentialGrid g = gouyChapmanGrid(-2, 0.8);
        MembraneWalls walls = new MembraneWalls(0, 5, new double[] {0.5}, new double[] {1.5},
                new boolean[][] {{true, false}});
        try (WorkerPool pool = WorkerPool.create(threads)) {
            BrownianIntegrator b = new BrownianIntegrator(g, walls, new double[] {D1, D2}, new int[] {1, -1},
                    new int[] {6000, 4500}, seed); // 10 500 particles: 3 chunks
            b.placeFromConcentrations(pool);
            b.advance(150, 2e-12, pool);
            b.advance(150, 2e-12, pool);
            return new double[][] {b.xNm(), b.yNm()};
        }
    }

    @Test
    void sameSeedGivesTheSamePositionsForAnyThreadCountAndOtherSeedsDiffer() {
        double[][] one = run(1, 42);
        for (int threads : new int[] {2, 3}) {
            double[][] other = run(threads, 42);
            assertArrayEquals(one[0], other[0], 0.0, threads + " threads, x");
            assertArrayEquals(one[1], other[1], 0.0, threads + " threads, y");
        }
        double[][] seed43 = run(2, 43);
        int same = 0;
        for (int p = 0; p < one[0].length; p++) {
            if (one[0][p] == seed43[0][p] || one[1][p] == seed43[1][p]) {
                same++;
            }
        }
        assertEquals(0, same, "particles at the same place with another seed");
        assertFalse(java.util.Arrays.equals(one[0], seed43[0]));
    }
}
