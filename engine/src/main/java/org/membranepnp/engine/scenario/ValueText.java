package org.membranepnp.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a value of the TOML tree back as short TOML-like text for messages. */
final class ValueText {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_LENGTH = 160;

    private ValueText() {
    }

    /** {@code "text"}, {@code 1.96e-9}, {@code true}, {@code [1, 2]}, <code>{ K = 140, Na = 15 }</code>. */
    static String of(JsonNode v) {
        String s = render(v);
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** The kind of value, for "expected a number, got a string". */
    static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        } else if (v.isBoolean()) {
            return "a boolean";
        } else if (v.isIntegralNumber()) {
            return "an integer";
        } else if (v.isNumber()) {
            return "a number";
        } else if (v.isObject()) {
            return "a table";
        } else if (v.isArray()) {
            return "an array";
        }
        return "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A number as a person would write it: 310.15, 140, 1e-7, 1.96e-9. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        } else if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return decimal(new BigDecimal(Double.toString(x)));
    }

    /** {@code x} rounded to {@code digits} significant digits and written like {@link #number}. */
    static String rounded(double x, int digits) {
        if (!Double.isFinite(x) || x == 0) {
            return number(x);
        }
        return decimal(new BigDecimal(x).round(new java.math.MathContext(digits)));
    }

    private static String render(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "(nothing)";
        } else if (v.isTextual()) {
            return quote(v.textValue());
        } else if (v.isBigDecimal()) {
            return decimal(v.decimalValue());
        } else if (v.isFloatingPointNumber()) {
            return number(v.doubleValue());
        } else if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        } else if (v.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(render(v.get(i)));
            }
            return b.append(']').toString();
        } else if (v.isObject()) {
            if (v.isEmpty()) {
                return "{}";
            }
            StringBuilder b = new StringBuilder("{ ");
            Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(key(e.getKey())).append(" = ").append(render(e.getValue()));
                b.append(it.hasNext() ? ", " : " }");
            }
            return b.toString();
        }
        return v.toString();
    }

    /** A key as TOML writes it: bare if it can be, else quoted. */
    static String key(String k) {
        return BARE_KEY.matcher(k).matches() ? k : quote(k);
    }

    private static String decimal(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal s = d.stripTrailingZeros();
        double abs = Math.abs(s.doubleValue());
        if (abs >= 1e-3 && abs < 1e7) {
            return s.toPlainString();
        }
        return s.toString().replace("E+", "e").replace('E', 'e');
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
