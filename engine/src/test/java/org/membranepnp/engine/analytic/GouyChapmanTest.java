package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.units.PhysicalConstants;

class GouyChapmanTest {
    private static final double T = 310;
    private static final double EPS = 80;
    private static final double EPS0 = PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M;
    private static final double VT = PhysicalConstants.thermalVoltageMv(T);

    @Test
    void grahameRoundTrip() {
        for (int z : new int[] {1, 2}) {
            for (double c : new double[] {1, 150}) {
                for (double sigma : new double[] {-0.3, -0.05, -1e-3, -1e-9, 1e-9, 1e-3, 0.05, 0.3}) {
                    double psi0 = GouyChapman.surfacePotentialMv(sigma, c, z, EPS, T);
                    assertEquals(Math.signum(sigma), Math.signum(psi0));
                    assertEquals(sigma, GouyChapman.grahameChargeCPerM2(psi0, c, z, EPS, T), 1e-12 * Math.abs(sigma));
                }
            }
        }
        assertEquals(0.0, GouyChapman.surfacePotentialMv(0.0, 150, 1, EPS, T), 0.0);
    }

    @Test
    void profileStartsAtSurfaceAndDecays() {
        double lambda = GouyChapman.debyeLengthNm(150, 1, EPS, T);
        assertEquals(DebyeLength.nm(EPS, new int[] {1, -1}, new double[] {150, 150}, T), lambda, 1e-15);
        for (double psi0 : new double[] {-200, -30, 30, 200}) {
            assertEquals(psi0, GouyChapman.potentialMv(0.0, psi0, 150, 1, EPS, T), 0.0);
            // continuity at the surface: ψ(x) ≈ ψ0 + ψ'(0) x with ψ'(0) from Poisson–Boltzmann (~ −1.4e3 mV/nm at 200 mV)
            double slope0 = -(2 * VT / lambda) * Math.sinh(psi0 / (2 * VT));
            assertEquals(psi0 + slope0 * 1e-12, GouyChapman.potentialMv(1e-12, psi0, 150, 1, EPS, T), 1e-11);
            double previous = Math.abs(psi0);
            for (double x = 0.1; x < 20; x += 0.1) {
                double psi = GouyChapman.potentialMv(x, psi0, 150, 1, EPS, T);
                assertTrue(Math.abs(psi) < previous && psi * psi0 > 0, "monotone decay at x = " + x);
                previous = Math.abs(psi);
            }
            assertTrue(previous < 1e-6 * Math.abs(psi0) + 1e-6);
            // defining relation at x = λ_D: tanh(zψ/4V_T) = tanh(zψ0/4V_T) / e
            double psi = GouyChapman.potentialMv(lambda, psi0, 150, 1, EPS, T);
            assertEquals(Math.tanh(psi0 / (4 * VT)) / Math.E, Math.tanh(psi / (4 * VT)), 1e-14);
        }
    }

    @Test
    void solvesPoissonBoltzmannAndGaussLaw() {
        // dψ/dx = −(2V_T/(z λ_D)) sinh(zψ/2V_T) for a decaying single-plane profile; −ε0ε dψ/dx(0) = σ
        for (int z : new int[] {1, 2}) {
            double c = 100;
            double lambda = GouyChapman.debyeLengthNm(c, z, EPS, T);
            double psi0 = 120;
            double h = 1e-4;
            for (double x : new double[] {0.2, 0.5, 1, 3}) {
                double d = (GouyChapman.potentialMv(x + h, psi0, c, z, EPS, T)
                        - GouyChapman.potentialMv(x - h, psi0, c, z, EPS, T)) / (2 * h);
                double psi = GouyChapman.potentialMv(x, psi0, c, z, EPS, T);
                double pb = -(2 * VT / (z * lambda)) * Math.sinh(z * psi / (2 * VT));
                assertEquals(pb, d, 1e-6 * Math.abs(pb), "z=" + z + " x=" + x);
            }
            h = 1e-6; // near the surface the profile varies on λ_D / cosh(zψ0/2V_T) ≈ 0.01 nm
            double d0 = (-3 * psi0 + 4 * GouyChapman.potentialMv(h, psi0, c, z, EPS, T)
                    - GouyChapman.potentialMv(2 * h, psi0, c, z, EPS, T)) / (2 * h); // mV/nm = 1e6 V/m
            double sigma = GouyChapman.grahameChargeCPerM2(psi0, c, z, EPS, T);
            assertEquals(sigma, -EPS0 * EPS * d0 * 1e6, 1e-5 * sigma);
        }
    }

    @Test
    void debyeHuckelLimitForSmallPotentials() {
        double psi0 = 0.01; // mV ≪ V_T: corrections ~ (ψ0/V_T)² ≈ 1e-7
        double lambda = GouyChapman.debyeLengthNm(150, 1, EPS, T);
        for (double x : new double[] {0.3, 1, 2.5}) {
            double expected = psi0 * Math.exp(-x / lambda);
            assertEquals(expected, GouyChapman.potentialMv(x, psi0, 150, 1, EPS, T), 1e-6 * expected);
        }
        // linearised Grahame: σ = ε0 ε ψ0 / λ_D
        double sigma = EPS0 * EPS * psi0 * 1e-3 / (lambda * 1e-9);
        assertEquals(sigma, GouyChapman.grahameChargeCPerM2(psi0, 150, 1, EPS, T), 1e-6 * sigma);
        assertEquals(psi0, GouyChapman.surfacePotentialMv(sigma, 150, 1, EPS, T), 1e-6 * psi0);
    }

    @Test
    void surfacePotentialOfABathGivenIonByIon() {
        double sigma = -0.05;
        // monovalent mixture: c = Σ cations (K 4 + Na 145 against Cl 149, the neuron's outside bath)
        double mix = GouyChapman.surfacePotentialMv(sigma, new int[] {1, 1, -1, -1}, new double[] {4, 145, 149, 0},
                EPS, T);
        assertEquals(GouyChapman.surfacePotentialMv(sigma, 149, 1, EPS, T), mix, 0.0);
        // symmetric 2:2 electrolyte, with an absent monovalent species
        double twoTwo = GouyChapman.surfacePotentialMv(sigma, new int[] {2, -2, 1}, new double[] {50, 50, 0}, EPS, T);
        assertEquals(GouyChapman.surfacePotentialMv(sigma, 50, 2, EPS, T), twoTwo, 0.0);
        assertEquals(0.0, GouyChapman.surfacePotentialMv(0.0, new int[] {1, -1}, new double[] {150, 150}, EPS, T), 0.0);
        // not covered by the closed form: a 2:1 salt, an unbalanced 2:2 bath, a bath without ions
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, new int[] {2, -1}, new double[] {50, 100}, EPS, T)));
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, new int[] {2, -2}, new double[] {50, 40}, EPS, T)));
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, new int[] {1, -1}, new double[] {0, 0}, EPS, T)));
    }
}
