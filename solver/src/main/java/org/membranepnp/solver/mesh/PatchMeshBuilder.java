package org.membranepnp.solver.mesh;

/**
 * The control-volume mesh of a 2-D patch ({@link Mesh2D}: x across the membrane, y along it), planar (per unit
 * depth, d = 2) or axisymmetric about the axis y = r = 0 (d = 3).
 *
 * <p>Element [x_i, x_{i+1}] × [y_j, y_{j+1}] (widths h_x, h_y) gives each corner node a quarter: h_x/2 times the
 * strip of its half of the element row, and each edge half of its face. With the strip measures
 * <pre>
 *   planar:        lower = upper = h_y / 2,                 line(y) = 1
 *   axisymmetric:  lower = π((y_j + h_y/2)² − y_j²),        upper = π(y_{j+1}² − (y_j + h_y/2)²),   line(y) = 2π y
 * </pre>
 * a corner's volume is (h_x/2)·strip, an x-edge's factor strip/h_x, a y-edge's (h_x/2)·line(y_j + h_y/2)/h_y.
 * These are the exact volumes and face areas of the control volumes (rectangles, or rings). The membrane faces' lipid
 * parts, both ends and the far wall y = H get their boundary areas the same way; y = 0 is a mirror plane (planar) or
 * the axis (axisymmetric), with no boundary term.
 */
public final class PatchMeshBuilder {
    private PatchMeshBuilder() {
    }

    /** The planar (per unit depth) or axisymmetric mesh of {@code mesh}. */
    public static ControlVolumeMesh build(Mesh2D mesh, boolean axisymmetric) {
        int nx = mesh.nx();
        int ny = mesh.ny();
        int ex = nx - 1;
        int ey = ny - 1;
        double[] xs = mesh.across().nodePositionsNm();
        double[] ys = mesh.yNodesNm();
        double[] x = new double[nx * ny];
        double[] y = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                x[j * nx + i] = xs[i];
                y[j * nx + i] = ys[j];
            }
        }
        Material[] material = new Material[ex * ey];
        int[] channel = new int[ex * ey];
        double[] centerY = new double[ex * ey];
        for (int j = 0; j < ey; j++) {
            for (int i = 0; i < ex; i++) {
                material[j * ex + i] = mesh.material(i, j);
                channel[j * ex + i] = mesh.channel(i, j);
                centerY[j * ex + i] = 0.5 * (ys[j] + ys[j + 1]);
            }
        }
        ControlVolumeMesh.Builder b = new ControlVolumeMesh.Builder(axisymmetric ? 3 : 2, nx, ny, x, y, material,
                channel, centerY);
        double[] lower = new double[ey];
        double[] upper = new double[ey];
        double[] mid = new double[ey];
        for (int j = 0; j < ey; j++) {
            double h = ys[j + 1] - ys[j];
            double c = ys[j] + 0.5 * h;
            lower[j] = axisymmetric ? Math.PI * (c * c - ys[j] * ys[j]) : 0.5 * h;
            upper[j] = axisymmetric ? Math.PI * (ys[j + 1] * ys[j + 1] - c * c) : 0.5 * h;
            mid[j] = axisymmetric ? 2 * Math.PI * c : 1.0;
        }
        // x-edges, numbered j·(nx − 1) + i
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < ex; i++) {
                int e = b.edge(j * nx + i, j * nx + i + 1);
                double hx = xs[i + 1] - xs[i];
                if (j > 0) {
                    b.edgePart(e, (j - 1) * ex + i, upper[j - 1] / hx);
                }
                if (j < ey) {
                    b.edgePart(e, j * ex + i, lower[j] / hx);
                }
            }
        }
        // y-edges, numbered (nx − 1)·ny + j·nx + i
        for (int j = 0; j < ey; j++) {
            double hy = ys[j + 1] - ys[j];
            for (int i = 0; i < nx; i++) {
                int e = b.edge(j * nx + i, (j + 1) * nx + i);
                if (i > 0) {
                    b.edgePart(e, j * ex + i - 1, 0.5 * (xs[i] - xs[i - 1]) * mid[j] / hy);
                }
                if (i < ex) {
                    b.edgePart(e, j * ex + i, 0.5 * (xs[i + 1] - xs[i]) * mid[j] / hy);
                }
            }
        }
        // control volumes: each element's quarters, corners in the order (i, j), (i + 1, j), (i, j + 1), (i + 1, j + 1)
        for (int j = 0; j < ey; j++) {
            for (int i = 0; i < ex; i++) {
                int el = j * ex + i;
                double half = 0.5 * (xs[i + 1] - xs[i]);
                b.nodePart(j * nx + i, el, half * lower[j]);
                b.nodePart(j * nx + i + 1, el, half * lower[j]);
                b.nodePart((j + 1) * nx + i, el, half * upper[j]);
                b.nodePart((j + 1) * nx + i + 1, el, half * upper[j]);
            }
        }
        // boundary faces
        int a = mesh.across().membraneStartNode();
        int bEnd = mesh.across().membraneEndNode();
        for (int j = 0; j < ey; j++) {
            int below = j * nx;
            int above = (j + 1) * nx;
            b.face(BoundaryFace.INSIDE_END, below, j * ex, lower[j]);
            b.face(BoundaryFace.INSIDE_END, above, j * ex, upper[j]);
            b.face(BoundaryFace.OUTSIDE_END, below + ex, j * ex + ex - 1, lower[j]);
            b.face(BoundaryFace.OUTSIDE_END, above + ex, j * ex + ex - 1, upper[j]);
            if (mesh.material(a, j) == Material.LIPID) {
                b.face(BoundaryFace.MEMBRANE_INSIDE, below + a, j * ex + a, lower[j]);
                b.face(BoundaryFace.MEMBRANE_INSIDE, above + a, j * ex + a, upper[j]);
            }
            if (mesh.material(bEnd - 1, j) == Material.LIPID) {
                b.face(BoundaryFace.MEMBRANE_OUTSIDE, below + bEnd, j * ex + bEnd - 1, lower[j]);
                b.face(BoundaryFace.MEMBRANE_OUTSIDE, above + bEnd, j * ex + bEnd - 1, upper[j]);
            }
        }
        double top = ys[ey];
        double wall = axisymmetric ? 2 * Math.PI * top : 1.0;
        for (int i = 0; i < ex; i++) {
            double half = 0.5 * (xs[i + 1] - xs[i]);
            b.face(BoundaryFace.LATERAL_WALL, ey * nx + i, (ey - 1) * ex + i, half * wall);
            b.face(BoundaryFace.LATERAL_WALL, ey * nx + i + 1, (ey - 1) * ex + i, half * wall);
        }
        double area = axisymmetric ? Math.PI * top * top : top; // y starts at 0: the mirror plane, or the axis
        b.membrane(a, bEnd, area);
        return b.build();
    }
}
