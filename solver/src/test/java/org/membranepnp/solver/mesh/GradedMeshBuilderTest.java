package org.membranepnp.solver.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.validation.ReferenceScenarios;

class GradedMeshBuilderTest {
    private final Scenario neuron = ReferenceScenarios.neuronRest();

    @Test
    void facesAreNodesAndCellsResolveTheDebyeLayer() {
        Mesh1D mesh = GradedMeshBuilder.build(neuron);
        double lambda = DebyeLength.nm(80, neuron.charges(), neuron.inside().concentrationsMm(), 310.15);
        assertEquals(1000.0, mesh.xNm(mesh.membraneStartNode()), 1e-9);
        assertEquals(1005.0, mesh.xNm(mesh.membraneEndNode()), 1e-9);
        assertEquals(2005.0, mesh.xNm(mesh.nodeCount() - 1), 1e-9);
        int a = mesh.membraneStartNode();
        // the first cell is h_f = λ/12 stretched by at most one growth step (the map is exponential)
        double faceCell = lambda / GradedMeshBuilder.CELLS_PER_DEBYE_AT_FACE;
        assertTrue(mesh.cellLengthNm(a - 1) <= faceCell * (1 + GradedMeshBuilder.GROWTH_PER_CELL),
                "face cell " + mesh.cellLengthNm(a - 1) + " nm, λ/12 = " + faceCell);
        for (int j = 0; j < mesh.cellCount(); j++) {
            assertTrue(mesh.cellLengthNm(j) > 0);
            Region r = j < a ? Region.INSIDE : j < mesh.membraneEndNode() ? Region.MEMBRANE : Region.OUTSIDE;
            assertEquals(r, mesh.cellRegion(j));
        }
        // graded: consecutive bath cells grow by at most the growth factor (plus rounding of the cell count)
        for (int j = 1; j < a; j++) {
            double ratio = mesh.cellLengthNm(j - 1) / mesh.cellLengthNm(j);
            assertTrue(ratio < 1 + 1.1 * GradedMeshBuilder.GROWTH_PER_CELL, "ratio " + ratio);
        }
    }

    @Test
    void refinementHalvesEveryCell() {
        Mesh1D coarse = GradedMeshBuilder.build(neuron);
        Mesh1D fine = coarse.refined();
        assertEquals(2 * coarse.cellCount(), fine.cellCount());
        for (int k = 0; k < coarse.nodeCount(); k++) {
            assertEquals(coarse.xNm(k), fine.xNm(2 * k), 1e-9 * (1 + coarse.xNm(k)));
        }
        for (int j = 0; j < coarse.cellCount(); j++) {
            double ratio = fine.cellLengthNm(2 * j) / coarse.cellLengthNm(j);
            assertTrue(ratio > 0.45 && ratio < 0.55, "cell " + j + " split at " + ratio);
        }
    }

    @Test
    void requestedCellCountIsApproximatelyHonoured() {
        for (int cells : new int[]{1000, 20000}) {
            Mesh1D mesh = GradedMeshBuilder.build(neuron.withMesh(new MeshSpec(cells)));
            assertEquals(cells, mesh.cellCount(), 0.02 * cells);
        }
    }

    @Test
    void tooCoarseAMeshIsRefusedWithTheMinimum() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> GradedMeshBuilder.build(neuron.withMesh(new MeshSpec(40))));
        assertTrue(e.getMessage().contains("mesh.cells = 40"), e.getMessage());
        assertTrue(e.getMessage().contains("at least"), e.getMessage());
    }
}
