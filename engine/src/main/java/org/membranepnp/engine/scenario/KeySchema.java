package org.membranepnp.engine.scenario;

import static org.membranepnp.engine.model.ScenarioKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which keys the scenario format allows where: a tree of tables, values, the {@code [[species]]},
 * {@code [[schedule]]}, {@code [[channel]]} and {@code [[surface_patch]]} arrays and the per-species tables (whose
 * keys are the species names). Used to reject
 * unknown keys with a suggestion, and to check {@code --set} keys. The names themselves are the constants of
 * {@link org.membranepnp.engine.model.ScenarioKeys}.
 */
final class KeySchema {
    /** What a key holds. */
    enum Kind {
        /** A single value. */
        VALUE,
        /** A table with fixed keys. */
        TABLE,
        /** An array of tables ({@code [[species]]}, {@code [[schedule]]}), each with fixed keys. */
        TABLE_ARRAY,
        /** A table keyed by species name ({@code concentrations_mM}, {@code permeability_cm_s}). */
        SPECIES_TABLE
    }

    /** Relative permittivity of a bath, the lipid or a pore: from vacuum (1) to beyond water (80). */
    private static final ValidRange PERMITTIVITY_RANGE = ValidRange.closed(1, 200, "");
    /** A concentration or half-saturation constant, mM: up to 10 M, beyond any salt's solubility. */
    private static final double MAX_CONCENTRATION_MM = 1e4;
    /** Fixed charge density on a membrane face, C/m²: a fully ionised lipid face carries about 0.3. */
    private static final ValidRange SURFACE_CHARGE = ValidRange.closed(-1, 1, "C/m²");

    /**
     * The whole format, with the physical range of every numeric key: the one place where the ranges are
     * defined ({@link #rangeOf}); a value outside its key's range is refused by the reader. The only numeric key
     * without its own range is {@code schedule.value}, which takes the range of the key it schedules.
     */
    static final KeySchema ROOT = table("",
            value(TITLE),
            number(DIMENSION, ValidRange.closed(1, 2, "")),
            number(TEMPERATURE_K, ValidRange.closed(200, 400, "K")),
            number(TEMPERATURE_C, ValidRange.closed(-73.15, 126.85, "°C")),
            array(SPECIES, value(NAME), number(CHARGE, ValidRange.closed(-6, 6, "")),
                    number(DIFFUSION_M2_S, ValidRange.closed(1e-14, 1e-6, "m²/s"))),
            bath(INSIDE), bath(OUTSIDE),
            table(MEMBRANE, number(THICKNESS_NM, ValidRange.closed(0.5, 100, "nm")), number(PERMITTIVITY, PERMITTIVITY_RANGE),
                    speciesTable(PERMEABILITY_CM_S, ValidRange.closed(0, 1, "cm/s")),
                    table(SURFACE_CHARGE_C_M2, number(INSIDE, SURFACE_CHARGE), number(OUTSIDE, SURFACE_CHARGE)),
                    number(PARTITION_COEFFICIENT, ValidRange.aboveZero(1, ""))),
            table(PUMP, number(TURNOVER_PER_S_UM2, ValidRange.aboveZero(1e7, "cycles/(s µm²)")),
                    number(CURRENT_A_M2, ValidRange.aboveZero(1, "A/m²")), value(SATURATING),
                    number(KM_K_OUT_MM, ValidRange.aboveZero(MAX_CONCENTRATION_MM, "mM")),
                    number(KM_NA_IN_MM, ValidRange.aboveZero(MAX_CONCENTRATION_MM, "mM")),
                    value(SODIUM), value(POTASSIUM)),
            table(BOUNDARY, value(INSIDE), value(OUTSIDE), value(CLAMP),
                    number(CURRENT_A_M2, ValidRange.closed(-1000, 1000, "A/m²")),
                    number(VOLTAGE_MV, ValidRange.closed(-2000, 2000, "mV"))),
            table(MESH, number(CELLS, ValidRange.closed(40, 5_000_000, "").orZero()),
                    number(TOLERANCE_MV, ValidRange.closed(1e-7, 10, "mV"))),
            table(RUN, value(MODE), number(END_TIME_S, ValidRange.aboveZero(1e6, "s")),
                    number(RELATIVE_TOLERANCE, ValidRange.aboveZero(0.1, ""))),
            array(SCHEDULE, value(KEY), number(TIME_S, ValidRange.closed(-1e6, 1e6, "s")), value(VALUE)),
            table(LATERAL, number(HEIGHT_NM, ValidRange.closed(0.1, 1e4, "nm")), value(GEOMETRY)),
            array(CHANNEL, value(NAME), number(CENTER_NM, ValidRange.closed(0, 1e4, "nm")),
                    number(WIDTH_NM, ValidRange.closed(0.1, 1e4, "nm")), number(PERMITTIVITY, PERMITTIVITY_RANGE),
                    speciesTable(PERMEABILITY_CM_S, ValidRange.closed(0, 1000, "cm/s")),
                    number(FIXED_CHARGE_MM, ValidRange.closed(-MAX_CONCENTRATION_MM, MAX_CONCENTRATION_MM, "mM"))),
            array(SURFACE_PATCH, value(SIDE), number(FROM_NM, ValidRange.closed(0, 1e4, "nm")),
                    number(TO_NM, ValidRange.closed(0, 1e4, "nm")), number(CHARGE_C_M2, SURFACE_CHARGE)),
            table(PARTICLES, number(COUNT, ValidRange.closed(1, 1_000_000, "")),
                    number(TIME_STEP_S, ValidRange.aboveZero(1e-6, "s")), number(DURATION_S, ValidRange.aboveZero(1, "s")),
                    number(SNAPSHOTS, ValidRange.closed(1, 1000, "")),
                    number(SEED, ValidRange.closed(0, Long.MAX_VALUE, ""))));

