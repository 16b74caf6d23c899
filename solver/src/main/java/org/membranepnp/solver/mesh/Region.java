package org.membranepnp.solver.mesh;

/** The three layers of the slab, in order along x. */
public enum Region {
    INSIDE, MEMBRANE, OUTSIDE
}
