package org.membranepnp.solver.particles;

import java.util.List;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Scenario;

/**
 * The lipid membrane as an obstacle: the band x0 < x < x1 over all y is closed to every particle, except in the
 * pores, the bands lower_k ≤ y ≤ upper_k, which species k may enter if {@code permitted[k][species]}. The faces
 * themselves (x = x0, x = x1) are water.
 *
 * @param x0Nm       the inside face, nm
 * @param x1Nm       the outside face, nm (≥ x0)
 * @param lowerNm    lower y edge of each pore, nm
 * @param upperNm    upper y edge of each pore, nm
 * @param permitted  [pore][species]: may the species pass the pore
 */
public record MembraneWalls(double x0Nm, double x1Nm, double[] lowerNm, double[] upperNm, boolean[][] permitted)
        implements ParticleWalls {

    /**
     * @throws IllegalArgumentException if the faces or the pore arrays do not fit together
     */
    public MembraneWalls {
        if (!(x1Nm >= x0Nm)) {
            throw new IllegalArgumentException("membrane faces " + x0Nm + ", " + x1Nm + " nm are not in order");
        }
        if (lowerNm.length != upperNm.length || lowerNm.length != permitted.length) {
            throw new IllegalArgumentException("each pore needs a lower edge, an upper edge and its permissions");
        }
    }

    /** A membrane without pores between x0 and x1. */
    public static MembraneWalls closed(double x0Nm, double x1Nm) {
        return new MembraneWalls(x0Nm, x1Nm, new double[0], new double[0], new boolean[0][]);
    }

    /**
     * The membrane of {@code scenario}: faces at x0 = inside width, x1 = x0 + thickness (x = 0 at the inside far
     * end), the pores of its {@link Scenario#lateral()} channels, each open to the species with a permeability > 0
     * there. A 1-D scenario has no channels: no particle crosses (its permeation through the lipid, with partition
     * coefficient β ≪ 1, is not a particle path).
     */
    public static MembraneWalls of(Scenario scenario) {
        double x0 = scenario.inside().widthUm() * 1e3;
        double x1 = x0 + scenario.membrane().thicknessNm();
        List<Channel> channels = scenario.lateral().channels();
        int n = channels.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[][] ok = new boolean[n][scenario.speciesCount()];
        for (int k = 0; k < n; k++) {
            Channel c = channels.get(k);
            lo[k] = c.lowerNm();
            hi[k] = c.upperNm();
            for (int i = 0; i < scenario.speciesCount(); i++) {
                ok[k][i] = c.isPermeant(i);
            }
        }
        return new MembraneWalls(x0, x1, lo, hi, ok);
    }

    /** Inside the lipid (x0 < x < x1) only within a pore that lets {@code species} through. */
    @Override
    public boolean allowed(int species, double xNm, double yNm) {
        if (!(xNm > x0Nm && xNm < x1Nm)) {
            return true;
        }
        for (int k = 0; k < lowerNm.length; k++) {
            if (yNm >= lowerNm[k] && yNm <= upperNm[k] && permitted[k][species]) {
                return true;
            }
        }
        return false;
    }
}
