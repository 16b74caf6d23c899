package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BathResistivityTest {
    private static final double[] D_KCL = {1.96e-9, 2.03e-9};
    private static final int[] Z_KCL = {1, -1};

    @Test
    void potassiumChloride150mM() {
        double rho = BathResistivity.ohmMetre(D_KCL, Z_KCL, new double[] {150, 150}, 298.15);
        // κ = F²/(RT) (D_K c_K + D_Cl c_Cl), by hand with the literal constants
        double kappa = 96485.33212 * 96485.33212 / (8.314462618 * 298.15) * (1.96e-9 * 150 + 2.03e-9 * 150);
        assertEquals(2.25, kappa, 0.005);
        assertEquals(1 / kappa, rho, 1e-12 / kappa);
    }

    @Test
    void scaling() {
        double rho = BathResistivity.ohmMetre(D_KCL, Z_KCL, new double[] {150, 150}, 298.15);
        assertEquals(rho / 2, BathResistivity.ohmMetre(D_KCL, Z_KCL, new double[] {300, 300}, 298.15), 1e-12 * rho);
        // a 2:2 salt carries four times the current at the same concentrations
        assertEquals(rho / 4, BathResistivity.ohmMetre(D_KCL, new int[] {2, -2}, new double[] {150, 150}, 298.15),
                1e-12 * rho);
        // a neutral species carries nothing
        assertEquals(rho, BathResistivity.ohmMetre(new double[] {1.96e-9, 2.03e-9, 1e-9}, new int[] {1, -1, 0},
                new double[] {150, 150, 1000}, 298.15), 1e-12 * rho);
    }

    @Test
    void noIonsMeansInfiniteResistivity() {
        assertEquals(Double.POSITIVE_INFINITY, BathResistivity.ohmMetre(D_KCL, Z_KCL, new double[] {0, 0}, 298.15));
        assertEquals(Double.POSITIVE_INFINITY, BathResistivity.ohmMetre(new double[0], new int[0], new double[0], 298.15));
    }

    @Test
    void lengthsMustAgree() {
        assertThrows(IllegalArgumentException.class,
                () -> BathResistivity.ohmMetre(D_KCL, new int[] {1}, new double[] {150, 150}, 298.15));
    }
}
