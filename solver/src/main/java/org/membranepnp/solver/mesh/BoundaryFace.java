package org.membranepnp.solver.mesh;

/** The faces of a {@link ControlVolumeMesh} on which boundary terms act. */
public enum BoundaryFace {
    /** The far end of the inside bath (x = 0): a reservoir with the inside electrode, or a wall. */
    INSIDE_END,
    /** The far end of the outside bath: a reservoir with the grounded electrode, or a wall. */
    OUTSIDE_END,
    /** The lipid part of the membrane's inside face: it carries the inside surface charge. */
    MEMBRANE_INSIDE,
    /** The lipid part of the membrane's outside face: it carries the outside surface charge. */
    MEMBRANE_OUTSIDE,
    /** The side of the patch away from its origin (y = H, or the cylinder r = R): no flux. */
    LATERAL_WALL
}
