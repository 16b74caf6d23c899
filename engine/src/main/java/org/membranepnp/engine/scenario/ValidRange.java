package org.membranepnp.engine.scenario;

import java.math.BigDecimal;

/**
 * The physical range of a numeric scenario key: from {@code min} to {@code max} in {@code unit}, each end
 * included unless marked open, and optionally 0 as well (a key whose 0 means "automatic"). Values outside
 * it are bad input: they either make no physical sense (a negative width) or are so far from any cell
 * that the solver could only fail on them (1e300 K).
 *
 * @param min      the lower end
 * @param minOpen  true if {@code min} itself is not allowed ({@code > min})
 * @param max      the upper end
 * @param maxOpen  true if {@code max} itself is not allowed ({@code < max})
 * @param alsoZero true if 0 is allowed although it lies outside [min, max]
 * @param unit     the unit as written after a value ("K", "mM", "µm"), or "" for a pure number
 */
record ValidRange(double min, boolean minOpen, double max, boolean maxOpen, boolean alsoZero, String unit) {

    /** From {@code min} to {@code max}, both included. */
    static ValidRange closed(double min, double max, String unit) {
        return new ValidRange(min, false, max, false, false, unit);
    }

    /** Above 0 (0 excluded) up to {@code max} (included). */
    static ValidRange aboveZero(double max, String unit) {
        return new ValidRange(0, true, max, false, false, unit);
    }

    /** This range with 0 allowed too. */
    ValidRange orZero() {
        return new ValidRange(min, minOpen, max, maxOpen, true, unit);
    }

    /** True if {@code x} is finite and in the range. */
    boolean contains(double x) {
        if (alsoZero && x == 0) {
            return true;
        }
        boolean aboveMin = minOpen ? x > min : x >= min;
        boolean belowMax = maxOpen ? x < max : x <= max;
        return aboveMin && belowMax;
    }

    /**
     * The range as a message writes it: "from 200 to 400 K", "in (0, 0.1]", "0 (automatic) or from 40 to 5000000",
     * "from -2000 to 2000 mV".
     */
    String text() {
        String lo = show(min);
        String hi = show(max);
        String core = minOpen || maxOpen
                ? "in " + (minOpen ? "(" : "[") + lo + ", " + hi + (maxOpen ? ")" : "]")
                : "from " + lo + " to " + hi;
        core += unit.isEmpty() ? "" : " " + unit;
        return alsoZero ? "0 (automatic) or " + core : core;
    }

    /** A bound as written in a file: 0.5, 400, 1e-14, 5e6; the largest whole number a key can hold (2^63 − 1) exactly. */
    private static String show(double x) {
        if (x == (double) Long.MAX_VALUE) {
            return Long.toString(Long.MAX_VALUE);
        }
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        double abs = Math.abs(x);
        if (abs == 0 || (abs >= 1e-3 && abs < 1e5)) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        return d.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }
}
