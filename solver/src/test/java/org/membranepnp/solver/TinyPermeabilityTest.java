package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * A lipid far less permeable than its baths: the steady membrane flux and V_m keep their digits. Between two
 * reservoirs the balance laws of the baths are differences of bath fluxes 10¹⁰ … 10¹⁸ times the membrane's, yet the
 * membrane's flux, taken from the face concentrations, must scale exactly with the permeability (the double layers
 * do not feel a flux that small) and the zero-current potential must stay the GHK potential of the unscaled lipid.
 */
class TinyPermeabilityTest {

    /** The resting neuron with every lipid permeability times {@code factor} and the given clamp. */
    private static RunResult steady(double factor, ClampKind clamp) {
        Scenario base = ReferenceScenarios.neuronRest();
        Membrane m = base.membrane();
        double[] p = m.permeabilitiesMPerS();
        double[] cmPerS = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            cmPerS[i] = p[i] * 1e2 * factor;
        }
        Membrane scaled = new Membrane(m.thicknessNm(), m.permittivity(), cmPerS, m.insideSurfaceChargeCPerM2(),
                m.outsideSurfaceChargeCPerM2(), m.partitionCoefficient());
        Boundary b = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, clamp, 0, -40);
        return MembraneSlabSolver.steadyOnItsMesh(base.withMembrane(scaled).withBoundary(b));
    }

    @Test
    void theMembraneFluxScalesWithThePermeabilityDownToOneHundredMillionth() {
        RunResult ref = steady(1e-4, ClampKind.VOLTAGE);
        for (double factor : new double[] {1e-6, 1e-8}) {
            RunResult r = steady(factor, ClampKind.VOLTAGE);
            for (int i = 0; i < ref.membraneFluxMolPerM2S().length; i++) {
                double expected = ref.membraneFluxMolPerM2S()[i] * factor / 1e-4;
                assertEquals(expected, r.membraneFluxMolPerM2S()[i], 1e-9 * Math.abs(expected) + 1e-300,
                        "species " + i + " at P × " + factor);
            }
        }
    }

    @Test
    void theZeroCurrentPotentialDoesNotDependOnHowSlowTheLipidIs() {
        double ref = steady(1e-4, ClampKind.CURRENT).membranePotentialMv();
        assertEquals(ref, steady(1e-8, ClampKind.CURRENT).membranePotentialMv(), 1e-6);
    }
}
