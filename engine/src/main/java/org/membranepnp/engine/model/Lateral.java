package org.membranepnp.engine.model;

import java.util.List;

/**
 * The second dimension of a 2-D scenario: the slab's extent along the membrane (y) and the pores in it.
 * In the {@link LateralGeometry#PLANAR planar} geometry the walls at y = 0 and y = height are planes of mirror
 * symmetry (no flux, no field across them); in the {@link LateralGeometry#AXISYMMETRIC axisymmetric} geometry y is
 * the radius around the axis of the one pore (at y = 0) and the wall at y = height is a no-flux cylinder.
 *
 * @param heightNm  extent along the membrane, nm (0 in 1-D scenarios); the membrane disc's radius if axisymmetric
 * @param channels  the pores through the membrane (may be empty; exactly one, centred at 0, if axisymmetric)
 * @param geometry  how y is read (null: {@link LateralGeometry#PLANAR})
 * @param surfacePatches fixed charge on stretches of the membrane's faces, on top of their uniform charge (may be
 *                       empty)
 */
public record Lateral(double heightNm, List<Channel> channels, LateralGeometry geometry,
                      List<SurfacePatch> surfacePatches) {
    /** No second dimension (1-D scenarios). */
    public static final Lateral NONE = new Lateral(0.0, List.of());

    public Lateral {
        channels = channels == null ? List.of() : List.copyOf(channels);
        geometry = geometry == null ? LateralGeometry.PLANAR : geometry;
        surfacePatches = surfacePatches == null ? List.of() : List.copyOf(surfacePatches);
    }

    /** An extent along the membrane without surface patches. */
    public Lateral(double heightNm, List<Channel> channels, LateralGeometry geometry) {
        this(heightNm, channels, geometry, List.of());
    }

    /** A planar extent along the membrane. */
    public Lateral(double heightNm, List<Channel> channels) {
        this(heightNm, channels, LateralGeometry.PLANAR, List.of());
    }

    /**
     * The charge density of face {@code side} at y (nm), C/m²: the face's uniform charge {@code uniformCPerM2} plus
     * every surface patch of that face that covers y.
     */
    public double faceChargeCPerM2(MembraneSide side, double uniformCPerM2, double yNm) {
        double sigma = uniformCPerM2;
        for (SurfacePatch p : surfacePatches) {
            if (p.side() == side && p.covers(yNm)) {
                sigma += p.chargeCPerM2();
            }
        }
        return sigma;
    }

    /** True if y is the radius around the pore's axis. */
    public boolean axisymmetric() {
        return geometry == LateralGeometry.AXISYMMETRIC;
    }

    /**
     * The fraction of the membrane's area that pore {@code c} takes: planar w/H; axisymmetric (w/2)²/H², the
     * pore's disc (of diameter w) over the membrane's disc (of radius H). 0 if the height is not positive.
     */
    public double poreAreaFraction(Channel c) {
        if (heightNm <= 0) {
            return 0.0;
        }
        if (axisymmetric()) {
            double a = 0.5 * c.widthNm();
            return a * a / (heightNm * heightNm);
        }
        return c.widthNm() / heightNm;
    }

    /** Lower end of pore {@code c} along y, nm: planar its lower edge; axisymmetric 0 (the axis). */
    public double poreLowerNm(Channel c) {
        return axisymmetric() ? 0.0 : c.lowerNm();
    }

    /** Upper end of pore {@code c} along y, nm: planar its upper edge; axisymmetric its radius w/2. */
    public double poreUpperNm(Channel c) {
        return axisymmetric() ? 0.5 * c.widthNm() : c.upperNm();
    }
}
