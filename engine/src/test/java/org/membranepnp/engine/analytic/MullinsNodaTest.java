package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.units.PhysicalConstants;

class MullinsNodaTest {
    private static final double T = MammalianSet.T;

    @Test
    void mammalianValueMatchesPhysicsMd() {
        double v = MullinsNoda.mv(1, 0.04, 140, 4, 15, 145, MullinsNoda.NA_K_PUMP_RATIO, T);
        assertEquals(-77.0, v, 0.05);
    }

    @Test
    void passiveFluxesBalanceTheThreeToTwoPump() {
        double pK = 1e-8;
        double pNa = 0.04e-8;
        double v = MullinsNoda.mv(pK, pNa, 140, 4, 15, 145, 1.5, T);
        double jK = GhkFlux.outwardMolPerM2S(1, pK, 140, 4, v, T);
        double jNa = GhkFlux.outwardMolPerM2S(1, pNa, 15, 145, v, T);
        // passive: K leaks out, Na leaks in, in the pump's 2 : 3 ratio
        assertEquals(-1.5, jNa / jK, 1e-12);
        // the pump (turnover φ = −J_Na/3, one net charge out per cycle) closes the current balance
        double pumpTurnover = -jNa / 3;
        double iPump = PhysicalConstants.FARADAY_C_PER_MOL * pumpTurnover;
        double root = GhkVoltage.mv(new int[] {1, 1}, new double[] {pK, pNa}, new double[] {140, 15},
                new double[] {4, 145}, T, iPump);
        assertEquals(v, root, 1e-9);
    }

    @Test
    void ratioOneIsTheGhkVoltage() {
        double ghk = GhkVoltage.monovalentClosedFormMv(new int[] {1, 1}, new double[] {1, 0.04},
                new double[] {140, 15}, new double[] {4, 145}, T);
        assertEquals(-71.2, ghk, 0.05);
        assertEquals(ghk, MullinsNoda.mv(1, 0.04, 140, 4, 15, 145, 1.0, T), 1e-12);
    }
}
