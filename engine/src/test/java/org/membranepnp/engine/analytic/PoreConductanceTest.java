package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoreConductanceTest {
    /** κ of 150 mM KCl at 298.15 K, S/m, by hand with the literal constants. */
    private static final double KAPPA = 96485.33212 * 96485.33212 / (8.314462618 * 298.15)
            * (1.96e-9 * 150 + 2.03e-9 * 150);
    private static final double RHO = 1 / KAPPA;

    @Test
    void fiveNanometrePoreIn150mMKcl() {
        double rho = BathResistivity.ohmMetre(new double[] {1.96e-9, 2.03e-9}, new int[] {1, -1},
                new double[] {150, 150}, 298.15);
        double g = PoreConductance.hallSiemens(rho, 5, 5);
        double a = 5e-9;
        double l = 5e-9;
        double expected = Math.PI * a * a * KAPPA / (l + Math.PI * a / 2);
        assertEquals(expected, g, 1e-12 * expected);
        assertEquals(13.7e-9, g, 0.05e-9); // about 13.7 nS
    }

    @Test
    void theConductanceIsTheBoreAndBothMouthsInSeries() {
        double a = 5e-9;
        double l = 5e-9;
        double access = PoreConductance.accessResistanceOhm(RHO, 5);
        double bore = PoreConductance.poreResistanceOhm(RHO, 5, 5);
        assertEquals(RHO / (2 * a), access, 1e-12 * access);
        assertEquals(RHO * l / (Math.PI * a * a), bore, 1e-12 * bore);
        double g = PoreConductance.hallSiemens(RHO, 5, 5);
        assertEquals(1 / (access + bore), g, 1e-12 * g);
    }

    @Test
    void aPoreWithoutLengthHasOnlyAccessResistance() {
        double a = 5e-9;
        double g = PoreConductance.hallSiemens(RHO, 0, 5);
        assertEquals(2 * a * KAPPA, g, 1e-12 * g);
        assertEquals(0, PoreConductance.poreResistanceOhm(RHO, 0, 5), 0);
    }

    @Test
    void aLongNarrowPoreApproachesItsBore() {
        // L = 1000 a: G / (π a² κ / L) = L / (L + π a / 2) = 1 / (1 + π / 2000)
        double a = 1e-9;
        double l = 1000e-9;
        double bore = Math.PI * a * a * KAPPA / l;
        double g = PoreConductance.hallSiemens(RHO, 1000, 1);
        assertEquals(1 / (1 + Math.PI / 2000), g / bore, 1e-12);
        assertEquals(1, g / bore, 2e-3);
    }

    @Test
    void aWideShortPoreApproachesItsMouths() {
        // a = 1000 L: G / (2 a κ) = (π a / 2) / (L + π a / 2) = 1 / (1 + 2 / (1000 π))
        double a = 1000e-9;
        double g = PoreConductance.hallSiemens(RHO, 1, 1000);
        assertEquals(1 / (1 + 2 / (1000 * Math.PI)), g / (2 * a * KAPPA), 1e-12);
    }
}
