package org.membranepnp.solver.particles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** The pieces: linear-density draws, initial placement ∝ c, species counts, walls, reflection, the grid. */
class ParticlePartsTest {

    @Test
    void linearDrawInvertsTheCumulativeDistribution() {
        // density ∝ a (1 − t) + b t: CDF F(t) = (a t + (b − a) t²/2) / ((a + b)/2)
        double[][] ab = {{1, 1}, {0, 1}, {1, 0}, {2, 7}, {7, 2}, {1, 1 + 1e-12}};
        for (double[] c : ab) {
            for (double u : new double[] {0, 0.1, 0.5, 0.93, 1}) {
                double t = BrownianIntegrator.linear(c[0], c[1], u);
                double cdf = (c[0] * t + (c[1] - c[0]) * t * t / 2) / ((c[0] + c[1]) / 2);
                assertEquals(u, cdf, 1e-12, "a = " + c[0] + ", b = " + c[1] + ", u = " + u);
            }
        }
        assertEquals(Math.sqrt(0.25), BrownianIntegrator.linear(0, 3, 0.25), 1e-15);
        assertEquals(0.3, BrownianIntegrator.linear(0, 0, 0.3), 0);
    }

    @Test
    void initialPositionsFollowTheConcentration() {
        // c = x on [0, 10] nm (2 coarse cells), c = 1 + y/5 along y: marginals ∝ x and ∝ 1 + y/5
        PotentialGrid g = Grids.of(new double[] {0, 4, 10}, new double[] {0, 5}, (x, y) -> 0,
                (x, y) -> x * (1 + y / 5));
        int n = 40000;
        BrownianIntegrator b = new BrownianIntegrator(g, ParticleWalls.NONE, new double[] {1e-9}, new int[] {1},
                new int[] {n}, 2);
        b.placeFromConcentrations(WorkerPool.serial());
        double[] edges = Grids.uniform(0, 10, 10);
        int[] hx = ParticleDynamicsTest.histogram(b.xNm(), 0, n, edges);
        double[] ex = new double[10];
        for (int k = 0; k < 10; k++) {
            ex[k] = n * (edges[k + 1] * edges[k + 1] - edges[k] * edges[k]) / 100;
        }
        double[] yEdges = Grids.uniform(0, 5, 5);
        int[] hy = ParticleDynamicsTest.histogram(b.yNm(), 0, n, yEdges);
        double[] ey = new double[5];
        for (int k = 0; k < 5; k++) {
            double a = yEdges[k];
            double c = yEdges[k + 1];
            ey[k] = n * ((c - a) + (c * c - a * a) / 10) / 7.5; // ∫ (1 + y/5) dy over [0, 5] = 7.5
        }
        double chiX = ParticleDynamicsTest.chiSquare(hx, ex);
        double chiY = ParticleDynamicsTest.chiSquare(hy, ey);
        System.out.printf(Locale.ROOT, "initial draw ∝ c: chi2 along x = %.1f (9 dof), along y = %.1f (4 dof)%n",
                chiX, chiY);
        assertTrue(chiX < ParticleDynamicsTest.chiSquareLimit(9), ParticleDynamicsTest.relative(hx, ex));
        assertTrue(chiY < ParticleDynamicsTest.chiSquareLimit(4), ParticleDynamicsTest.relative(hy, ey));
    }

    @Test
    void speciesCountsAreProportionalToTheAmountsAndSumToTheCount() {
        // amounts 1 : 2 : 0 : 4 (species 2 has none)
        PotentialGrid g = Grids.of(new double[] {0, 1, 3}, new double[] {0, 1}, (x, y) -> 0,
                (x, y) -> 1, (x, y) -> 2, (x, y) -> 0, (x, y) -> 4);
        assertArrayEquals(new int[] {1000, 2000, 0, 4000}, ParticleRun.speciesCounts(g, ParticleWalls.NONE, 7000));
        int[] n = ParticleRun.speciesCounts(g, ParticleWalls.NONE, 10);
        assertArrayEquals(new int[] {1, 3, 0, 6}, n); // 1.43, 2.86, 0, 5.71: largest remainders go to 1 and 3
        // a wall over x ∈ (1, 3) for species 1 only leaves it a third of its amount
        ParticleWalls walls = (s, x, y) -> s != 1 || x <= 1;
        assertArrayEquals(new int[] {1000, 667, 0, 4000}, ParticleRun.speciesCounts(g, walls, 5667));
        PotentialGrid empty = Grids.of(new double[] {0, 1}, new double[] {0, 1}, (x, y) -> 0, (x, y) -> 0);
        assertThrows(IllegalArgumentException.class, () -> ParticleRun.speciesCounts(empty, ParticleWalls.NONE, 5));
    }

