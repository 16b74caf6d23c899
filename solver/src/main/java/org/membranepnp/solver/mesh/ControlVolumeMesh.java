package org.membranepnp.solver.mesh;

import java.util.Arrays;

/**
 * The one geometry the numerics see: a vertex-centred control-volume mesh of nodes, edges and boundary faces, built
 * from elements that each hold one {@link Material}.
 *
 * <p>Every element gives each of its nodes a part of its volume and each of its edges a part of the face between
 * the edge's two control volumes (as the transmissibility factor face area / edge length). A node's volume and an
 * edge's transmissibility for a material property p (diffusivity, permittivity, partition) are the sums over these
 * parts, Σ p(element) · part, so coefficients jump exactly at material interfaces. Sizes are in nanometres to the
 * power of the {@link #dimension}: d = 1 for a chain (per unit membrane area), 2 for a planar patch (per unit depth),
 * 3 for an axisymmetric patch (volumes and faces carry the factor 2πr). Volume parts are nm^d, transmissibility parts
 * nm^(d−2), face areas nm^(d−1).
 *
 * <p>Tensor-product meshes number node (i, j) as k = j·nx + i (x across the membrane, contiguous); a chain is
 * nx = nodes, ny = 1. Edge e joins {@link #edgeA(int)} to {@link #edgeB(int)}, with x(A) ≤ x(B) and, for an edge along
 * the membrane, y(A) &lt; y(B). Immutable.
 */
public final class ControlVolumeMesh {
    private final int dimension;
    private final int nx;
    private final int ny;
    private final double[] xNm;
    private final double[] yNm;
    private final int[] edgeA;
    private final int[] edgeB;
    private final Material[] elementMaterial;
    private final int[] elementChannel;
    private final int[] nodePartStart;
    private final int[] nodePartElement;
    private final double[] nodePartVolume;
    private final int[] edgePartStart;
    private final int[] edgePartElement;
    private final double[] edgePartFactor;
    private final int[] incidenceStart;
    private final int[] incidenceEdge;
    private final double[][] faceArea;
    private final BoundaryFace[] facePartFace;
    private final int[] facePartNode;
    private final int[] facePartElement;
    private final double[] facePartArea;
    private final double[] elementCenterY;
    private final int membraneStartColumn;
    private final int membraneEndColumn;
    private final double membraneAreaNm;

