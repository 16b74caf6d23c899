package org.membranepnp.solver.validation;

import java.util.function.Consumer;
import org.membranepnp.engine.analytic.GhkFlux;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;

/**
 * Case 2: Goldman–Hodgkin–Katz. The free-running neuron's V_m against the GHK voltage equation; each ion's flux
 * against the GHK current equation with the membrane-surface concentrations and the drop inside the membrane;
 * the voltage-clamp I–V curve from −100 to +60 mV against the summed GHK currents; its zero crossing against the
 * free-running V_m; and the deviation from the plain bulk GHK curve, which the diffuse-layer potentials explain.
 */
final class GhkValidation {
    static final double VM_TOLERANCE_MV = 0.5;
    static final double FLUX_RELATIVE_TOLERANCE = 1e-3;
    static final double IV_RELATIVE_TOLERANCE = 1e-3;
    static final double ZERO_CROSSING_TOLERANCE_MV = 0.01;

    private GhkValidation() {
    }

    static void run(Consumer<ValidationCase> sink) {
        Scenario s = ReferenceScenarios.neuronRest();
        RunResult rest = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        int[] z = s.charges();
        double[] p = s.membrane().permeabilitiesMPerS();
        double t = s.temperatureK();
        double ghk = GhkVoltage.mv(z, p, s.inside().concentrationsMm(), s.outside().concentrationsMm(), t);
        sink.accept(ValidationSuite.absolute("GHK V_m neuron-rest", ghk, rest.membranePotentialMv(), "mV",
                VM_TOLERANCE_MV, "bulk concentrations, P_K:P_Na:P_Cl = 1:0.04:0.45"));
        for (int i = 0; i < z.length; i++) {
            if (p[i] == 0) {
                continue;
            }
            double expected = GhkFlux.outwardMolPerM2S(z[i], p[i], rest.insideSurfaceMm()[i],
                    rest.outsideSurfaceMm()[i], rest.intramembraneDropMv(), t);
            double actual = rest.membraneFluxMolPerM2S()[i];
            double rel = Math.abs(actual - expected) / Math.abs(expected);
            sink.accept(new ValidationCase("GHK flux " + ValidationSuite.name(s.species().get(i)) + " (relative)",
                    expected, actual, "mol/(m² s)", FLUX_RELATIVE_TOLERANCE, rel <= FLUX_RELATIVE_TOLERANCE,
                    String.format("surface concentrations, intramembrane drop; rel. dev. %.2e", rel)));
        }
        // voltage clamp I–V
        double maxCurrent = 0;
        double maxDeviation = 0;
        double maxBulkDeviation = 0;
        for (double v = -100; v <= 60 + 1e-9; v += 10) {
            RunResult r = Simulation.run(ValidationSuite.voltageClamped(s, v), SolverOptions.DEFAULT,
                    ProgressListener.NONE);
            double sim = totalCurrent(r, z);
            double surface = 0;
            for (int i = 0; i < z.length; i++) {
                surface += GhkFlux.currentAPerM2(z[i], p[i], r.insideSurfaceMm()[i], r.outsideSurfaceMm()[i],
                        r.intramembraneDropMv(), t);
            }
            double bulk = GhkFlux.totalCurrentAPerM2(z, p, s.inside().concentrationsMm(),
                    s.outside().concentrationsMm(), r.membranePotentialMv(), t);
            maxCurrent = Math.max(maxCurrent, Math.abs(sim));
            maxDeviation = Math.max(maxDeviation, Math.abs(sim - surface));
            maxBulkDeviation = Math.max(maxBulkDeviation, Math.abs(sim - bulk));
        }
        double rel = maxDeviation / maxCurrent;
        sink.accept(new ValidationCase("GHK I-V -100..+60 mV (max dev / max |I|)", 0.0, rel, "1",
                IV_RELATIVE_TOLERANCE, rel <= IV_RELATIVE_TOLERANCE,
                "voltage clamp; summed GHK currents with surface concentrations and intramembrane drop"));
        double zero = zeroCrossing(s, rest.membranePotentialMv(), z);
        sink.accept(ValidationSuite.absolute("I-V zero crossing = free-running V_m", rest.membranePotentialMv(),
                zero, "mV", ZERO_CROSSING_TOLERANCE_MV, "secant on the clamped current"));
        double bulkRel = maxBulkDeviation / maxCurrent;
        sink.accept(ValidationSuite.atMost("I-V deviation from bulk GHK (max dev / max |I|)", bulkRel, "1", 0.05,
                "diffuse layers: surface c = bulk·exp(−zζ/V_T), and the drop in the lipid is V_m − ζ_in + ζ_out"));
    }

    static double totalCurrent(RunResult r, int[] z) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += z[i] * org.membranepnp.engine.units.PhysicalConstants.FARADAY_C_PER_MOL
                    * r.membraneFluxMolPerM2S()[i];
        }
        return sum;
    }

    /** Secant iteration on the clamped steady current I(V) = 0, starting near {@code guessMv}. */
    private static double zeroCrossing(Scenario s, double guessMv, int[] z) {
        double v0 = guessMv - 5;
        double v1 = guessMv + 5;
        double i0 = clampedCurrent(s, v0, z);
        double i1 = clampedCurrent(s, v1, z);
        for (int it = 0; it < 30 && Math.abs(v1 - v0) > 1e-9; it++) {
            double v2 = v1 - i1 * (v1 - v0) / (i1 - i0);
            v0 = v1;
            i0 = i1;
            v1 = v2;
            i1 = clampedCurrent(s, v1, z);
        }
        return v1;
    }

    private static double clampedCurrent(Scenario s, double v, int[] z) {
        return totalCurrent(Simulation.run(ValidationSuite.voltageClamped(s, v), SolverOptions.DEFAULT,
                ProgressListener.NONE), z);
    }
}