    final String name;
    final Kind kind;
    /** For TABLE and TABLE_ARRAY: the allowed keys (of each item, for an array). */
    final Map<String, KeySchema> children = new LinkedHashMap<>();
    /** For a numeric VALUE or a SPECIES_TABLE of numbers: the valid range; else null. */
    final ValidRange range;

    private KeySchema(String name, Kind kind, ValidRange range, KeySchema... children) {
        this.name = name;
        this.kind = kind;
        this.range = range;
        for (KeySchema c : children) {
            this.children.put(c.name, c);
        }
    }

    /** A non-numeric value (text, boolean) or {@code schedule.value}. */
    private static KeySchema value(String name) {
        return new KeySchema(name, Kind.VALUE, null);
    }

    private static KeySchema number(String name, ValidRange range) {
        return new KeySchema(name, Kind.VALUE, range);
    }

    private static KeySchema table(String name, KeySchema... children) {
        return new KeySchema(name, Kind.TABLE, null, children);
    }

    private static KeySchema array(String name, KeySchema... children) {
        return new KeySchema(name, Kind.TABLE_ARRAY, null, children);
    }

    private static KeySchema speciesTable(String name, ValidRange range) {
        return new KeySchema(name, Kind.SPECIES_TABLE, range);
    }

    private static KeySchema bath(String name) {
        return table(name, number(WIDTH_UM, ValidRange.closed(1e-3, 1e4, "µm")), number(PERMITTIVITY, PERMITTIVITY_RANGE),
                speciesTable(CONCENTRATIONS_MM, ValidRange.closed(0, MAX_CONCENTRATION_MM, "mM")));
    }

