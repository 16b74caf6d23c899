package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.mesh.HandMeshes;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The Na⁺/K⁺ pump inside {@link PnpAssembler}, on a chain, against the pump's physics as the scenario states it:
 * the Michaelis–Menten rate law of {@link NaKPump#cycleFluxMolPerM2S} at the face concentrations and its
 * derivatives, the 3 Na⁺ out / 2 K⁺ in stoichiometry on the face rows (each species conserved, the net charge
 * following the valences), its sources in the steady partial flux rows, and Newton's quadratic convergence with it.
 */
class PumpTermTest {
    /** Relative tolerance of rate comparisons: both sides are a handful of floating-point operations. */
    private static final double RATE_TOL = 1e-12;

    private static int naIn(PnpModel model) {
        return model.pumpInsideNode(0) * model.m + 1 + model.scenario.speciesIndex("Na");
    }

    private static int kOut(PnpModel model) {
        return model.pumpOutsideNode(0) * model.m + 1 + model.scenario.speciesIndex("K");
    }

    /** J from the scenario's own rate law (mol/(m² s) at the faces' mM) in the model's flux units. */
    private static double expectedRate(PnpModel model, double[] u) {
        double c0 = model.scales.concentrationMolPerM3; // mol/m³ = mM
        return model.scenario.pump().cycleFluxMolPerM2S(u[naIn(model)] * c0, u[kOut(model)] * c0)
                / model.scales.fluxMolPerM2S();
    }

    /** The pump's cycle rate A·J of the last assembly: its current over the net charge per cycle. */
    private static PnpAssembler assembled(PnpModel model, double[] u, double[] uOld, double invDt) {
        PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
        asm.assemble(u, uOld, invDt, new double[u.length], BlockSlots.sparse(model.mesh, model.m));
        return asm;
    }

    /** A chain has one pump site, between the membrane's faces, carrying the unit membrane area. */
    @Test
    void aChainHasOnePumpSiteBetweenTheFaces() {
        PnpModel model = Chains.model(Chains.sodiumFirst().withPump(ReferenceScenarios.pump(2e-3, true)));
        assertEquals(1, model.pumpSites());
        assertEquals(model.membraneStart, model.pumpInsideNode(0));
        assertEquals(model.membraneEnd, model.pumpOutsideNode(0));
        assertEquals(1.0, model.pumpArea(0), 1e-15);
        assertEquals(0, model.pumpSodium());
        assertEquals(1, model.pumpPotassium());
        assertEquals(0, Chains.model(Chains.sodiumFirst()).pumpSites(), "no pump, no site");
    }

    /** The saturating rate is the scenario's Michaelis–Menten law at the inside Na⁺ and outside K⁺ face values. */
    @Test
    void saturatingRateIsTheMichaelisMentenLawAtTheFaceConcentrations() {
        for (Scenario s : new Scenario[] {ReferenceScenarios.neuronRest().withPump(ReferenceScenarios.pump(2e-3, true)),
                Chains.sodiumFirst().withPump(ReferenceScenarios.pump(2e-3, true))}) {
            PnpModel model = Chains.model(s);
            for (long seed = 1; seed <= 4; seed++) {
                double[] u = Chains.distinctState(model, seed);
                double expected = expectedRate(model, u);
                assertTrue(expected > 0);
                assertEquals(expected, assembled(model, u, u, 0.0).pumpCurrent(), RATE_TOL * expected,
                        s.title() + " seed " + seed);
            }
            // half saturation on both sites: J = J_max / 2² / 2³
            double[] u = Chains.distinctState(model, 9);
            u[naIn(model)] = s.pump().kmNaInMm() / model.scales.concentrationMolPerM3;
            u[kOut(model)] = s.pump().kmKOutMm() / model.scales.concentrationMolPerM3;
            double jMax = s.pump().maxCycleFluxMolPerM2S() / model.scales.fluxMolPerM2S();
            assertEquals(jMax / 32, assembled(model, u, u, 0.0).pumpCurrent(), RATE_TOL * jMax,
                    s.title() + " at half saturation");
        }
    }

    /** A constant pump runs at J_max whatever the faces hold: F·J = its current, and no state dependence. */
    @Test
    void constantPumpRunsAtMaximalFluxWhateverTheFaces() {
        Scenario s = ReferenceScenarios.neuronRest().withPump(ReferenceScenarios.pump(3e-3, false));
        PnpModel model = Chains.model(s);
        double expected = 3e-3 / PhysicalConstants.FARADAY_C_PER_MOL / model.scales.fluxMolPerM2S();
        double[] u = Chains.distinctState(model, 3);
        assertEquals(expected, assembled(model, u, u, 0.0).pumpCurrent(), 1e-12 * expected);
        u[naIn(model)] = 0;
        PnpAssembler asm = assembled(model, u, u, 0.0);
        assertEquals(expected, asm.pumpCurrent(), 1e-12 * expected, "no saturation at an empty face");
        assertPumpIndependentOfState(model, asm);
    }

    /** No derivative of the pump anywhere: its current gradient and global product vanish. */
    private static void assertPumpIndependentOfState(PnpModel model, PnpAssembler asm) {
        int size = model.n * model.m;
        double[] g = new double[size];
        asm.addPumpCurrentGradient(g);
        double[] x = new double[size];
        java.util.Arrays.fill(x, 1.0);
        double[] y = new double[size];
        asm.multiplyGlobal(x, y);
        for (int i = 0; i < size; i++) {
            assertEquals(0.0, g[i], 0.0, "∂I_pump/∂u[" + i + "]");
            if (model.closedAmounts().isEmpty()) {
                assertEquals(0.0, y[i], 0.0, "global coupling of row " + i);
            }
        }
    }

    /** An empty (or undershooting) face stops a saturating pump, and J ∝ ĉ_Na³ĉ_K² there has zero gradient. */
    @Test
    void emptyFaceStopsTheSaturatingPumpWithZeroGradient() {
        PnpModel model = Chains.model(Chains.sodiumFirst().withPump(ReferenceScenarios.pump(2e-3, true)));
        int[] faces = {naIn(model), kOut(model)};
        for (int f = 0; f < 2; f++) {
            for (double c : new double[] {0.0, -1e-3}) {
                double[] u = Chains.distinctState(model, 5);
                u[faces[f]] = c;
                PnpAssembler asm = assembled(model, u, u, 0.0);
                assertEquals(0.0, asm.pumpCurrent(), 0.0, "face " + f + " at " + c);
                assertPumpIndependentOfState(model, asm);
            }
        }
    }

    /**
     * The gradient ∂J/∂ĉ_Na,in = 3 K_Na J/(ĉ(ĉ + K_Na)), ∂J/∂ĉ_K,out = 2 K_K J/(ĉ(ĉ + K_K)) from the formula (1e-10
     * relative) and against central differences of the rate (1e-6 relative); nothing else depends on the state.
     */
    @Test
    void gradientMatchesTheDerivativeOfTheRateLaw() {
        PnpModel model = Chains.model(Chains.sodiumFirst().withPump(ReferenceScenarios.pump(2e-3, true)));
        double[] u = Chains.distinctState(model, 8);
        double c0 = model.scales.concentrationMolPerM3;
        double na = u[naIn(model)] * c0;
        double k = u[kOut(model)] * c0;
        NaKPump p = model.scenario.pump();
        double j = expectedRate(model, u);
        double[] g = new double[u.length];
        assembled(model, u, u, 0.0).addPumpCurrentGradient(g); // net charge 1: ∂(A J)/∂u
        double dNa = 3 * p.kmNaInMm() * j / (na * (na + p.kmNaInMm())) * c0;
        double dK = 2 * p.kmKOutMm() * j / (k * (k + p.kmKOutMm())) * c0;
        assertEquals(dNa, g[naIn(model)], 1e-10 * dNa);
        assertEquals(dK, g[kOut(model)], 1e-10 * dK);
        for (int idx : new int[] {naIn(model), kOut(model)}) {
            double keep = u[idx];
            double h = 1e-6 * keep;
            u[idx] = keep + h;
            double plus = expectedRate(model, u);
            u[idx] = keep - h;
            double minus = expectedRate(model, u);
            u[idx] = keep;
            assertEquals((plus - minus) / (2 * h), g[idx], 1e-6 * Math.abs(g[idx]), "entry " + idx);
        }
        for (int i = 0; i < u.length; i++) {
            if (i != naIn(model) && i != kOut(model)) {
                assertEquals(0.0, g[i], 0.0, "entry " + i);
            }
        }
    }

    /**
     * In a time step the pump's sources are J times its stoichiometry on the four face rows (sinks positive: 3 Na⁺
     * leave the inside face and enter the outside face, 2 K⁺ the other way): the residual with the pump minus the one
     * without, to 1e-12 of J plus round-off of the rows. Each species' amount is conserved (the sources sum to 0) and
     * 3 z_Na − 2 z_K = 1 charge leaves the inside per cycle.
     */
    @Test
    void timeStepSourcesAreRateTimesStoichiometryAndConserveEachSpecies() {
        for (boolean saturating : new boolean[] {true, false}) {
            for (Scenario s : new Scenario[] {ReferenceScenarios.neuronRest(), Chains.sodiumFirst()}) {
                Mesh1D mesh = Chains.mesh(s);
                // a pump as fast as the ions' transport, so that its sources stand well above the rows' round-off
                Scenario pumped = s.withPump(new NaKPump(1e13, saturating, 15, 100, "Na", "K"));
                PnpModel with = Chains.model(pumped, mesh);
                PnpModel without = Chains.model(s, mesh);
                double[] u = Chains.distinctState(with, 51);
                double[] uOld = Chains.distinctState(with, 52);
                double j = expectedRate(with, u);
                double[] rWith = Chains.residual(with, u, uOld, 2.0);
                double[] rWithout = Chains.residual(without, u, uOld, 2.0);
                int m = with.m;
                int a = with.membraneStart;
                int b = with.membraneEnd;
                int na = 1 + s.speciesIndex("Na");
                int k = 1 + s.speciesIndex("K");
                double[] stoichiometry = new double[u.length];
                stoichiometry[a * m + na] = 3;
                stoichiometry[b * m + na] = -3;
                stoichiometry[b * m + k] = 2;
                stoichiometry[a * m + k] = -2;
                double[] sources = new double[u.length];
                double roundOff = 0;
                for (int row = 0; row < u.length; row++) {
                    sources[row] = rWith[row] - rWithout[row];
                    double tol = 1e-12 * Math.abs(j) * 3 + 4e-16 * (Math.abs(rWith[row]) + Math.abs(rWithout[row]));
                    roundOff += tol;
                    assertEquals(stoichiometry[row] * j, sources[row], tol, s.title() + " row " + row
                            + " saturating " + saturating);
                }
                double naTotal = 0;
                double kTotal = 0;
                double chargeOut = 0;
                for (int node = 0; node < with.n; node++) {
                    naTotal += sources[node * m + na];
                    kTotal += sources[node * m + k];
                }
                for (int q = 0; q < with.s; q++) {
                    chargeOut += with.z[q] * sources[a * m + 1 + q]; // a sink at the inside face: charge leaving it
                }
                double tol = roundOff; // the sum of the rows' tolerances
                assertTrue(roundOff < 1e-3 * j, "the rate stands above the round-off: " + roundOff + " vs " + j);
                assertEquals(0.0, naTotal, tol, "Na⁺ conserved");
                assertEquals(0.0, kTotal, tol, "K⁺ conserved");
                assertEquals(j, chargeOut, tol, "one charge out of the inside per cycle");
            }
        }
    }

    /** Ca²⁺, Mg²⁺ and Cl⁻ between two reservoirs, a leaky lipid and a 3 Ca : 2 Mg exchanger (constant or saturating). */
    private static Scenario divalentExchanger(boolean saturating) {
        Species mg = new Species("Mg", 2, 0.7e-9);
        List<Species> sp = List.of(ReferenceScenarios.calcium(), mg, ReferenceScenarios.chloride());
        Bath in = new Bath(1.0, 80, new double[] {1, 2, 6});
        Bath out = new Bath(1.0, 80, new double[] {2, 1, 6});
        Boundary bd = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0);
        return new Scenario("divalent exchanger", 1, 310, sp, in, out,
                ReferenceScenarios.membrane(1e-7, 1e-7, 1e-7), bd, MeshSpec.DEFAULT, RunSpec.steady())
                .withPump(new NaKPump(100, saturating, 1.5, 10, "Ca", "Mg"));
    }

    /**
     * A 3:2 exchanger of two divalent ions moves 3·2 − 2·2 = 2 net charges per cycle, a Na⁺/K⁺ pump 1: its current
     * is that times J_max (constant pumps).
     */
    @Test
    void netChargeFollowsTheValencesOfThePumpedSpecies() {
        Scenario s = divalentExchanger(false);
        PnpModel model = Chains.model(s);
        double[] u = Chains.distinctState(model, 4);
        double jMax = s.pump().maxCycleFluxMolPerM2S() / model.scales.fluxMolPerM2S();
        assertEquals(2 * jMax, assembled(model, u, u, 0.0).pumpCurrent(), 1e-12 * jMax);
        PnpModel neuron = Chains.model(ReferenceScenarios.neuronRest().withPump(new NaKPump(100, false, 1.5, 10,
                "Na", "K")));
        double jNeuron = s.pump().maxCycleFluxMolPerM2S() / neuron.scales.fluxMolPerM2S();
        double[] v = Chains.distinctState(neuron, 4);
        assertEquals(jNeuron, assembled(neuron, v, v, 0.0).pumpCurrent(), 1e-12 * jNeuron);
    }

    /**
     * The gradient of the pump current carries the same net charge per cycle as the current: for an exchanger of two
     * divalent ions (3·2 − 2·2 = 2 charges per cycle) with a saturating rate, ∂I/∂u against central differences of
     * the current itself (1e-6 relative), on the inside face's first ion and the outside face's second.
     */
    @Test
    void currentGradientOfADivalentExchangerMatchesDifferencesOfItsCurrent() {
        Scenario s = divalentExchanger(true);
        PnpModel model = Chains.model(s);
        double[] u = Chains.distinctState(model, 6);
        int caIn = model.pumpInsideNode(0) * model.m + 1;
        int mgOut = model.pumpOutsideNode(0) * model.m + 2;
        double[] g = new double[u.length];
        assembled(model, u, u, 0.0).addPumpCurrentGradient(g);
        for (int idx : new int[] {caIn, mgOut}) {
            double keep = u[idx];
            double h = 1e-6 * keep;
            u[idx] = keep + h;
            double plus = assembled(model, u, u, 0.0).pumpCurrent();
            u[idx] = keep - h;
            double minus = assembled(model, u, u, 0.0).pumpCurrent();
            u[idx] = keep;
            double expected = (plus - minus) / (2 * h);
            assertTrue(expected > 0, "the current grows with either ion: entry " + idx);
            assertEquals(expected, g[idx], 1e-6 * expected, "entry " + idx);
        }
    }

    /** A pump naming a species the scenario does not declare is rejected. */
    @Test
    void undeclaredPumpSpeciesAreRejected() {
        Scenario s = ReferenceScenarios.neuronRest();
        assertThrows(IllegalArgumentException.class,
                () -> Chains.model(s.withPump(new NaKPump(100, true, 1.5, 10, "Li", "K"))));
        assertThrows(IllegalArgumentException.class,
                () -> Chains.model(s.withPump(new NaKPump(100, true, 1.5, 10, "Na", "Rb"))));
    }

    /**
     * The steady pump sources are the time-step ones summed like the steady rows: on a row that is a partial flux sum
     * from a wall ({@link PnpModel#steadyFluxEdge} ≥ 0) the sum of the stoichiometry × J over the nodes between the
     * wall and the row's node; on a balance law its own source; nothing on fixed rows, amounts and Poisson rows.
     * Residual with the pump minus without, for every kind of compartment end (also on a hand chain whose membrane
     * starts at node 1), to 1e-12 of J plus round-off.
     */
    @Test
    void steadySourcesArePartialSumsOfTheStoichiometryFromTheWall() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        Scenario[] cases = {
            neuron,
            Chains.bounded(neuron, BoundaryKind.RESERVOIR, BoundaryKind.WALL),
            Chains.bounded(neuron, BoundaryKind.WALL, BoundaryKind.RESERVOIR),
            Chains.bounded(neuron, BoundaryKind.WALL, BoundaryKind.WALL),
            Chains.bounded(Chains.sodiumFirst(), BoundaryKind.RESERVOIR, BoundaryKind.WALL),
            // Na⁺ only through the pump: each face's source stays in its own compartment (no cancellation)
            Chains.bounded(Chains.sodiumImpermeant(), BoundaryKind.RESERVOIR, BoundaryKind.WALL),
            Chains.bounded(Chains.sodiumImpermeant(), BoundaryKind.RESERVOIR, BoundaryKind.WALL),
            Chains.bounded(Chains.sodiumImpermeant(), BoundaryKind.WALL, BoundaryKind.RESERVOIR),
            Chains.bounded(neuron, BoundaryKind.RESERVOIR, BoundaryKind.WALL),
            Chains.bounded(Chains.sodiumImpermeant(), BoundaryKind.RESERVOIR, BoundaryKind.WALL)};
        // the last two on a hand chain whose membrane's inside face is node 1: the pump's inside node is then the
        // first row of a partial sum from the wall on the right (the flux through the chain's first edge)
        int hand = cases.length - 2;
        int partial = 0;
        for (int c = 0; c < cases.length; c++) {
            Scenario s = cases[c];
            for (boolean saturating : new boolean[] {true, false}) {
                Mesh1D mesh = c < hand ? Chains.mesh(s) : HandMeshes.of(new double[] {0, 3, 5.5, 8, 12, 14}, 1, 3);
                // a pump as fast as the ions' transport, so that its sources stand well above the rows' round-off
                PnpModel with = Chains.model(s.withPump(new NaKPump(1e13, saturating, 15, 100, "Na", "K")), mesh);
                PnpModel without = Chains.model(s, mesh);
                int m = with.m;
                double[] u = Chains.distinctState(with, 61);
                double j = expectedRate(with, u);
                double[] stepSource = new double[u.length];
                stepSource[with.membraneStart * m + 1 + s.speciesIndex("Na")] = 3 * j;
                stepSource[with.membraneEnd * m + 1 + s.speciesIndex("Na")] = -3 * j;
                stepSource[with.membraneEnd * m + 1 + s.speciesIndex("K")] = 2 * j;
                stepSource[with.membraneStart * m + 1 + s.speciesIndex("K")] = -2 * j;
                boolean[] amountRow = new boolean[u.length];
                for (ClosedAmount a : with.closedAmounts()) {
                    amountRow[a.row(m)] = true;
                }
                double[] rWith = Chains.residual(with, u, u, 0.0);
                double[] rWithout = Chains.residual(without, u, u, 0.0);
                for (int row = 0; row < u.length; row++) {
                    int node = row / m;
                    int v = row % m;
                    double expected;
                    int e = with.steadyFluxEdge(row);
                    if (v == 0 || amountRow[row] || with.kind(row) != EquationKind.BALANCE) {
                        expected = 0.0;
                        assertEquals(-1, e, "no flux row at a Poisson, fixed or amount row");
                    } else if (e < 0) {
                        expected = stepSource[row];
                    } else if (with.mesh.edgeA(e) == node) { // wall on the left: the compartment's start … node
                        expected = 0;
                        for (int k = Chains.compartment(with, node, v - 1)[0]; k <= node; k++) {
                            expected += stepSource[k * m + v];
                        }
                    } else { // wall on the right: node … the compartment's end
                        assertEquals(node, with.mesh.edgeB(e));
                        expected = 0;
                        for (int k = node; k <= Chains.compartment(with, node, v - 1)[1]; k++) {
                            expected += stepSource[k * m + v];
                        }
                    }
                    partial += e >= 0 && expected != 0 ? 1 : 0;
                    double tol = 1e-12 * 5 * Math.abs(j) + 4e-16 * (Math.abs(rWith[row]) + Math.abs(rWithout[row]));
                    assertEquals(expected, rWith[row] - rWithout[row], tol, s.title() + " " + s.boundary()
                            + ": node " + node + " variable " + v + " flux edge " + e);
                }
            }
        }
        assertTrue(partial > 50, "the pump enters partial flux rows: " + partial);
    }

    /**
     * Newton on the resting neuron with a closed inside and a saturating pump, from a 1 % perturbation of its steady
     * state: every iteration at least squares the scaled residual (r_{i+1} ≤ 10 r_i²) until round-off (1e-12), and
     * it converges within 6 iterations. The pump's sources sit in every partial flux row between the wall and the
     * membrane, and its derivatives across the membrane are applied by multiplyGlobal: without them (tried) the
     * residual grows after the first iteration and Newton stalls.
     */
    @Test
    void newtonWithTheSaturatingPumpConvergesQuadratically() {
        Scenario s = Chains.bounded(ReferenceScenarios.neuronRest(), BoundaryKind.WALL, BoundaryKind.RESERVOIR)
                .withPump(ReferenceScenarios.pump(5e-3, true));
        org.membranepnp.solver.MembraneSlabSolver slab = new org.membranepnp.solver.MembraneSlabSolver(s);
        slab.useSteadyGuess();
        slab.solveSteady();
        PnpModel model = slab.model();
        double[] u = slab.state().clone();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < u.length; i++) {
            if (model.kind(i) == EquationKind.BALANCE) {
                u[i] *= 1 + rnd.nextDouble(-0.01, 0.01);
            }
        }
        NewtonSolver newton = new NewtonSolver(model, WorkerPool.serial());
        List<Double> residuals = new ArrayList<>();
        newton.setListener(new ProgressListener() {
            @Override
            public void onNewtonIteration(int iteration, double residualNorm) {
                residuals.add(residualNorm);
            }
        }, true);
        NewtonResult r = newton.solve(u, 30, 1e-10);
        System.out.println("PumpTermTest: Newton residuals " + residuals + ", " + r);
        assertTrue(r.converged(), r.reason());
        assertTrue(r.iterations() <= 6, "iterations " + r.iterations());
        int squared = 0;
        for (int i = 0; i + 1 < residuals.size(); i++) {
            double now = residuals.get(i);
            double next = residuals.get(i + 1);
            if (next > 1e-12) {
                assertTrue(next <= 10 * now * now, "iteration " + (i + 1) + ": " + now + " → " + next);
                squared++;
            }
        }
        assertTrue(squared >= 2, "quadratic steps above round-off: " + residuals);
    }
}
