package org.membranepnp.engine.model;

/** One of the membrane's two faces. */
public enum MembraneSide {
    /** The face towards the inside bath (the cytoplasm). */
    INSIDE,
    /** The face towards the outside bath. */
    OUTSIDE
}
