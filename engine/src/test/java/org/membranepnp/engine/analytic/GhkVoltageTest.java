package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.units.PhysicalConstants;

class GhkVoltageTest {
    private static final double T = MammalianSet.T;

    /** Independent GHK current, the textbook expression with Math.exp (fine for moderate v ≠ 0). */
    private static double literalCurrent(int[] z, double[] p, double[] cIn, double[] cOut, double vMv, double i0) {
        double sum = i0;
        for (int i = 0; i < z.length; i++) {
            double v = z[i] * vMv / (1e3 * 8.314462618 * T / 96485.33212);
            double e = Math.exp(-v);
            sum += z[i] * 96485.33212 * p[i] * v * (cIn[i] - cOut[i] * e) / (1 - e);
        }
        return sum;
    }

    /** Plain bisection on the literal current, 200 halvings of [−300, 300] mV (avoids V = 0 exactly). */
    private static double bisect(int[] z, double[] p, double[] cIn, double[] cOut, double i0) {
        double lo = -300.0 + 1e-7;
        double hi = 300.0;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (literalCurrent(z, p, cIn, cOut, mid, i0) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void mammalianNumericAndClosedFormAgree() {
        double numeric = GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT, T);
        double closed = GhkVoltage.monovalentClosedFormMv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN,
                MammalianSet.C_OUT, T);
        assertEquals(-74.2, closed, 0.05); // physics.md, one decimal
        assertEquals(closed, numeric, 2e-9);
        // closed form only needs the ratios
        double[] ratios = {1, 0.04, 0.45};
        assertEquals(closed, GhkVoltage.monovalentClosedFormMv(MammalianSet.Z, ratios, MammalianSet.C_IN,
                MammalianSet.C_OUT, T), 1e-12);
    }

    @Test
    void withoutChlorideMatchesPhysicsMd() {
        double[] p = {1e-8, 0.04e-8, 0.0};
        double numeric = GhkVoltage.mv(MammalianSet.Z, p, MammalianSet.C_IN, MammalianSet.C_OUT, T);
        assertEquals(-71.2, numeric, 0.05);
        assertEquals(GhkVoltage.monovalentClosedFormMv(MammalianSet.Z, p, MammalianSet.C_IN, MammalianSet.C_OUT, T),
                numeric, 2e-9);
    }

    @Test
    void calciumNeedsTheNumericRoot() {
        int[] z = {1, 1, -1, 2};
        double[] p = {1e-8, 0.04e-8, 0.45e-8, 0.5e-8};
        double[] cIn = {140, 15, 7, 1e-4};
        double[] cOut = {4, 145, 149, 2};
        assertThrows(IllegalArgumentException.class, () -> GhkVoltage.monovalentClosedFormMv(z, p, cIn, cOut, T));
        double v = GhkVoltage.mv(z, p, cIn, cOut, T);
        assertEquals(bisect(z, p, cIn, cOut, 0.0), v, 1e-9);
        // depolarised relative to the monovalent set
        assertTrue(v > GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT, T));
        // impermeant divalent ions are allowed in the closed form
        double[] pNoCa = {1e-8, 0.04e-8, 0.45e-8, 0.0};
        assertEquals(GhkVoltage.monovalentClosedFormMv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN,
                MammalianSet.C_OUT, T), GhkVoltage.monovalentClosedFormMv(z, pNoCa, cIn, cOut, T), 1e-12);
    }

    @Test
    void extraOutwardCurrentShiftsTheRoot() {
        double i0 = 0.05; // A/m², outward
        double v = GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT, T, i0);
        assertEquals(bisect(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT, i0), v, 1e-9);
        assertTrue(v < GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT, T));
    }

    @Test
    void singleIonGivesNernstFarOutsideTheFirstBracket() {
        // E ≈ −738 mV: the bracket must grow beyond ±100 mV
        int[] z = {1};
        double[] p = {1e-8};
        double v = GhkVoltage.mv(z, p, new double[] {1e10}, new double[] {1e-2}, T);
        assertEquals(NernstPotential.mv(1, 1e-2, 1e10, T), v, 1e-9);
        double w = GhkVoltage.mv(new int[] {-2}, p, new double[] {3}, new double[] {0.01}, T);
        assertEquals(NernstPotential.mv(-2, 0.01, 3, T), w, 1e-9);
    }

    @Test
    void extraCurrentAloneCanBalanceAOneSidedIon() {
        // K only outside: −F P c_out B(v) + I_0 = 0 with I_0 = F P c_out / 2, i.e. B(v) = 1/2
        double p = 1e-8;
        double i0 = 0.5 * PhysicalConstants.FARADAY_C_PER_MOL * p * 4;
        double vMv = GhkVoltage.mv(new int[] {1}, new double[] {p}, new double[] {0}, new double[] {4}, T, i0);
        double v = vMv / PhysicalConstants.thermalVoltageMv(T);
        assertEquals(0.5, v / Math.expm1(v), 1e-12);
        // the same ion without I_0 never balances: NaN, not a spurious root where B(v) underflows
        assertTrue(Double.isNaN(GhkVoltage.mv(new int[] {1}, new double[] {p}, new double[] {0},
                new double[] {4}, T, 0.0)));
    }

    @Test
    void nanWithoutPermeantSpeciesOrWithoutFiniteRoot() {
        double[] none = {0, 0, 0};
        assertTrue(Double.isNaN(GhkVoltage.mv(MammalianSet.Z, none, MammalianSet.C_IN, MammalianSet.C_OUT, T)));
        assertTrue(Double.isNaN(GhkVoltage.monovalentClosedFormMv(MammalianSet.Z, none, MammalianSet.C_IN,
                MammalianSet.C_OUT, T)));
        // only K, none of it inside: the current is inward at every finite V
        assertTrue(Double.isNaN(GhkVoltage.mv(new int[] {1}, new double[] {1e-8}, new double[] {0},
                new double[] {4}, T)));
        assertThrows(IllegalArgumentException.class,
                () -> GhkVoltage.mv(new int[] {1, 1}, new double[] {1e-8}, new double[] {1}, new double[] {1}, T));
    }

    @Test
    void mammalianTimeConstantIsPlausible() {
        // P_K = 1e-8 m/s gives G of order 0.1–10 S/m², τ = C/G of order 1–100 ms at 1 µF/cm²
        double v = GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT, T);
        double g = GhkFlux.totalConductanceSPerM2(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN,
                MammalianSet.C_OUT, v, T);
        double tau = MembraneTimeConstant.tauS(1.0, g);
        assertEquals(0.01 / g, tau, 1e-15);
        assertTrue(tau > 1e-4 && tau < 1, "tau = " + tau);
        assertEquals(PhysicalConstants.thermalVoltageMv(T), 26.7267, 1e-4);
    }
}