    @Test
    void membraneWallsOpenOnlyThePoresToTheirSpecies() {
        MembraneWalls w = new MembraneWalls(10, 15, new double[] {2, 6}, new double[] {3, 8},
                new boolean[][] {{true, false}, {false, true}});
        assertTrue(w.allowed(1, 9.99, 0));
        assertTrue(w.allowed(1, 10, 0), "the face is water");
        assertTrue(w.allowed(1, 15, 0));
        assertFalse(w.allowed(0, 12, 0));
        assertTrue(w.allowed(0, 12, 2.5));
        assertFalse(w.allowed(1, 12, 2.5));
        assertTrue(w.allowed(1, 12, 7));
        assertFalse(w.allowed(0, 12, 7));
        assertFalse(w.allowed(0, 12, 8.01));
        assertTrue(MembraneWalls.closed(1, 2).allowed(0, 2.5, 0));
        assertFalse(MembraneWalls.closed(1, 2).allowed(0, 1.5, 100));
        assertThrows(IllegalArgumentException.class, () -> MembraneWalls.closed(2, 1));
    }

    @Test
    void wallsOfAScenarioComeFromItsMembraneAndChannels() {
        Scenario s = ReferenceScenarios.neuronRest();
        MembraneWalls closed = MembraneWalls.of(s);
        assertEquals(s.inside().widthUm() * 1e3, closed.x0Nm(), 0);
        assertEquals(closed.x0Nm() + s.membrane().thicknessNm(), closed.x1Nm(), 0);
        assertEquals(0, closed.lowerNm().length);
        int n = s.speciesCount();
        double[] pK = new double[n];
        pK[s.speciesIndex("K")] = 1e-3;
        Scenario pore = s.withLateral(new Lateral(20, List.of(new Channel("K pore", 10, 2, 80, pK))));
        MembraneWalls w = MembraneWalls.of(pore);
        double mid = (w.x0Nm() + w.x1Nm()) / 2;
        assertTrue(w.allowed(s.speciesIndex("K"), mid, 10.5));
        assertFalse(w.allowed(s.speciesIndex("Na"), mid, 10.5));
        assertFalse(w.allowed(s.speciesIndex("K"), mid, 11.5));
    }

    @Test
    void reflectionMirrorsAtTheCrossedEdge() {
        assertEquals(0.25, BrownianIntegrator.reflect(-0.25, 0, 10), 0);
        assertEquals(9.5, BrownianIntegrator.reflect(10.5, 0, 10), 0);
        assertEquals(3, BrownianIntegrator.reflect(3, 0, 10), 0);
        assertEquals(10, BrownianIntegrator.reflect(-30, 0, 10), 0, "a step wider than the box is clamped");
    }

    @Test
    void placedParticlesAreChecked() {
        PotentialGrid g = Grids.of(new double[] {0, 10}, new double[] {0, 10}, (x, y) -> 0, (x, y) -> 1);
        BrownianIntegrator b = new BrownianIntegrator(g, MembraneWalls.closed(4, 6), new double[] {1e-9},
                new int[] {1}, new int[] {2}, 1);
        b.place(new double[] {1, 9}, new double[] {1, 9});
        assertArrayEquals(new double[] {1, 9}, b.xNm(), 0);
        assertThrows(IllegalArgumentException.class, () -> b.place(new double[] {5, 9}, new double[] {1, 9}));
        assertThrows(IllegalArgumentException.class, () -> b.place(new double[] {11, 9}, new double[] {1, 9}));
        assertThrows(IllegalArgumentException.class, () -> new BrownianIntegrator(g, ParticleWalls.NONE,
                new double[] {0}, new int[] {1}, new int[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> b.advance(1, 0, WorkerPool.serial()));
        assertThrows(IllegalArgumentException.class, () -> new PotentialGrid(new double[] {0, 0}, new double[] {0, 1},
                new double[4], new double[0][]));
    }

    @Test
    void theFieldsOfA2dRunMapNodeByNodeOntoTheParticleGrid() {
        double[] x = {0, 1, 2};
        double[] y = {0, 5};
        double[] phi = new double[6];
        double[] c = new double[6];
        for (int k = 0; k < 6; k++) {
            phi[k] = 10 * k;
            c[k] = k == 4 ? -1 : k; // a negative round-off concentration becomes 0
        }
        org.membranepnp.engine.result.Fields2D f = new org.membranepnp.engine.result.Fields2D(List.of("K"), x, y,
                phi, new double[][] {c}, new double[6], 0.5, 1.5, List.of());
        double vt = org.membranepnp.engine.units.PhysicalConstants.thermalVoltageMv(300);
        PotentialGrid g = PotentialGrid.fromFields(f, 300);
        for (int ix = 0; ix < 3; ix++) {
            for (int iy = 0; iy < 2; iy++) {
                int k = f.index(ix, iy);
                assertEquals(phi[k] / vt, g.psi()[g.index(ix, iy)], 1e-15, "node " + ix + "," + iy);
                assertEquals(Math.max(0, c[k]), g.concentrationsMm()[0][g.index(ix, iy)], 0);
            }
        }
    }
}
