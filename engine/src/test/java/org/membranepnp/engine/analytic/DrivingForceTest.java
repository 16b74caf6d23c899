package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrivingForceTest {
    @Test
    void drivingForceAndFreeEnergy() {
        double vm = -70;
        double eK = NernstPotential.mv(1, 4, 140, MammalianSet.T);
        double eNa = NernstPotential.mv(1, 145, 15, MammalianSet.T);
        assertEquals(vm - eK, DrivingForce.mv(vm, eK), 0.0);
        // K+ at -70 mV is pushed out: moving it in costs free energy; Na+ flows in spontaneously
        assertTrue(DrivingForce.deltaGJPerMol(1, vm, eK) > 0);
        assertTrue(DrivingForce.deltaGJPerMol(1, vm, eNa) < 0);
        assertEquals(96485.33212 * (vm - eNa) * 1e-3, DrivingForce.deltaGJPerMol(1, vm, eNa), 1e-9);
        assertEquals(-2 * 96485.33212 * 0.010, DrivingForce.deltaGJPerMol(-2, 5, -5), 1e-9);
    }

    @Test
    void zeroAtEquilibrium() {
        assertEquals(0.0, DrivingForce.deltaGJPerMol(2, 12.5, 12.5), 0.0);
    }
}
