package org.membranepnp.engine.model;

import java.util.Arrays;

/**
 * A parameter that changes during a transient: the value follows the table (time, value), linearly between
 * points, constant before the first and after the last. Two points at the same time make a step: from that
 * time on the later value holds. Example: a sodium surge of P_Na to 2e-6 cm/s from 1 ms to 2 ms is the table
 * (0, 4e-9), (1e-3, 4e-9), (1e-3, 2e-6), (2e-3, 2e-6), (2e-3, 4e-9).
 *
 * @param key     the scenario key it drives: {@code membrane.permeability_cm_s.<species>},
 *                {@code boundary.current_A_m2} or {@code boundary.voltage_mV}
 * @param timesS  the table's times, s, non-decreasing
 * @param values  the values at those times, in the key's unit
 */
public record Schedule(String key, double[] timesS, double[] values) {
    /** The prefix of a permeability schedule's key; the species name follows. */
    public static final String PERMEABILITY_KEY_PREFIX =
            ScenarioKeys.MEMBRANE + "." + ScenarioKeys.PERMEABILITY_CM_S + ".";
    /** The key of a clamp-current schedule. */
    public static final String CURRENT_KEY = ScenarioKeys.BOUNDARY + "." + ScenarioKeys.CURRENT_A_M2;
    /** The key of a clamp-voltage schedule. */
    public static final String VOLTAGE_KEY = ScenarioKeys.BOUNDARY + "." + ScenarioKeys.VOLTAGE_MV;
    /** Every key a schedule may drive, for messages. */
    public static final String VALID_KEYS = PERMEABILITY_KEY_PREFIX + "<species>, " + CURRENT_KEY + ", " + VOLTAGE_KEY;


    public Schedule {
        if (timesS.length == 0 || timesS.length != values.length) {
            throw new IllegalArgumentException("a schedule needs as many values as times (at least one)");
        }
        for (int k = 1; k < timesS.length; k++) {
            if (timesS[k] < timesS[k - 1]) {
                throw new IllegalArgumentException("schedule times must not decrease");
            }
        }
        timesS = timesS.clone();
        values = values.clone();
    }

    /** The value at time t (right-continuous at steps). */
    public double valueAt(double t) {
        int n = timesS.length;
        if (t < timesS[0]) {
            return values[0];
        }
        // last index with times[k] <= t
        int k = n - 1;
        while (k > 0 && timesS[k] > t) {
            k--;
        }
        if (k == n - 1) {
            return values[n - 1];
        }
        double t0 = timesS[k];
        double t1 = timesS[k + 1];
        if (t1 == t0) {
            return values[k + 1];
        }
        return values[k] + (values[k + 1] - values[k]) * (t - t0) / (t1 - t0);
    }

    /**
     * The value just before time t (left-continuous at steps): what holds during a time step that ends exactly
     * where a step of the schedule happens.
     */
    public double valueJustBefore(double t) {
        int n = timesS.length;
        if (t <= timesS[0]) {
            return values[0];
        }
        // first index with times[k] >= t
        int k = 0;
        while (k < n && timesS[k] < t) {
            k++;
        }
        if (k == n) {
            return values[n - 1];
        }
        if (timesS[k] == t) {
            return values[k];
        }
        double t0 = timesS[k - 1];
        double t1 = timesS[k];
        return values[k - 1] + (values[k] - values[k - 1]) * (t - t0) / (t1 - t0);
    }

    /** The times where the value has a kink or a step (the integrator lands on them), sorted. */
    public double[] breakpointsS() {
        return Arrays.stream(timesS).distinct().toArray();
    }

    /** The key's species name when it is {@code membrane.permeability_cm_s.<species>}, else null. */
    public String permeabilitySpecies() {
        return key.startsWith(PERMEABILITY_KEY_PREFIX) ? key.substring(PERMEABILITY_KEY_PREFIX.length()) : null;
    }

    /** True if the key is the clamp current, {@value #CURRENT_KEY}. */
    public boolean drivesClampCurrent() {
        return CURRENT_KEY.equals(key);
    }

    /** True if the key is the clamp voltage, {@value #VOLTAGE_KEY}. */
    public boolean drivesClampVoltage() {
        return VOLTAGE_KEY.equals(key);
    }
}
