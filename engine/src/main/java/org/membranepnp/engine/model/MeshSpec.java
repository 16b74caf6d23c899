package org.membranepnp.engine.model;

/**
 * What the user asks of the mesh.
 *
 * @param cells       approximate total number of cells; 0 chooses the default resolution
 * @param toleranceMv the target discretisation error of the membrane potential V_m, mV
 */
public record MeshSpec(int cells, double toleranceMv) {
    /** The target discretisation error of V_m when the scenario gives none, mV. */
    public static final double DEFAULT_TOLERANCE_MV = 1e-3;
    /** The default: the resolution chosen for the validation accuracy. */
    public static final MeshSpec DEFAULT = new MeshSpec(0);

    /** About {@code cells} cells (0: the default resolution) with the default tolerance. */
    public MeshSpec(int cells) {
        this(cells, DEFAULT_TOLERANCE_MV);
    }
}
