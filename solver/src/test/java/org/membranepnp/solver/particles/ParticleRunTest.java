package org.membranepnp.solver.particles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.ParticleSnapshots;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * The particle run after the continuum solve of {@code examples/particles-gouy-chapman.toml}: snapshots at the
 * requested times, particles drawn in proportion to the amounts, none in the membrane, the counter-ion layer at
 * the charged face as dense as the continuum's, the same for any thread count.
 */
class ParticleRunTest {
    static RunResult result;

    @BeforeAll
    static void solve() {
        Path file = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && file == null; p = p.getParent()) {
            if (Files.exists(p.resolve("examples/particles-gouy-chapman.toml"))) {
                file = p.resolve("examples/particles-gouy-chapman.toml");
            }
        }
        assertTrue(file != null, "examples/particles-gouy-chapman.toml not found");
        Scenario s = ScenarioLoader.load(file);
        result = Simulation.run(s, new SolverOptions(1, false), ProgressListener.NONE);
    }

    static RunResult with(ParticleSpec spec) {
        RunResult r = result;
        return new RunResult(r.scenario().withParticles(spec), r.profiles(), r.timeSeries(), r.membranePotentialMv(),
                r.intramembraneDropMv(), r.insideBulkMm(), r.outsideBulkMm(), r.insideSurfaceMm(), r.outsideSurfaceMm(),
                r.membraneFluxMolPerM2S(), r.separatedChargeCPerM2(), r.bulkElectroneutrality(), r.conservationError(),
                r.newtonIterations(), r.lastResidual(), r.timeSteps(), r.wallTimeS(), r.cells());
    }

    @Test
    void snapshotsComeAtTheRequestedTimesWithProgress() {
        ParticleSpec spec = result.scenario().particles();
        assertEquals(new ParticleSpec(3000, 1e-12, 2e-9, 20, 1), spec);
        List<double[]> calls = new ArrayList<>();
        ParticleSnapshots s = ParticleRun.run(result, WorkerPool.serial(),
                (k, n, t) -> calls.add(new double[] {k, n, t}));
        assertEquals(21, s.snapshotCount());
        assertEquals(3000, s.particleCount());
        assertEquals(List.of("Na", "Cl"), s.species());
        for (int k = 0; k <= 20; k++) {
            assertEquals(k * 1e-10, s.timeS()[k], 1e-22, "snapshot " + k);
        }
        assertEquals(20, calls.size());
        for (int k = 1; k <= 20; k++) {
            assertArrayEquals(new double[] {k, 20, s.timeS()[k]}, calls.get(k - 1), 0.0);
        }
        // the particles move: rms displacement over 2 ns is sqrt(4 D t) = 3.3 nm (Na) in 2-D
        double sum = 0;
        for (int p = 0; p < s.particleCount(); p++) {
            sum += Math.pow(s.xNm()[20][p] - s.xNm()[0][p], 2) + Math.pow(s.yNm()[20][p] - s.yNm()[0][p], 2);
        }
        assertTrue(Math.sqrt(sum / s.particleCount()) > 2, "rms displacement " + Math.sqrt(sum / s.particleCount()));
    }

    /** ∫ c dx over the baths (trapezoids; the membrane nodes left out). */
    static double amount(Profiles p, int species, double from, double to) {
        double[] x = p.xNm();
        double[] c = p.concentrationsMm()[species];
        double sum = 0;
        for (int k = 0; k + 1 < x.length; k++) {
            if (k >= p.membraneStartNode() && k < p.membraneEndNode()) {
                continue;
            }
            double a = Math.max(from, x[k]);
            double b = Math.min(to, x[k + 1]);
            if (b > a) {
                double ca = c[k] + (c[k + 1] - c[k]) * (a - x[k]) / (x[k + 1] - x[k]);
                double cb = c[k] + (c[k + 1] - c[k]) * (b - x[k]) / (x[k + 1] - x[k]);
                sum += 0.5 * (ca + cb) * (b - a);
            }
        }
        return sum;
    }

    @Test
    void countsFollowTheAmountsAndTheLayerMatchesTheContinuum() {
        int count = 20000;
        ParticleSnapshots s = ParticleRun.run(with(new ParticleSpec(count, 1e-12, 1e-9, 2, 7)), WorkerPool.serial(),
                ParticleProgress.NONE);
        Profiles p = result.profiles();
        double x0 = p.xNm()[p.membraneStartNode()];
        double x1 = p.xNm()[p.membraneEndNode()];
        double end = p.xNm()[p.nodeCount() - 1];
        assertEquals(20, x0, 1e-9);
        assertEquals(25, x1, 1e-9);
        double na = amount(p, 0, 0, end);
        double cl = amount(p, 1, 0, end);
        int nNa = s.count(0);
        int nCl = s.count(1);
        assertEquals(count, nNa + nCl);
        assertEquals(count * na / (na + cl), nNa, 1.0, "Na particles in proportion to the amount of Na");
        assertTrue(nNa > nCl, "the counter-ion excess at the charged face: " + nNa + " Na, " + nCl + " Cl");
        for (int k = 0; k < s.snapshotCount(); k++) {
            for (int q = 0; q < count; q++) {
                double x = s.xNm()[k][q];
                assertFalse(x > x0 && x < x1, "particle " + q + " in the membrane at x = " + x);
                assertTrue(x >= 0 && x <= end && s.yNm()[k][q] >= 0 && s.yNm()[k][q] <= ParticleRun.HEIGHT_1D_NM);
            }
        }
        // within 1 nm of the charged outside face, at the start and after 1 ns (10 000 steps): binomial 4 σ
        for (int k : new int[] {0, 2}) {
            for (int i = 0; i < 2; i++) {
                double want = amount(p, i, x1, x1 + 1) / amount(p, i, 0, end);
                int n = s.count(i);
                int near = 0;
                for (int q = 0; q < count; q++) {
                    if (s.speciesIndex()[q] == i && s.xNm()[k][q] >= x1 && s.xNm()[k][q] <= x1 + 1) {
                        near++;
                    }
                }
                double got = (double) near / n;
                double sigma = Math.sqrt(want * (1 - want) / n);
                System.out.printf(Locale.ROOT, "particle run, t = %.0e s: %s within 1 nm of the charged face: "
                        + "%.4f of its particles, continuum %.4f (4 sigma = %.4f)%n", s.timeS()[k], s.species().get(i),
                        got, want, 4 * sigma);
                assertEquals(want, got, 4 * sigma);
            }
        }
        // the face enriches Na and depletes Cl, compared with a bulk nanometre (20 nm from the face)
        assertTrue(amount(p, 0, x1, x1 + 1) > 3 * amount(p, 0, x1 + 15, x1 + 16));
        assertTrue(amount(p, 1, x1, x1 + 1) < 0.5 * amount(p, 1, x1 + 15, x1 + 16));
    }

    @Test
    void theSameForAnyThreadCount() {
        RunResult r = with(new ParticleSpec(9000, 1e-12, 2e-10, 2, 3)); // 3 chunks
        ParticleSnapshots one = ParticleRun.run(r, WorkerPool.serial(), ParticleProgress.NONE);
        try (WorkerPool pool = WorkerPool.create(2)) {
            ParticleSnapshots two = ParticleRun.run(r, pool, ParticleProgress.NONE);
            assertArrayEquals(one.speciesIndex(), two.speciesIndex());
            for (int k = 0; k < one.snapshotCount(); k++) {
                assertArrayEquals(one.xNm()[k], two.xNm()[k], 0.0);
                assertArrayEquals(one.yNm()[k], two.yNm()[k], 0.0);
            }
        }
    }

    @Test
    void gridOfAProfileIsTheProfileInThermalVoltagesAtEveryHeight() {
        Profiles p = result.profiles();
        double t = result.scenario().temperatureK();
        PotentialGrid g = PotentialGrid.fromProfile(p, t, 10);
        assertArrayEquals(new double[] {0, 10}, g.yNm(), 0);
        double vt = PhysicalConstants.thermalVoltageMv(t);
        for (int ix = 0; ix < p.nodeCount(); ix++) {
            for (int iy = 0; iy < 2; iy++) {
                assertEquals(p.potentialMv()[ix] / vt, g.psi()[g.index(ix, iy)], 1e-15);
                assertEquals(p.concentrationsMm()[1][ix], g.concentrationsMm()[1][g.index(ix, iy)], 0);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PotentialGrid.fromProfile(p, t, 0));
        assertThrows(IllegalArgumentException.class, () -> ParticleRun.run(with(ParticleSpec.NONE),
                WorkerPool.serial(), ParticleProgress.NONE));
    }
}
