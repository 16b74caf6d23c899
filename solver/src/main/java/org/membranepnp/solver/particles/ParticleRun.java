package org.membranepnp.solver.particles;

import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.ParticleSnapshots;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * The Brownian particle mode of a scenario ({@code [particles]}): after the continuum solve, {@code count} ions
 * are drawn from the computed concentrations and moved in the computed (frozen) potential by
 * {@link BrownianIntegrator}, and their positions are kept at t = 0 and at {@code snapshots} times up to
 * {@code duration_s}.
 *
 * <p>A 1-D result is extended uniformly over y ∈ [0, {@value #HEIGHT_1D_NM} nm] (a 2-D scenario brings its own
 * height). The particle domain's edges reflect (also at reservoir ends: the particles sample the computed state,
 * they do not exchange with the reservoirs), and the membrane is an obstacle that only the pores of a 2-D scenario
 * open to their permeant species.
 */
public final class ParticleRun {
    /** Extent along the membrane (y) of the particle domain of a 1-D scenario, nm. */
    public static final double HEIGHT_1D_NM = ParticleSpec.HEIGHT_1D_NM;

    private ParticleRun() {
    }

    /**
     * The particle run of {@code result}: on its 2-D fields, or for a 1-D run on its final profile extended over
     * y ∈ [0, {@value #HEIGHT_1D_NM} nm]; then {@link #run(PotentialGrid, Scenario, WorkerPool, ParticleProgress)}.
     *
     * @throws IllegalArgumentException if the scenario has no {@code [particles]} table
     */
    public static ParticleSnapshots run(RunResult result, WorkerPool pool, ParticleProgress progress) {
        Scenario s = result.scenario();
        PotentialGrid grid = result.fields() != null ? PotentialGrid.fromFields(result.fields(), s.temperatureK())
                : PotentialGrid.fromProfile(result.profiles(), s.temperatureK(), HEIGHT_1D_NM);
        return run(grid, s, pool, progress);
    }

    /**
     * Draws {@code scenario.particles().count()} particles from the concentrations of {@code grid} (per species in
     * proportion to its amount in the domain, see {@link #speciesCounts}) and moves them for
     * n = rint(duration_s / time_step_s) steps; snapshot k (k = 1 … snapshots) is taken after round(k n /
     * snapshots) steps, at that many steps times time_step_s. Snapshot 0 is the start (t = 0). The result is
     * bit-identical for any number of threads of {@code pool}.
     *
     * @param grid      the frozen field (ψ̂ = φ/V_T and the concentrations), x = 0 at the inside far end
     * @param scenario  the species (D, z), the membrane (as {@link MembraneWalls#of}) and the particle request
     * @param pool      the worker threads
     * @param progress  told after each snapshot
     * @throws IllegalArgumentException if the scenario has no {@code [particles]} table or the grid's species do not
     *                                  match
     */
    public static ParticleSnapshots run(PotentialGrid grid, Scenario scenario, WorkerPool pool,
                                        ParticleProgress progress) {
        ParticleSpec spec = scenario.particles();
        if (!spec.present()) {
            throw new IllegalArgumentException("the scenario asks for no particles");
        }
        List<Species> species = scenario.species();
        if (grid.speciesCount() != species.size()) {
            throw new IllegalArgumentException("the grid has " + grid.speciesCount() + " species, the scenario "
                    + species.size());
        }
        int ns = species.size();
        double[] d = new double[ns];
        int[] z = new int[ns];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            d[i] = species.get(i).diffusionM2PerS();
            z[i] = species.get(i).charge();
            names.add(species.get(i).name());
        }
        ParticleWalls walls = MembraneWalls.of(scenario);
        int[] counts = speciesCounts(grid, walls, spec.count());
        BrownianIntegrator integrator = new BrownianIntegrator(grid, walls, d, z, counts, spec.seed());
        integrator.placeFromConcentrations(pool);

        long steps = Math.max(1, (long) Math.rint(spec.durationS() / spec.timeStepS()));
        int snapshots = Math.max(1, spec.snapshots());
        double[] timeS = new double[snapshots + 1];
        double[][] xs = new double[snapshots + 1][];
        double[][] ys = new double[snapshots + 1][];
        xs[0] = integrator.xNm();
        ys[0] = integrator.yNm();
        long done = 0;
        for (int k = 1; k <= snapshots; k++) {
            long target = Math.round((double) k * steps / snapshots);
            while (done < target) {
                int chunk = (int) Math.min(Integer.MAX_VALUE, target - done);
                integrator.advance(chunk, spec.timeStepS(), pool);
                done += chunk;
            }
            timeS[k] = done * spec.timeStepS();
            xs[k] = integrator.xNm();
            ys[k] = integrator.yNm();
            progress.onSnapshot(k, snapshots, timeS[k]);
        }
        return new ParticleSnapshots(names, timeS, integrator.species(), xs, ys);
    }

    /**
     * Particles per species, in proportion to each species' amount in the domain: n_i ≈ count · A_i / Σ_j A_j with
     * A_i = ∫∫ c_i dx dy of the bilinear concentration over the cells the walls allow it, rounded by largest
     * remainder (ties to the lower index) so that they sum to {@code count}.
     *
     * @throws IllegalArgumentException if no species has any amount
     */
    public static int[] speciesCounts(PotentialGrid grid, ParticleWalls walls, int count) {
        int ns = grid.speciesCount();
        double[] amount = new double[ns];
        double total = 0;
        for (int i = 0; i < ns; i++) {
            double[] cum = BrownianIntegrator.cumulativeAmounts(grid, walls, i);
            amount[i] = cum[cum.length - 1];
            total += amount[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no species has any concentration to draw particles from");
        }
        int[] n = new int[ns];
        double[] rest = new double[ns];
        int given = 0;
        for (int i = 0; i < ns; i++) {
            double share = count * amount[i] / total;
            n[i] = (int) Math.floor(share);
            rest[i] = share - n[i];
            given += n[i];
        }
        while (given < count) {
            int best = -1;
            for (int i = 0; i < ns; i++) {
                if (amount[i] > 0 && (best < 0 || rest[i] > rest[best])) {
                    best = i;
                }
            }
            n[best]++;
            rest[best] = -1;
            given++;
        }
        return n;
    }
}
