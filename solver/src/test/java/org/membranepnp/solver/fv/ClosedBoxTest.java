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
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.MembraneSlabSolver;
import org.membranepnp.solver.MeshErrorControl;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * Closed systems on the chain: the steady state is found, sits at the Nernst potential of its final bulk, the
 * closed baths hold exactly their filled amounts, and the steady Jacobian (partial flux sums from the walls, amounts
 * on the last rows, the gauge at the outside wall) is well conditioned on small meshes.
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

    /** V_m within 1 µV of the Nernst potential of the final bulk; amounts kept to 1e-12; mesh error within tolerance. */
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

    /**
     * The inside bath holds c·W of each species plus, for the counter-ions of its face's charge, their share of it:
     * the analytic amount, to 1e-15 relative; the filled chain holds it to 1e-12 on two meshes, and each closed
     * compartment's target is what the filled chain holds (1e-14 relative).
     */
    @Test
    void aClosedBoxHoldsExactlyItsFilledAmounts() {
        Scenario s = calciumBox();
        double sigma = s.membrane().insideSurfaceChargeCPerM2();
        double w = s.inside().widthUm() * 1e-6;
        // Ca²⁺ (z = 2) is the only inside counter-ion of σ < 0: it carries −σ/(2F) more than c·W
        double calcium = s.inside().concentrationMm(0) * w - sigma / PhysicalConstants.FARADAY_C_PER_MOL / 2;
        assertEquals(calcium, InitialState.filledAmountMolPerM2(s, 0, true), 1e-15 * calcium);
        assertEquals(s.inside().concentrationMm(1) * w, InitialState.filledAmountMolPerM2(s, 1, true), 1e-18);
        for (int cells : new int[] {200, 800}) {
            Scenario meshed = s.withMesh(new MeshSpec(cells));
            PnpModel model = Chains.model(meshed, org.membranepnp.solver.mesh.GradedMeshBuilder.build(meshed));
            double[] u = new double[model.n * model.m];
            InitialState.fillUniform(model, u);
            double perDimensionless = model.scales.concentrationMolPerM3 * model.scales.lengthM;
            for (int q = 0; q < 2; q++) {
                double held = 0;
                for (int k = 0; k <= model.membraneStart; k++) {
                    held += model.waterVolume(k) * u[k * model.m + 1 + q];
                }
                double expected = InitialState.filledAmountMolPerM2(s, q, true);
                assertEquals(expected, held * perDimensionless, 1e-12 * expected, "species " + q + ", " + cells
                        + " cells");
            }
            assertEquals(3, model.closedAmounts().size(), "Ca²⁺ across the membrane, X⁻ in each bath");
            for (int c = 0; c < model.closedAmounts().size(); c++) {
                double amount = model.closedAmounts().get(c).amount(u, model.m);
                assertEquals(amount, model.closedTarget(c), 1e-14 * amount, model.closedAmounts().get(c).name());
            }
        }
    }

    /**
     * The whole steady Jacobian (local slots and global couplings) at the steady state of a 60-cell closed box,
     * rows scaled to a largest entry of 1: its 2-norm condition number stays far below 1/ε (the balance-form rows
     * would lose the membrane flux, 1e-12 of a bath flux, to round-off; the partial flux sums keep it).
     */
    @Test
    void theSteadyJacobianOfAClosedBoxIsWellConditioned() {
        for (Scenario s : new Scenario[] {potassiumBox(), calciumBox()}) {
            MembraneSlabSolver slab = new MembraneSlabSolver(s.withMesh(new MeshSpec(60)));
            slab.useSteadyGuess();
            slab.solveSteady();
            double[][] a = Chains.denseJacobian(slab.model(), slab.state(), slab.state(), 0.0);
            for (double[] row : a) {
                double max = 0;
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
                for (int j = 0; j < row.length; j++) {
                    row[j] /= max;
                }
            }
            double cond = NormOps_DDRM.conditionP2(new DMatrixRMaj(a));
            System.out.printf("ClosedBoxTest: %s, %d unknowns, condition number %.3g%n", s.title(), a.length, cond);
            assertTrue(cond < 1e9, s.title() + ": condition number " + cond);
        }
    }
}
