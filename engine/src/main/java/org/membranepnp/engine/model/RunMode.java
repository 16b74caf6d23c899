package org.membranepnp.engine.model;

/** Steady state or time course. */
public enum RunMode {
    STEADY, TRANSIENT
}
