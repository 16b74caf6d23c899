package org.membranepnp.solver.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.LateralGeometry;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The three builders of the control-volume mesh against exact geometry: the control volumes tile the slab (L, L·H,
 * L·πR²), the end faces tile the membrane, and the discrete divergence of the gradient of a quadratic is exact
 * (∇²x² = 2, and in the axisymmetric patch ∇²r² = (1/r)(r·2r)' = 4), node by node.
 */
class ControlVolumeMeshTest {

    private static Scenario patch(LateralGeometry g) {
        Channel pore = new Channel("pore", g == LateralGeometry.AXISYMMETRIC ? 0 : 4, 2, 80,
                new double[] {1, 0, 0, 0});
        return ReferenceScenarios.plane(ReferenceScenarios.neuronRest(), 0.01, 8, List.of())
                .withLateral(new Lateral(8, List.of(pore), g));
    }

    private static ControlVolumeMesh build(LateralGeometry g) {
        Scenario s = patch(g);
        Mesh1D across = GradedMeshBuilder.plan(s, 2.0).build();
        double[] y = LateralMeshBuilder.build(s.lateral(), 0.8, 2.0);
        return PatchMeshBuilder.build(new Mesh2D(across, y, s.lateral()), g == LateralGeometry.AXISYMMETRIC);
    }

    @Test
    void controlVolumesAndEndFacesTileTheSlab() {
        Scenario s = patch(LateralGeometry.PLANAR);
        Mesh1D across = GradedMeshBuilder.plan(s, 2.0).build();
        double length = across.xNm(across.nodeCount() - 1);
        ControlVolumeMesh chain = ChainMeshBuilder.build(across);
        ControlVolumeMesh planar = build(LateralGeometry.PLANAR);
        ControlVolumeMesh disc = build(LateralGeometry.AXISYMMETRIC);
        double[] expected = {length, length * 8, length * Math.PI * 64};
        ControlVolumeMesh[] meshes = {chain, planar, disc};
        double[] area = {1, 8, Math.PI * 64};
        for (int g = 0; g < 3; g++) {
            ControlVolumeMesh mesh = meshes[g];
            double total = 0;
            double in = 0;
            double out = 0;
            for (int k = 0; k < mesh.nodeCount(); k++) {
                total += mesh.nodeVolumeNm(k);
                in += mesh.faceAreaNm(BoundaryFace.INSIDE_END, k);
                out += mesh.faceAreaNm(BoundaryFace.OUTSIDE_END, k);
            }
            assertEquals(expected[g], total, 1e-12 * expected[g], "volume, builder " + g);
            assertEquals(area[g], in, 1e-12 * area[g], "inside end, builder " + g);
            assertEquals(area[g], out, 1e-12 * area[g], "outside end, builder " + g);
            assertEquals(area[g], mesh.membraneAreaNm(), 1e-12 * area[g]);
        }
    }

    @Test
    void theLaplacianOfAQuadraticIsExactAtEveryInteriorNode() {
        for (LateralGeometry g : LateralGeometry.values()) {
            ControlVolumeMesh mesh = build(g);
            boolean axi = g == LateralGeometry.AXISYMMETRIC;
            for (int field = 0; field < 2; field++) {
                // x² everywhere (∇² = 2); y² (planar: 2) or r² (axisymmetric: 4)
                double laplacian = field == 0 ? 2 : axi ? 4 : 2;
                double[] flux = new double[mesh.nodeCount()];
                for (int e = 0; e < mesh.edgeCount(); e++) {
                    int a = mesh.edgeA(e);
                    int b = mesh.edgeB(e);
                    double t = 0;
                    for (int p = mesh.edgePartStart(e); p < mesh.edgePartStart(e + 1); p++) {
                        t += mesh.edgePartFactorNm(p);
                    }
                    double va = field == 0 ? sq(mesh.xNm(a)) : sq(mesh.yNm(a));
                    double vb = field == 0 ? sq(mesh.xNm(b)) : sq(mesh.yNm(b));
                    flux[a] += t * (vb - va);
                    flux[b] -= t * (vb - va);
                }
                int checked = 0;
                for (int k = 0; k < mesh.nodeCount(); k++) {
                    boolean boundary = mesh.faceAreaNm(BoundaryFace.INSIDE_END, k) > 0
                            || mesh.faceAreaNm(BoundaryFace.OUTSIDE_END, k) > 0
                            || mesh.faceAreaNm(BoundaryFace.LATERAL_WALL, k) > 0
                            || (!axi && mesh.yNm(k) == 0.0); // the mirror plane y = 0 (the axis r = 0 is interior)
                    if (boundary) {
                        continue;
                    }
                    double v = mesh.nodeVolumeNm(k);
                    assertEquals(laplacian * v, flux[k], 1e-9 * laplacian * v + 1e-9,
                            g + " field " + field + " node " + k);
                    checked++;
                }
                assertEquals(true, checked > 100);
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
