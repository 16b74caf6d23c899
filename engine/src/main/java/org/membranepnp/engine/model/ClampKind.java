package org.membranepnp.engine.model;

/** The electrical condition across the slab. */
public enum ClampKind {
    /** A fixed current density is injected at the inside end (0: the free-running membrane). */
    CURRENT,
    /** A fixed potential difference between the two far ends (needs reservoirs on both sides). */
    VOLTAGE
}
