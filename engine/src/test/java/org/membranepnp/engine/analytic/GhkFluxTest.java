package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.units.PhysicalConstants;

class GhkFluxTest {
    private static final double T = MammalianSet.T;
    private static final double F = PhysicalConstants.FARADAY_C_PER_MOL;
    private static final double VT_MV = PhysicalConstants.thermalVoltageMv(T);
    private static final double[] SMALL_AND_MODERATE_X = {1e-300, 1e-30, 1e-15, 1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 0.01,
        0.1, 0.3, 0.4999999, 0.5, 0.5000001, 0.9, 1.5, 3, 10, 30, 100};

    @Test
    void bernoulliMatchesHighPrecision() {
        for (double x : SMALL_AND_MODERATE_X) {
            for (double s : new double[] {x, -x}) {
                double ref = HighPrecision.bernoulli(s);
                assertEquals(ref, Bernoulli.value(s), 2e-15 * Math.abs(ref), "B(" + s + ")");
            }
        }
        assertEquals(1.0, Bernoulli.value(0.0), 0.0);
    }

    @Test
    void bernoulliDerivativeMatchesHighPrecision() {
        // the series/closed-form switch is at |x| = 0.5
        for (double x : SMALL_AND_MODERATE_X) {
            if (x < 1e-15) {
                continue; // literal formula cancels below the 80-digit reference's reach
            }
            for (double s : new double[] {x, -x}) {
                double ref = HighPrecision.bernoulliDerivative(s);
                assertEquals(ref, Bernoulli.derivative(s), 1e-14 * Math.abs(ref), "B'(" + s + ")");
            }
        }
        assertEquals(-0.5, Bernoulli.derivative(0.0), 0.0);
        assertEquals(-0.5, Bernoulli.derivative(1e-300), 1e-300);
    }

    @Test
    void fluxNearZeroVoltageMatchesHighPrecision() {
        double p = 3e-8;
        double cIn = 140;
        double cOut = 4;
        for (double vMv : new double[] {1e-13, 1e-10, 1e-7, 1e-4, 1e-2, 0.3, 5, 50}) {
            for (double s : new double[] {vMv, -vMv}) {
                for (int z : new int[] {1, -1, 2}) {
                    double v = z * s / VT_MV; // same rounding as production
                    double ref = HighPrecision.ghkFlux(p, v, cIn, cOut);
                    double j = GhkFlux.outwardMolPerM2S(z, p, cIn, cOut, s, T);
                    assertEquals(ref, j, 1e-14 * Math.abs(ref), "z=" + z + " V=" + s);
                }
            }
        }
        // at V = 0 exactly: pure diffusion P (c_in − c_out)
        assertEquals(p * (cIn - cOut), GhkFlux.outwardMolPerM2S(1, p, cIn, cOut, 0.0, T), 1e-22);
    }

    @Test
    void finiteAndAsymptoticForLargeVoltages() {
        double p = 1e-8;
        double cIn = 0.1;
        double cOut = 2;
        for (double vMv : new double[] {2000, 20000, 1e5, 1e7}) {
            int z = 2;
            double v = z * vMv / VT_MV;
            double out = GhkFlux.outwardMolPerM2S(z, p, cIn, cOut, vMv, T);
            double in = GhkFlux.outwardMolPerM2S(z, p, cIn, cOut, -vMv, T);
            assertTrue(Double.isFinite(out) && Double.isFinite(in));
            // v → +∞: J → P v c_in; v → −∞: J → −P |v| c_out
            assertEquals(p * v * cIn, out, 1e-12 * p * v * cIn);
            assertEquals(-p * v * cOut, in, 1e-12 * p * v * cOut);
            assertTrue(Double.isFinite(GhkFlux.conductanceSPerM2(z, p, cIn, cOut, vMv, T)));
            assertTrue(Double.isFinite(GhkFlux.conductanceSPerM2(z, p, cIn, cOut, -vMv, T)));
        }
    }

    @Test
    void zeroAtNernstPotential() {
        for (int z : new int[] {1, -1, 2, -2}) {
            double e = NernstPotential.mv(z, 2.0, 0.05, T);
            double j = GhkFlux.outwardMolPerM2S(z, 1e-8, 0.05, 2.0, e, T);
            assertEquals(0.0, j, 1e-13 * 1e-8 * 2.0, "z=" + z);
        }
    }

