package org.membranepnp.solver.mesh;

/** What fills an element of the 2-D mesh. */
public enum Material {
    /** Water of the inside bath. */
    INSIDE,
    /** The lipid core of the membrane. */
    LIPID,
    /** Water in a pore through the membrane. */
    PORE,
    /** Water of the outside bath. */
    OUTSIDE;

    /** True for bath water (not the membrane). */
    public boolean isBath() {
        return this == INSIDE || this == OUTSIDE;
    }
}