    private ControlVolumeMesh(Builder b) {
        this.dimension = b.dimension;
        this.nx = b.nx;
        this.ny = b.ny;
        this.xNm = b.xNm;
        this.yNm = b.yNm;
        int n = xNm.length;
        int edges = b.edgeCount;
        this.edgeA = Arrays.copyOf(b.edgeA, edges);
        this.edgeB = Arrays.copyOf(b.edgeB, edges);
        this.elementMaterial = b.elementMaterial;
        this.elementChannel = b.elementChannel;
        // node parts, grouped by node (counting sort keeps the order of addition within a node)
        this.nodePartStart = new int[n + 1];
        for (int p = 0; p < b.nodeParts; p++) {
            nodePartStart[b.nodePartNode[p] + 1]++;
        }
        for (int k = 0; k < n; k++) {
            nodePartStart[k + 1] += nodePartStart[k];
        }
        this.nodePartElement = new int[b.nodeParts];
        this.nodePartVolume = new double[b.nodeParts];
        int[] fill = Arrays.copyOf(nodePartStart, n);
        for (int p = 0; p < b.nodeParts; p++) {
            int at = fill[b.nodePartNode[p]]++;
            nodePartElement[at] = b.nodePartElement[p];
            nodePartVolume[at] = b.nodePartVolume[p];
        }
        this.edgePartStart = new int[edges + 1];
        for (int p = 0; p < b.edgeParts; p++) {
            edgePartStart[b.edgePartEdge[p] + 1]++;
        }
        for (int e = 0; e < edges; e++) {
            edgePartStart[e + 1] += edgePartStart[e];
        }
        this.edgePartElement = new int[b.edgeParts];
        this.edgePartFactor = new double[b.edgeParts];
        fill = Arrays.copyOf(edgePartStart, edges);
        for (int p = 0; p < b.edgeParts; p++) {
            int at = fill[b.edgePartEdge[p]]++;
            edgePartElement[at] = b.edgePartElement[p];
            edgePartFactor[at] = b.edgePartFactor[p];
        }
        // incidence: each node's edges in increasing edge order
        this.incidenceStart = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            incidenceStart[edgeA[e] + 1]++;
            incidenceStart[edgeB[e] + 1]++;
        }
        for (int k = 0; k < n; k++) {
            incidenceStart[k + 1] += incidenceStart[k];
        }
        this.incidenceEdge = new int[2 * edges];
        fill = Arrays.copyOf(incidenceStart, n);
        for (int e = 0; e < edges; e++) {
            incidenceEdge[fill[edgeA[e]]++] = e;
            incidenceEdge[fill[edgeB[e]]++] = e;
        }
        this.faceArea = b.faceArea;
        this.facePartFace = Arrays.copyOf(b.facePartFace, b.faceParts);
        this.facePartNode = Arrays.copyOf(b.facePartNode, b.faceParts);
        this.facePartElement = Arrays.copyOf(b.facePartElement, b.faceParts);
        this.facePartArea = Arrays.copyOf(b.facePartArea, b.faceParts);
        this.elementCenterY = b.elementCenterY;
        this.membraneStartColumn = b.membraneStartColumn;
        this.membraneEndColumn = b.membraneEndColumn;
        this.membraneAreaNm = b.membraneAreaNm;
    }

    /** 1 (chain), 2 (planar patch) or 3 (axisymmetric patch): the power of nm in a volume. */
    public int dimension() {
        return dimension;
    }

    /** Nodes. */
    public int nodeCount() {
        return xNm.length;
    }

    /** Edges. */
    public int edgeCount() {
        return edgeA.length;
    }

    /** Elements. */
    public int elementCount() {
        return elementMaterial.length;
    }

    /** Node columns of the tensor layout (all nodes of a chain). */
    public int nx() {
        return nx;
    }

    /** Node rows of the tensor layout (1 for a chain). */
    public int ny() {
        return ny;
    }

    /** x of node k (across the membrane), nm. */
    public double xNm(int k) {
        return xNm[k];
    }

    /** y of node k (along the membrane; the radius in an axisymmetric patch), nm. */
    public double yNm(int k) {
        return yNm[k];
    }

    /** First node of edge e (the one with the smaller x, or smaller y). */
    public int edgeA(int e) {
        return edgeA[e];
    }

    /** Second node of edge e. */
    public int edgeB(int e) {
        return edgeB[e];
    }

    /** Material of element el. */
    public Material material(int el) {
        return elementMaterial[el];
    }

    /** The channel (index into the scenario's channels) element el lies in, or −1. */
    public int channel(int el) {
        return elementChannel[el];
    }

    /** First index of node k's volume parts; they end at {@code nodePartStart(k + 1)}. */
    public int nodePartStart(int k) {
        return nodePartStart[k];
    }

    /** The element of volume part p. */
    public int nodePartElement(int p) {
        return nodePartElement[p];
    }

    /** The volume of part p, nm^d. */
    public double nodePartVolumeNm(int p) {
        return nodePartVolume[p];
    }

    /** First index of edge e's face parts; they end at {@code edgePartStart(e + 1)}. */
    public int edgePartStart(int e) {
        return edgePartStart[e];
    }

    /** The element of face part p. */
    public int edgePartElement(int p) {
        return edgePartElement[p];
    }

    /** Face area / edge length of part p, nm^(d−2). */
    public double edgePartFactorNm(int p) {
        return edgePartFactor[p];
    }

    /** First index of node k's incident edges; they end at {@code incidenceStart(k + 1)}. */
    public int incidenceStart(int k) {
        return incidenceStart[k];
    }

    /** The edge at incidence index q. */
    public int incidentEdge(int q) {
        return incidenceEdge[q];
    }

    /** Number of incidence entries (twice the edges). */
    public int incidenceCount() {
        return incidenceEdge.length;
    }

    /** Area of boundary face {@code f} belonging to node k, nm^(d−1) (0 if none). */
    public double faceAreaNm(BoundaryFace f, int k) {
        return faceArea[f.ordinal()][k];
    }

    /** Number of boundary face parts: each a piece of a face that one element gives one node. */
    public int facePartCount() {
        return facePartFace.length;
    }

    /** The face of part p. */
    public BoundaryFace facePartFace(int p) {
        return facePartFace[p];
    }

    /** The node of face part p. */
    public int facePartNode(int p) {
        return facePartNode[p];
    }

    /** The element that face part p bounds. */
    public int facePartElement(int p) {
        return facePartElement[p];
    }

    /** The area of face part p, nm^(d−1). */
    public double facePartAreaNm(int p) {
        return facePartArea[p];
    }

    /** y of element el's centre, nm (0 in a chain). */
    public double elementCenterYNm(int el) {
        return elementCenterY[el];
    }

    /** Node column of the membrane's inside face (tensor layout). */
    public int membraneStartColumn() {
        return membraneStartColumn;
    }

    /** Node column of the membrane's outside face (tensor layout). */
    public int membraneEndColumn() {
        return membraneEndColumn;
    }

    /** The membrane's area, nm^(d−1): 1 for a chain, the height H of a planar patch, π R² of a disc. */
    public double membraneAreaNm() {
        return membraneAreaNm;
    }

    /** Total volume of node k's control volume, nm^d. */
    public double nodeVolumeNm(int k) {
        double v = 0;
        for (int p = nodePartStart[k]; p < nodePartStart[k + 1]; p++) {
            v += nodePartVolume[p];
        }
        return v;
    }

    /** Accumulates the parts of a mesh; the builders of each geometry use it. */
    static final class Builder {
        private final int dimension;
        private final int nx;
        private final int ny;
        private final double[] xNm;
        private final double[] yNm;
        private final Material[] elementMaterial;
        private final int[] elementChannel;
        private int[] edgeA = new int[16];
        private int[] edgeB = new int[16];
        private int edgeCount;
        private int[] nodePartNode = new int[16];
        private int[] nodePartElement = new int[16];
        private double[] nodePartVolume = new double[16];
        private int nodeParts;
        private int[] edgePartEdge = new int[16];
        private int[] edgePartElement = new int[16];
        private double[] edgePartFactor = new double[16];
        private int edgeParts;
        private final double[][] faceArea;
        private BoundaryFace[] facePartFace = new BoundaryFace[16];
        private int[] facePartNode = new int[16];
        private int[] facePartElement = new int[16];
        private double[] facePartArea = new double[16];
        private int faceParts;
        private final double[] elementCenterY;
        private int membraneStartColumn;
        private int membraneEndColumn;
        private double membraneAreaNm;

        Builder(int dimension, int nx, int ny, double[] xNm, double[] yNm, Material[] material, int[] channel,
                double[] elementCenterY) {
            this.elementCenterY = elementCenterY;
            this.dimension = dimension;
            this.nx = nx;
            this.ny = ny;
            this.xNm = xNm;
            this.yNm = yNm;
            this.elementMaterial = material;
            this.elementChannel = channel;
            this.faceArea = new double[BoundaryFace.values().length][xNm.length];
        }

        /** Adds edge a–b and returns its index. */
        int edge(int a, int b) {
            if (edgeCount == edgeA.length) {
                edgeA = Arrays.copyOf(edgeA, 2 * edgeCount);
                edgeB = Arrays.copyOf(edgeB, 2 * edgeCount);
            }
            edgeA[edgeCount] = a;
            edgeB[edgeCount] = b;
            return edgeCount++;
        }

        void nodePart(int node, int element, double volumeNm) {
            if (nodeParts == nodePartNode.length) {
                nodePartNode = Arrays.copyOf(nodePartNode, 2 * nodeParts);
                nodePartElement = Arrays.copyOf(nodePartElement, 2 * nodeParts);
                nodePartVolume = Arrays.copyOf(nodePartVolume, 2 * nodeParts);
            }
            nodePartNode[nodeParts] = node;
            nodePartElement[nodeParts] = element;
            nodePartVolume[nodeParts++] = volumeNm;
        }

        void edgePart(int edge, int element, double factorNm) {
            if (edgeParts == edgePartEdge.length) {
                edgePartEdge = Arrays.copyOf(edgePartEdge, 2 * edgeParts);
                edgePartElement = Arrays.copyOf(edgePartElement, 2 * edgeParts);
                edgePartFactor = Arrays.copyOf(edgePartFactor, 2 * edgeParts);
            }
            edgePartEdge[edgeParts] = edge;
            edgePartElement[edgeParts] = element;
            edgePartFactor[edgeParts++] = factorNm;
        }

        /** Adds the part of face f that element {@code element} gives node {@code node}. */
        void face(BoundaryFace f, int node, int element, double areaNm) {
            faceArea[f.ordinal()][node] += areaNm;
            if (faceParts == facePartFace.length) {
                facePartFace = Arrays.copyOf(facePartFace, 2 * faceParts);
                facePartNode = Arrays.copyOf(facePartNode, 2 * faceParts);
                facePartElement = Arrays.copyOf(facePartElement, 2 * faceParts);
                facePartArea = Arrays.copyOf(facePartArea, 2 * faceParts);
            }
            facePartFace[faceParts] = f;
            facePartNode[faceParts] = node;
            facePartElement[faceParts] = element;
            facePartArea[faceParts++] = areaNm;
        }

        void membrane(int startColumn, int endColumn, double areaNm) {
            this.membraneStartColumn = startColumn;
            this.membraneEndColumn = endColumn;
            this.membraneAreaNm = areaNm;
        }

        ControlVolumeMesh build() {
            return new ControlVolumeMesh(this);
        }
    }
}