    @Test
    void antisymmetryAndCurrent() {
        double j = GhkFlux.outwardMolPerM2S(-1, 2e-8, 7, 149, -60, T);
        assertEquals(-j, GhkFlux.outwardMolPerM2S(-1, 2e-8, 149, 7, 60, T), 1e-15 * Math.abs(j));
        assertEquals(-F * j, GhkFlux.currentAPerM2(-1, 2e-8, 7, 149, -60, T), 1e-15 * Math.abs(F * j));
        assertEquals(0.0, GhkFlux.outwardMolPerM2S(1, 0.0, 7, 149, -60, T), 0.0);
    }

    @Test
    void conductanceMatchesFiniteDifference() {
        double h = 1e-4; // mV; central-difference truncation ~ (h/V_T)² ≈ 1e-11 relative
        double p = 2e-8;
        for (int z : new int[] {1, -1, 2}) {
            for (double vMv : new double[] {-300, -100, -74.2, -13.36, -1e-9, 0.0, 1e-9, 6.7, 13.36, 40, 200}) {
                double fd = (GhkFlux.currentAPerM2(z, p, 140, 4, vMv + h, T)
                        - GhkFlux.currentAPerM2(z, p, 140, 4, vMv - h, T)) / (2 * h * 1e-3);
                double g = GhkFlux.conductanceSPerM2(z, p, 140, 4, vMv, T);
                assertTrue(g > 0);
                assertEquals(fd, g, 1e-7 * g, "z=" + z + " V=" + vMv);
            }
        }
    }

    @Test
    void conductanceAtZeroVoltage() {
        // G(0) = z² F P (c_in + c_out) / (2 V_T)
        double p = 2e-8;
        double expected = 4 * F * p * (140 + 4) / (2 * VT_MV * 1e-3);
        assertEquals(expected, GhkFlux.conductanceSPerM2(2, p, 140, 4, 0.0, T), 1e-14 * expected);
        assertEquals(expected, GhkFlux.conductanceSPerM2(2, p, 140, 4, 1e-12, T), 1e-12 * expected);
    }

    @Test
    void totalsAddUp() {
        double v = -50;
        double i = 0;
        double g = 0;
        for (int k = 0; k < 3; k++) {
            i += GhkFlux.currentAPerM2(MammalianSet.Z[k], MammalianSet.P[k], MammalianSet.C_IN[k],
                    MammalianSet.C_OUT[k], v, T);
            g += GhkFlux.conductanceSPerM2(MammalianSet.Z[k], MammalianSet.P[k], MammalianSet.C_IN[k],
                    MammalianSet.C_OUT[k], v, T);
        }
        assertEquals(i, GhkFlux.totalCurrentAPerM2(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN,
                MammalianSet.C_OUT, v, T), 1e-15 * Math.abs(i) + 1e-30);
        assertEquals(g, GhkFlux.totalConductanceSPerM2(MammalianSet.Z, MammalianSet.P, MammalianSet.C_IN,
                MammalianSet.C_OUT, v, T), 1e-15 * g);
    }

    /**
     * Totals over species need one valence, permeability and two concentrations per species; arrays of different
     * lengths (here a fourth permeability, which a loop over z would silently ignore) are rejected, naming the lengths.
     */
    @Test
    void totalsRejectMismatchedArrays() {
        double[] fourP = {1e-8, 0.04e-8, 0.45e-8, 1e-8};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GhkFlux.totalCurrentAPerM2(
                MammalianSet.Z, fourP, MammalianSet.C_IN, MammalianSet.C_OUT, -50, T));
        assertEquals("species arrays differ in length: z 3, P 4, c_in 3, c_out 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GhkFlux.totalConductanceSPerM2(MammalianSet.Z,
                MammalianSet.P, new double[] {140, 15, 7, 1}, MammalianSet.C_OUT, -50, T));
        assertEquals("species arrays differ in length: z 3, P 3, c_in 4, c_out 3", e.getMessage());
    }
}
