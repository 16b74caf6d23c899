package org.membranepnp.engine.model;

/**
 * Far-end boundary conditions and the electrical clamp.
 *
 * @param inside         what lies beyond the inside far end
 * @param outside        what lies beyond the outside far end
 * @param clamp          current clamp (default) or voltage clamp
 * @param currentAPerM2  with a current clamp: the outward current density injected at the inside end, A/m²
 * @param voltageMv      with a voltage clamp: φ(inside end) − φ(outside end), mV
 */
public record Boundary(BoundaryKind inside, BoundaryKind outside, ClampKind clamp,
                       double currentAPerM2, double voltageMv) {
}
