package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** The 2-D steady state against the 1-D solver and against Nernst, and its discrete conservation. */
class MembranePlaneSolverTest {

    private static RunResult solve(Scenario s, int threads) {
        try (WorkerPool pool = WorkerPool.create(threads)) {
            MembranePlaneSolver p = new MembranePlaneSolver(s, pool);
            p.solveSteady();
            return p.result();
        }
    }

    @Test
    void aSlabWithoutPoresIsTheOneDimensionalSolution() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        Scenario flat = ReferenceScenarios.plane(neuron, neuron.inside().widthUm(), 5.0, List.of());
        RunResult two = solve(flat, 1);
        RunResult one = MembraneSlabSolver.steadyOnItsMesh(neuron);
        // independent paths: block tridiagonal LU + Woodbury clamp (1-D) vs GMRES + bordered electrode unknown (2-D)
        assertEquals(one.membranePotentialMv(), two.membranePotentialMv(), 1e-6);
        Fields2D f = two.fields();
        double[] phi1 = one.profiles().potentialMv();
        for (int i = 0; i < f.nx(); i++) {
            for (int j = 0; j < f.ny(); j++) {
                assertEquals(phi1[i], f.potentialMv()[f.index(i, j)], 1e-6, "phi at node " + i + "," + j);
                for (int q = 0; q < f.species().size(); q++) {
                    double c1 = one.profiles().concentrationsMm()[q][i];
                    assertEquals(c1, f.concentrationsMm()[q][f.index(i, j)], 1e-8 * Math.max(c1, 1e-3),
                            f.species().get(q) + " at node " + i + "," + j);
                }
            }
        }
        for (int q = 0; q < neuron.speciesCount(); q++) {
            double j1 = one.membraneFluxMolPerM2S()[q];
            assertEquals(j1, two.membraneFluxMolPerM2S()[q], 1e-6 * Math.abs(j1) + 1e-18);
        }
    }

    @Test
    void theFieldsAreNumberedAsTheSolversNodes() {
        Scenario s = ReferenceScenarios.potassiumPore();
        try (WorkerPool pool = WorkerPool.create(1)) {
            MembranePlaneSolver p = new MembranePlaneSolver(s, pool);
            p.solveSteady();
            Fields2D f = p.result().fields();
            org.membranepnp.solver.fv.PnpModel model = p.model();
            double[] u = p.state();
            int nx = model.nx;
            int m = model.m;
            assertEquals(nx, f.nx());
            assertEquals(model.ny, f.ny());
            double vtMv = model.scales.thermalVoltageV * 1e3;
            double c0 = model.scales.concentrationMolPerM3;
            double psiRef = u[(nx - 1) * m];
            boolean variesAlongY = false;
            for (int j = 0; j < f.ny(); j++) {
                for (int i = 0; i < nx; i++) {
                    int k = j * nx + i; // the solver's node
                    assertEquals(k, f.index(i, j), "flat index of node " + i + "," + j);
                    assertEquals(k, Fields2D.index(i, j, nx));
                    assertEquals(model.mesh.xNm(k), f.xNm()[i], 0, "x of node " + k);
                    assertEquals(model.mesh.yNm(k), f.yNm()[j], 0, "y of node " + k);
                    assertEquals((u[k * m] - psiRef) * vtMv, f.potentialMv()[k], 1e-12, "φ at node " + k);
                    if (i <= model.membraneStart || i >= model.membraneEnd) { // water: no partition coefficient
                        for (int q = 0; q < model.s; q++) {
                            double c = u[k * m + 1 + q] * c0;
                            assertEquals(c, f.concentrationsMm()[q][k], 1e-12 * Math.max(1, c), "c at node " + k);
                        }
                    }
                    variesAlongY |= j > 0 && Math.abs(f.potentialMv()[k] - f.potentialMv()[k - nx]) > 1e-3;
                }
            }
            assertTrue(variesAlongY, "the pore makes the fields depend on y, so a transposition would show");
        }
    }

    @Test
    void aPotassiumPoreSetsTheNernstPotential() {
        Scenario s = ReferenceScenarios.potassiumPore();
        RunResult r = solve(s, 1);
        int k = s.speciesIndex("K");
        double nernst = NernstPotential.mv(1, s.outside().concentrationMm(k), s.inside().concentrationMm(k),
                s.temperatureK());
        assertEquals(nernst, r.membranePotentialMv(), 1e-6, "V_m of a K+-only pore at zero current");
        // the capacitor is charged along the whole membrane, not only at the pore: the separated charge per area
        // is that of C_m (in series with the diffuse layers) at the Nernst voltage, within the pore's share
        assertTrue(r.separatedChargeCPerM2() < 0, "the inside is negative");
        // no net K+ flux at equilibrium
        assertEquals(0.0, r.membraneFluxMolPerM2S()[k], 1e-12);
    }

    @Test
    void everyCrossSectionCarriesTheSameCurrent() {
        Scenario s = ReferenceScenarios.potassiumPore();
        Scenario clamped = s.withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR,
                ClampKind.VOLTAGE, 0.0, -40.0));
        try (WorkerPool pool = WorkerPool.serial()) {
            MembranePlaneSolver p = new MembranePlaneSolver(clamped, pool);
            p.solveSteady();
            int k = clamped.speciesIndex("K");
            double[] flux = p.fluxesThroughColumns(k);
            assertEquals(p.model().nx - 1, flux.length);
            double mid = flux[p.model().midMembraneColumn()];
            assertTrue(mid > 0, "at -40 mV, above E_K, K+ flows out");
            // exact discrete conservation: the steady K+ flux is the same through every column of x-edges
            for (int c = 0; c < flux.length; c++) {
                assertEquals(mid, flux[c], 1e-9 * Math.abs(mid), "column " + c);
            }
        }
    }

    @Test
    void resultsAreTheSameForAnyNumberOfThreads() {
        Scenario s = ReferenceScenarios.potassiumPore();
        RunResult one = solve(s, 1);
        RunResult two = solve(s, 2);
        assertEquals(Double.doubleToRawLongBits(one.membranePotentialMv()),
                Double.doubleToRawLongBits(two.membranePotentialMv()));
        assertArrayEquals(one.fields().potentialMv(), two.fields().potentialMv(), 0.0);
        for (int q = 0; q < s.speciesCount(); q++) {
            assertArrayEquals(one.fields().concentrationsMm()[q], two.fields().concentrationsMm()[q], 0.0);
        }
    }

    @Test
    void meshCellsAsksForTheTotalOfTheTwoDimensionalMesh() {
        Scenario s = ReferenceScenarios.potassiumPore();
        try (WorkerPool pool = WorkerPool.serial()) {
            int base = new MembranePlaneSolver(s, pool).model().mesh.elementCount();
            int fine = new MembranePlaneSolver(s.withMesh(new MeshSpec(4 * base)), pool).model().mesh.elementCount();
            assertEquals(4.0, (double) fine / base, 0.8, "four times the cells asked, about four times given");
            UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class,
                    () -> new MembranePlaneSolver(s.withMesh(new MeshSpec(50)), pool));
            assertTrue(e.getMessage().startsWith("mesh.cells = 50 is too coarse to resolve the Debye layers"),
                    e.getMessage());
        }
    }
}
