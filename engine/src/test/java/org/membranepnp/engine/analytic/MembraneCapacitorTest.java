package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MembraneCapacitorTest {
    @Test
    void lipidBilayerIsAboutOneMicrofarad() {
        double c = MembraneCapacitor.capacitanceUfPerCm2(5.6, 5);
        assertEquals(0.99, c, 0.005); // physics.md, two decimals
        assertEquals(100 * 8.8541878128e-12 * 5.6 / 5e-9, c, 1e-14);
    }

    @Test
    void diffuseLayersInSeries() {
        double debye = DebyeLength.nm(80, new int[] {1, -1}, new double[] {150, 150}, 310);
        double cd = MembraneCapacitor.diffuseLayerCapacitanceUfPerCm2(80, debye);
        assertEquals(90, cd, 5); // physics.md: "about 90"
        double cm = MembraneCapacitor.capacitanceUfPerCm2(5.6, 5);
        double series = MembraneCapacitor.seriesCapacitanceUfPerCm2(cm, cd, cd);
        assertEquals(1 / (1 / cm + 2 / cd), series, 1e-14);
        assertEquals(0.5, MembraneCapacitor.seriesCapacitanceUfPerCm2(1, 1, Double.POSITIVE_INFINITY), 1e-15);
        assertEquals(0.0, MembraneCapacitor.diffuseLayerCapacitanceUfPerCm2(80, Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void chargeAndIonCountsForASphericalCell() {
        double sigma = MembraneCapacitor.chargeCPerM2(1.0, -80);
        assertEquals(-8e-4, sigma, 1e-18); // 0.01 F/m² × 0.08 V
        double moved = MembraneCapacitor.ionsMovedOnSphere(sigma, 10, 1);
        assertEquals(6.3e6, moved, 0.05e6); // physics.md
        assertEquals(8e-4 * 4 * Math.PI * 1e-10 / 1.602176634e-19, moved, 1e-9 * moved);
        assertEquals(moved / 2, MembraneCapacitor.ionsMovedOnSphere(sigma, 10, -2), 1e-9);
        double inside = MembraneCapacitor.ionsInSphere(140, 10);
        assertEquals(3.5e11, inside, 0.05e11); // physics.md
        assertEquals(1.8e-5, moved / inside, 0.05e-5); // physics.md
    }

    @Test
    void timeConstant() {
        assertEquals(0.01, MembraneTimeConstant.tauS(1.0, 1.0), 1e-17);
        assertEquals(MembraneCapacitor.ufPerCm2ToFPerM2(2.5) / 0.3, MembraneTimeConstant.tauS(2.5, 0.3), 1e-16);
        assertEquals(3.0, MembraneCapacitor.fPerM2ToUfPerCm2(MembraneCapacitor.ufPerCm2ToFPerM2(3.0)), 1e-15);
    }
}
