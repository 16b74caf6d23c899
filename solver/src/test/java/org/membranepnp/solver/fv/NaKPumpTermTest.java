package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
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
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The Na⁺/K⁺ pump term of the discrete equations against the pump's physics as stated by the scenario: the
 * Michaelis–Menten rate law of {@link NaKPump#cycleFluxMolPerM2S} at the face concentrations, its gradient, the
 * 3 Na⁺ out / 2 K⁺ in stoichiometry on the face rows and the net charge per cycle.
 */
class NaKPumpTermTest {
    /** Relative tolerance of rate comparisons: both sides are a handful of floating-point operations. */
    private static final double RATE_TOL = 1e-12;

    static PnpModel1D model(Scenario s) {
        return new PnpModel1D(s, GradedMeshBuilder.build(s.withMesh(new MeshSpec(60))));
    }

    /** Na⁺ first (species 0), K⁺ second, Cl⁻ and an impermeant anion: the pump species at other positions. */
    static Scenario sodiumFirst() {
        List<Species> sp = List.of(ReferenceScenarios.sodium(), ReferenceScenarios.potassium(),
                ReferenceScenarios.chloride(), ReferenceScenarios.anion());
        Bath in = new Bath(1.0, 80, new double[]{15, 140, 7, 148});
        Bath out = new Bath(1.0, 80, new double[]{145, 4, 149, 0});
        double p = ReferenceScenarios.P_K_CM_S;
        Boundary b = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0);
        return new Scenario("Na first", 1, ReferenceScenarios.BODY_TEMPERATURE_K, sp, in, out,
                ReferenceScenarios.membrane(0.04 * p, p, 0.45 * p, 0), b, MeshSpec.DEFAULT, RunSpec.steady());
    }

    /** A state whose every unknown differs (so that a wrong index reads a different value). */
    static double[] distinctState(PnpModel1D model, long seed) {
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-0.3, 0.3) : u[i] * (1 + rnd.nextDouble(-0.3, 0.3));
        }
        return u;
    }

    private static int naIn(PnpModel1D model) {
        return model.index(model.mesh.membraneStartNode(), 1 + model.scenario.speciesIndex("Na"));
    }

    private static int kOut(PnpModel1D model) {
        return model.index(model.mesh.membraneEndNode(), 1 + model.scenario.speciesIndex("K"));
    }

    /** J from the scenario's own rate law (mol/(m² s), mM faces) in the model's flux units. */
    private static double expectedRate(PnpModel1D model, double[] u) {
        double c0 = model.scales.concentrationMolPerM3; // mol/m³ = mM
        return model.scenario.pump().cycleFluxMolPerM2S(u[naIn(model)] * c0, u[kOut(model)] * c0)
                / model.scales.fluxMolPerM2S();
    }

    /** The saturating rate is the scenario's Michaelis–Menten law at the inside Na⁺ and outside K⁺ face values. */
    @Test
    void saturatingRateIsTheMichaelisMentenLawAtTheFaceConcentrations() {
        for (Scenario s : new Scenario[]{ReferenceScenarios.neuronRest().withPump(ReferenceScenarios.pump(2e-3, true)),
                sodiumFirst().withPump(ReferenceScenarios.pump(2e-3, true))}) {
            PnpModel1D model = model(s);
            for (long seed = 1; seed <= 4; seed++) {
                double[] u = distinctState(model, seed);
                double expected = expectedRate(model, u);
                assertTrue(expected > 0);
                assertEquals(expected, model.pump.rate(u), RATE_TOL * expected, s.title() + " seed " + seed);
            }
            // half saturation on both sites: J = J_max / 2² / 2³
            double[] u = distinctState(model, 9);
            u[naIn(model)] = s.pump().kmNaInMm() / model.scales.concentrationMolPerM3;
            u[kOut(model)] = s.pump().kmKOutMm() / model.scales.concentrationMolPerM3;
            double jMax = s.pump().maxCycleFluxMolPerM2S() / model.scales.fluxMolPerM2S();
            assertEquals(jMax / 32, model.pump.rate(u), RATE_TOL * jMax, s.title() + " at half saturation");
        }
    }

    /** A constant pump runs at J_max = turnover/N_A whatever the faces hold, and has no state dependence. */
    @Test
    void constantPumpRunsAtMaximalFluxWhateverTheFaces() {
        Scenario s = ReferenceScenarios.neuronRest().withPump(ReferenceScenarios.pump(3e-3, false));
        PnpModel1D model = model(s);
        // net current F·J = 3 mA/m²
        double expected = 3e-3 / org.membranepnp.engine.units.PhysicalConstants.FARADAY_C_PER_MOL
                / model.scales.fluxMolPerM2S();
        double[] u = distinctState(model, 3);
        assertEquals(expected, model.pump.rate(u), 1e-12 * expected);
        u[naIn(model)] = 0;
        assertEquals(expected, model.pump.rate(u), 1e-12 * expected, "no saturation at an empty face");
        assertFalse(model.pump.saturating());
        double[] g = {Double.NaN, Double.NaN};
        model.pump.gradient(u, g);
        assertArrayEquals(new double[]{0, 0}, g);
        assertTrue(model(s.withPump(ReferenceScenarios.pump(3e-3, true))).pump.saturating());
    }

    /** An empty (or undershooting) face stops a saturating pump, and J ∝ ĉ_Na³ĉ_K² there has zero gradient. */
    @Test
    void emptyFaceStopsTheSaturatingPumpWithZeroGradient() {
        PnpModel1D model = model(sodiumFirst().withPump(ReferenceScenarios.pump(2e-3, true)));
        int[] faces = {naIn(model), kOut(model)};
        for (int f = 0; f < 2; f++) {
            for (double c : new double[]{0.0, -1e-3}) {
                double[] u = distinctState(model, 5);
                u[faces[f]] = c;
                assertEquals(0.0, model.pump.rate(u), 0.0, "face " + f + " at " + c);
                double[] g = {Double.NaN, Double.NaN};
                model.pump.gradient(u, g);
                assertArrayEquals(new double[]{0, 0}, g, 0.0, "face " + f + " at " + c);
            }
        }
    }

    /** The gradient ∂J/∂ĉ_Na,in = 3 K_Na J/(ĉ(ĉ + K_Na)), ∂J/∂ĉ_K,out = 2 K_K J/(ĉ(ĉ + K_K)) from the formula. */
    @Test
    void gradientMatchesTheDerivativeOfTheRateLaw() {
        PnpModel1D model = model(sodiumFirst().withPump(ReferenceScenarios.pump(2e-3, true)));
        double[] u = distinctState(model, 8);
        double c0 = model.scales.concentrationMolPerM3;
        double na = u[naIn(model)] * c0;
        double k = u[kOut(model)] * c0;
        NaKPump p = model.scenario.pump();
        double j = expectedRate(model, u);
        double[] g = new double[2];
        model.pump.gradient(u, g);
        // d/dĉ = c0 · d/dc (mM)
        assertEquals(3 * p.kmNaInMm() * j / (na * (na + p.kmNaInMm())) * c0, g[0], 1e-10 * Math.abs(g[0]));
        assertEquals(2 * p.kmKOutMm() * j / (k * (k + p.kmKOutMm())) * c0, g[1], 1e-10 * Math.abs(g[1]));
        assertEquals(naIn(model), model.pump.sodiumInIndex());
        assertEquals(kOut(model), model.pump.potassiumOutIndex());
    }

    /**
     * The four face rows: 3 Na⁺ leave the inside face and enter the outside face, 2 K⁺ the other way; each species'
     * amount is conserved and one net charge moves outward per cycle.
     */
    @Test
    void faceRowsCarryTheStoichiometryAndConserveEachSpecies() {
        for (Scenario s : new Scenario[]{ReferenceScenarios.neuronRest(), sodiumFirst()}) {
            PnpModel1D model = model(s.withPump(ReferenceScenarios.pump(2e-3, true)));
            int a = model.mesh.membraneStartNode();
            int b = model.mesh.membraneEndNode();
            int na = 1 + s.speciesIndex("Na");
            int k = 1 + s.speciesIndex("K");
            int[] idx = new int[4];
            double[] w = new double[4];
            model.pump.rows(idx, w);
            assertArrayEquals(new int[]{model.index(a, na), model.index(b, na), model.index(b, k), model.index(a, k)},
                    idx, s.title());
            assertArrayEquals(new double[]{3, -3, 2, -2}, w, s.title());
            double charge = 0;
            for (int q = 0; q < 4; q++) {
                int z = model.z[idx[q] % model.m - 1];
                charge += (idx[q] / model.m == a ? 1 : -1) * z * w[q]; // sink at the inside face = outward
            }
            assertEquals(2.0, charge, 0.0, "each cycle takes one charge from inside and gives one outside");
            assertEquals(1, model.pump.netCharge());
            assertEquals(a, model.pump.insideFace());
            assertEquals(b, model.pump.outsideFace());
        }
    }

    /** A 3:2 exchanger of two divalent ions moves 3·2 − 2·2 = 2 net charges per cycle. */
    @Test
    void netChargeFollowsTheValencesOfThePumpedSpecies() {
        Species ca = ReferenceScenarios.calcium();
        Species mg = new Species("Mg", 2, 0.7e-9);
        List<Species> sp = List.of(ca, mg, ReferenceScenarios.chloride());
        Bath in = new Bath(1.0, 80, new double[]{1, 2, 6});
        Bath out = new Bath(1.0, 80, new double[]{2, 1, 6});
        Boundary bd = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0);
        Scenario s = new Scenario("divalent exchanger", 1, 310, sp, in, out,
                ReferenceScenarios.membrane(1e-7, 1e-7, 1e-7), bd, MeshSpec.DEFAULT, RunSpec.steady())
                .withPump(new NaKPump(100, false, 1.5, 10, "Ca", "Mg"));
        assertEquals(2, model(s).pump.netCharge());
    }

    /** A pump naming a species the scenario does not declare is rejected. */
    @Test
    void undeclaredPumpSpeciesAreRejected() {
        Scenario s = ReferenceScenarios.neuronRest();
        assertThrows(IllegalArgumentException.class,
                () -> model(s.withPump(new NaKPump(100, true, 1.5, 10, "Li", "K"))));
        assertThrows(IllegalArgumentException.class,
                () -> model(s.withPump(new NaKPump(100, true, 1.5, 10, "Na", "Rb"))));
    }
}
