package org.membranepnp.solver.validation;

import java.util.function.Consumer;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.MembraneSlabSolver;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;

/**
 * Case 4: the membrane is a capacitor. The separated charge equals C_m × (drop across the lipid) within 1%; the
 * net charge beyond 10 Debye lengths is the Debye–Hückel tail of the layers (within 10%) and the bulk is
 * electroneutral to 1e-6; and in a closed cell the fraction of the
 * inside K+ that left equals σ/(F c w) within 1%.
 */
final class CapacitorValidation {
    static final double CHARGE_TOLERANCE = 0.01;
    static final double NEUTRALITY_BOUND = 1e-6;
    static final double FRACTION_TOLERANCE = 0.01;
    static final double TAIL_TOLERANCE = 0.1;

    private CapacitorValidation() {
    }

    static void run(Consumer<ValidationCase> sink) {
        Scenario s = ReferenceScenarios.neuronRest();
        RunResult r = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        double cm = MembraneCapacitor.ufPerCm2ToFPerM2(MembraneCapacitor.capacitanceUfPerCm2(
                s.membrane().permittivity(), s.membrane().thicknessNm()));
        double expected = cm * r.intramembraneDropMv() * 1e-3;
        double rel = Math.abs(r.separatedChargeCPerM2() - expected) / Math.abs(expected);
        sink.accept(new ValidationCase("Capacitor: separated charge = C_m x drop (relative)", expected,
                r.separatedChargeCPerM2(), "C/m²", CHARGE_TOLERANCE, rel <= CHARGE_TOLERANCE,
                String.format("neuron-rest; rel. dev. %.2e", rel)));
        double tail = debyeHuckelTail(r);
        double relTail = Math.abs(r.bulkElectroneutrality() - tail) / tail;
        sink.accept(new ValidationCase("Electroneutrality beyond 10 Debye lengths vs Debye-Hueckel tail (relative)",
                tail, r.bulkElectroneutrality(), "1", TAIL_TOLERANCE, relTail <= TAIL_TOLERANCE,
                "neuron-rest; |sum z c|/sum |z| c = |psi - psi_bulk|/V_T, decaying as exp(-x/lambda_D)"));
        sink.accept(ValidationSuite.atMost("Electroneutrality of the bulk (bath centres)", midBathImbalance(r), "1",
                NEUTRALITY_BOUND, "neuron-rest, |sum z c| / sum |z| c at the node nearest each bath's centre"));

        Scenario k = ReferenceScenarios.nernst(ReferenceScenarios.potassium(), 140, 4, s.temperatureK(), 0, 0);
        MembraneSlabSolver slab = new MembraneSlabSolver(k);
        double before = insideAmount(slab, 0);
        slab.useSteadyGuess();
        slab.solveSteady();
        double after = insideAmount(slab, 0);
        RunResult rk = slab.result();
        double widthM = k.inside().widthUm() * 1e-6;
        double predicted = Math.abs(rk.separatedChargeCPerM2())
                / (PhysicalConstants.FARADAY_C_PER_MOL * k.inside().concentrationMm(0) * widthM);
        double moved = (before - after) / before;
        double relFraction = Math.abs(moved - predicted) / predicted;
        sink.accept(new ValidationCase("Fraction of inside K+ moved = sigma/(F c w) (relative)", predicted, moved, "1",
                FRACTION_TOLERANCE, relFraction <= FRACTION_TOLERANCE,
                String.format("closed cell, K+ only; %.3e of the K+ left", moved)));
    }

    /**
     * Linearised Poisson–Boltzmann prediction of the worst imbalance beyond 10 λ_D: at a node at distance d from a
     * face, |Σ z c| / Σ |z| c ≈ |ψ(d) − ψ_bulk| / V_T with ψ(d) − ψ_bulk = ζ e^{−d/λ_D} and ζ the simulated layer
     * potential (face minus bulk).
     */
    static double debyeHuckelTail(RunResult r) {
        Scenario s = r.scenario();
        Profiles p = r.profiles();
        double vt = PhysicalConstants.thermalVoltageMv(s.temperatureK());
        int a = p.membraneStartNode();
        int b = p.membraneEndNode();
        int last = p.nodeCount() - 1;
        double lin = DebyeLength.nm(s.inside().permittivity(), s.charges(), s.inside().concentrationsMm(),
                s.temperatureK());
        double lout = DebyeLength.nm(s.outside().permittivity(), s.charges(), s.outside().concentrationsMm(),
                s.temperatureK());
        double zetaIn = p.potentialMv()[a] - p.potentialMv()[0];
        double zetaOut = p.potentialMv()[b] - p.potentialMv()[last];
        double worst = 0;
        for (int k = 0; k <= last; k++) {
            double x = p.xNm()[k];
            if (k < a && p.xNm()[a] - x > 10 * lin) {
                worst = Math.max(worst, Math.abs(zetaIn) / vt * Math.exp(-(p.xNm()[a] - x) / lin));
            } else if (k > b && x - p.xNm()[b] > 10 * lout) {
                worst = Math.max(worst, Math.abs(zetaOut) / vt * Math.exp(-(x - p.xNm()[b]) / lout));
            }
        }
        return worst;
    }

    /** |Σ z c| / Σ |z| c at the node nearest the centre of each bath (the larger of the two). */
    static double midBathImbalance(RunResult r) {
        Profiles p = r.profiles();
        int a = p.membraneStartNode();
        int b = p.membraneEndNode();
        int last = p.nodeCount() - 1;
        return Math.max(imbalanceAt(r, nearest(p, 0.5 * p.xNm()[a])),
                imbalanceAt(r, nearest(p, 0.5 * (p.xNm()[b] + p.xNm()[last]))));
    }

    private static int nearest(Profiles p, double xNm) {
        int best = 0;
        for (int k = 1; k < p.nodeCount(); k++) {
            if (Math.abs(p.xNm()[k] - xNm) < Math.abs(p.xNm()[best] - xNm)) {
                best = k;
            }
        }
        return best;
    }

    private static double imbalanceAt(RunResult r, int k) {
        int[] z = r.scenario().charges();
        double net = 0;
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double c = r.profiles().concentrationsMm()[i][k];
            net += z[i] * c;
            total += Math.abs(z[i]) * c;
        }
        return Math.abs(net) / total;
    }

    /** Amount of species i in the inside bath (water part of the control volumes), dimensionless. */
    static double insideAmount(MembraneSlabSolver slab, int i) {
        var model = slab.model();
        double[] u = slab.state();
        double sum = 0;
        for (int k = 0; k <= model.membraneStart; k++) {
            sum += model.waterVolume(k) * u[k * model.m + 1 + i];
        }
        return sum;
    }
}
