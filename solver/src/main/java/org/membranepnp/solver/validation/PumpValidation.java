package org.membranepnp.solver.validation;

import java.util.function.Consumer;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.MullinsNoda;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;

/**
 * The Na⁺/K⁺ pump: with reservoirs, the steady drop across the lipid solves Σ I_GHK(V) + I_pump = 0 with the
 * surface concentrations (0.01 mV), and the shift of the bulk-concentration version is reported; a closed cell
 * with the pump settles where the Mullins–Noda equation (r = 3/2) of its own steady inside concentrations says
 * (0.5 mV); and the pump's own contribution, V_m with pump minus GHK without, is a few mV.
 */
final class PumpValidation {
    static final double SURFACE_TOLERANCE_MV = 0.01;
    static final double MULLINS_NODA_TOLERANCE_MV = 0.5;

    private PumpValidation() {
    }

    static void run(Consumer<ValidationCase> sink) {
        double current = ReferenceScenarios.balancingPumpCurrentAPerM2();
        for (boolean saturating : new boolean[]{false, true}) {
            NaKPump pump = ReferenceScenarios.pump(saturating ? 2 * current : current, saturating);
            Scenario open = ReferenceScenarios.neuronRest().withPump(pump);
            RunResult r = Simulation.run(open, SolverOptions.DEFAULT, ProgressListener.NONE);
            double ip = pumpCurrent(pump, r);
            double[] p = open.membrane().permeabilitiesMPerS();
            double expected = GhkVoltage.mv(open.charges(), p, r.insideSurfaceMm(), r.outsideSurfaceMm(),
                    open.temperatureK(), ip);
            double bulk = GhkVoltage.mv(open.charges(), p, open.inside().concentrationsMm(),
                    open.outside().concentrationsMm(), open.temperatureK(), ip);
            sink.accept(ValidationSuite.absolute("Pump" + (saturating ? " (saturating)" : "")
                            + ": sum I_GHK + I_pump = 0 at the lipid drop", expected, r.intramembraneDropMv(), "mV",
                    SURFACE_TOLERANCE_MV, String.format("reservoirs; I_pump = %.4g A/m², surface concentrations; with "
                            + "bulk concentrations the root is %.4f mV (diffuse layers shift it by %.3f mV)", ip, bulk,
                            r.membranePotentialMv() - bulk)));
        }

        // a closed cell with the pump: Mullins–Noda for its own steady inside concentrations
        NaKPump pump = ReferenceScenarios.pump(current, false);
        Scenario closed = ReferenceScenarios.neuronRest().withPump(pump)
                .withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0));
        RunResult c = Simulation.run(closed, SolverOptions.DEFAULT, ProgressListener.NONE);
        double[] in = c.insideBulkMm();
        double[] out = c.outsideBulkMm();
        double pK = closed.membrane().permeabilityMPerS(0);
        double pNa = closed.membrane().permeabilityMPerS(1);
        double mn = MullinsNoda.mv(pK, pNa, in[0], out[0], in[1], out[1], MullinsNoda.NA_K_PUMP_RATIO,
                closed.temperatureK());
        sink.accept(ValidationSuite.absolute("Pump: closed cell steady V_m = Mullins-Noda (r = 3/2)", mn,
                c.membranePotentialMv(), "mV", MULLINS_NODA_TOLERANCE_MV, String.format(
                        "steady inside K %.2f, Na %.2f, Cl %.2f mM (Cl at equilibrium)", in[0], in[1], in[2])));

        double[] p = closed.membrane().permeabilitiesMPerS();
        double ghkWithout = GhkVoltage.mv(closed.charges(), p, in, out, closed.temperatureK());
        double own = c.membranePotentialMv() - ghkWithout;
        sink.accept(ValidationSuite.within("Pump's own contribution: V_m - GHK without pump", own, "mV", -8.0, -1.0,
                "same concentrations; the electrogenic pump hyperpolarizes by a few mV"));
    }

    /** Net outward pump current F·J at the final face concentrations. */
    static double pumpCurrent(NaKPump pump, RunResult r) {
        double j = pump.maxCycleFluxMolPerM2S();
        if (pump.saturating()) {
            double na = r.insideSurfaceMm()[r.scenario().speciesIndex(pump.sodium())];
            double k = r.outsideSurfaceMm()[r.scenario().speciesIndex(pump.potassium())];
            double fk = 1 / (1 + pump.kmKOutMm() / k);
            double fna = 1 / (1 + pump.kmNaInMm() / na);
            j *= fk * fk * fna * fna * fna;
        }
        return org.membranepnp.engine.units.PhysicalConstants.FARADAY_C_PER_MOL * j;
    }
}
