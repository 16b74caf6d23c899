package org.membranepnp.solver.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.analytic.MullinsNoda;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Schedule;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.ChargeBalance;
import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The guided tour of how a cell builds and keeps its voltage, in the order a textbook tells it: Nernst for each
 * ion (and with temperature and valence), driving forces, the GHK resting potential, the membrane as a capacitor
 * (how few ions it takes), the charge layer and the electroneutral bulk, the Na⁺/K⁺ pump, the sodium surge, and
 * (in 2-D) a single channel that charges the whole membrane.
 * Each step simulates and compares with the analytic value.
 */
public final class PhysicsTour {
    /** Radius of the cell of the capacitor count, µm. */
    public static final double CELL_RADIUS_UM = 10.0;

    private PhysicsTour() {
    }

    /** Runs every step, reporting each to {@code onEach} as it finishes. */
    public static List<TourStep> run(Consumer<TourStep> onEach) {
        List<TourStep> all = new ArrayList<>();
        Consumer<TourStep> sink = s -> {
            all.add(s);
            onEach.accept(s);
        };
        nernst(sink);
        RunResult rest = solve(ReferenceScenarios.neuronRest());
        drivingForces(rest, sink);
        restingPotential(rest, sink);
        capacitor(rest, sink);
        chargeLayer(rest, sink);
        pump(sink);
        sodiumSurge(rest, sink);
        channel(sink);
        return all;
    }

    private static RunResult solve(Scenario s) {
        return Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
    }

    private static String ion(Species s) {
        int z = s.charge();
        return s.name() + (z > 0 ? "+".repeat(z) : "-".repeat(-z));
    }

    private static void nernst(Consumer<TourStep> sink) {
        Object[][] cases = {
            {ReferenceScenarios.potassium(), 140.0, 4.0, ReferenceScenarios.BODY_TEMPERATURE_K},
            {ReferenceScenarios.sodium(), 15.0, 145.0, ReferenceScenarios.BODY_TEMPERATURE_K},
            {ReferenceScenarios.chloride(), 7.0, 149.0, ReferenceScenarios.BODY_TEMPERATURE_K},
            {ReferenceScenarios.potassium(), 140.0, 4.0, 279.45},
            {ReferenceScenarios.calcium(), 0.1, 3.5, ReferenceScenarios.BODY_TEMPERATURE_K}};
        for (Object[] c : cases) {
            Species sp = (Species) c[0];
            double t = (double) c[3];
            RunResult r = solve(ReferenceScenarios.nernst(sp, (double) c[1], (double) c[2], t, 0, 0));
            double e = NernstPotential.mv(sp.charge(), r.outsideBulkMm()[0], r.insideBulkMm()[0], t);
            String claim = switch (sp.name()) {
                case "Ca" -> "a divalent ion needs half the voltage for the same gradient (35-fold, like K+)";
                default -> t < 300 ? "E is proportional to T: K+ at 6.3 °C (squid) instead of 37 °C"
                        : "only " + ion(sp) + " can cross: it flows until V_m balances its gradient";
            };
            sink.accept(new TourStep(1, "Nernst potential of " + ion(sp), claim, e, r.membranePotentialMv(), "mV",
                    0.01, String.format("E = (RT/zF) ln(c_out/c_in) at %.2f K with the final bulk %.4g / %.4g mM; closed "
                            + "inside bath", t, r.insideBulkMm()[0], r.outsideBulkMm()[0]), r));
        }
    }

    private static void drivingForces(RunResult rest, Consumer<TourStep> sink) {
        Scenario s = rest.scenario();
        double vGhk = ghk(s);
        for (int i = 0; i < 2; i++) {
            Species sp = s.species().get(i);
            double e = NernstPotential.mv(sp.charge(), s.outside().concentrationMm(i), s.inside().concentrationMm(i),
                    s.temperatureK());
            double simE = NernstPotential.mv(sp.charge(), rest.outsideBulkMm()[i], rest.insideBulkMm()[i],
                    s.temperatureK());
            String claim = i == 0 ? "at rest K+ is pushed out by about +20 mV (V_m above E_K)"
                    : "Na+ is pulled in by about -135 mV (V_m far below E_Na)";
            double dg = sp.charge() * PhysicalConstants.FARADAY_C_PER_MOL * (rest.membranePotentialMv() - simE) * 1e-6;
            sink.accept(new TourStep(2, "Driving force V_m - E of " + ion(sp), claim, vGhk - e,
                    rest.membranePotentialMv() - simE, "mV", 0.5,
                    String.format("analytic with the GHK V_m; ΔG = zF(V_m - E) = %+.2f kJ/mol to move it inward", dg),
                    rest));
        }
    }

