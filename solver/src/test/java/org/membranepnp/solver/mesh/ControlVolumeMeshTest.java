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

    /**
     * Every face part belongs to an element that has its node as a corner; the membrane faces lie on lipid, and add
     * up to the lipid's area (H − w, or π(R² − a²)); the far wall is L (or 2πR·L).
     */
    @Test
    void facePartsLieOnTheirElementsAndAddUpToTheFaces() {
        for (LateralGeometry g : LateralGeometry.values()) {
            boolean axi = g == LateralGeometry.AXISYMMETRIC;
            ControlVolumeMesh mesh = build(g);
            int nx = mesh.nx();
            int ex = nx - 1;
            double[] sum = new double[BoundaryFace.values().length];
            for (int p = 0; p < mesh.facePartCount(); p++) {
                int k = mesh.facePartNode(p);
                int el = mesh.facePartElement(p);
                int i = el % ex;
                int j = el / ex;
                int ki = k % nx;
                int kj = k / nx;
                assertEquals(true, (ki == i || ki == i + 1) && (kj == j || kj == j + 1),
                        g + ": face part " + p + " of node " + k + " on element " + el);
                BoundaryFace f = mesh.facePartFace(p);
                if (f == BoundaryFace.MEMBRANE_INSIDE || f == BoundaryFace.MEMBRANE_OUTSIDE) {
                    assertEquals(Material.LIPID, mesh.material(el));
                    assertEquals(f == BoundaryFace.MEMBRANE_INSIDE ? mesh.membraneStartColumn()
                            : mesh.membraneEndColumn(), ki);
                }
                if (f == BoundaryFace.INSIDE_END) {
                    assertEquals(0, ki);
                }
                if (f == BoundaryFace.OUTSIDE_END) {
                    assertEquals(nx - 1, ki);
                }
                if (f == BoundaryFace.LATERAL_WALL) {
                    assertEquals(mesh.ny() - 1, kj);
                }
                sum[f.ordinal()] += mesh.facePartAreaNm(p);
                assertEquals(true, mesh.elementCenterYNm(el) > mesh.yNm(j * nx)
                        && mesh.elementCenterYNm(el) < mesh.yNm((j + 1) * nx));
            }
            // the pore: width 2 nm (planar) or diameter 2 nm (axisymmetric)
            double lipid = axi ? Math.PI * (64 - 1) : 8 - 2;
            assertEquals(lipid, sum[BoundaryFace.MEMBRANE_INSIDE.ordinal()], 1e-12 * lipid, g + " inside face");
            assertEquals(lipid, sum[BoundaryFace.MEMBRANE_OUTSIDE.ordinal()], 1e-12 * lipid, g + " outside face");
            double length = mesh.xNm(nx - 1);
            double wall = axi ? 2 * Math.PI * 8 * length : length;
            assertEquals(wall, sum[BoundaryFace.LATERAL_WALL.ordinal()], 1e-12 * wall, g + " far wall");
            for (BoundaryFace f : BoundaryFace.values()) {
                double perNode = 0;
                for (int k = 0; k < mesh.nodeCount(); k++) {
                    perNode += mesh.faceAreaNm(f, k);
                }
                assertEquals(sum[f.ordinal()], perNode, 1e-12 * perNode);
            }
        }
    }

    /** Every volume part's element has its node as a corner, and every face part of an edge both its nodes. */
    @Test
    void partsBelongToAdjacentElements() {
        for (LateralGeometry g : LateralGeometry.values()) {
            ControlVolumeMesh mesh = build(g);
            int nx = mesh.nx();
            for (int k = 0; k < mesh.nodeCount(); k++) {
                for (int p = mesh.nodePartStart(k); p < mesh.nodePartStart(k + 1); p++) {
                    assertEquals(true, corner(mesh, mesh.nodePartElement(p), k), g + " node " + k);
                }
            }
            for (int e = 0; e < mesh.edgeCount(); e++) {
                for (int p = mesh.edgePartStart(e); p < mesh.edgePartStart(e + 1); p++) {
                    int el = mesh.edgePartElement(p);
                    assertEquals(true, corner(mesh, el, mesh.edgeA(e)) && corner(mesh, el, mesh.edgeB(e)),
                            g + " edge " + e);
                }
            }
            assertEquals(true, nx > 2);
        }
    }

    private static boolean corner(ControlVolumeMesh mesh, int el, int k) {
        int ex = mesh.nx() - 1;
        int i = el % ex;
        int j = el / ex;
        int ki = k % mesh.nx();
        int kj = k / mesh.nx();
        return (ki == i || ki == i + 1) && (kj == j || kj == j + 1);
    }

    /** The chain: the discrete Laplacian of x² is 2 × the control volume, and every face part is on its node. */
    @Test
    void aChainIsExactToo() {
        Scenario s = patch(LateralGeometry.PLANAR);
        Mesh1D across = GradedMeshBuilder.plan(s, 2.0).build();
        ControlVolumeMesh chain = ChainMeshBuilder.build(across);
        double[] flux = new double[chain.nodeCount()];
        for (int e = 0; e < chain.edgeCount(); e++) {
            int a = chain.edgeA(e);
            int b = chain.edgeB(e);
            assertEquals(a + 1, b);
            double t = chain.edgePartFactorNm(chain.edgePartStart(e));
            flux[a] += t * (sq(chain.xNm(b)) - sq(chain.xNm(a)));
            flux[b] -= t * (sq(chain.xNm(b)) - sq(chain.xNm(a)));
        }
        for (int k = 1; k < chain.nodeCount() - 1; k++) {
            assertEquals(2 * chain.nodeVolumeNm(k), flux[k], 1e-9 * chain.nodeVolumeNm(k), "node " + k);
        }
        for (int p = 0; p < chain.facePartCount(); p++) {
            int k = chain.facePartNode(p);
            int el = chain.facePartElement(p);
            assertEquals(true, el == k || el == k - 1, "face part " + p);
            assertEquals(1.0, chain.facePartAreaNm(p), 0.0);
            if (chain.facePartFace(p) == BoundaryFace.MEMBRANE_INSIDE
                    || chain.facePartFace(p) == BoundaryFace.MEMBRANE_OUTSIDE) {
                assertEquals(Material.LIPID, chain.material(el));
            }
        }
        assertEquals(4, chain.facePartCount());
        assertEquals(0, chain.facePartNode(0));
        assertEquals(chain.nodeCount() - 1, chain.facePartNode(1));
        assertEquals(across.membraneStartNode(), chain.facePartNode(2));
        assertEquals(across.membraneEndNode(), chain.facePartNode(3));
    }

    private static double sq(double v) {
        return v * v;
    }
}
