package org.membranepnp.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.units.PhysicalConstants;

class NaKPumpTest {
    private static final double F = PhysicalConstants.FARADAY_C_PER_MOL;

    @Test
    void noPumpHasNoFlux() {
        assertEquals(0.0, NaKPump.NONE.cycleFluxMolPerM2S(15, 4), 0.0);
        assertEquals(0.0, new NaKPump(0.0, true, 1.5, 10, "Na", "K").cycleFluxMolPerM2S(15, 4), 0.0);
    }

    @Test
    void constantPumpRunsAtFullRateWhateverTheConcentrations() {
        NaKPump p = new NaKPump(NaKPump.turnoverForCurrent(5e-4), false, 1.5, 10, "Na", "K");
        for (double[] c : new double[][] {{15, 4}, {0, 0}, {1e3, 1e-6}}) {
            assertEquals(p.maxCycleFluxMolPerM2S(), p.cycleFluxMolPerM2S(c[0], c[1]), 0.0);
        }
        // I = F·J gives back the current the turnover was made from
        assertEquals(5e-4, F * p.cycleFluxMolPerM2S(15, 4), 1e-16);
    }

    @Test
    void maxFluxIsTurnoverOverAvogadroPerSquareMetre() {
        // 1 cycle per s per µm² = 1e12 cycles per s per m²
        NaKPump p = new NaKPump(1000, false, 1.5, 10, "Na", "K");
        assertEquals(1000 * 1e12 / PhysicalConstants.AVOGADRO_PER_MOL, p.cycleFluxMolPerM2S(15, 4), 1e-22);
    }

    @Test
    void saturatingPumpFollowsMichaelisMentenWithTwoKAndThreeNaSites() {
        NaKPump p = new NaKPump(3000, true, 1.5, 10, "Na", "K");
        double jMax = p.maxCycleFluxMolPerM2S();
        // at the half-saturation constants each site is half occupied: s = (1/2)² (1/2)³
        assertEquals(jMax / 32, p.cycleFluxMolPerM2S(10, 1.5), jMax * 1e-15);
        // s = (1 + K_K/[K]_out)^−2 · (1 + K_Na/[Na]_in)^−3 at the mammalian concentrations
        double s = Math.pow(1 + 1.5 / 4, -2) * Math.pow(1 + 10.0 / 15, -3);
        assertEquals(jMax * s, p.cycleFluxMolPerM2S(15, 4), jMax * 1e-15);
        assertEquals(0.11425, s, 1e-5);
        // saturates towards J_max, and grows with either concentration
        assertEquals(jMax, p.cycleFluxMolPerM2S(1e12, 1e12), jMax * 1e-9);
        assertTrue(p.cycleFluxMolPerM2S(20, 4) > p.cycleFluxMolPerM2S(15, 4));
        assertTrue(p.cycleFluxMolPerM2S(15, 5) > p.cycleFluxMolPerM2S(15, 4));
        // other constants
        NaKPump q = new NaKPump(3000, true, 3, 20, "Na", "K");
        assertEquals(jMax * Math.pow(4.0 / 7, 2) * Math.pow(15.0 / 35, 3), q.cycleFluxMolPerM2S(15, 4), jMax * 1e-15);
    }

    @Test
    void saturatingPumpStopsWithoutItsIons() {
        NaKPump p = new NaKPump(3000, true, 1.5, 10, "Na", "K");
        assertEquals(0.0, p.cycleFluxMolPerM2S(0, 4), 0.0);
        assertEquals(0.0, p.cycleFluxMolPerM2S(15, 0), 0.0);
        assertEquals(0.0, p.cycleFluxMolPerM2S(-1e-12, 4), 0.0);
        assertEquals(0.0, p.cycleFluxMolPerM2S(15, -1e-9), 0.0);
    }
}
