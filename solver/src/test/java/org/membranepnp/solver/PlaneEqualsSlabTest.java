package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.RandomPhysicalScenarios;

/**
 * Any 1-D scenario, given {@code dimension = 2} and a {@code [lateral]} table without channels, is the 1-D answer
 * in every row: random physical scenarios (walls and reservoirs, closed compartments, zero, current and voltage clamps,
 * charged faces, Na⁺/K⁺ pumps) solved by the 1-D solver (block LU, steady flux rows, Woodbury) and by the one
 * assembler on a planar patch (GMRES with multigrid, amounts and pump as global couplings, bordered clamp).
 */
class PlaneEqualsSlabTest {
    private static final long SEED = 20261204L;
    private static final int CASES = 40;

    /** The same scenario as a 2-D patch 5 nm along the membrane, without pores. */
    static Scenario asPatch(Scenario s) {
        return new Scenario(s.title(), 2, s.temperatureK(), s.species(), s.inside(), s.outside(), s.membrane(),
                s.boundary(), s.mesh(), s.run(), s.pump(), s.schedules(), new Lateral(5.0, List.of()),
                ParticleSpec.NONE);
    }

    /**
     * A transient with schedules (a current pulse through the clamp, a step of P_Na) from the filled baths, on the
     * slab and on the patch: the same time steps and the same V_m at every one.
     */
    @Test
    void aScheduledTransientOfAPatchWithoutPoresIsTheSlabs() {
        Scenario neuron = org.membranepnp.solver.validation.ReferenceScenarios.neuronRest();
        Scenario s = new Scenario("pulse", 1, neuron.temperatureK(), neuron.species(),
                new org.membranepnp.engine.model.Bath(0.05, 80, neuron.inside().concentrationsMm()),
                new org.membranepnp.engine.model.Bath(0.05, 80, neuron.outside().concentrationsMm()),
                neuron.membrane(), neuron.boundary(), neuron.mesh(),
                new org.membranepnp.engine.model.RunSpec(org.membranepnp.engine.model.RunMode.TRANSIENT, 3e-5, 1e-4),
                neuron.pump(), List.of(
                new org.membranepnp.engine.model.Schedule("boundary.current_A_m2", new double[] {0, 1e-5, 1e-5, 2e-5,
                        2e-5}, new double[] {0, 0, 1.0, 1.0, 0}),
                new org.membranepnp.engine.model.Schedule("membrane.permeability_cm_s.Na", new double[] {0, 1.5e-5,
                        1.5e-5}, new double[] {4e-9, 4e-9, 2e-6})), Lateral.NONE, ParticleSpec.NONE);
        RunResult one = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        RunResult two = Simulation.run(asPatch(s), SolverOptions.DEFAULT, ProgressListener.NONE);
        var t1 = one.timeSeries();
        var t2 = two.timeSeries();
        assertEquals(t1.sampleCount(), t2.sampleCount(), "the same time steps");
        double worst = 0;
        for (int k = 0; k < t1.sampleCount(); k++) {
            assertEquals(t1.timeS()[k], t2.timeS()[k], 1e-8 * t1.timeS()[k], "t of step " + k);
            double v1 = t1.membranePotentialMv()[k];
            worst = Math.max(worst, Math.abs(v1 - t2.membranePotentialMv()[k]));
            assertEquals(v1, t2.membranePotentialMv()[k], 1e-6, "V_m at step " + k);
        }
        double pulse = one.membranePotentialMv() - t1.membranePotentialMv()[0];
        System.out.printf("[plane = slab] transient: %d steps, V_m %.4f mV at the end, worst ΔV_m %.1e mV%n",
                t1.sampleCount(), one.membranePotentialMv(), worst);
        assertTrue(Math.abs(pulse) > 1.0, "the pulse and the P_Na step moved V_m: " + pulse);
    }

    @Test
    void aPatchWithoutPoresIsTheSlabInEveryRow() {
        RandomPhysicalScenarios random = new RandomPhysicalScenarios(SEED);
        List<String> report = new ArrayList<>();
        int pumps = 0;
        int closed = 0;
        try (WorkerPool pool = WorkerPool.create(2)) {
            for (int c = 0; c < CASES; c++) {
                Scenario s = random.next(RandomPhysicalScenarios.Kind.ANY);
                String label = "case " + c + " (seed " + SEED + "): " + s.title() + ", " + s.boundary();
                RunResult one = MembraneSlabSolver.steadyOnItsMesh(s);
                MembranePlaneSolver plane = new MembranePlaneSolver(asPatch(s), pool);
                plane.solveSteady();
                RunResult two = plane.result();
                pumps += s.pump().present() ? 1 : 0;
                closed += plane.model().closedAmounts().isEmpty() ? 0 : 1;
                assertEquals(one.membranePotentialMv(), two.membranePotentialMv(), 1e-6, "V_m, " + label);
                Fields2D f = two.fields();
                assertFalse(f.axisymmetric(), "a planar patch");
                double[] phi1 = one.profiles().potentialMv();
                double worstPhi = 0;
                double worstC = 0;
                for (int i = 0; i < f.nx(); i++) {
                    for (int j = 0; j < f.ny(); j++) {
                        double dPhi = Math.abs(phi1[i] - f.potentialMv()[f.index(i, j)]);
                        worstPhi = Math.max(worstPhi, dPhi);
                        assertEquals(phi1[i], f.potentialMv()[f.index(i, j)], 1e-6, "φ at " + i + "," + j + ", " + label);
                        for (int q = 0; q < f.species().size(); q++) {
                            double c1 = one.profiles().concentrationsMm()[q][i];
                            double c2 = f.concentrationsMm()[q][f.index(i, j)];
                            double rel = Math.abs(c1 - c2) / Math.max(Math.abs(c1), 1e-12);
                            worstC = Math.max(worstC, Math.abs(c1) > 1e-9 ? rel : 0);
                            assertEquals(c1, c2, 1e-6 * Math.abs(c1) + 1e-15,
                                    f.species().get(q) + " at " + i + "," + j + ", " + label);
                        }
                    }
                }
                report.add(String.format("%d: ΔV_m %.1e mV, max Δφ %.1e mV, max relative Δc %.1e%s%s", c,
                        Math.abs(one.membranePotentialMv() - two.membranePotentialMv()), worstPhi, worstC,
                        s.pump().present() ? ", pump" : "", plane.model().closedAmounts().isEmpty() ? "" : ", closed"));
            }
        }
        report.forEach(line -> System.out.println("[plane = slab] " + line));
        System.out.println("[plane = slab] " + pumps + " with a pump, " + closed + " with closed compartments");
    }
}
