package org.membranepnp.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which keys the scenario format allows where: a tree of tables, values, the {@code [[species]]} and
 * {@code [[schedule]]} arrays and the per-species tables (whose keys are the species names). Used to reject
 * unknown keys with a suggestion, and to check {@code --set} keys.
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

    /** The whole format. */
    static final KeySchema ROOT = table("",
            value("title"), value("dimension"), value("temperature_K"), value("temperature_C"),
            array("species", value("name"), value("charge"), value("diffusion_m2_s")),
            bath("inside"), bath("outside"),
            table("membrane", value("thickness_nm"), value("permittivity"), speciesTable("permeability_cm_s"),
                    table("surface_charge_C_m2", value("inside"), value("outside")),
                    value("partition_coefficient")),
            table("pump", value("turnover_per_s_um2"), value("current_A_m2"), value("saturating"),
                    value("km_K_out_mM"), value("km_Na_in_mM"), value("sodium"), value("potassium")),
            table("boundary", value("inside"), value("outside"), value("clamp"), value("current_A_m2"),
                    value("voltage_mV")),
            table("mesh", value("cells")),
            table("run", value("mode"), value("end_time_s"), value("relative_tolerance")),
            array("schedule", value("key"), value("time_s"), value("value")),
            table("lateral", value("height_nm")),
            array("channel", value("name"), value("center_nm"), value("width_nm"), value("permittivity"),
                    speciesTable("permeability_cm_s"), value("fixed_charge_mM")),

            table("particles", value("count"), value("time_step_s"), value("duration_s"), value("snapshots"),
                    value("seed")));

    final String name;
    final Kind kind;
    /** For TABLE and TABLE_ARRAY: the allowed keys (of each item, for an array). */
    final Map<String, KeySchema> children = new LinkedHashMap<>();

    private KeySchema(String name, Kind kind, KeySchema... children) {
        this.name = name;
        this.kind = kind;
        for (KeySchema c : children) {
            this.children.put(c.name, c);
        }
    }

    private static KeySchema value(String name) {
        return new KeySchema(name, Kind.VALUE);
    }

    private static KeySchema table(String name, KeySchema... children) {
        return new KeySchema(name, Kind.TABLE, children);
    }

    private static KeySchema array(String name, KeySchema... children) {
        return new KeySchema(name, Kind.TABLE_ARRAY, children);
    }

    private static KeySchema speciesTable(String name) {
        return new KeySchema(name, Kind.SPECIES_TABLE);
    }

    private static KeySchema bath(String name) {
        return table(name, value("width_um"), value("permittivity"), speciesTable("concentrations_mM"));
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
