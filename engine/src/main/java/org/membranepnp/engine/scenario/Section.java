package org.membranepnp.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One table of the TOML tree, with typed reads that fail with a located, one-line message.
 * Hints passed in are "what would be valid" texts such as {@code "bath width in µm, e.g. width_um = 1.0"}.
 */
final class Section {
    private final JsonNode node;
    private final String path;
    private final Diagnostics diag;

    Section(JsonNode node, String path, Diagnostics diag) {
        this.node = node;
        this.path = path;
        this.diag = diag;
    }

    /** The dotted path of this table ("" for the top level). */
    String path() {
        return path;
    }

    /** The raw table. */
    JsonNode node() {
        return node;
    }

    /** The dotted path of {@code key} in this table. */
    String pathOf(String key) {
        return KeyLines.join(path, key);
    }

    /** True if {@code key} is present. */
    boolean has(String key) {
        return node.has(key);
    }

    /** The raw value of {@code key}, or null. */
    JsonNode get(String key) {
        return node.get(key);
    }

    /** An error about {@code key} and its value (or its absence). */
    ScenarioException fail(String key, String problem) {
        return diag.error(pathOf(key), node.get(key), problem);
    }

    /** "missing; add KEY = EXAMPLE under [table]". */
    ScenarioException missing(String key, String example) {
        return diag.error(pathOf(key), null, "missing; add " + key + " = " + example + " " + placeHint());
    }

    /** A required sub-table, or an empty one if {@code required} is false and it is absent. */
    Section table(String key, boolean required, String whatFor) {
        JsonNode v = node.get(key);
        if (v == null) {
            if (required) {
                throw diag.error(pathOf(key), null, "missing; add a [" + pathOf(key) + "] table with " + whatFor);
            }
            return new Section(JsonNodeFactory.instance.objectNode(), pathOf(key), diag);
        }
        if (!v.isObject()) {
            throw fail(key, "expected a table, got " + ValueText.kind(v) + "; write a [" + pathOf(key) + "] table with " + whatFor);
        }
        return new Section(v, pathOf(key), diag);
    }

    /** A required finite number in its key's range ({@link KeySchema#rangeOf}). */
    double number(String key, String hint, String example) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw missing(key, example);
        }
        return toNumber(key, v, hint);
    }

    /** An optional finite number in its key's range. */
    double number(String key, double fallback, String hint) {
        JsonNode v = node.get(key);
        return v == null ? fallback : toNumber(key, v, hint);
    }

    /** An optional boolean, written true or false. */
    boolean flag(String key, boolean fallback, String hint) {
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            String extra = "";
            String t = v.isTextual() ? v.textValue().strip().toLowerCase(Locale.ROOT) : "";
            if (t.equals("true") || t.equals("false")) {
                extra = "write it without quotes: " + key + " = " + t + "; ";
            }
            throw fail(key, "expected true or false, got " + ValueText.kind(v) + "; " + extra + hint);
        }
        return v.booleanValue();
    }

    /** An optional integer in its key's range (an integral float such as 1.0 is accepted). */
    int integer(String key, int fallback, String hint) {
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        double x = toNumber(key, v, hint);
        if (x != Math.rint(x)) {
            throw fail(key, "must be a whole number; " + hint);
        }
        if (Math.abs(x) > Integer.MAX_VALUE) {
            throw fail(key, "is too large; " + hint);
        }
        return (int) x;
    }

    /** An optional string. */
    String text(String key, String fallback, String hint) {
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw fail(key, "expected a string, got " + ValueText.kind(v) + "; " + hint);
        }
        return v.textValue();
    }

    /** An optional choice among an enum's constants, written in lower case in the file. */
    <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
        List<String> valid = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            valid.add(e.name().toLowerCase(Locale.ROOT));
        }
        String validText = "valid: \"" + String.join("\", \"", valid) + "\"";
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw fail(key, "expected a string, got " + ValueText.kind(v) + "; " + validText);
        }
        int i = valid.indexOf(v.textValue());
        if (i < 0) {
            List<String> close = DidYouMean.closest(v.textValue(), valid);
            String guess = close.isEmpty() ? "" : " did you mean \"" + close.get(0) + "\"?";
            throw fail(key, "unknown value;" + guess + " " + validText);
        }
        return type.getEnumConstants()[i];
    }

    /** Where a missing key goes: "at the top of the file …", "under [inside]", "in [[species]] #2". */
    String placeHint() {
        if (path.isEmpty()) {
            return "at the top of the file, before the first [table] header";
        }
        String name = KeySchema.tableName(path);
        return (name.startsWith("[[") ? "in " : "under ") + name;
    }

    private double toNumber(String key, JsonNode v, String hint) {
        if (!v.isNumber()) {
            String extra = "";
            if (v.isTextual() && looksNumeric(v.textValue())) {
                extra = "write it without quotes: " + key + " = " + v.textValue().strip() + "; ";
            }
            throw fail(key, "expected a number, got " + ValueText.kind(v) + "; " + extra + hint);
        }
        double x = v.doubleValue();
        if (!Double.isFinite(x)) {
            ValidRange range = KeySchema.rangeOf(pathOf(key));
            throw fail(key, "must be a finite number" + (range == null ? "" : " " + range.text()) + "; " + hint);
        }
        checkRange(key, x, hint);
        return x;
    }

    /** Throws "must be from 200 to 400 K; HINT" if {@code x} is outside the range of {@code key}. */
    void checkRange(String key, double x, String hint) {
        ValidRange range = KeySchema.rangeOf(pathOf(key));
        if (range != null && !range.contains(x)) {
            throw fail(key, "must be " + range.text() + "; " + hint);
        }
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
