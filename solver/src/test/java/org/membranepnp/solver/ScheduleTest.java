package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.model.Schedule;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** Permeabilities that change in time: the sodium surge swings V_m from rest towards E_Na and back. */
class ScheduleTest {

    private static Schedule surge(double fromS, double toS, double pNa, double pSurge) {
        return new Schedule("membrane.permeability_cm_s.Na", new double[]{0, fromS, fromS, toS, toS},
                new double[]{pNa, pNa, pSurge, pSurge, pNa});
    }

    @Test
    void longSurgeSettlesAtTheGhkVoltageOfTheSurgePermeabilitiesAndReturnsToRest() {
        Scenario s = ReferenceScenarios.neuronRest();
        double pK = ReferenceScenarios.P_K_CM_S;
        double pNa = 0.04 * pK;
        MembraneSlabSolver slab = new MembraneSlabSolver(s);
        slab.useSteadyGuess();
        slab.solveSteady();
        double rest = slab.membranePotentialMv();
        slab.setSchedules(List.of(surge(1e-3, 21e-3, pNa, 20 * pK)));
        slab.advance(1.5, null, 1e-5); // the resting membrane recovers with τ = C/G ≈ 0.14 s
        TimeSeries ts = slab.result().timeSeries();
        double peak = Double.NEGATIVE_INFINITY;
        double atSurgeStart = Double.NaN;
        for (int k = 0; k < ts.sampleCount(); k++) {
            peak = Math.max(peak, ts.membranePotentialMv()[k]);
            if (Math.abs(ts.timeS()[k] - 1e-3) <= 1e-12) {
                atSurgeStart = ts.membranePotentialMv()[k];
            }
        }
        double[] p = {pK * 1e-2, 20 * pK * 1e-2, 0.45 * pK * 1e-2, 0};
        double ghkSurge = GhkVoltage.mv(s.charges(), p, s.inside().concentrationsMm(), s.outside().concentrationsMm(),
                s.temperatureK());
        assertEquals(ghkSurge, peak, 2.0, "peak V_m against GHK with P_Na = 20 P_K");
        assertEquals(rest, atSurgeStart, 1e-6, "nothing happens before the surge; a step lands on t = 1 ms");
        assertEquals(rest, slab.membranePotentialMv(), 0.1, "back to rest after ten resting time constants");
        assertTrue(peak > 0, "the surge overshoots 0 mV towards E_Na: " + peak);
    }

    @Test
    void scheduleOfAnImpermeantSpeciesIsRefused() {
        MembraneSlabSolver slab = new MembraneSlabSolver(ReferenceScenarios.neuronRest());
        UserInputException e = assertThrows(UserInputException.class, () -> slab.setSchedules(List.of(
                new Schedule("membrane.permeability_cm_s.A", new double[]{0}, new double[]{1e-7}))));
        assertTrue(e.getMessage().contains("impermeant"), e.getMessage());
    }

    @Test
    void scheduleValuesInterpolateAndStep() {
        Schedule s = new Schedule("boundary.current_A_m2", new double[]{0, 1, 1, 3}, new double[]{0, 2, 5, 1});
        assertEquals(0, s.valueAt(-1), 0);
        assertEquals(1, s.valueAt(0.5), 1e-15);
        assertEquals(5, s.valueAt(1), 0, "right-continuous at the step");
        assertEquals(3, s.valueAt(2), 1e-15);
        assertEquals(1, s.valueAt(10), 0);
    }

    @Test
    void aStepLateInARunIsNotSteppedOver() {
        // by 0.3 s the integrator takes steps of tens of ms; a 1 ms surge must still be seen
        Scenario s = ReferenceScenarios.neuronRest();
        double pK = ReferenceScenarios.P_K_CM_S;
        MembraneSlabSolver slab = new MembraneSlabSolver(s);
        slab.useSteadyGuess();
        slab.solveSteady();
        double rest = slab.membranePotentialMv();
        slab.setSchedules(List.of(surge(0.3, 0.301, 0.04 * pK, 20 * pK)));
        slab.advance(0.4, null, 1e-4);
        TimeSeries ts = slab.result().timeSeries();
        double peak = Double.NEGATIVE_INFINITY;
        double peakTime = Double.NaN;
        for (int k = 0; k < ts.sampleCount(); k++) {
            if (ts.membranePotentialMv()[k] > peak) {
                peak = ts.membranePotentialMv()[k];
                peakTime = ts.timeS()[k];
            }
        }
        assertTrue(peak > rest + 40, "the surge swings V_m: peak " + peak + " mV at " + peakTime + " s");
        assertEquals(0.301, peakTime, 1e-9, "the peak comes as P_Na falls back");
    }
}
