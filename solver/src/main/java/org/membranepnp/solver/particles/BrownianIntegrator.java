package org.membranepnp.solver.particles;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Overdamped Langevin dynamics of independent ions in a frozen potential, by Euler–Maruyama. In the dimensionless
 * potential ψ̂ = φ/V_T, a particle of species i (diffusion coefficient D_i, valence z_i) moves per step dt by
 * <pre>
 *   Δx = −D_i z_i ∂ψ̂/∂x dt + sqrt(2 D_i dt) ξ_x,   Δy = −D_i z_i ∂ψ̂/∂y dt + sqrt(2 D_i dt) ξ_y,
 * </pre>
 * ξ standard normal, lengths in nm and D in nm²/s. ψ̂ is interpolated bilinearly on the {@link PotentialGrid}, and
 * the gradient is that of the bilinear cell the particle is in. Its stationary density is the Boltzmann distribution
 * ∝ exp(−z_i ψ̂), up to O(dt). A move that leaves the grid is reflected at the edge it crossed (x → 2 x_edge − x);
 * a move whose end point the {@link ParticleWalls} do not allow is rejected (the particle stays for that step).
 *
 * <p>Determinism: the particles are cut into chunks of {@link WorkerPool#CHUNK} (fixed by the particle count only),
 * and chunk c draws from its own stream, the c-th {@link JumpableUniformRandomProvider#jump() jump} of an
 * XoShiRo256++ generator seeded with the seed. A chunk moves its particles one after the other, so the positions
 * are bit-identical for any number of threads. The hot loop works on primitive arrays and allocates nothing.
 */
public final class BrownianIntegrator {
    /** Tries to draw an initial position in a cell that the walls allow before giving up. */
    static final int MAX_PLACEMENT_TRIES = 10_000;

    private final PotentialGrid grid;
    private final ParticleWalls walls;
    private final double[] diffusionNm2PerS;
    private final int[] charges;
    private final int[] species;
    private final double[] x;
    private final double[] y;
    /** The cell of each particle: x index (0 … nx − 2), y index; a hint that the walk corrects. */
    private final int[] cellX;
    private final int[] cellY;
    private final UniformRandomProvider[] streams;
    private final ZigguratSampler.NormalizedGaussian[] gaussians;
    private final int[] counts;
    private final double[] inverseWidths;
    private final double[] gradients;
    private double timeS;

    /**
     * Particles of each species, not yet placed (see {@link #placeFromConcentrations} and {@link #place}).
     *
     * @param grid              the frozen field
     * @param walls             obstacles inside the grid ({@link ParticleWalls#NONE}: none)
     * @param diffusionM2PerS   D_i per species, m²/s (> 0)
     * @param charges           z_i per species
     * @param counts            particles per species; particle p's species is the one whose range [Σ_{j<i} n_j,
     *                          Σ_{j≤i} n_j) holds p
     * @param seed              seed of the generator
     * @throws IllegalArgumentException if the per-species arrays do not fit or a D is not > 0
     */
    public BrownianIntegrator(PotentialGrid grid, ParticleWalls walls, double[] diffusionM2PerS, int[] charges,
                              int[] counts, long seed) {
        int ns = diffusionM2PerS.length;
        if (charges.length != ns || counts.length != ns || grid.speciesCount() != ns) {
            throw new IllegalArgumentException("per-species arrays: " + ns + " diffusion coefficients, "
                    + charges.length + " charges, " + counts.length + " counts, " + grid.speciesCount()
                    + " concentrations");
        }
        this.grid = grid;
        this.walls = walls;
        this.inverseWidths = inverseWidths(grid);
        this.gradients = gradients(grid);
        this.diffusionNm2PerS = new double[ns];
        for (int i = 0; i < ns; i++) {
            if (!(diffusionM2PerS[i] > 0) || Double.isInfinite(diffusionM2PerS[i])) {
                throw new IllegalArgumentException("diffusion coefficient of species " + i + " must be > 0");
            }
            diffusionNm2PerS[i] = diffusionM2PerS[i] * 1e18;
        }
        this.charges = charges.clone();
        this.counts = counts.clone();
        long total = 0;
        for (int n : counts) {
            if (n < 0) {
                throw new IllegalArgumentException("particle counts must be >= 0");
            }
            total += n;
        }
        if (total > Integer.MAX_VALUE - WorkerPool.CHUNK) {
            throw new IllegalArgumentException("too many particles: " + total);
        }
        int n = (int) total;
        this.species = new int[n];
        for (int i = 0, p = 0; i < ns; i++) {
            for (int k = 0; k < counts[i]; k++) {
                species[p++] = i;
            }
        }
        this.x = new double[n];
        this.y = new double[n];
        this.cellX = new int[n];
        this.cellY = new int[n];
        int chunks = (n + WorkerPool.CHUNK - 1) / WorkerPool.CHUNK;
        this.streams = new UniformRandomProvider[chunks];
        this.gaussians = new ZigguratSampler.NormalizedGaussian[chunks];
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(seed);
        for (int c = 0; c < chunks; c++) {
            streams[c] = base.jump(); // a copy of the current state; base moves 2^128 draws on
            gaussians[c] = ZigguratSampler.NormalizedGaussian.of(streams[c]);
        }
    }

    /** Number of particles. */
    public int particleCount() {
        return species.length;
    }

    /** Simulated time since the particles were placed, s. */
    public double timeS() {
        return timeS;
    }

    /** A copy of the particles' species indices. */
    public int[] species() {
        return species.clone();
    }

    /** A copy of the particles' x, nm. */
    public double[] xNm() {
        return x.clone();
    }

    /** A copy of the particles' y, nm. */
    public double[] yNm() {
        return y.clone();
    }

    /** Particles per species. */
    public int[] counts() {
        return counts.clone();
    }

    /**
     * Puts the particles at given positions (inside the grid) and resets the time.
     *
     * @throws IllegalArgumentException if a position is outside the grid or not allowed by the walls
     */
    public void place(double[] xNm, double[] yNm) {
        if (xNm.length != x.length || yNm.length != y.length) {
            throw new IllegalArgumentException("expected " + x.length + " positions");
        }
        double[] gx = grid.xNm();
        double[] gy = grid.yNm();
        for (int p = 0; p < x.length; p++) {
            if (!(xNm[p] >= gx[0] && xNm[p] <= gx[gx.length - 1] && yNm[p] >= gy[0] && yNm[p] <= gy[gy.length - 1])) {
                throw new IllegalArgumentException("particle " + p + " at (" + xNm[p] + ", " + yNm[p]
                        + ") nm is outside the grid");
            }
            if (!walls.allowed(species[p], xNm[p], yNm[p])) {
                throw new IllegalArgumentException("particle " + p + " at (" + xNm[p] + ", " + yNm[p]
                        + ") nm is inside a wall");
            }
            x[p] = xNm[p];
            y[p] = yNm[p];
            cellX[p] = cell(gx, x[p], 0);
            cellY[p] = cell(gy, y[p], 0);
        }
        timeS = 0;
    }

    /**
     * Draws every particle's position from its species' concentration: a cell with probability ∝ its amount
     * ∫∫ c_i dx dy of the bilinear c_i (area × the mean of its corners; cells whose centre is in a wall count 0),
     * then a point in it from the bilinear density itself (x from the linear marginal, y from the linear conditional
     * density). A point that falls in a wall is drawn again. Each chunk draws from its own stream, in parallel.
     *
     * @throws IllegalStateException if a species with particles has no amount outside the walls
     */
    public void placeFromConcentrations(WorkerPool pool) {
        int ns = counts.length;
        double[][] cumulative = new double[ns][];
        for (int i = 0; i < ns; i++) {
            if (counts[i] > 0) {
                cumulative[i] = cumulativeAmounts(grid, walls, i);
                if (!(cumulative[i][cumulative[i].length - 1] > 0)) {
                    throw new IllegalStateException("species " + i + " has no amount outside the walls to draw "
                            + counts[i] + " particles from");
                }
            }
        }
        forEachStream((c, from, to) -> {
            UniformRandomProvider rng = streams[c];
            for (int p = from; p < to; p++) {
                drawPosition(p, cumulative[species[p]], rng);
            }
        }, pool);
        timeS = 0;
    }

    /**
     * Cumulative cell amounts of species {@code i}: entry k is the amount in cells 0 … k (cell (ix, iy) is number
     * ix·(ny − 1) + iy), each the cell area times the mean of its corner concentrations, or 0 if the cell centre is
     * not allowed for the species.
     */
    static double[] cumulativeAmounts(PotentialGrid grid, ParticleWalls walls, int i) {
        double[] gx = grid.xNm();
        double[] gy = grid.yNm();
        int nx = gx.length;
        int ny = gy.length;
        double[] c = grid.concentrationsMm()[i];
        double[] cum = new double[(nx - 1) * (ny - 1)];
        double sum = 0;
        int k = 0;
        for (int ix = 0; ix + 1 < nx; ix++) {
            for (int iy = 0; iy + 1 < ny; iy++) {
                double xc = 0.5 * (gx[ix] + gx[ix + 1]);
                double yc = 0.5 * (gy[iy] + gy[iy + 1]);
                if (walls.allowed(i, xc, yc)) {
                    double mean = 0.25 * (c[ix * ny + iy] + c[(ix + 1) * ny + iy] + c[ix * ny + iy + 1]
                            + c[(ix + 1) * ny + iy + 1]);
                    sum += mean * (gx[ix + 1] - gx[ix]) * (gy[iy + 1] - gy[iy]);
                }
                cum[k++] = sum;
            }
        }
        return cum;
    }

    private void drawPosition(int p, double[] cum, UniformRandomProvider rng) {
        double[] gx = grid.xNm();
        double[] gy = grid.yNm();
        int ny = gy.length;
        double[] c = grid.concentrationsMm()[species[p]];
        double total = cum[cum.length - 1];
        for (int attempt = 0; attempt < MAX_PLACEMENT_TRIES; attempt++) {
            int k = search(cum, rng.nextDouble() * total);
            int ix = k / (ny - 1);
            int iy = k % (ny - 1);
            double c00 = c[ix * ny + iy];
            double c10 = c[(ix + 1) * ny + iy];
            double c01 = c[ix * ny + iy + 1];
            double c11 = c[(ix + 1) * ny + iy + 1];
            double s = linear(c00 + c01, c10 + c11, rng.nextDouble());
            double t = linear(c00 + s * (c10 - c00), c01 + s * (c11 - c01), rng.nextDouble());
            double px = gx[ix] + s * (gx[ix + 1] - gx[ix]);
            double py = gy[iy] + t * (gy[iy + 1] - gy[iy]);
            if (walls.allowed(species[p], px, py)) {
                x[p] = px;
                y[p] = py;
                cellX[p] = ix;
                cellY[p] = iy;
                return;
            }
        }
        throw new IllegalStateException("could not place particle " + p + " outside the walls in "
                + MAX_PLACEMENT_TRIES + " tries");
    }

    /** The first index k with cum[k] > u (the cell that holds the amount u). */
    private static int search(double[] cum, double u) {
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * A draw t ∈ [0, 1] from the density ∝ a (1 − t) + b t (a, b ≥ 0) for a uniform u: the root of
     * a t + (b − a) t²/2 = u (a + b)/2, written t = u (a + b) / (a + sqrt(a² + u (b² − a²))) to stay exact
     * as b → a.
     */
    static double linear(double a, double b, double u) {
        if (!(a + b > 0)) {
            return u;
        }
        double den = a + Math.sqrt(a * a + u * (b * b - a * a));
        return den > 0 ? Math.min(1, u * (a + b) / den) : 0;
    }

    /**
     * Moves every particle {@code steps} Euler–Maruyama steps of {@code dtS}: per step
     * x ← x − D z ∂ψ̂/∂x dt + sqrt(2 D dt) ξ_x (and alike in y), reflected at the grid's edges, the move rejected if
     * it ends in a wall. The chunks run in parallel on {@code pool}; the result does not depend on its threads.
     *
     * @throws IllegalArgumentException if {@code steps} < 0 or {@code dtS} is not > 0
     */
    public void advance(int steps, double dtS, WorkerPool pool) {
        if (steps < 0 || !(dtS > 0)) {
            throw new IllegalArgumentException("need steps >= 0 and dt > 0, got " + steps + ", " + dtS);
        }
        if (steps == 0) {
            return;
        }
        int ns = counts.length;
        double[] drift = new double[ns];
        double[] sigma = new double[ns];
        for (int i = 0; i < ns; i++) {
            drift[i] = diffusionNm2PerS[i] * charges[i] * dtS; // nm² per unit of ∂ψ̂/∂x (1/nm)
            sigma[i] = Math.sqrt(2 * diffusionNm2PerS[i] * dtS); // nm
        }
        forEachStream((c, from, to) -> moveChunk(gaussians[c], from, to, steps, drift, sigma), pool);
        timeS += steps * dtS;
    }

    /** The particles [from, to) of one stream. */
    @FunctionalInterface
    private interface StreamBody {
        void run(int stream, int from, int to);
    }

    /**
     * Runs {@code body} once per stream c over its particles [c·CHUNK, (c + 1)·CHUNK), the streams spread over the
     * pool. The pool hands out ranges of whole chunks (one range for all of them when it runs inline), so each range
     * is cut here at the chunk boundaries.
     */
    private void forEachStream(StreamBody body, WorkerPool pool) {
        pool.forEachChunk(species.length, (from, to) -> {
            for (int start = from; start < to; start += WorkerPool.CHUNK) {
                body.run(start / WorkerPool.CHUNK, start, Math.min(to, start + WorkerPool.CHUNK));
            }
        });
    }

    private void moveChunk(ZigguratSampler.NormalizedGaussian gauss, int from, int to, int steps, double[] drift,
                           double[] sigma) {
        double[] gx = grid.xNm();
        double[] gy = grid.yNm();
        double[] inv = inverseWidths;
        double[] coef = gradients;
        int nx = gx.length;
        int ny = gy.length;
        double xLo = gx[0];
        double xHi = gx[nx - 1];
        double yLo = gy[0];
        double yHi = gy[ny - 1];
        for (int p = from; p < to; p++) {
            int s = species[p];
            double a = drift[s];
            double sd = sigma[s];
            double px = x[p];
            double py = y[p];
            int ix = cellX[p];
            int iy = cellY[p];
            for (int step = 0; step < steps; step++) {
                while (ix > 0 && px < gx[ix]) {
                    ix--;
                }
                while (ix < nx - 2 && px > gx[ix + 1]) {
                    ix++;
                }
                while (iy > 0 && py < gy[iy]) {
                    iy--;
                }
                while (iy < ny - 2 && py > gy[iy + 1]) {
                    iy++;
                }
                double tx = (px - gx[ix]) * inv[ix];
                double ty = (py - gy[iy]) * inv[nx - 1 + iy];
                int k = 4 * (ix * (ny - 1) + iy);
                double dPsiDx = coef[k] + ty * coef[k + 1];
                double dPsiDy = coef[k + 2] + tx * coef[k + 3];
                double qx = reflect(px - a * dPsiDx + sd * gauss.sample(), xLo, xHi);
                double qy = reflect(py - a * dPsiDy + sd * gauss.sample(), yLo, yHi);
                if (walls.allowed(s, qx, qy)) {
                    px = qx;
                    py = qy;
                }
            }
            x[p] = px;
            y[p] = py;
            cellX[p] = ix;
            cellY[p] = iy;
        }
    }

    /** 1/h of the x cells, then of the y cells. */
    private static double[] inverseWidths(PotentialGrid grid) {
        double[] gx = grid.xNm();
        double[] gy = grid.yNm();
        double[] inv = new double[gx.length - 1 + gy.length - 1];
        for (int i = 0; i + 1 < gx.length; i++) {
            inv[i] = 1 / (gx[i + 1] - gx[i]);
        }
        for (int j = 0; j + 1 < gy.length; j++) {
            inv[gx.length - 1 + j] = 1 / (gy[j + 1] - gy[j]);
        }
        return inv;
    }

    /**
     * The gradient of the bilinear ψ̂ in each cell (ix, iy), at 4·(ix·(ny − 1) + iy): with tx, ty ∈ [0, 1] the
     * position in the cell, ∂ψ̂/∂x = g0 + ty g1 and ∂ψ̂/∂y = g2 + tx g3, where g0 = (ψ10 − ψ00)/hx,
     * g1 = (ψ11 − ψ01 − ψ10 + ψ00)/hx, g2 = (ψ01 − ψ00)/hy, g3 = (ψ11 − ψ10 − ψ01 + ψ00)/hy.
     */
    private static double[] gradients(PotentialGrid grid) {
        double[] gx = grid.xNm();
        double[] gy = grid.yNm();
        double[] psi = grid.psi();
        int ny = gy.length;
        double[] g = new double[4 * (gx.length - 1) * (ny - 1)];
        for (int ix = 0; ix + 1 < gx.length; ix++) {
            double hx = gx[ix + 1] - gx[ix];
            for (int iy = 0; iy + 1 < ny; iy++) {
                double hy = gy[iy + 1] - gy[iy];
                int n = ix * ny + iy;
                double p00 = psi[n];
                double p01 = psi[n + 1];
                double p10 = psi[n + ny];
                double p11 = psi[n + ny + 1];
                int k = 4 * (ix * (ny - 1) + iy);
                g[k] = (p10 - p00) / hx;
                g[k + 1] = (p11 - p01 - p10 + p00) / hx;
                g[k + 2] = (p01 - p00) / hy;
                g[k + 3] = (p11 - p10 - p01 + p00) / hy;
            }
        }
        return g;
    }

    /** q mirrored into [lo, hi] at the edge it crossed; clamped if a single step is wider than the interval. */
    static double reflect(double q, double lo, double hi) {
        if (q < lo) {
            q = 2 * lo - q;
        } else if (q > hi) {
            q = 2 * hi - q;
        }
        return q < lo ? lo : q > hi ? hi : q;
    }

    /** The cell index k (0 … n − 2) with a[k] ≤ v ≤ a[k + 1], starting the walk at {@code hint}. */
    private static int cell(double[] a, double v, int hint) {
        int k = Math.max(0, Math.min(a.length - 2, hint));
        while (k > 0 && v < a[k]) {
            k--;
        }
        while (k < a.length - 2 && v > a[k + 1]) {
            k++;
        }
        return k;
    }
}
