package org.membranepnp.solver.validation;

import java.util.function.Consumer;
import org.membranepnp.engine.analytic.GouyChapman;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.MembraneSlabSolver;

/**
 * Case 3: a charged face (−0.05 C/m²) in 150 mM monovalent salt. The potential of the diffuse layer, relative to
 * the bulk, within 1% of the analytic surface potential at every node; the diffuse charge within 0.5% of
 * Grahame's equation at the simulated surface potential.
 */
final class GouyChapmanValidation {
    static final double SIGMA_C_PER_M2 = -0.05;
    static final double SALT_MM = 150;
    static final double TEMPERATURE_K = 298.15;
    static final double POTENTIAL_TOLERANCE = 0.01;
    static final double CHARGE_TOLERANCE = 0.005;

    private GouyChapmanValidation() {
    }

    static Scenario scenario() {
        return ReferenceScenarios.gouyChapman(SIGMA_C_PER_M2, SALT_MM, TEMPERATURE_K);
    }

    static void run(Consumer<ValidationCase> sink) {
        Scenario s = scenario();
        MembraneSlabSolver slab = new MembraneSlabSolver(s);
        slab.useSteadyGuess();
        slab.solveSteady();
        RunResult r = slab.result();
        double psi0 = GouyChapman.surfacePotentialMv(SIGMA_C_PER_M2, SALT_MM, 1, 80, TEMPERATURE_K);
        double err = maxPotentialError(r, psi0);
        sink.accept(new ValidationCase("Gouy-Chapman potential (max |error| / |psi0|)", 0.0, err / Math.abs(psi0),
                "1", POTENTIAL_TOLERANCE, err / Math.abs(psi0) <= POTENTIAL_TOLERANCE,
                String.format("psi0 = %.3f mV analytic; every node of the outside bath", psi0)));
        Profiles pr = r.profiles();
        int b = pr.membraneEndNode();
        double psiSurface = pr.potentialMv()[b] - pr.potentialMv()[pr.nodeCount() - 1];
        double grahame = GouyChapman.grahameChargeCPerM2(psiSurface, SALT_MM, 1, 80, TEMPERATURE_K);
        double diffuse = -outsideIonicCharge(slab);
        double rel = Math.abs(diffuse - grahame) / Math.abs(grahame);
        sink.accept(new ValidationCase("Gouy-Chapman diffuse charge vs Grahame (relative)", grahame, diffuse, "C/m²",
                CHARGE_TOLERANCE, rel <= CHARGE_TOLERANCE,
                String.format("Grahame at simulated surface potential %.3f mV; rel. dev. %.2e", psiSurface, rel)));
    }

    /** max over outside-bath nodes of |ψ_sim(x) − ψ_GC(x)|, potentials relative to the outside bulk, mV. */
    static double maxPotentialError(RunResult r, double psi0Mv) {
        Profiles pr = r.profiles();
        int b = pr.membraneEndNode();
        int last = pr.nodeCount() - 1;
        double err = 0;
        for (int k = b; k <= last; k++) {
            double dist = pr.xNm()[k] - pr.xNm()[b];
            double exact = GouyChapman.potentialMv(dist, psi0Mv, SALT_MM, 1, 80, TEMPERATURE_K);
            double sim = pr.potentialMv()[k] - pr.potentialMv()[last];
            err = Math.max(err, Math.abs(sim - exact));
        }
        return err;
    }

    /** Ionic charge per area of the outside bath (water part of the control volumes), C/m². */
    static double outsideIonicCharge(MembraneSlabSolver slab) {
        var model = slab.model();
        double[] u = slab.state();
        double q = 0;
        for (int k = model.membraneEnd; k < model.n; k++) {
            double net = 0;
            for (int i = 0; i < model.s; i++) {
                net += model.z[i] * u[k * model.m + 1 + i];
            }
            q += model.waterVolume(k) * net;
        }
        return q * PhysicalConstants.FARADAY_C_PER_MOL * model.scales.concentrationMolPerM3 * model.scales.lengthM;
    }
}
