package org.membranepnp.engine.model;

/** How the second dimension (y) of a 2-D scenario is read: a plane along the membrane or a radius around a pore. */
public enum LateralGeometry {
    /**
     * y runs along the membrane; the walls at y = 0 and y = height are planes of mirror symmetry (no flux, no field
     * across them), and every volume, area, amount and current is per metre of depth (the third direction).
     */
    PLANAR,
    /**
     * y is the radius r around the axis of the one pore, at r = 0: the slab is a disc of radius height_nm, the
     * wall at r = height is a no-flux cylinder, and every volume and face area carries the factor 2πr.
     */
    AXISYMMETRIC
}
