package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.MembraneSlabSolver;
import org.membranepnp.solver.MeshErrorControl;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * Closed systems, walls on both sides: the steady state is found, sits at the Nernst potential of its final bulk,
 * and its Jacobian (partial flux sums from the walls, amounts on the last rows, the gauge at the outside wall) is
 * well conditioned on small meshes.
 */
class ClosedBoxTest {
    private static final Boundary WALLS = new Boundary(BoundaryKind.WALL, BoundaryKind.WALL, ClampKind.CURRENT, 0, 0);

    /** Only K⁺ permeant, 140/4 mM, uncharged faces. */
    private static Scenario potassiumBox() {
        return ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, 0, 0).withBoundary(WALLS);
    }

    /** Only Ca²⁺ permeant, 100 nM inside, 2 mM outside, a charged inside face. */
    private static Scenario calciumBox() {
        return ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 1e-4, 2, 310.15, -0.02, 0).withBoundary(WALLS);
    }

    private static void assertNernst(Scenario s) {
        RunResult r = MeshErrorControl.solveSteady(s, WorkerPool.serial(), ProgressListener.NONE, false);
        int z = s.species().get(0).charge();
        double nernst = NernstPotential.mv(z, r.outsideBulkMm()[0], r.insideBulkMm()[0], s.temperatureK());
        assertEquals(nernst, r.membranePotentialMv(), 1e-3, s.title());
        assertTrue(r.conservationError() <= 1e-12, "conservation " + r.conservationError());
        assertTrue(r.discretisationErrorMv() <= s.mesh().toleranceMv(), "error " + r.discretisationErrorMv());
    }

    @Test
    void aClosedPotassiumBoxSitsAtTheNernstPotentialOfItsFinalBulk() {
        assertNernst(potassiumBox());
    }

    @Test
    void aClosedCalciumBoxAt100NanomolarSitsAtTheNernstPotentialOfItsFinalBulk() {
        assertNernst(calciumBox());
    }

    /** The closed compartment on the far side (its amount row on the last node, not node 0), a charged face. */
    @Test
    void aClosedOutsideBathAgainstAnInsideReservoirSitsAtNernst() {
        assertNernst(ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, 310.15, 0, 0.01)
                .withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.WALL, ClampKind.CURRENT, 0, 0)));
    }

    @Test
    void aClosedBoxHoldsExactlyItsFilledAmounts() {
        // the inside bath holds c·W of each species plus the counter-ions of its face's charge, whatever the mesh
        Scenario s = calciumBox();
        double sigma = s.membrane().insideSurfaceChargeCPerM2();
        double w = s.inside().widthUm() * 1e-6;
        double counter = InitialState.filledAmountMolPerM2(s, 0, true); // Ca²⁺ is the inside counter-ion of σ < 0
        double expected = s.inside().concentrationMm(0) * w - sigma / org.membranepnp.engine.units.PhysicalConstants.FARADAY_C_PER_MOL * s.inside().concentrationMm(0)
                / (2 * s.inside().concentrationMm(0));
        assertEquals(expected, counter, 1e-15 * expected);
        assertEquals(s.inside().concentrationMm(1) * w, InitialState.filledAmountMolPerM2(s, 1, true), 1e-18);
        for (int cells : new int[]{200, 800}) {
            PnpModel1D model = new PnpModel1D(s.withMesh(new MeshSpec(cells)),
                    GradedMeshBuilder.build(s.withMesh(new MeshSpec(cells))));
            double[] u = new double[model.n * model.m];
            InitialState.fillUniform(model, u);
            double held = 0;
            for (int k = 0; k <= model.mesh.membraneStartNode(); k++) {
                held += model.waterVolume[k] * u[k * model.m + 2];
            }
            double perDimensionless = model.scales.concentrationMolPerM3 * model.scales.lengthM;
            assertEquals(InitialState.filledAmountMolPerM2(s, 1, true), held * perDimensionless,
                    1e-12 * s.inside().concentrationMm(1) * w, "the impermeant counter-ion inside, " + cells + " cells");
        }
    }

    @Test
    void theSteadyJacobianOfAClosedBoxIsWellConditioned() {
        for (Scenario s : new Scenario[]{potassiumBox(), calciumBox()}) {
            Scenario coarse = s.withMesh(new MeshSpec(60));
            MembraneSlabSolver slab = new MembraneSlabSolver(coarse);
            slab.useSteadyGuess();
            slab.solveSteady();
            DMatrixRMaj j = DenseJacobian.rowScaled(DenseJacobian.of(slab.model(), slab.state(), null, 0.0));
            double cond = NormOps_DDRM.conditionP2(j);
            System.out.printf("ClosedBoxTest: %s, %d unknowns, condition number %.3g%n", s.title(), j.numRows, cond);
            // far from 1/ε: the balance-form rows lost the membrane flux (1e-12 of a bath flux) to round-off
            assertTrue(cond < 1e9, s.title() + ": condition number " + cond);
        }
    }
}
