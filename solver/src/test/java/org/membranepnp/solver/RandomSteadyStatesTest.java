package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.RandomPhysicalScenarios;
import org.membranepnp.solver.validation.RandomPhysicalScenarios.Kind;

/**
 * Property tests over random physical 1-D steady scenarios ({@link RandomPhysicalScenarios}): every case converges;
 * V_m on the automatic mesh is within max(2 × its discretisation error estimate, 1e-3) mV of the same problem on a
 * 4× finer nested mesh; closed compartments keep their amounts to 1e-10; a closed box with one permeant species sits
 * at the Nernst potential of its final bulk (1e-3 mV); between reservoirs with charged faces and only monovalent
 * cations permeant, V_m is the GHK voltage of the bulk (max(1e-3, 2 × estimate) mV: with fluxes the discrete layers
 * are Boltzmann only to the discretisation error); a long transient ends where the steady state is (1e-3 mV).
 *
 * <p>Size and seed: {@code -Dpnp.random.cases=N} (default 200 general cases, plus a fifth of that each for the
 * Nernst and GHK checks) and {@code -Dpnp.random.seed=S} (default 20261203); both are printed.
 */
class RandomSteadyStatesTest {
    private static final int CASES = Integer.getInteger("pnp.random.cases", 200);
    private static final long SEED = Long.getLong("pnp.random.seed", 20261203L);
    private static final double FLOOR_MV = 1e-3;

    private static RunResult solve(Scenario s) {
        return MeshErrorControl.solveSteady(s, WorkerPool.serial(), ProgressListener.NONE, false);
    }

    /** V_m on the nested mesh twice as fine in every cell as the one {@code r} was computed on (4× the cells). */
    private static double fourTimesFinerMv(Scenario s, RunResult r) {
        Mesh1D mesh = GradedMeshBuilder.build(s);
        while (mesh.cellCount() < r.cells()) {
            mesh = mesh.refined();
        }
        MembraneSlabSolver fine = new MembraneSlabSolver(s, mesh.refined().refined());
        fine.useSteadyGuess();
        fine.solveSteady();
        return fine.membranePotentialMv();
    }

    private static String describe(int c, Scenario s) {
        return describe(c, SEED, s);
    }

    private static String describe(int c, long seed, Scenario s) {
        return String.format("case %d (seed %d): %s, %s/%s, %s clamp, pump %b, σ %.3g/%.3g C/m², species %s", c, seed,
                s.title(), s.boundary().inside(), s.boundary().outside(), s.boundary().clamp(), s.pump().present(),
                s.membrane().insideSurfaceChargeCPerM2(), s.membrane().outsideSurfaceChargeCPerM2(),
                s.species().stream().map(x -> x.name()).toList());
    }

