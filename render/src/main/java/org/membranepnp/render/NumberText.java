package org.membranepnp.render;

/** Numbers as figure text: fixed decimals with a typographic minus, or a·10^{b} for very large or small values. */
final class NumberText {
    private NumberText() {
    }

    /** {@code v} with {@code decimals} digits after the point ("—" for NaN). */
    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? Scale.number(v, decimals) : "—";
    }

    /** {@code v} with {@code digits} significant digits; 10^{k} notation outside [1e-3, 1e5). */
    static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        if (v == 0) {
            return "0";
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)));
        if (e >= -3 && e < 5) {
            return Scale.number(v, Math.max(0, digits - 1 - e));
        }
        double m = v / Math.pow(10, e);
        if (Math.abs(Math.round(m * Math.pow(10, digits - 1))) >= 10 * Math.pow(10, digits - 1)) {
            m /= 10;
            e++;
        }
        String mant = Scale.number(m, Math.max(0, digits - 1));
        return mant + "·10^{" + Scale.number(e, 0) + "}";
    }

    private static final String[][] UNITS = {{"_mM", "mM"}, {"_cm_s", "cm/s"}, {"_m2_s", "m^{2}/s"},
        {"_C_m2", "C/m^{2}"}, {"_A_m2", "A/m^{2}"}, {"_um", "µm"}, {"_nm", "nm"}, {"_mV", "mV"}, {"_K", "K"},
        {"_C", "°C"}, {"_s", "s"}};

    /** The unit a scenario key's suffix names ("" if none): {@code outside.concentrations_mM.K} → "mM". */
    static String unit(String key) {
        String label = keyLabel(key);
        return label.endsWith(")") && label.contains(" (") ? label.substring(label.lastIndexOf(" (") + 2, label.length() - 1) : "";
    }

    /**
     * A scenario key as an axis label, its unit from the key's suffix: {@code outside.concentrations_mM.K} →
     * "outside K concentration (mM)", {@code membrane.permeability_cm_s.Na} → "P_{Na} (cm/s)",
     * {@code temperature_K} → "temperature (K)".
     */
    static String keyLabel(String key) {
        String[] parts = key.split("\\.");
        String unit = "";
        String[] words = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            words[i] = parts[i];
            for (String[] u : UNITS) {
                if (parts[i].endsWith(u[0]) && parts[i].length() > u[0].length()) {
                    words[i] = parts[i].substring(0, parts[i].length() - u[0].length());
                    unit = u[1];
                    break;
                }
            }
            words[i] = words[i].replace('_', ' ');
        }
        String text;
        if (parts.length == 3 && words[1].equals("concentrations")) {
            text = words[0] + " " + words[2] + " concentration";
        } else if (parts.length == 3 && words[1].equals("permeability")) {
            text = "P_{" + words[2] + "}";
        } else {
            text = String.join(" ", words);
        }
        return unit.isEmpty() ? text : text + " (" + unit + ")";
    }
}