    private static double ghk(Scenario s) {
        double[] p = s.membrane().permeabilitiesMPerS();
        return GhkVoltage.mv(s.charges(), p, s.inside().concentrationsMm(), s.outside().concentrationsMm(),
                s.temperatureK());
    }

    private static void restingPotential(RunResult rest, Consumer<TourStep> sink) {
        sink.accept(new TourStep(3, "Resting potential (GHK)",
                "V_m is the permeability-weighted vote of all ions, P_K : P_Na : P_Cl = 1 : 0.04 : 0.45",
                ghk(rest.scenario()), rest.membranePotentialMv(), "mV", 0.5,
                "Goldman–Hodgkin–Katz voltage equation; simulated: zero net current through the membrane", rest));
    }

    private static void capacitor(RunResult rest, Consumer<TourStep> sink) {
        Scenario s = rest.scenario();
        double cm = MembraneCapacitor.capacitanceUfPerCm2(s.membrane().permittivity(), s.membrane().thicknessNm());
        double sigma = MembraneCapacitor.chargeCPerM2(cm, rest.membranePotentialMv());
        double analytic = MembraneCapacitor.ionsMovedOnSphere(sigma, CELL_RADIUS_UM, 1);
        double simulated = MembraneCapacitor.ionsMovedOnSphere(rest.separatedChargeCPerM2(), CELL_RADIUS_UM, 1);
        double inside = MembraneCapacitor.ionsInSphere(s.inside().concentrationMm(0), CELL_RADIUS_UM);
        sink.accept(new TourStep(4, "Ions that charge the membrane (10 µm cell)",
                "a few million ions set V_m: the membrane is a capacitor, Q = C V", analytic, simulated, "ions",
                0.05 * analytic, String.format("analytic C_m V_m with C_m = ε0 ε_m/d = %.3f µF/cm²; simulated: the separated charge "
                        + "(C_m in series with the diffuse layers); %.2g of the %.2g K+ inside", cm,
                        simulated / inside, inside), rest));
    }

    private static void chargeLayer(RunResult rest, Consumer<TourStep> sink) {
        Scenario s = rest.scenario();
        double lambda = DebyeLength.nm(s.inside().permittivity(), s.charges(), s.inside().concentrationsMm(),
                s.temperatureK());
        Profiles p = rest.profiles();
        int a = p.membraneStartNode();
        // mean depth of the inside layer's net charge: an exponential e^{-x/λ} has mean depth λ
        double q = 0;
        double qx = 0;
        for (int k = 0; k < a; k++) {
            double w = 0.5 * (p.xNm()[k + 1] - p.xNm()[k]);
            for (int side = 0; side < 2; side++) {
                int node = k + side;
                double depth = p.xNm()[a] - p.xNm()[node];
                double rho = node == a ? 0 : p.chargeDensityCPerM3()[node];
                q += w * rho;
                qx += w * rho * depth;
            }
        }
        sink.accept(new TourStep(5, "Thickness of the charge layer",
                "the net charge sits within about one Debye length of the membrane; beyond, the bulk is neutral",
                lambda, qx / q, "nm", 0.1 * lambda, String.format("Debye length of the inside bath; simulated: mean depth of the "
                        + "inside net charge; bulk electroneutrality beyond 10 λ_D: %.1e", rest.bulkElectroneutrality()),
                rest));
    }

