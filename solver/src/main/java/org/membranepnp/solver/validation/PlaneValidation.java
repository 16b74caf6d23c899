package org.membranepnp.solver.validation;

import java.util.List;
import java.util.function.Consumer;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.MembranePlaneSolver;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.MembraneSlabSolver;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * The 2-D solver: a slab without pores reproduces the 1-D solver; a K⁺-only pore holds the membrane at E_K; the
 * steady flux through a clamped pore is the same through every cross-section (exact discrete conservation).
 */
final class PlaneValidation {
    static final double SAME_AS_1D_MV = 1e-6;
    static final double NERNST_MV = 1e-4;
    static final double CONSERVATION = 1e-9;

    private PlaneValidation() {
    }

    static void run(Consumer<ValidationCase> sink) {
        Scenario neuron = ReferenceScenarios.neuronRest();
        RunResult one = MembraneSlabSolver.steadyOnItsMesh(neuron);
        RunResult flat = Simulation.run(ReferenceScenarios.plane(neuron, neuron.inside().widthUm(), 5.0, List.of()),
                SolverOptions.DEFAULT, ProgressListener.NONE);
        sink.accept(ValidationSuite.absolute("2-D slab without pores = 1-D", one.membranePotentialMv(),
                flat.membranePotentialMv(), "mV", SAME_AS_1D_MV, "resting neuron: GMRES + bordered clamp vs block LU + Woodbury"));

        Scenario pore = ReferenceScenarios.potassiumPore();
        RunResult r = Simulation.run(pore, SolverOptions.DEFAULT, ProgressListener.NONE);
        int k = pore.speciesIndex("K");
        sink.accept(ValidationSuite.absolute("2-D K+ pore: Nernst", NernstPotential.mv(1, r.outsideBulkMm()[k],
                r.insideBulkMm()[k], pore.temperatureK()), r.membranePotentialMv(), "mV", NERNST_MV,
                "1 nm pore in 10 nm of sealed lipid, zero current"));

        sink.accept(ValidationSuite.atMost("2-D flux through every cross-section", conservationError(pore), "rel",
                CONSERVATION, "K+ pore clamped at -40 mV: max |J(column) − J(middle)| / |J(middle)|"));

    }

    private static double conservationError(Scenario pore) {
        Scenario clamped = ValidationSuite.voltageClamped(pore, -40.0);
        int k = clamped.speciesIndex("K");
        try (WorkerPool pool = WorkerPool.serial()) {
            MembranePlaneSolver p = new MembranePlaneSolver(clamped, pool);
            p.solveSteady();
            double[] flux = p.fluxesThroughColumns(k);
            double mid = flux[(p.model().membraneStart + p.model().membraneEnd) / 2];
            double worst = 0;
            for (double f : flux) {
                worst = Math.max(worst, Math.abs(f - mid) / Math.abs(mid));
            }
            return worst;
        }
    }
}