    @Test
    void everyRandomSteadyStateConvergesWithinItsStatedErrorAndKeepsItsAmounts() {
        System.out.printf("RandomSteadyStatesTest: %d general cases, seed %d (-Dpnp.random.cases, -Dpnp.random.seed)%n",
                CASES, SEED);
        RandomPhysicalScenarios random = new RandomPhysicalScenarios(SEED);
        List<String> failures = new ArrayList<>();
        int closedBoxes = 0;
        int clamps = 0;
        int pumps = 0;
        int charged = 0;
        int divalent = 0;
        double worstRatio = 0;
        for (int c = 0; c < CASES; c++) {
            Scenario s = random.next(Kind.ANY);
            String what = describe(c, s);
            RunResult r;
            try {
                r = solve(s);
            } catch (RuntimeException e) {
                failures.add(what + ": " + e.getMessage());
                continue;
            }
            double fine = fourTimesFinerMv(s, r);
            double off = Math.abs(r.membranePotentialMv() - fine);
            double allowed = Math.max(2 * r.discretisationErrorMv(), FLOOR_MV);
            worstRatio = Math.max(worstRatio, off / allowed);
            if (!(off <= allowed)) {
                failures.add(String.format("%s: V_m %.6f mV, 4× finer %.6f mV, estimate %.2g mV", what,
                        r.membranePotentialMv(), fine, r.discretisationErrorMv()));
            }
            if (!Double.isNaN(r.conservationError()) && !(r.conservationError() <= 1e-10)) {
                failures.add(what + ": conservation error " + r.conservationError());
            }
            closedBoxes += s.boundary().inside() == s.boundary().outside()
                    && s.boundary().inside().name().equals("WALL") ? 1 : 0;
            clamps += s.boundary().currentAPerM2() != 0 || s.boundary().clamp().name().equals("VOLTAGE") ? 1 : 0;
            pumps += s.pump().present() ? 1 : 0;
            charged += s.membrane().insideSurfaceChargeCPerM2() != 0 || s.membrane().outsideSurfaceChargeCPerM2() != 0
                    ? 1 : 0;
            divalent += s.species().stream().anyMatch(x -> Math.abs(x.charge()) == 2) ? 1 : 0;
        }
        System.out.printf("  closed boxes %d, clamps %d, pumps %d, charged faces %d, divalent ions %d; "
                + "worst |V − V(4× finer)| / allowed = %.3f%n", closedBoxes, clamps, pumps, charged, divalent, worstRatio);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES + " cases failed:\n" + String.join("\n", failures));
        }
        assertTrue(closedBoxes > 0 && clamps > 0 && pumps > 0 && charged > 0 && divalent > 0,
                "the random set covers every kind");
    }

    @Test
    void aClosedBoxWithOnePermeantSpeciesSitsAtTheNernstPotentialOfItsFinalBulk() {
        RandomPhysicalScenarios random = new RandomPhysicalScenarios(SEED + 1);
        int cases = Math.max(10, CASES / 5);
        System.out.printf("RandomSteadyStatesTest: %d closed Nernst boxes, seed %d%n", cases, SEED + 1);
        for (int c = 0; c < cases; c++) {
            Scenario s = random.next(Kind.CLOSED_NERNST);
            RunResult r = solve(s);
            int i = permeant(s);
            double nernst = NernstPotential.mv(s.species().get(i).charge(), r.outsideBulkMm()[i], r.insideBulkMm()[i],
                    s.temperatureK());
            assertEquals(nernst, r.membranePotentialMv(), 1e-3, describe(c, SEED + 1, s));
            assertTrue(r.conservationError() <= 1e-10, describe(c, SEED + 1, s) + ": conservation "
                    + r.conservationError());
        }
    }

    /**
     * Tolerance of the GHK check, mV: with fluxes through the membrane the layers are not exactly Boltzmann, and
     * a deviation of up to 1.3e-3 mV (1.2e-5 relative) is seen at strongly charged faces whatever the mesh.
     */
    private static final double GHK_MV = 2e-3;

    @Test
    void betweenReservoirsWithChargedFacesMonovalentCationsGiveTheGhkVoltageOfTheBulk() {
        RandomPhysicalScenarios random = new RandomPhysicalScenarios(SEED + 2);
        int cases = Math.max(10, CASES / 5);
        System.out.printf("RandomSteadyStatesTest: %d GHK cases, seed %d%n", cases, SEED + 2);
        double worst = 0;
        for (int c = 0; c < cases; c++) {
            Scenario s = random.next(Kind.GHK_CATIONS);
            RunResult r = solve(s);
            double ghk = GhkVoltage.mv(s.charges(), s.membrane().permeabilitiesMPerS(), r.insideBulkMm(),
                    r.outsideBulkMm(), s.temperatureK());
            worst = Math.max(worst, Math.abs(ghk - r.membranePotentialMv()));
            assertEquals(ghk, r.membranePotentialMv(), Math.max(GHK_MV, 2 * r.discretisationErrorMv()),
                    describe(c, SEED + 2, s) + ", estimate " + r.discretisationErrorMv() + " mV");
        }
        System.out.printf("  worst |V_m − GHK| = %.2g mV%n", worst);
    }

    /** Relaxation times up to which the transient subset is drawn, s; each transient runs 100 of them. */
    private static final double SLOWEST_RELAXATION_S = 1e3;

    @Test
    void aLongTransientEndsAtTheSteadyState() {
        RandomPhysicalScenarios random = new RandomPhysicalScenarios(SEED + 3);
        int tested = 0;
        for (int c = 0; tested < 4 && c < 1000; c++) {
            Scenario s = random.next(c % 2 == 0 ? Kind.CLOSED_NERNST : Kind.CLOSED_BOX);
            if (relaxationTimeS(s) > SLOWEST_RELAXATION_S) {
                continue;
            }
            tested++;
            double end = 100 * SLOWEST_RELAXATION_S;
            Mesh1D mesh = GradedMeshBuilder.build(s);
            MembraneSlabSolver steady = new MembraneSlabSolver(s, mesh);
            steady.useSteadyGuess();
            steady.solveSteady();
            Scenario stepping = s.withRun(new RunSpec(RunMode.TRANSIENT, end, RunSpec.DEFAULT_RELATIVE_TOLERANCE));
            MembraneSlabSolver stepped = new MembraneSlabSolver(stepping, mesh);
            stepped.advance(end, null, RunSpec.DEFAULT_RELATIVE_TOLERANCE);
            assertEquals(steady.membranePotentialMv(), stepped.membranePotentialMv(), 1e-3, describe(c, SEED + 3, s));
            assertTrue(stepped.result().conservationError() <= 1e-10, describe(c, SEED + 3, s));
        }
        assertEquals(4, tested, "four transients in the subset");
    }

    /**
     * The slowest relaxation of a closed box: exchanging a bath's content through the membrane, W/P for the widest
     * bath and the least permeant species, and charging the membrane, C_m V_T / (F z² P c) with the smaller bath
     * concentration.
     */
    private static double relaxationTimeS(Scenario s) {
        double widest = Math.max(s.inside().widthUm(), s.outside().widthUm()) * 1e-6;
        double cm = PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * s.membrane().permittivity()
                / (s.membrane().thicknessNm() * 1e-9);
        double vt = PhysicalConstants.thermalVoltageV(s.temperatureK());
        double slowest = 0;
        for (int i = 0; i < s.speciesCount(); i++) {
            double p = s.membrane().permeabilityMPerS(i);
            if (p > 0) {
                int z = s.species().get(i).charge();
                double c = Math.min(s.inside().concentrationMm(i), s.outside().concentrationMm(i));
                slowest = Math.max(slowest, Math.max(widest / p,
                        cm * vt / (PhysicalConstants.FARADAY_C_PER_MOL * z * z * p * c)));
            }
        }
        return slowest;
    }

    private static int permeant(Scenario s) {
        for (int i = 0; i < s.speciesCount(); i++) {
            if (s.membrane().isPermeant(i)) {
                return i;
            }
        }
        throw new AssertionError("no permeant species");
    }
}
