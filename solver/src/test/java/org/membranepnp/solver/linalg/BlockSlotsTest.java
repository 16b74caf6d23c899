package org.membranepnp.solver.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.ControlVolumeMesh;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.LateralMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.mesh.Mesh2D;
import org.membranepnp.solver.mesh.PatchMeshBuilder;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The same assembly through the slots of a block tridiagonal matrix (chain), of a block five-point matrix (patch) and
 * of the plain block-sparse storage gives the same matrix; the matrices multiply as their dense forms.
 */
class BlockSlotsTest {

    private static Scenario patch() {
        Channel pore = new Channel("pore", 3, 2, 80, new double[] {1, 0, 0, 0});
        return ReferenceScenarios.plane(ReferenceScenarios.neuronRest(), 0.01, 6, List.of())
                .withLateral(new Lateral(6, List.of(pore)));
    }

    private static double[] state(PnpModel model, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] u = new double[model.n * model.m];
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? rnd.nextDouble(-2, 2) : rnd.nextDouble(0.1, 1) * 100 / model.scales.concentrationMolPerM3;
        }
        return u;
    }

    @Test
    void aChainAssemblesIntoTheBlockTridiagonalMatrix() {
        Scenario s = ReferenceScenarios.neuronRest();
        Mesh1D across = GradedMeshBuilder.plan(s, 4.0).build();
        ControlVolumeMesh mesh = ChainMeshBuilder.build(across);
        PnpModel model = new PnpModel(s, mesh);
        double[] u = state(model, 1);
        BlockTridiagonalMatrix tri = new BlockTridiagonalMatrix(model.n, model.m);
        BlockSlots viaTri = BlockSlots.of(tri, mesh);
        BlockSlots sparse = BlockSlots.sparse(mesh, model.m);
        PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
        double[] r = new double[u.length];
        asm.assemble(u, u, 2.0, r, viaTri);
        asm.assemble(u, u, 2.0, r, sparse);
        double[][] a = sparse.toDense();
        assertDeepEquals(a, viaTri.toDense());
        double[] y = new double[u.length];
        tri.multiply(u, y);
        assertArrayEquals(times(a, u), y, 1e-9 * norm(y));
    }

    @Test
    void aPatchAssemblesIntoTheBlockFivePointMatrix() {
        Scenario s = patch();
        Mesh1D across = GradedMeshBuilder.plan(s, 4.0).build();
        ControlVolumeMesh mesh = PatchMeshBuilder.build(new Mesh2D(across,
                LateralMeshBuilder.build(s.lateral(), 0.8, 4.0), s.lateral()), false);
        PnpModel model = new PnpModel(s, mesh);
        double[] u = state(model, 2);
        BlockFivePointMatrix five = new BlockFivePointMatrix(model.nx, model.ny, model.m);
        BlockSlots viaFive = BlockSlots.of(five, mesh);
        BlockSlots sparse = BlockSlots.sparse(mesh, model.m);
        try (WorkerPool pool = WorkerPool.create(2)) {
            PnpAssembler asm = new PnpAssembler(model, pool);
            double[] r = new double[u.length];
            asm.assemble(u, u, 0.0, r, viaFive);
            asm.assemble(u, u, 0.0, r, sparse);
        }
        double[][] a = sparse.toDense();
        assertDeepEquals(a, viaFive.toDense());
        double[] y = new double[u.length];
        five.multiply(u, y, 0, model.ny);
        assertArrayEquals(times(a, u), y, 1e-9 * norm(y));
        assertThrows(IllegalArgumentException.class,
                () -> BlockSlots.of(new BlockFivePointMatrix(model.nx + 1, model.ny, model.m), mesh));
    }

    private static void assertDeepEquals(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, "row " + i);
        }
    }

    private static double[] times(double[][] a, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += a[i][j] * x[j];
            }
        }
        return y;
    }

    private static double norm(double[] y) {
        double s = 0;
        for (double v : y) {
            s = Math.max(s, Math.abs(v));
        }
        return s;
    }
}
