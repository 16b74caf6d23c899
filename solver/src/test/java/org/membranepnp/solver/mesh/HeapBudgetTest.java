package org.membranepnp.solver.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.MembranePlaneSolver;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** The memory estimate of a solve, and the one-line refusal of a mesh too large for the heap. */
class HeapBudgetTest {
    private static final long MB = 1 << 20;
    private static final long GB = 1 << 30;

    @Test
    void slabCountsBlocksVectorsAndTheBase() {
        // 999 cells: 1000 nodes; 4 species: m = 5; 8 bytes × 1000 × (6·25 + 20·5 + 10) + 64 MB
        HeapBudget b = HeapBudget.slab(999, 999, 4);
        assertEquals(8L * 1000 * 260 + 64 * MB, b.bytes());
        assertEquals(1000L * 25, b.largestArray());
        assertEquals(999, b.meshCells());
    }

    @Test
    void planeCountsMultigridAndGmres() {
        // 11 × 21 nodes, 2 species: m = 3; 8 × 231 × (20·9 + 80·3 + 10) + 64 MB
        HeapBudget b = HeapBudget.plane(0, 11, 21, 2);
        assertEquals(8L * 231 * 430 + 64 * MB, b.bytes());
        assertEquals(10L * 20, b.meshCells());
    }

    @Test
    void aSolveThatFitsPasses() {
        HeapBudget b = HeapBudget.slab(2000, 2000, 4);
        b.check(b.bytes());
        b.check(GB);
    }

    @Test
    void tooLargeForTheHeapNamesCellsMemoryHeapAndTheWayOut() {
        // 4e6 cells, 4 species: 8 × 4000001 × 260 B = 7.75 GB + 64 MB
        HeapBudget b = HeapBudget.slab(4_000_000, 4_000_000, 4);
        UserInputException e = assertThrows(UserInputException.class, () -> b.check(2 * GB));
        assertEquals("mesh.cells = 4000000 needs about 7.8 GB of memory, more than the Java heap of 2.0 GB; use fewer "
                + "cells (at most about 1000000), or give Java more memory, e.g. PNP_JAVA_OPTS=-Xmx10g ./pnp …",
                e.getMessage());
        UserInputException automatic = assertThrows(UserInputException.class,
                () -> HeapBudget.slab(0, 300_000, 4).check(256 * MB));
        assertTrue(automatic.getMessage().startsWith("mesh.cells (automatic: 300000 cells) needs about 0.6 GB of memory, "
                + "more than the Java heap of 0.3 GB; use fewer cells (at most about 96000)"), automatic.getMessage());
    }

    @Test
    void blocksLargerThanAJavaArrayAreRefusedWhateverTheHeap() {
        // 2-D, 5e6 nodes, 20 species: 5e6 × 441 = 2.2e9 numbers in one block array
        HeapBudget b = HeapBudget.plane(5_000_000, 2001, 2500, 20);
        UserInputException e = assertThrows(UserInputException.class, () -> b.check(Long.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("mesh.cells = 5000000 needs arrays of 2.21e+09 numbers, more than a Java "
                + "array can hold (2147483639); use at most about 4800000 cells"), e.getMessage());
    }

    @Test
    void theBudgetFollowsTheMeshThatWouldBeBuilt() {
        Scenario s = ReferenceScenarios.neuronRest().withMesh(new MeshSpec(3000));
        HeapBudget b = GradedMeshBuilder.budget(s);
        assertEquals(GradedMeshBuilder.build(s).cellCount(), b.meshCells());
        assertEquals(3000, b.cells());
        assertEquals(b, Simulation.heapBudget(s));
        Scenario pore = ReferenceScenarios.potassiumPore().withMesh(new MeshSpec(1500));
        HeapBudget plane = MembranePlaneSolver.budget(pore);
        assertEquals(plane, Simulation.heapBudget(pore));
        assertTrue(Math.abs(plane.meshCells() - 1500) < 300, "2-D cells " + plane.meshCells());
    }

    @Test
    void aHugeMeshIsRefusedBeforeAnythingIsAllocated() {
        // 5e6 cells of a 1-D slab with 4 species need about 10 GB; the check runs before the mesh is built
        Scenario s = ReferenceScenarios.neuronRest().withMesh(new MeshSpec(5_000_000));
        HeapBudget b = GradedMeshBuilder.budget(s);
        if (b.bytes() > Runtime.getRuntime().maxMemory()) {
            UserInputException e = assertThrows(UserInputException.class, () -> GradedMeshBuilder.build(s));
            assertTrue(e.getMessage().startsWith("mesh.cells = 5000000 needs about "), e.getMessage());
        }
    }
}
