package org.membranepnp.engine.model;

/**
 * What the user asks of the mesh.
 *
 * @param cells  approximate total number of cells; 0 chooses the default resolution
 */
public record MeshSpec(int cells) {
    /** The default: the resolution chosen for the validation accuracy. */
    public static final MeshSpec DEFAULT = new MeshSpec(0);
}
