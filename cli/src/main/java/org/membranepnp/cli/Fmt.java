package org.membranepnp.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the console tables: short, locale-independent, aligned by the caller. */
final class Fmt {
    private Fmt() {
    }

    /**
     * {@code v} with {@code digits} significant digits: plain notation between 1e-3 and 1e6, scientific
     * otherwise; "NaN", "∞" or "−∞" for non-finite values.
     */
    static String num(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-3 && a < 1e6)) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
            String s = d.toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }

    /** {@code v} with 6 significant digits. */
    static String num(double v) {
        return num(v, 6);
    }

    /** {@code v} with a fixed number of decimals ({@code "NaN"} if not finite). */
    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return num(v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code v} in scientific notation with {@code digits} significant digits. */
    static String sci(double v, int digits) {
        if (!Double.isFinite(v)) {
            return num(v);
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }
}
