package org.membranepnp.solver.validation;

import java.util.function.Consumer;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import org.membranepnp.solver.ProgressListener;

/**
 * Case 1: a closed inside bath, one permeant ion: at equilibrium V_m equals (RT/zF) ln(c_out/c_in) of the final
 * bulk concentrations within 0.01 mV — for K+, Na+, Cl−, Ca2+, at 279 K and 310 K, and with charged faces.
 */
final class NernstValidation {
    static final double TOLERANCE_MV = 0.01;

    private NernstValidation() {
    }

    static void run(Consumer<ValidationCase> sink) {
        Species[] ions = {ReferenceScenarios.potassium(), ReferenceScenarios.sodium(), ReferenceScenarios.chloride(),
                ReferenceScenarios.calcium()};
        double[][] conc = {{140, 4}, {15, 145}, {7, 149}, {1e-1, 2}};
        for (double t : new double[]{279.0, 310.0}) {
            for (int i = 0; i < ions.length; i++) {
                sink.accept(check(ReferenceScenarios.nernst(ions[i], conc[i][0], conc[i][1], t, 0, 0), ""));
            }
        }
        sink.accept(check(ReferenceScenarios.nernst(ions[0], 140, 4, 310.0, -0.02, -0.02),
                ", faces -0.02 C/m²"));
        sink.accept(check(ReferenceScenarios.nernst(ions[3], 1e-1, 2, 310.0, -0.01, 0.005),
                ", faces -0.01/+0.005 C/m²"));
    }

    private static ValidationCase check(Scenario s, String extra) {
        RunResult r = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        Species ion = s.species().get(0);
        double expected = NernstPotential.mv(ion.charge(), r.outsideBulkMm()[0], r.insideBulkMm()[0],
                s.temperatureK());
        return ValidationSuite.absolute(String.format("Nernst %s %.0f K%s", ValidationSuite.name(ion),
                        s.temperatureK(), extra), expected, r.membranePotentialMv(), "mV", TOLERANCE_MV,
                "closed inside bath; final bulk concentrations");
    }
}
