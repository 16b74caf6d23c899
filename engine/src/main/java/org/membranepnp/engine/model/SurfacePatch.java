package org.membranepnp.engine.model;

/**
 * Fixed charge on a stretch of one membrane face (2-D scenarios), on top of that face's uniform surface charge:
 * {@code [[surface_patch]]}. It lies on the lipid only (a pore has no face), between {@code fromNm} and
 * {@code toNm} along y (in an axisymmetric patch, the ring between those radii).
 *
 * @param side         the face: the inside or the outside one
 * @param fromNm       where the patch starts along y, nm (0 ≤ from &lt; to)
 * @param toNm         where it ends, nm (≤ the lateral height)
 * @param chargeCPerM2 its charge density, C/m² (negative for acidic lipids)
 */
public record SurfacePatch(MembraneSide side, double fromNm, double toNm, double chargeCPerM2) {

    /** True if y (nm) lies inside the patch. */
    public boolean covers(double yNm) {
        return yNm > fromNm && yNm < toNm;
    }
}
