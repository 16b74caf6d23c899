package org.membranepnp.solver.linalg;

import java.util.Arrays;
import org.membranepnp.solver.mesh.ControlVolumeMesh;

/**
 * Where the m × m blocks of a Jacobian on a {@link ControlVolumeMesh} live in the storage of a linear solver: slot k
 * (k &lt; n) is node k's diagonal block, slot n + q the block of incidence entry q (row: the node that owns q, column:
 * the other end of its edge). An assembler writes through the slots and so fills a {@link BlockTridiagonalMatrix}
 * (chains), a {@link BlockFivePointMatrix} (tensor patches) or a plain block-sparse array (any mesh) without knowing
 * which. Entry (r, c) of slot t is {@code array(t)[offset(t) + r·m + c]}.
 */
public final class BlockSlots {
    private final ControlVolumeMesh mesh;
    private final int m;
    private final double[][] array;
    private final int[] offset;

    private BlockSlots(ControlVolumeMesh mesh, int m, double[][] array, int[] offset) {
        this.mesh = mesh;
        this.m = m;
        this.array = array;
        this.offset = offset;
    }

    /** The slots of a block tridiagonal matrix on a chain mesh (edge e joins nodes e and e + 1). */
    public static BlockSlots of(BlockTridiagonalMatrix jac, ControlVolumeMesh mesh) {
        return tensor(mesh, jac.m, k -> jac, k -> k, null, null);
    }

    /** The slots of a block five-point matrix on a tensor-product mesh with the same nx × ny layout. */
    public static BlockSlots of(BlockFivePointMatrix jac, ControlVolumeMesh mesh) {
        if (jac.nx != mesh.nx() || jac.ny != mesh.ny()) {
            throw new IllegalArgumentException("matrix " + jac.nx + " × " + jac.ny + " does not fit mesh "
                    + mesh.nx() + " × " + mesh.ny());
        }
        int nx = mesh.nx();
        return tensor(mesh, jac.m, k -> jac.line(k / nx), k -> k % nx, jac.south, jac.north);
    }

    private static BlockSlots tensor(ControlVolumeMesh mesh, int m, java.util.function.IntFunction<BlockTridiagonalMatrix> line,
                                     java.util.function.IntUnaryOperator position, double[] south, double[] north) {
        int n = mesh.nodeCount();
        int nx = mesh.nx();
        int mm = m * m;
        double[][] array = new double[n + mesh.incidenceCount()][];
        int[] offset = new int[array.length];
        for (int k = 0; k < n; k++) {
            BlockTridiagonalMatrix l = line.apply(k);
            int i = position.applyAsInt(k);
            array[k] = l.diag;
            offset[k] = i * mm;
            for (int q = mesh.incidenceStart(k); q < mesh.incidenceStart(k + 1); q++) {
                int other = other(mesh, q, k);
                int t = n + q;
                if (other == k - 1) { // x-meshes have at least two columns: k − 1 is never the node below
                    array[t] = l.lower;
                    offset[t] = i * mm;
                } else if (other == k + 1) {
                    array[t] = l.upper;
                    offset[t] = i * mm;
                } else if (other == k - nx && south != null) {
                    array[t] = south;
                    offset[t] = k * mm;
                } else if (other == k + nx && north != null) {
                    array[t] = north;
                    offset[t] = k * mm;
                } else {
                    throw new IllegalArgumentException("edge " + mesh.incidentEdge(q) + " (" + k + "–" + other
                            + ") is not a neighbour of the matrix's layout");
                }
            }
        }
        return new BlockSlots(mesh, m, array, offset);
    }

    /** Block-sparse storage of its own for any mesh (one array, slot t at t·m²): the small-mesh reference. */
    public static BlockSlots sparse(ControlVolumeMesh mesh, int m) {
        int slots = mesh.nodeCount() + mesh.incidenceCount();
        double[] values = new double[slots * m * m];
        double[][] array = new double[slots][];
        int[] offset = new int[slots];
        for (int t = 0; t < slots; t++) {
            array[t] = values;
            offset[t] = t * m * m;
        }
        return new BlockSlots(mesh, m, array, offset);
    }

    /** The node at the other end of incidence entry q of node k. */
    public static int other(ControlVolumeMesh mesh, int q, int k) {
        int e = mesh.incidentEdge(q);
        int a = mesh.edgeA(e);
        return a == k ? mesh.edgeB(e) : a;
    }

    /** The array that holds slot t. */
    public double[] array(int t) {
        return array[t];
    }

    /** Offset of slot t's entry (0, 0) in {@link #array(int)}. */
    public int offset(int t) {
        return offset[t];
    }

    /** Sets the blocks of node rows [from, to) to 0. */
    public void clearRows(int from, int to) {
        int n = mesh.nodeCount();
        int mm = m * m;
        for (int k = from; k < to; k++) {
            Arrays.fill(array[k], offset[k], offset[k] + mm, 0.0);
            for (int q = mesh.incidenceStart(k); q < mesh.incidenceStart(k + 1); q++) {
                Arrays.fill(array[n + q], offset[n + q], offset[n + q] + mm, 0.0);
            }
        }
    }

    /** Zeroes row (node k, variable r) and puts {@code value} on its diagonal. */
    public void setIdentityRow(int k, int r, double value) {
        int n = mesh.nodeCount();
        Arrays.fill(array[k], offset[k] + r * m, offset[k] + (r + 1) * m, 0.0);
        for (int q = mesh.incidenceStart(k); q < mesh.incidenceStart(k + 1); q++) {
            int at = offset[n + q] + r * m;
            Arrays.fill(array[n + q], at, at + m, 0.0);
        }
        array[k][offset[k] + r * m + r] = value;
    }

    /** The matrix as a dense array [row][column] (rows and columns k·m + v), for tests on small meshes. */
    public double[][] toDense() {
        int n = mesh.nodeCount();
        double[][] a = new double[n * m][n * m];
        for (int k = 0; k < n; k++) {
            addBlock(a, k, k, k);
            for (int q = mesh.incidenceStart(k); q < mesh.incidenceStart(k + 1); q++) {
                addBlock(a, n + q, k, other(mesh, q, k));
            }
        }
        return a;
    }

    private void addBlock(double[][] a, int t, int row, int col) {
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                a[row * m + r][col * m + c] += array[t][offset[t] + r * m + c];
            }
        }
    }
}