    /**
     * The range of the numeric key at {@code path} ({@code inside.width_um}, {@code species[2].charge},
     * {@code outside.concentrations_mM.K}: a per-species key has its table's range), or null if the key holds no
     * number or is unknown.
     */
    static ValidRange rangeOf(String path) {
        String plain = path.replaceAll("\\[\\d+]", "");
        KeySchema s = ROOT.find(plain);
        if (s != null) {
            return s.range;
        }
        int dot = plain.lastIndexOf('.');
        KeySchema table = dot < 0 ? null : ROOT.find(plain.substring(0, dot));
        return table != null && table.kind == Kind.SPECIES_TABLE ? table.range : null;
    }

    /**
     * Throws on the first key of {@code root} that the format does not know (the keys of per-species
     * tables are checked later, against the species list). Values of the wrong kind are left to the reader.
     */
    static void checkKnownKeys(JsonNode root, Diagnostics diag) {
        ROOT.check(root, "", diag);
    }

    private void check(JsonNode node, String path, Diagnostics diag) {
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String childPath = KeyLines.join(path, e.getKey());
            KeySchema child = children.get(e.getKey());
            if (child == null) {
                throw diag.error(childPath, e.getValue(), unknownKeyProblem(e.getKey(), path));
            }
            if (child.kind == Kind.TABLE) {
                child.check(e.getValue(), childPath, diag);
            } else if (child.kind == Kind.TABLE_ARRAY && e.getValue().isArray()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    child.check(e.getValue().get(i), childPath + "[" + (i + 1) + "]", diag);
                }
            }
        }
    }

    /** "unknown key; did you mean x?" or "unknown key in [t]; x belongs …" or "unknown key; valid keys …". */
    String unknownKeyProblem(String key, String tablePath) {
        String here = tableName(tablePath);
        String guess = DidYouMean.phrase(key, children.keySet());
        if (!guess.isEmpty()) {
            return "unknown key" + (tablePath.isEmpty() ? "" : " in " + here) + "; " + guess;
        }
        List<String> elsewhere = new ArrayList<>();
        ROOT.findTablesWithKey(key, "", elsewhere);
        elsewhere.remove(tablePath.replaceAll("\\[\\d+]", ""));
        String valid = "valid keys " + (tablePath.isEmpty() ? "at the top level" : "in " + here) + ": "
                + String.join(", ", children.keySet());
        if (elsewhere.isEmpty()) {
            return "unknown key" + (tablePath.isEmpty() ? "" : " in " + here) + "; " + valid;
        }
        List<String> names = new ArrayList<>();
        for (String t : elsewhere) {
            names.add(t.isEmpty() ? "the top of the file, before the first [table] header" : tableName(t));
        }
        return "unknown key in " + here + "; " + key + " belongs in " + DidYouMean.orList(names)
                + " (a key written after a [table] header belongs to that table); " + valid;
    }

    private void findTablesWithKey(String key, String path, List<String> out) {
        if (children.containsKey(key)) {
            out.add(path);
        }
        for (KeySchema c : children.values()) {
            if (c.kind == Kind.TABLE || c.kind == Kind.TABLE_ARRAY) {
                c.findTablesWithKey(key, KeyLines.join(path, c.name), out);
            }
        }
    }

    /** "[inside]", "[[species]]", "[membrane.surface_charge_C_m2]", "the top level". */
    static String tableName(String tablePath) {
        if (tablePath.isEmpty()) {
            return "the top level";
        }
        String plain = tablePath.replaceAll("\\[\\d+]", "");
        KeySchema s = ROOT.find(plain);
        if (s != null && s.kind == Kind.TABLE_ARRAY) {
            java.util.regex.Matcher item = java.util.regex.Pattern.compile("\\[(\\d+)]$").matcher(tablePath);
            return "[[" + plain + "]]" + (item.find() ? " #" + item.group(1) : "");
        }
        return "[" + plain + "]";
    }

    /** The schema node at a plain dotted path (no array indices), or null. */
    KeySchema find(String plainPath) {
        KeySchema s = this;
        for (String part : plainPath.split("\\.")) {
            s = s.children.get(part);
            if (s == null) {
                return null;
            }
        }
        return s;
    }
}
