package org.membranepnp.engine.model;

/** What lies beyond a far end of the slab. */
public enum BoundaryKind {
    /** No flux: the bath is a closed compartment that keeps its amounts. */
    WALL,
    /** Fixed bulk concentrations: an infinite reservoir with an electrode. */
    RESERVOIR
}
