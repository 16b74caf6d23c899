package org.membranepnp.engine.analytic;

/**
 * Conductance of a cylindrical pore through a membrane between two baths of resistivity ρ (Hall 1975): the
 * resistance ρ L / (π a²) of the pore's bore in series with the access resistance ρ / (4 a) of each of its two
 * mouths, so G = π a² / (ρ (L + π a / 2)).
 */
public final class PoreConductance {
    private PoreConductance() {
    }

    /**
     * G = π a² / (ρ (L + π a / 2)), S: the bore and the access resistance of both mouths in series.
     *
     * @param resistivityOhmM resistivity ρ of the solution in and around the pore, Ω·m
     * @param lengthNm        pore length L (the membrane's thickness), nm
     * @param radiusNm        pore radius a, nm
     * @return G in S
     */
    public static double hallSiemens(double resistivityOhmM, double lengthNm, double radiusNm) {
        double l = lengthNm * 1e-9;
        double a = radiusNm * 1e-9;
        return Math.PI * a * a / (resistivityOhmM * (l + Math.PI * a / 2));
    }

    /**
     * ρ / (2 a), Ω: the access resistance of both mouths of a pore of radius a together (ρ / (4 a) each).
     *
     * @param resistivityOhmM resistivity ρ, Ω·m
     * @param radiusNm        pore radius a, nm
     * @return the access resistance in Ω
     */
    public static double accessResistanceOhm(double resistivityOhmM, double radiusNm) {
        return resistivityOhmM / (2 * radiusNm * 1e-9);
    }

    /**
     * ρ L / (π a²), Ω: the resistance of the pore's bore alone.
     *
     * @param resistivityOhmM resistivity ρ, Ω·m
     * @param lengthNm        pore length L, nm
     * @param radiusNm        pore radius a, nm
     * @return the bore's resistance in Ω
     */
    public static double poreResistanceOhm(double resistivityOhmM, double lengthNm, double radiusNm) {
        double a = radiusNm * 1e-9;
        return resistivityOhmM * lengthNm * 1e-9 / (Math.PI * a * a);
    }
}
