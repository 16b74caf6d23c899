package org.membranepnp.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChargeBalanceTest {
    /** Nodes 0…4 inside (face at 4), the membrane 4…6, outside 6…9. */
    private static final double[] X = {0, 10, 20, 25, 26, 28, 31, 32, 40, 60};

    @Test
    void theInsideChargeIsTheTrapezoidIntegralOfRhoUpToTheInsideFace() {
        double[] rho = {0, 0, 1e6, 2e6, 4e6, 0, -4e6, -1e6, 0, 0};
        Profiles p = new Profiles(X, new double[10], new double[1][10], rho, 4, 6);
        // ∫ρ dx = (0+0)/2·10 + (0+1e6)/2·10 + (1e6+2e6)/2·5 + (2e6+4e6)/2·1 nm, C/m³·nm
        double expected = (5e6 + 7.5e6 + 3e6) * 1e-9;
        assertEquals(expected, ChargeBalance.insideIonicChargeCPerM2(p), 1e-15);
    }

    @Test
    void theBulkElectroneutralityLooksOnlyBeyondTenDebyeLengths() {
        int[] z = {1, -1};
        double[][] c = new double[2][10];
        for (int k = 0; k < 10; k++) {
            c[0][k] = 100;
            c[1][k] = 100;
        }
        c[0][3] = 150; // within 10 λ_D = 10 nm of the inside face at 26: not bulk
        c[0][8] = 101; // 9 nm beyond the outside face at 31 with λ_D = 0.5 nm: bulk
        Profiles p = new Profiles(X, new double[10], c, new double[10], 4, 6);
        assertEquals(1.0 / 201, ChargeBalance.bulkElectroneutrality(p, z, 1.0, 0.5), 1e-15);
        assertEquals(0, ChargeBalance.bulkElectroneutrality(p, z, 1.0, 1.0), 0, "node 8 is within 10 nm too");
    }
}
