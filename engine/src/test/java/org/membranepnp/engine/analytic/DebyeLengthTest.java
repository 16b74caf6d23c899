package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DebyeLengthTest {
    @Test
    void physiologicalSaline() {
        double l = DebyeLength.nm(80, new int[] {1, -1}, new double[] {150, 150}, 310);
        assertEquals(0.81, l, 0.005); // physics.md, two decimals
        double literal = 1e9 * Math.sqrt(8.8541878128e-12 * 80 * 8.314462618 * 310
                / (96485.33212 * 96485.33212 * 300));
        assertEquals(literal, l, 1e-12 * literal);
    }

    @Test
    void scaling() {
        int[] z = {1, -1};
        double l = DebyeLength.nm(80, z, new double[] {150, 150}, 310);
        assertEquals(2 * l, DebyeLength.nm(80, z, new double[] {37.5, 37.5}, 310), 1e-12);
        // 2:2 at the same concentration: Σ z²c four times larger
        assertEquals(l / 2, DebyeLength.nm(80, new int[] {2, -2}, new double[] {150, 150}, 310), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, DebyeLength.nm(80, z, new double[] {0, 0}, 310));
        assertEquals(Double.POSITIVE_INFINITY, DebyeLength.nm(80, new int[0], new double[0], 310));
    }

    /**
     * No ions, no screening: λ_D = +∞ whatever the medium, even where the formula's own ε_r R T / (F² Σ z²c) would be
     * 0/0 (T = 0 K, ε_r = 0).
     */
    @Test
    void noIonsMeansNoScreeningInAnyMedium() {
        int[] z = {1, -1};
        double[] none = {0, 0};
        assertEquals(Double.POSITIVE_INFINITY, DebyeLength.nm(80, z, none, 0.0));
        assertEquals(Double.POSITIVE_INFINITY, DebyeLength.nm(0.0, z, none, 310));
    }
}
