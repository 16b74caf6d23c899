package org.membranepnp.solver.fv;

import java.util.Arrays;
import java.util.List;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Schedule;

/**
 * Applies the scenario's schedules to the discrete model at a given time: membrane permeabilities (the
 * effective diffusivity P·d of the membrane cells), the clamp current and the clamp voltage. Implicit Euler
 * evaluates them at the end of each step; the integrator lands on every breakpoint.
 */
public final class ParameterSchedule {
    private final ScheduledParameters model;
    private final Schedule[] schedules;
    private final int[] target; // species index for permeabilities, −1 current, −2 voltage
    private final double[] breakpoints; // dimensionless, sorted, distinct
    private final double[] breakpointsS; // the same in s, as the schedules give them

    public ParameterSchedule(ScheduledParameters model, List<Schedule> list) {
        this.model = model;
        this.schedules = list.toArray(new Schedule[0]);
        this.target = new int[schedules.length];
        double ts = model.scales().timeS;
        double[] all = new double[0];
        double[] allS = new double[0];
        for (int q = 0; q < schedules.length; q++) {
            Schedule s = schedules[q];
            String species = s.permeabilitySpecies();
            if (species != null) {
                target[q] = model.scenario().speciesIndex(species);
                if (target[q] < 0) {
                    throw new UserInputException("schedule key " + s.key() + ": no species " + species);
                }
                if (!model.scenario().membrane().isPermeant(target[q])) {
                    throw new UserInputException("schedule key " + s.key() + ": " + species + " is impermeant; give it "
                            + "a permeability in [membrane] permeability_cm_s, then the schedule can change it");
                }
            } else if (s.drivesClampCurrent()) {
                require(s, model.currentClamped(), "a current clamp at an inside reservoir");
                target[q] = -1;
            } else if (s.drivesClampVoltage()) {
                require(s, model.voltageClamped(), "a voltage clamp");
                target[q] = -2;
            } else {
                throw new UserInputException("schedule key " + s.key() + " cannot change in time; valid: "
                        + Schedule.VALID_KEYS);
            }
            double[] b = s.breakpointsS();
            int old = allS.length;
            allS = Arrays.copyOf(allS, old + b.length);
            System.arraycopy(b, 0, allS, old, b.length);
        }
        this.breakpointsS = Arrays.stream(allS).sorted().distinct().toArray();
        this.breakpoints = new double[breakpointsS.length];
        for (int k = 0; k < breakpoints.length; k++) {
            breakpoints[k] = breakpointsS[k] / ts;
        }
    }

    private static void require(Schedule s, boolean given, String what) {
        if (!given) {
            throw new UserInputException("schedule key " + s.key() + " needs " + what);
        }
    }

    /** True if there is nothing to schedule. */
    public boolean isEmpty() {
        return schedules.length == 0;
    }

    /**
     * Sets the scheduled parameters for an implicit Euler step ending at dimensionless time {@code t}: their
     * values at t, or just before t when the step ends exactly on a breakpoint (a step of the schedule at t then
     * acts from the next time step on).
     */
    public void applyAt(double t, boolean endsOnBreakpoint) {
        double timeS = t * model.scales().timeS;
        for (int q = 0; q < schedules.length; q++) {
            double v = endsOnBreakpoint ? schedules[q].valueJustBefore(breakpointTimeS(t))
                    : schedules[q].valueAt(timeS);
            int i = target[q];
            if (i >= 0) {
                model.setMembranePermeabilityCmPerS(i, v);
            } else if (i == -1) {
                model.setClampCurrent(model.scales().currentFromAPerM2(v));
            } else {
                model.setClampVoltage(model.scales().potentialFromMv(v));
            }
        }
    }

    /** The schedule time (s) of the breakpoint at dimensionless time t (exact, not via the time scale). */
    private double breakpointTimeS(double t) {
        for (int k = 0; k < breakpoints.length; k++) {
            if (breakpoints[k] == t) {
                return breakpointsS[k];
            }
        }
        return t * model.scales().timeS;
    }

    /** The first breakpoint strictly after dimensionless time t (+∞ if none). */
    public double nextBreakpointAfter(double t) {
        for (double b : breakpoints) {
            if (b > t) {
                return b;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
