package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** The global equations (closed amounts, current clamp) against hand sums and the summed membrane fluxes. */
class GlobalConstraintsTest {

    private static double bernoulli(double x) {
        return x == 0 ? 1.0 : x / Math.expm1(x);
    }

    /** A compartment away from node 0 sums a·u over its own nodes: Σ a_j u[first·m + j] − target. */
    @Test
    void closedAmountOfACompartmentAwayFromNodeZero() {
        int m = 2;
        double[] a = {0, 1.5, 0, 2.0, 0, 0.5}; // nodes 3..5, species 0 only
        ClosedCompartment c = new ClosedCompartment("test", 1, 5, 3, 5, a, 4.0);
        double[] u = new double[8 * m];
        for (int i = 0; i < u.length; i++) {
            u[i] = i + 1; // u[k·m + v] = k·m + v + 1
        }
        double amount = 1.5 * 8 + 2.0 * 10 + 0.5 * 12; // ĉ at nodes 3, 4, 5 = 8, 10, 12
        assertEquals(amount, c.amount(u, m), 0.0);
        assertEquals(amount - 4.0, c.residual(u, u, 0.0), 0.0);
        assertEquals(amount - 4.0, c.residual(u, u, 3.0), 0.0, "a closed amount does not depend on the time step");
        double[] g = new double[a.length];
        c.gradient(u, 0.0, g);
        assertArrayEquals(a, g, 0.0);
    }

    /**
     * The clamp's residual is the net outward current through the membrane's middle cell, Σ z_i F_i from the SG
     * formula, plus the pump's F·J, plus the displacement current ε ∂_t(ψ_L − ψ_R)/(hΓ) in a time step, minus the
     * clamp current; here with a 2 mA/m² clamp and a divalent permeant ion.
     */
    @Test
    void clampResidualIsTheMembraneCurrentMinusTheClampCurrent() {
        Scenario ca = ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 0.1, 2, 310, -0.01, 0.02);
        Boundary clamp = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 2e-3, 0);
        for (Scenario s : new Scenario[]{ca.withBoundary(clamp),
                ReferenceScenarios.neuronRest().withBoundary(clamp).withPump(ReferenceScenarios.pump(1e-3, true))}) {
            PnpModel1D model = NaKPumpTermTest.model(s);
            MembraneCurrentClamp c = new MembraneCurrentClamp(model);
            double[] u = NaKPumpTermTest.distinctState(model, 91);
            double[] uOld = NaKPumpTermTest.distinctState(model, 92);
            int m = model.m;
            int j = (model.mesh.membraneStartNode() + model.mesh.membraneEndNode()) / 2;
            double ionic = 0;
            double size = 0;
            for (int i = 0; i < model.s; i++) {
                double a = model.z[i] * (u[(j + 1) * m] - u[j * m]);
                double t = model.diffusivity[j * model.s + i] / model.h[j];
                ionic += model.z[i] * t * (bernoulli(a) * u[j * m + 1 + i] - bernoulli(-a) * u[(j + 1) * m + 1 + i]);
                size += Math.abs(model.z[i]) * t * (Math.abs(u[j * m + 1 + i]) + Math.abs(u[(j + 1) * m + 1 + i])) * 10;
            }
            double pump = 0;
            if (model.pump != null) {
                double c0 = model.scales.concentrationMolPerM3;
                pump = s.pump().cycleFluxMolPerM2S(u[model.pump.sodiumInIndex()] * c0,
                        u[model.pump.potassiumOutIndex()] * c0) / model.scales.fluxMolPerM2S();
            }
            double iClamp = 2e-3 / (PhysicalConstants.FARADAY_C_PER_MOL * model.scales.fluxMolPerM2S());
            double steady = ionic + pump - iClamp;
            assertEquals(steady, c.residual(u, uOld, 0.0), 1e-10 * (size + Math.abs(iClamp)), s.title() + " steady");
            double invDt = 2.5;
            double dropRate = ((u[j * m] - u[(j + 1) * m]) - (uOld[j * m] - uOld[(j + 1) * m])) * invDt;
            double displacement = model.eps[j] / model.h[j] / model.scales.poissonFactor * dropRate;
            assertEquals(steady + displacement, c.residual(u, uOld, invDt),
                    1e-10 * (size + Math.abs(iClamp) + Math.abs(displacement)), s.title() + " time step");
        }
    }

    /** The clamp's gradient against central differences of its residual, with a divalent ion (z² in ∂/∂ψ). */
    @Test
    void clampGradientWithADivalentIonMatchesFiniteDifferences() {
        Scenario s = ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 0.1, 2, 310, -0.01, 0.02)
                .withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 1e-3, 0));
        PnpModel1D model = NaKPumpTermTest.model(s);
        MembraneCurrentClamp c = new MembraneCurrentClamp(model);
        double[] u = NaKPumpTermTest.distinctState(model, 93);
        double[] uOld = NaKPumpTermTest.distinctState(model, 94);
        for (double invDt : new double[]{0.0, 2.0}) {
            double[] g = new double[(c.last() - c.first() + 1) * model.m];
            c.gradient(u, invDt, g);
            double norm = 0;
            for (int k = 0; k < g.length; k++) {
                int idx = c.first() * model.m + k;
                double keep = u[idx];
                double h = 1e-6 * Math.max(1, Math.abs(keep));
                u[idx] = keep + h;
                double p = c.residual(u, uOld, invDt);
                u[idx] = keep - h;
                double q = c.residual(u, uOld, invDt);
                u[idx] = keep;
                double fd = (p - q) / (2 * h);
                norm += Math.abs(fd);
                assertEquals(fd, g[k], 1e-6 * (1 + Math.abs(fd)), "entry " + k + " invDt " + invDt);
            }
            org.junit.jupiter.api.Assertions.assertTrue(norm > 1e-3, "the clamp depends on the state");
        }
        assertFalse(c.name().isBlank(), "the clamp names itself in solver messages");
    }
}
