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

    // ---- the bracket search and its bisection fallback ----

    /** F P c, the scale of a one-ion GHK current, A/m². */
    private static double scale(double p, double c) {
        return PhysicalConstants.FARADAY_C_PER_MOL * p * c;
    }

    /**
     * The calcium reversal potential, +132 mV, lies above the first bracket [−100, 100] mV: the bracket must grow
     * upward and the safeguarded Newton iteration falls back to bisection on the way. A lone permeant ion's GHK
     * zero-current potential is its Nernst potential (RT/zF) ln(c_out/c_in), evaluated here from the constants.
     */
    @Test
    void calciumReversalAboveTheFirstBracket() {
        double vtMv = 1e3 * 8.314462618 * T / 96485.33212;
        double expected = vtMv / 2 * Math.log(2 / 1e-4);
        assertTrue(expected > 130 && expected < 135, "E_Ca = " + expected);
        double v = GhkVoltage.mv(new int[] {2}, new double[] {1e-8}, new double[] {1e-4}, new double[] {2}, T);
        assertEquals(expected, v, 1e-9);
        // K+ with the gradient reversed: E_K = +95 mV, inside the first bracket but far from its midpoint
        assertEquals(vtMv * Math.log(140.0 / 4), GhkVoltage.mv(new int[] {1}, new double[] {1e-8}, new double[] {4},
                new double[] {140}, T), 1e-9);
    }

    /**
     * An outward extra current (a pump) balanced by the inward leak of K+ present outside only: at the root
     * F P c_out B(v) = I_0, i.e. B(v) = I_0/(F P c_out) = 2.6e-9, far above +100 mV (v ≈ 10.6) where the current is
     * flat and Newton steps overshoot the bracket; the bisection fallback must still land on the root.
     */
    @Test
    void smallPumpCurrentAgainstAOneSidedLeak() {
        double p = 1e-8;
        double i0 = 1e-6;
        double vMv = GhkVoltage.mv(new int[] {1}, new double[] {p}, new double[] {0}, new double[] {4}, T, i0);
        assertTrue(vMv > 100, "V = " + vMv);
        double v = vMv / PhysicalConstants.thermalVoltageMv(T);
        double target = i0 / scale(p, 4);
        assertEquals(target, v / Math.expm1(v), 1e-9 * target);
        // and with the literal GHK current the total vanishes to rounding (|I| scale F P c ≈ 3.9e-4 A/m²)
        assertEquals(0.0, literalCurrent(new int[] {1}, new double[] {p}, new double[] {0}, new double[] {4}, vMv, i0),
                1e-12 * scale(p, 4));
    }

    /**
     * Without an extra current an ion present on one side only can only carry current one way, so no finite V
     * makes it vanish: NaN, for a cation or an anion on either side (not a spurious root where B(v) underflows).
     */
    @Test
    void oneSidedIonsWithoutExtraCurrentHaveNoRoot() {
        double[] p = {1e-8};
        for (int z : new int[] {1, -1, 2}) {
            assertTrue(Double.isNaN(GhkVoltage.mv(new int[] {z}, p, new double[] {4}, new double[] {0}, T)), "in, z=" + z);
            assertTrue(Double.isNaN(GhkVoltage.mv(new int[] {z}, p, new double[] {0}, new double[] {4}, T)), "out, z=" + z);
        }
        // a cation inside and an anion inside carry current in opposite directions: a root exists,
        // (RT/F) ln[(P_K·0 + P_Cl c_Cl,in)/(P_K c_K,in + P_Cl·0)] from the monovalent closed form
        double vtMv = PhysicalConstants.thermalVoltageMv(T);
        double v = GhkVoltage.mv(new int[] {1, -1}, new double[] {1e-8, 2e-8}, new double[] {4, 3},
                new double[] {0, 0}, T);
        assertEquals(vtMv * Math.log(2e-8 * 3 / (1e-8 * 4)), v, 1e-9);
    }

    /** A neutral permeant species (z = 0) carries no current, so it neither adds nor enables a root. */
    @Test
    void neutralSpeciesCarryNoCurrent() {
        // K outside only cannot be balanced, whatever neutral solute permeates alongside
        assertTrue(Double.isNaN(GhkVoltage.mv(new int[] {1, 0}, new double[] {1e-8, 1e-8}, new double[] {0, 5},
                new double[] {4, 0}, T)));
        assertTrue(Double.isNaN(GhkVoltage.mv(new int[] {1, 0}, new double[] {1e-8, 1e-8}, new double[] {0, 0},
                new double[] {4, 5}, T)));
        // added to the mammalian set it leaves the resting potential unchanged
        int[] z = {1, 1, -1, 0};
        double[] p = {1e-8, 0.04e-8, 0.45e-8, 1e-7};
        double[] cIn = {140, 15, 7, 5};
        double[] cOut = {4, 145, 149, 0};
        assertEquals(GhkVoltage.monovalentClosedFormMv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN,
                MammalianSet.C_OUT, T), GhkVoltage.mv(z, p, cIn, cOut, T), 2e-9);
    }

    /**
     * The root search covers |V| ≤ 10⁶ mV, ends included, and gives NaN beyond. An extra current I_0 = −Σ I(V*)
     * cancels the mammalian GHK current at V* exactly, so V* is the zero-current potential; it is placed on the
     * search's own grid points (±100 mV, the first midpoint 150 mV, the limits ±10⁶ mV) and between them.
     */
    @Test
    void rootsUpToTenToTheSixMillivoltsAreFoundAndBeyondAreNaN() {
        for (double target : new double[] {-1e6, -9e5, -819200, -100, 100, 150, 333.3, 9e5, 1e6}) {
            double i0 = -GhkFlux.totalCurrentAPerM2(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT,
                    target, T);
            double v = GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT, T, i0);
            assertEquals(target, v, 1e-9 + 1e-15 * Math.abs(target), "V* = " + target);
        }
        for (double target : new double[] {-1.1e6, 1.1e6, 5e6}) {
            double i0 = -GhkFlux.totalCurrentAPerM2(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT,
                    target, T);
            assertTrue(Double.isNaN(GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT,
                    T, i0)), "V* = " + target);
        }
    }

    /**
     * Far beyond the first bracket the GHK current of one ion is linear, I = z F P c_in v (v ≫ 1, c_out = 0), so an
     * inward extra current −I_0 balances it at V = I_0 V_T / (z F P c_in): found to the stated accuracy, not NaN.
     */
    @Test
    void largeExtraCurrentBalancedByTheLinearRegime() {
        double p = 1e-8;
        double vtMv = PhysicalConstants.thermalVoltageMv(T);
        for (double target : new double[] {5e3, 4.2e5, -4.2e5}) {
            int z = target > 0 ? 1 : -1; // K+ inside or Cl− inside: outward current grows with zV
            double i0 = -z * z * scale(p, 10) * target / vtMv; // −I(V*) = −z F P c_in v, v = z V*/V_T
            double v = GhkVoltage.mv(new int[] {z}, new double[] {p}, new double[] {10}, new double[] {0}, T, i0);
            assertEquals(target, v, 1e-12 * Math.abs(target), "V* = " + target);
        }
    }

    /** A NaN input (here the extra current or a concentration) yields NaN, never a made-up potential. */
    @Test
    void nanInputGivesNaN() {
        assertTrue(Double.isNaN(GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN, MammalianSet.C_OUT,
                T, Double.NaN)));
        double[] cIn = MammalianSet.C_IN.clone();
        cIn[1] = Double.NaN;
        assertTrue(Double.isNaN(GhkVoltage.mv(MammalianSet.Z, MammalianSet.P, cIn, MammalianSet.C_OUT, T)));
    }

    /**
     * The closed form V_T ln(num/den) with an ion on one side only: K+ only outside makes den = 0, V → +∞;
     * only inside makes num = 0, V → −∞ (the log's limits; NaN is kept for "no permeant species").
     */
    @Test
    void closedFormOfAOneSidedIonIsInfinite() {
        double[] p = {1e-8, 0};
        int[] z = {1, -1};
        assertEquals(Double.POSITIVE_INFINITY, GhkVoltage.monovalentClosedFormMv(z, p, new double[] {0, 7},
                new double[] {4, 149}, T));
        assertEquals(Double.NEGATIVE_INFINITY, GhkVoltage.monovalentClosedFormMv(z, p, new double[] {140, 7},
                new double[] {0, 149}, T));
    }

    /** Species arrays of different lengths are a caller's bug: rejected with the four lengths named. */
    @Test
    void mismatchedArraysAreRejected() {
        double[] four = {1e-8, 0.04e-8, 0.45e-8, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GhkVoltage.monovalentClosedFormMv(
                MammalianSet.Z, four, MammalianSet.C_IN, MammalianSet.C_OUT, T));
        assertEquals("species arrays differ in length: z 3, P 4, c_in 3, c_out 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GhkVoltage.mv(MammalianSet.Z, MammalianSet.P,
                MammalianSet.C_IN, new double[] {4, 145, 149, 1}, T));
        assertEquals("species arrays differ in length: z 3, P 3, c_in 3, c_out 4", e.getMessage());
    }
}
