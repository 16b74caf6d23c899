package org.membranepnp.solver.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.analytic.GhkFlux;
import org.membranepnp.engine.analytic.GouyChapman;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.MembraneSlabSolver;

/**
 * Fast checks of the magnitudes the discretisation must get right, each against an analytic result: the space
 * charge of a divalent salt (ρ = F Σ z c, not Σ c) and the size of every membrane flux (transmissibility D/h).
 */
class CoreMagnitudesTest {
    private static final double TEMPERATURE_K = 298.15;

    private static RunResult steady(Scenario s) {
        MembraneSlabSolver slab = new MembraneSlabSolver(s);
        slab.useSteadyGuess();
        slab.solveSteady();
        return slab.result();
    }

    /** A −0.05 C/m² face in 50 mM of a 2:2 salt: the diffuse layer is that of z = 2 within 1 % of ψ0 at every node. */
    @Test
    void aChargedFaceInADivalentSaltHasTheGouyChapmanProfileOfZTwo() {
        double saltMm = 50;
        double sigma = -0.05;
        List<Species> sp = List.of(new Species("M", 2, 0.7e-9), new Species("A", -2, 1.0e-9));
        Scenario s = new Scenario("Gouy-Chapman 2:2", 1, TEMPERATURE_K, sp,
                new Bath(0.2, 80, new double[]{saltMm, saltMm}), new Bath(0.2, 80, new double[]{saltMm, saltMm}),
                new Membrane(5.0, 5.6, new double[]{0, 0}, 0.0, sigma, Membrane.DEFAULT_PARTITION_COEFFICIENT),
                new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0),
                MeshSpec.DEFAULT, RunSpec.steady());
        var pr = steady(s).profiles();
        double psi0 = GouyChapman.surfacePotentialMv(sigma, saltMm, 2, 80, TEMPERATURE_K);
        int b = pr.membraneEndNode();
        int last = pr.nodeCount() - 1;
        double err = 0;
        for (int k = b; k <= last; k++) {
            double exact = GouyChapman.potentialMv(pr.xNm()[k] - pr.xNm()[b], psi0, saltMm, 2, 80, TEMPERATURE_K);
            err = Math.max(err, Math.abs(pr.potentialMv()[k] - pr.potentialMv()[last] - exact));
        }
        assertTrue(err <= 0.01 * Math.abs(psi0), "max |ψ − ψ_GC| = " + err + " mV, ψ0 = " + psi0 + " mV");
    }

    /**
     * The resting neuron (1 µm baths): each ion's membrane flux equals the GHK flux at its surface concentrations and
     * the drop inside the membrane within 1e-3 (the size of the flux, not only its sign, is the test).
     */
    @Test
    void everyMembraneFluxHasItsGhkMagnitude() {
        Scenario s = ReferenceScenarios.neuronRest();
        RunResult r = steady(s);
        int[] z = s.charges();
        double[] p = s.membrane().permeabilitiesMPerS();
        for (int i = 0; i < z.length; i++) {
            double expected = GhkFlux.outwardMolPerM2S(z[i], p[i], r.insideSurfaceMm()[i], r.outsideSurfaceMm()[i],
                    r.intramembraneDropMv(), s.temperatureK());
            double actual = r.membraneFluxMolPerM2S()[i];
            double allowed = 1e-3 * Math.abs(expected) + 1e-30;
            assertTrue(Math.abs(actual - expected) <= allowed,
                    s.species().get(i).name() + ": flux " + actual + ", GHK " + expected + " mol/(m² s)");
        }
    }
}
