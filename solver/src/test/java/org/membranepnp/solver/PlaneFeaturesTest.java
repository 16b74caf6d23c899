package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * The 2-D features that the one assembler gives every geometry, on the shipped examples: a closed inside bath with
 * one K⁺ pore ({@code examples/k-channel-2d-closed.toml}) and the Na⁺/K⁺ pump in the lipid of a patch whose leak is a
 * wide pore ({@code examples/pump-2d.toml}).
 */
class PlaneFeaturesTest {

    private static Path example(String name) {
        return Examples.path(name);
    }

    private static RunResult run(Scenario s) {
        return Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
    }

    /**
     * Only K⁺ leaves the closed interior, through the pore, until its Nernst potential of the final baths holds it
     * back; Na⁺, Cl⁻ and A⁻ keep their amounts.
     */
    @Test
    void aClosedInteriorWithAPotassiumPoreSettlesAtNernst() {
        Scenario s = ScenarioLoader.load(example("k-channel-2d-closed"));
        RunResult r = run(s);
        int k = s.speciesIndex("K");
        double nernst = NernstPotential.mv(1, r.outsideBulkMm()[k], r.insideBulkMm()[k], s.temperatureK());
        System.out.printf("[closed 2-D] V_m %.6f mV, E_K(final bulk) %.6f mV, conservation %.1e%n",
                r.membranePotentialMv(), nernst, r.conservationError());
        assertEquals(nernst, r.membranePotentialMv(), 1e-3);
        assertTrue(r.conservationError() < 1e-10, "amounts kept: " + r.conservationError());
        // K⁺ left the interior: a few ions, not a change of its bulk (the charge sits in the layers)
        assertTrue(r.insideBulkMm()[k] < 140 && r.insideBulkMm()[k] > 139, "inside K " + r.insideBulkMm()[k]);
    }

    /**
     * The pump's current is carried back by the leak through the pore (zero total current), and V_m is that of the 1-D
     * membrane made of the pore's material (water: ε = 80, β = 1) with the area-averaged permeabilities, within
     * 0.1 mV. The lipid's constant-field 1-D membrane (GHK) would be 3 mV off: in a pore the ions screen the field, so
     * it conducts as an electroneutral junction, not as a constant-field membrane.
     */
    @Test
    void thePumpInALeakyPatchIsThePumpOfTheAveragedMembrane() {
        Scenario s = ScenarioLoader.load(example("pump-2d"));
        RunResult two = run(s);
        double total = 0;
        for (int i = 0; i < s.speciesCount(); i++) {
            total += s.charges()[i] * PhysicalConstants.FARADAY_C_PER_MOL * two.membraneFluxMolPerM2S()[i];
        }
        double pumpCurrent = PhysicalConstants.FARADAY_C_PER_MOL * s.pump().maxCycleFluxMolPerM2S(); // constant rate
        assertEquals(-pumpCurrent, total, 1e-6 * pumpCurrent, "leak current = − pump current");

        var pore = s.lateral().channels().get(0);
        Membrane lipid = s.membrane();
        double[] p = s.areaAveragedPermeabilitiesMPerS();
        double[] cmPerS = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            cmPerS[i] = p[i] * 1e2;
        }
        Membrane water = new Membrane(lipid.thicknessNm(), pore.permittivity(), cmPerS, 0, 0, 1.0);
        Scenario oneD = new Scenario(s.title(), 1, s.temperatureK(), s.species(), s.inside(), s.outside(), water,
                s.boundary(), s.mesh(), s.run(), s.pump(), s.schedules(), Lateral.NONE, ParticleSpec.NONE);
        RunResult one = run(oneD);
        RunResult ghk = run(MembranePlaneSolver.averagedSlab(s));
        System.out.printf("[pump 2-D] V_m %.4f mV; 1-D water membrane %.4f mV; 1-D lipid (GHK) %.4f mV%n",
                two.membranePotentialMv(), one.membranePotentialMv(), ghk.membranePotentialMv());
        assertEquals(one.membranePotentialMv(), two.membranePotentialMv(), 0.1);
        assertTrue(Math.abs(ghk.membranePotentialMv() - two.membranePotentialMv()) > 1.0,
                "a pore is not a constant-field membrane");
    }
}
