package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NernstPotentialTest {
    private static final double T = MammalianSet.T;

    @Test
    void mammalianReversalPotentialsMatchPhysicsMd() {
        // physics.md quotes one decimal: tolerance 0.05 mV
        assertEquals(-95.0, NernstPotential.mv(1, 4, 140, T), 0.05);
        assertEquals(60.6, NernstPotential.mv(1, 145, 15, T), 0.05);
        assertEquals(-81.7, NernstPotential.mv(-1, 149, 7, T), 0.05);
    }

    @Test
    void matchesFormulaWithLiteralConstants() {
        double vtMv = 1e3 * 8.314462618 * T / 96485.33212;
        assertEquals(vtMv / 2 * Math.log(2.0 / 1e-4), NernstPotential.mv(2, 2.0, 1e-4, T), 1e-12);
        assertEquals(26.7267, vtMv, 1e-4); // physics.md
    }

    @Test
    void antisymmetricInSidesAndValence() {
        double e = NernstPotential.mv(1, 4, 140, T);
        assertEquals(-e, NernstPotential.mv(1, 140, 4, T), 1e-12);
        assertEquals(-e, NernstPotential.mv(-1, 4, 140, T), 1e-12);
        assertEquals(e / 2, NernstPotential.mv(2, 4, 140, T), 1e-12);
        assertEquals(0.0, NernstPotential.mv(1, 7, 7, T), 0.0);
    }

    @Test
    void nanWhenASideIsEmpty() {
        assertTrue(Double.isNaN(NernstPotential.mv(1, 0, 140, T)));
        assertTrue(Double.isNaN(NernstPotential.mv(1, 4, 0, T)));
        assertTrue(Double.isNaN(NernstPotential.mv(1, 0, 0, T)));
        assertThrows(IllegalArgumentException.class, () -> NernstPotential.mv(0, 1, 1, T));
    }
}
