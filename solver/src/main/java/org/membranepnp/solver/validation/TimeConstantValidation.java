package org.membranepnp.solver.validation;

import java.util.function.Consumer;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.GhkFlux;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.analytic.MembraneTimeConstant;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.engine.result.ValidationCase;
import org.membranepnp.solver.MembraneSlabSolver;

/**
 * Case 6: a K+-leaky membrane (neuron baths, only K+ permeable) at rest (V = E_K) receives a small current step; V_m relaxes exponentially with
 * τ = C / G, G the GHK slope conductance at E_K and C the membrane capacitance C_m in series with the two
 * diffuse-layer capacitances ε_w/λ_D (3% below C_m at 150 mM), within 3%. τ is fitted to ln(1 − f(t)) over 10–90% of the rise.
 */
final class TimeConstantValidation {
    static final double TOLERANCE = 0.03;
    static final double STEP_MV = 0.5;

    private TimeConstantValidation() {
    }

    static Scenario scenario() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        return neuron.withMembrane(ReferenceScenarios.membrane(ReferenceScenarios.P_K_CM_S, 0, 0, 0))
                .withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0));
    }

    static void run(Consumer<ValidationCase> sink) {
        Scenario s = scenario();
        double t = s.temperatureK();
        double p = s.membrane().permeabilityMPerS(0);
        double cIn = s.inside().concentrationMm(0);
        double cOut = s.outside().concentrationMm(0);
        MembraneSlabSolver slab = new MembraneSlabSolver(s);
        slab.useSteadyGuess();
        slab.solveSteady();
        double v0 = slab.membranePotentialMv();
        double g = GhkFlux.conductanceSPerM2(1, p, cIn, cOut, v0, t);
        double cmUf = MembraneCapacitor.capacitanceUfPerCm2(s.membrane().permittivity(), s.membrane().thicknessNm());
        double cInUf = MembraneCapacitor.diffuseLayerCapacitanceUfPerCm2(s.inside().permittivity(),
                DebyeLength.nm(s.inside().permittivity(), s.charges(), s.inside().concentrationsMm(), t));
        double cOutUf = MembraneCapacitor.diffuseLayerCapacitanceUfPerCm2(s.outside().permittivity(),
                DebyeLength.nm(s.outside().permittivity(), s.charges(), s.outside().concentrationsMm(), t));
        double cSeriesUf = MembraneCapacitor.seriesCapacitanceUfPerCm2(cmUf, cInUf, cOutUf);
        double tauMembrane = MembraneTimeConstant.tauS(cmUf, g);
        double tau = MembraneTimeConstant.tauS(cSeriesUf, g);
        double current = g * STEP_MV * 1e-3;
        slab.setClampCurrentAPerM2(current);
        slab.advance(10 * tau, null, 1e-6);
        TimeSeries ts = slab.result().timeSeries();
        double vInf = slab.membranePotentialMv();
        double fitted = fitTau(ts, v0, vInf);
        double rel = Math.abs(fitted - tau) / tau;
        sink.accept(new ValidationCase("Time constant tau = C/G (relative)", tau, fitted, "s", TOLERANCE,
                rel <= TOLERANCE, String.format("K+ leak at E_K = %.2f mV, %.1f mV step; G = %.4g S/m²; C = %.4f "
                        + "µF/cm² (C_m %.4f in series with both diffuse layers; C_m/G = %.4g s); rel. dev. %.2e",
                v0, STEP_MV, g, cSeriesUf, cmUf, tauMembrane, rel)));
    }

    /** Least-squares slope of ln(1 − f) against t over 10–90 % of the rise; τ = −1/slope. */
    static double fitTau(TimeSeries ts, double v0, double vInf) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int k = 0; k < ts.sampleCount(); k++) {
            double f = (ts.membranePotentialMv()[k] - v0) / (vInf - v0);
            if (f < 0.1 || f > 0.9) {
                continue;
            }
            double x = ts.timeS()[k];
            double y = Math.log(1 - f);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return -1.0 / slope;
    }
}