    private static void pump(Consumer<TourStep> sink) {
        NaKPump pump = ReferenceScenarios.pump(ReferenceScenarios.balancingPumpCurrentAPerM2(), false);
        Scenario closed = ReferenceScenarios.neuronRest().withPump(pump)
                .withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0));
        RunResult r = solve(closed);
        double[] in = r.insideBulkMm();
        double[] out = r.outsideBulkMm();
        double mn = MullinsNoda.mv(closed.membrane().permeabilityMPerS(0), closed.membrane().permeabilityMPerS(1),
                in[0], out[0], in[1], out[1], MullinsNoda.NA_K_PUMP_RATIO, closed.temperatureK());
        double[] p = closed.membrane().permeabilitiesMPerS();
        double ghkWithout = GhkVoltage.mv(closed.charges(), p, in, out, closed.temperatureK());
        sink.accept(new TourStep(6, "Na+/K+ pump (Mullins–Noda)",
                "3 Na+ out, 2 K+ in per cycle keep the gradients and add a few mV of their own", mn,
                r.membranePotentialMv(), "mV", 0.5, String.format("closed cell at steady state: inside K %.1f, Na %.1f mM; "
                        + "the pump's own share, V_m - GHK without it: %+.2f mV", in[0], in[1],
                        r.membranePotentialMv() - ghkWithout), r));
    }

    private static void sodiumSurge(RunResult rest, Consumer<TourStep> sink) {
        Scenario s = rest.scenario();
        double pK = s.membrane().permeabilityCmPerS()[0];
        double pNa = s.membrane().permeabilityCmPerS()[1];
        double surgeFrom = 1e-3;
        double surgeTo = 11e-3;
        Schedule surge = new Schedule("membrane.permeability_cm_s.Na",
                new double[]{0, surgeFrom, surgeFrom, surgeTo, surgeTo}, new double[]{pNa, pNa, 20 * pK, 20 * pK, pNa});
        Scenario run = s.withSchedules(List.of(surge)).withRun(new RunSpec(RunMode.TRANSIENT, 15e-3, 1e-5));
        // start from rest: solve the steady state first, then follow the surge
        org.membranepnp.solver.MembraneSlabSolver slab = new org.membranepnp.solver.MembraneSlabSolver(s);
        slab.useSteadyGuess();
        slab.solveSteady();
        slab.setSchedules(run.schedules());
        slab.advance(run.run().endTimeS(), null, run.run().relativeTolerance());
        TimeSeries ts = slab.result().timeSeries();
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : ts.membranePotentialMv()) {
            peak = Math.max(peak, v);
        }
        double[] p = s.membrane().permeabilitiesMPerS();
        p[1] = 20 * pK * 1e-2;
        double target = GhkVoltage.mv(s.charges(), p, s.inside().concentrationsMm(), s.outside().concentrationsMm(),
                s.temperatureK());
        double eNa = NernstPotential.mv(1, s.outside().concentrationMm(1), s.inside().concentrationMm(1),
                s.temperatureK());
        sink.accept(new TourStep(7, "Sodium surge (the action potential's upstroke)",
                "P_Na rises to 20 P_K: V_m swings from rest towards E_Na", target, peak, "mV", 2.0,
                String.format("GHK with the surge permeabilities (E_Na = %+.1f mV); simulated: peak V_m of a 10 ms surge "
                        + "from rest %.1f mV", eNa, rest.membranePotentialMv()), slab.result()));
    }

    /**
     * Chapter 8, in 2-D: ions cross only at one K⁺ pore, yet V_m is E_K and the membrane far from the pore holds the
     * charge of a plain membrane at that voltage (the 1-D slab of the same baths, an independent computation).
     */
    private static void channel(Consumer<TourStep> sink) {
        Scenario patch = ReferenceScenarios.potassiumPatch();
        RunResult r = solve(patch);
        int k = patch.speciesIndex("K");
        double eK = NernstPotential.mv(1, r.outsideBulkMm()[k], r.insideBulkMm()[k], patch.temperatureK());
        sink.accept(new TourStep(8, "A channel in a patch of membrane (2-D)",
                "K+ crosses only at one 1 nm pore in 20 nm of sealed lipid, yet V_m settles at E_K", eK,
                r.membranePotentialMv(), "mV", 0.01, "Nernst of K+; simulated: zero current through the pore, 2-D "
                        + "mesh of " + r.cells() + " cells", r));
        RunResult plain = solve(org.membranepnp.solver.MembranePlaneSolver.averagedSlab(patch));
        double far = farRowChargeCPerM2(r.fields());
        double plainCharge = ChargeBalance.insideIonicChargeCPerM2(plain.profiles());
        sink.accept(new TourStep(8, "A channel in a patch of membrane (2-D)",
                "the whole membrane charges, not just the pore: 9.5 nm from it the membrane holds the charge of a "
                        + "plain membrane at E_K", ionsPerUm2(plainCharge), ionsPerUm2(far), "ions/µm²",
                0.02 * Math.abs(ionsPerUm2(plainCharge)), String.format("1-D slab of the same baths at E_K; simulated: "
                        + "net charge of the inside bath along the wall farthest from the pore (y = 0); the pore's "
                        + "mouth holds %.1f times as much", charge(r.fields(), r.fields().ny() / 2) / far), r));
    }

    /** σ = ∫ρ dx over the inside bath along the row of nodes y = 0, C/m². */
    private static double farRowChargeCPerM2(Fields2D f) {
        return charge(f, 0);
    }

    private static double charge(Fields2D f, int row) {
        double[] x = f.xNm();
        double[] rho = new double[f.nx()];
        int a = 0;
        for (int i = 0; i < f.nx(); i++) {
            rho[i] = f.chargeDensityCPerM3()[f.index(i, row)];
            if (x[i] <= f.membraneX0Nm()) {
                a = i;
            }
        }
        Profiles line = new Profiles(x, new double[f.nx()], new double[0][], rho, a, a);
        return ChargeBalance.insideIonicChargeCPerM2(line);
    }

    /** Elementary charges per µm² of a charge density per area, C/m². */
    private static double ionsPerUm2(double cPerM2) {
        return cPerM2 / PhysicalConstants.ELEMENTARY_CHARGE_C * 1e-12;
    }
}
