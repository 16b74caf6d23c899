package org.membranepnp.solver.mesh;

import java.util.Locale;
import org.membranepnp.engine.UserInputException;

/**
 * Whether the arrays of a solve fit in the Java heap, checked from the mesh size alone before any of them is
 * allocated, so that a mesh too large for the heap is bad input (one line naming mesh.cells) rather than an
 * {@link OutOfMemoryError}.
 *
 * <p>A mesh of N nodes with m = 1 + species unknowns per node (ψ and the concentrations) costs, in doubles:
 * <ul>
 *   <li>1-D: 6·N·m² for the block tridiagonal Newton matrix (lower, diagonal, upper blocks), its LU (Schur blocks
 *       and X blocks) and spare, plus 20·N·m for the state, residual, update, constraint columns and the results,
 *       plus 10·N for the mesh and the fluxes;</li>
 *   <li>2-D: 20·N·m² for the block five-point Jacobian (5), the x-line and y-line LU factors of the smoother (7)
 *       and the coarser multigrid levels (about one more finest level's worth, 7), plus 80·N·m for the GMRES
 *       restart vectors ({@code RESTART} + 1 = 61) and the Newton and multigrid work vectors, plus 10·N.</li>
 * </ul>
 * Every figure is rounded up; {@value #BASE_MB} MB more are kept for the program itself. A block array of N·m²
 * doubles must also fit in one Java array (at most 2³¹ − 1 elements, which its int indices assume).
 *
 * @param cells          the requested mesh.cells (0: automatic)
 * @param meshCells      the cells of the mesh that would be built
 * @param bytes          the estimated memory of the solve
 * @param largestArray   the elements of its largest array (N·m²)
 */
public record HeapBudget(int cells, long meshCells, long bytes, long largestArray) {
    /** Heap kept for everything that does not grow with the mesh, MB. */
    public static final long BASE_MB = 64;
    private static final long BASE_BYTES = BASE_MB << 20;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;
    private static final double GB = 1 << 30;
    /** The fewest cells worth suggesting (the fewest mesh.cells allows). */
    private static final long MIN_CELLS = 40;

    /** The budget of a 1-D solve on {@code meshCells} cells (meshCells + 1 nodes) with {@code species} species. */
    public static HeapBudget slab(int requestedCells, long meshCells, int species) {
        long nodes = meshCells + 1;
        long m = species + 1L;
        return new HeapBudget(requestedCells, meshCells, doubles(nodes, m, 6, 20), nodes * m * m);
    }

    /** The budget of a 2-D solve on {@code nx × ny} nodes with {@code species} species. */
    public static HeapBudget plane(int requestedCells, long nx, long ny, int species) {
        long nodes = nx * ny;
        long m = species + 1L;
        return new HeapBudget(requestedCells, (nx - 1) * (ny - 1), doubles(nodes, m, 20, 80), nodes * m * m);
    }

    /** 8 bytes × N (a·m² + b·m + 10) + the base, saturating instead of overflowing. */
    private static long doubles(long nodes, long m, long perBlock, long perVector) {
        double doubles = (double) nodes * (perBlock * m * m + perVector * m + 10);
        return (long) Math.min(Long.MAX_VALUE / 2.0, 8 * doubles) + BASE_BYTES;
    }

    /**
     * The budget of a steady solve with its discretisation error estimate: the solve on the nested mesh with every
     * cell halved (twice the nodes) while the coarser solution is kept, counted as three times the mesh-dependent
     * memory.
     */
    public HeapBudget withRefinement() {
        return new HeapBudget(cells, meshCells, 3 * (bytes - BASE_BYTES) + BASE_BYTES, 2 * largestArray);
    }

    /** Checks against the heap of this JVM ({@link Runtime#maxMemory}). */
    public void check() {
        check(Runtime.getRuntime().maxMemory());
    }

    /**
     * @throws UserInputException naming mesh.cells, the estimate and {@code heapBytes}, and what to do, if the solve
     *                            would not fit
     */
    public void check(long heapBytes) {
        String subject = cells > 0 ? "mesh.cells = " + cells : "mesh.cells (automatic: " + meshCells + " cells)";
        if (largestArray > MAX_ARRAY) {
            throw new UserInputException(String.format(Locale.ROOT, "%s needs arrays of %.3g numbers, more than a Java "
                    + "array can hold (%d); use at most about %d cells", subject, (double) largestArray, MAX_ARRAY,
                    twoDigits(meshCells * ((double) MAX_ARRAY / largestArray))));
        }
        if (bytes > heapBytes) {
            long fitting = twoDigits(meshCells * Math.max(0.0, (double) (heapBytes - BASE_BYTES) / (bytes - BASE_BYTES)));
            String fewer = fitting >= MIN_CELLS ? "use fewer cells (at most about " + fitting + "), or " : "";
            throw new UserInputException(String.format(Locale.ROOT, "%s needs about %.1f GB of memory, more than the "
                    + "Java heap of %.1f GB; %sgive Java more memory, e.g. PNP_JAVA_OPTS=-Xmx%dg ./pnp …", subject,
                    bytes / GB, heapBytes / GB, fewer, (long) Math.ceil(1.25 * bytes / GB)));
        }
    }

    /** {@code x} rounded down to two significant digits: 225846 → 220000. */
    private static long twoDigits(double x) {
        if (x < 100) {
            return (long) x;
        }
        double unit = Math.pow(10, Math.floor(Math.log10(x)) - 1);
        return (long) (Math.floor(x / unit) * unit);
    }
}
