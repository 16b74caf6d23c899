package org.membranepnp.engine.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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

    // ---- baths given ion by ion ----

    /**
     * Symmetric z:z electrolyte from the SI constants (k_B, e, N_A exact since 2019), as the textbook writes it:
     * ψ0 = (2 k_B T / z e) asinh(σ / sqrt(8 ε0 ε_r k_B T c N_A)), c in mol/m³. Agreement to 1e-9 relative (R and F
     * in PhysicalConstants are rounded to 10 digits).
     */
    private static double textbookPsi0Mv(double sigma, double cMm, int z) {
        double kB = 1.380649e-23;
        double e = 1.602176634e-19;
        double nA = 6.02214076e23;
        double x = sigma / Math.sqrt(8 * EPS0 * EPS * kB * T * cMm * nA);
        double asinh = Math.signum(x) * Math.log(Math.abs(x) + Math.sqrt(x * x + 1));
        return 1e3 * 2 * kB * T / (z * e) * asinh;
    }

    /** A 2:2 salt (MgSO4) and a 1:1 salt given ion by ion follow the symmetric-electrolyte formula, both signs of σ. */
    @Test
    void symmetricSaltsMatchTheTextbookFormula() {
        for (double sigma : new double[] {-0.3, -0.05, 0.02}) {
            double twoTwo = GouyChapman.surfacePotentialMv(sigma, new int[] {2, -2}, new double[] {50, 50}, EPS, T);
            assertEquals(textbookPsi0Mv(sigma, 50, 2), twoTwo, 1e-9 * Math.abs(twoTwo));
            double oneOne = GouyChapman.surfacePotentialMv(sigma, new int[] {-1, 1}, new double[] {150, 150}, EPS, T);
            assertEquals(textbookPsi0Mv(sigma, 150, 1), oneOne, 1e-9 * Math.abs(oneOne));
        }
        // the divalent salt screens more strongly: a smaller |ψ0| at the same σ and concentration
        assertTrue(Math.abs(textbookPsi0Mv(-0.05, 50, 2)) < Math.abs(textbookPsi0Mv(-0.05, 50, 1)));
    }

    /** A neutral solute (z = 0, e.g. glucose or sucrose) takes no part in the double layer: the salt alone counts. */
    @Test
    void neutralSolutesAreIgnored() {
        double withSugar = GouyChapman.surfacePotentialMv(-0.05, new int[] {1, -1, 0}, new double[] {150, 150, 300}, EPS, T);
        assertEquals(textbookPsi0Mv(-0.05, 150, 1), withSugar, 1e-9 * Math.abs(withSugar));
        double twoTwo = GouyChapman.surfacePotentialMv(-0.05, new int[] {0, 2, -2}, new double[] {20, 50, 50}, EPS, T);
        assertEquals(textbookPsi0Mv(-0.05, 50, 2), twoTwo, 1e-9 * Math.abs(twoTwo));
    }

    /** Baths the closed form does not describe give NaN: ions of one sign only, net charge, mixed valences. */
    @Test
    void oneSidedNonNeutralAndMixedBathsAreNaN() {
        double sigma = -0.05;
        int[] kCl = {1, -1};
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, kCl, new double[] {150, 0}, EPS, T)), "cations only");
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, kCl, new double[] {0, 150}, EPS, T)), "anions only");
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, new int[] {2, -2}, new double[] {0, 50}, EPS, T)));
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, kCl, new double[] {150, 100}, EPS, T)), "net +50 mM");
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, new int[] {1, 1, -1}, new double[] {4, 145, 150},
                EPS, T)), "net −1 mM");
        // equal concentrations but unequal valences: neither neutral nor symmetric (Σ z c = +50 mM)
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, new int[] {2, -1}, new double[] {50, 50}, EPS, T)));
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, new int[] {1, -2}, new double[] {50, 50}, EPS, T)));
        // only neutral solutes: no ions
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(sigma, new int[] {0}, new double[] {100}, EPS, T)));
    }

    /**
     * Concentrations c (cations) and a (anions) with c − a exactly NEUTRALITY_TOLERANCE · (c + a) in floating point:
     * c + a = s and c − a = t with s found near t / tolerance such that fl(tolerance · s) = t.
     */
    static double[] atNeutralityEdge(double t, double tolerance) {
        double s = t / tolerance;
        for (int k = 0; k < 1000 && tolerance * s != t; k++) {
            s = tolerance * s < t ? Math.nextUp(s) : Math.nextDown(s);
        }
        double c = s / 2 + t / 2;
        double a = s / 2 - t / 2;
        assertEquals(t, c - a, 0.0);
        assertEquals(t, tolerance * (c + a), 0.0, "no s with fl(tolerance · s) = t near " + t / tolerance);
        return new double[] {c, a};
    }

    /**
     * Neutral means |Σ cations − Σ anions| ≤ 1e-9 (Σ cations + Σ anions), the scenario reader's tolerance: a bath
     * exactly at it or just inside is described (with c = Σ cations), one just outside is not.
     */
    @Test
    void neutralityToleranceIsInclusive() {
        double[] edge = atNeutralityEdge(Math.scalb(1.0, -20), GouyChapman.NEUTRALITY_TOLERANCE); // c + a ≈ 954 mM
        int[] kCl = {1, -1};
        double atEdge = GouyChapman.surfacePotentialMv(-0.05, kCl, edge, EPS, T);
        assertEquals(textbookPsi0Mv(-0.05, edge[0], 1), atEdge, 1e-9 * Math.abs(atEdge));
        double[] twoTwo = atNeutralityEdge(Math.scalb(1.0, -24), GouyChapman.NEUTRALITY_TOLERANCE); // ≈ 60 mM
        double expected = textbookPsi0Mv(0.1, twoTwo[0], 2);
        assertEquals(expected, GouyChapman.surfacePotentialMv(0.1, new int[] {2, -2}, twoTwo, EPS, T),
                1e-9 * Math.abs(expected));
        double total = 300;
        double inside = 0.5e-9 * total; // half the tolerance
        assertEquals(textbookPsi0Mv(-0.05, 150 + inside / 2, 1), GouyChapman.surfacePotentialMv(-0.05, new int[] {1, -1},
                new double[] {150 + inside / 2, 150 - inside / 2}, EPS, T), 1e-9 * 60);
        double outside = 2e-9 * total; // twice the tolerance
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(-0.05, new int[] {1, -1},
                new double[] {150 + outside / 2, 150 - outside / 2}, EPS, T)));
        assertTrue(Double.isNaN(GouyChapman.surfacePotentialMv(-0.05, new int[] {-2, 2},
                new double[] {150 + outside / 2, 150 - outside / 2}, EPS, T)));
    }

    // ---- the potential profile and the surface potential at extreme arguments ----

    /**
     * Deep in the diffuse layer (x = 30 λ_D, y = tanh(zψ0/4V_T) e^{−x/λ_D} ≈ 1e-13) the profile is
     * ψ = (4V_T/z) atanh(y) = (4V_T/z)(y + y³/3 + …): reproduced to 1e-12 relative, with λ_D from the constants.
     */
    @Test
    void farFieldFollowsTheLinearisedTail() {
        for (int z : new int[] {1, 2}) {
            double c = 150;
            double lambda = 1e9 * Math.sqrt(EPS0 * EPS * 8.314462618 * T / (2 * 96485.33212 * 96485.33212 * z * z * c));
            assertEquals(lambda, GouyChapman.debyeLengthNm(c, z, EPS, T), 1e-13 * lambda);
            for (double psi0 : new double[] {-100, 100}) {
                double x = 30 * lambda;
                double y = Math.tanh(z * Math.abs(psi0) / (4 * VT)) * Math.exp(-x / lambda);
                double expected = Math.signum(psi0) * 4 * VT / z * (y + y * y * y / 3);
                assertEquals(expected, GouyChapman.potentialMv(x, psi0, c, z, EPS, T), 1e-12 * Math.abs(expected),
                        "z=" + z + " psi0=" + psi0);
            }
        }
    }

    /**
     * At a huge surface potential (1500 mV, tanh(zψ0/4V_T) = 1 − 1.4e-12) just off the surface (x = 1e-12 λ_D), where
     * 1 − y is the small difference of two nearly equal numbers, ψ = (2V_T/z) ln[(1 + y)/(1 − y)] still holds to
     * 1e-10 relative; the reference evaluates tanh and (1 + y)/(1 − y) in 80 digits.
     */
    @Test
    void nearTheSurfaceAtHugePotentialsWithoutCancellation() {
        double c = 150;
        int z = 1;
        double lambda = GouyChapman.debyeLengthNm(c, z, EPS, T);
        for (double psi0 : new double[] {1500, -1500}) {
            double x = 1e-12 * lambda;
            double a = Math.abs(z * psi0 / (4.0 * VT));
            BigDecimal e2a = HighPrecision.exp(new BigDecimal(2 * a));
            BigDecimal t = e2a.subtract(BigDecimal.ONE, HighPrecision.MC)
                    .divide(e2a.add(BigDecimal.ONE, HighPrecision.MC), HighPrecision.MC); // tanh(a)
            BigDecimal y = t.multiply(HighPrecision.exp(new BigDecimal(-x / lambda)), HighPrecision.MC);
            BigDecimal ratio = BigDecimal.ONE.add(y, HighPrecision.MC)
                    .divide(BigDecimal.ONE.subtract(y, HighPrecision.MC), HighPrecision.MC);
            double expected = Math.signum(psi0) * 2 * VT / z * Math.log(ratio.doubleValue());
            assertEquals(expected, GouyChapman.potentialMv(x, psi0, c, z, EPS, T), 1e-10 * Math.abs(expected));
        }
    }

    /**
     * In an almost ion-free bath (c = 1e-300 mM) σ / sqrt(8 ε0 ε_r R T c) ≈ 1e151 would overflow asinh's textbook form;
     * ψ0 = (2V_T/z)(ln|x| + ln 2) with ln|x| = ln|σ| − ½ ln(8 ε0 ε_r R T c), both signs, 1e-12 relative.
     */
    @Test
    void surfacePotentialInAnAlmostIonFreeBath() {
        double c = 1e-300;
        for (double sigma : new double[] {0.1, -0.1}) {
            double lnX = Math.log(Math.abs(sigma)) - 0.5 * Math.log(8 * EPS0 * EPS * 8.314462618 * T * c);
            assertTrue(lnX > Math.log(1e150), "the large-argument branch: ln x = " + lnX);
            double expected = Math.signum(sigma) * 2 * VT * (lnX + Math.log(2));
            double psi0 = GouyChapman.surfacePotentialMv(sigma, c, 1, EPS, T);
            assertEquals(expected, psi0, 1e-12 * Math.abs(expected));
            assertEquals(sigma, GouyChapman.grahameChargeCPerM2(psi0, c, 1, EPS, T), 1e-12 * Math.abs(sigma));
        }
    }
}
