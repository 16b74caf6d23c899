package org.membranepnp.engine.scenario;

import static org.membranepnp.engine.model.ScenarioKeys.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set key=value} overrides to the TOML tree before it is validated.
 *
 * <p>A key is a dotted path that the format allows (it need not be in the file):
 * {@code outside.concentrations_mM.K}, {@code boundary.clamp}, {@code run.end_time_s}. A species is named
 * by its name or by its 1-based position: {@code species.K.diffusion_m2_s}, {@code species[1].charge};
 * a schedule by its position: {@code schedule[1].time_s}; overrides cannot add species or schedules. A value
 * is TOML value text ({@code 20}, {@code 1e-3}, {@code "voltage"}, <code>{ K = 4 }</code>,
 * {@code [0, 1e-3]}); a bare word such as {@code voltage} is taken as a string.
 */
final class Overrides {
    private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d+)])?");

    /** One step of a resolved path: a key and, for an array of tables, the 1-based item. */
    private record Step(String key, int item) {
    }

    private final ObjectNode root;
    private final Diagnostics diag;
    private final TomlMapper mapper;

    private Overrides(ObjectNode root, Diagnostics diag, TomlMapper mapper) {
        this.root = root;
        this.diag = diag;
        this.mapper = mapper;
    }

    /** Checks every key and value of {@code overrides} and writes them into {@code root}, in order. */
    static void apply(ObjectNode root, Map<String, String> overrides, Diagnostics diag, TomlMapper mapper) {
        Overrides o = new Overrides(root, diag, mapper);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().strip();
            String text = e.getValue() == null ? "" : e.getValue().strip();
            List<Step> steps = o.resolve(key, text);
            JsonNode value = o.parseValue(key, text);
            o.put(key, text, steps, value);
            diag.markOverridden(pathOf(steps), key);
        }
    }

    private List<Step> resolve(String key, String text) {
        if (key.isEmpty()) {
            throw diag.overrideError("(empty key)", text, "no key given; write --set key=value, e.g. --set outside.concentrations_mM.K=20");
        }
        String[] parts = key.split("\\.", -1);
        List<Step> steps = new ArrayList<>();
        KeySchema spec = KeySchema.ROOT;
        boolean inItem = false;
        for (int i = 0; i < parts.length; i++) {
            Matcher m = SEGMENT.matcher(parts[i].strip());
            if (!m.matches()) {
                throw diag.overrideError(key, text, "cannot read the key part \"" + parts[i]
                        + "\"; write a dotted key such as outside.concentrations_mM.K or species[1].charge");
            }
            String name = m.group(1).strip();
            String current = pathOf(steps);
            if (spec.kind == KeySchema.Kind.SPECIES_TABLE) {
                List<String> names = speciesNames();
                if (!names.contains(name) || m.group(2) != null) {
                    throw diag.overrideError(key, text, unknownSpecies(name, names));
                }
                steps.add(new Step(name, 0));
                spec = null;
                continue;
            }
            if (spec == null || spec.kind == KeySchema.Kind.VALUE
                    || (spec.kind == KeySchema.Kind.TABLE_ARRAY && !inItem)) {
                throw diag.overrideError(key, text, current + " holds a single value, it has no key " + name);
            }
            KeySchema child = spec.children.get(name);
            if (child == null) {
                throw diag.overrideError(key, text, spec.unknownKeyProblem(name, current));
            }
            inItem = false;
            if (child.kind == KeySchema.Kind.TABLE_ARRAY) {
                boolean species = name.equals(SPECIES);
                int item;
                if (m.group(2) != null) {
                    item = Integer.parseInt(m.group(2));
                } else if (i + 1 < parts.length) {
                    item = species ? itemByName(key, text, parts[++i].strip()) : itemByNumber(key, text, name, parts[++i].strip());
                } else {
                    throw diag.overrideError(key, text, nameOneItem(name));
                }
                int count = arraySize(name);
                if (item < 1 || item > count) {
                    if (!species) {
                        throw diag.overrideError(key, text, "there " + (count == 0 ? "is no [[" + name + "]] table"
                                : count == 1 ? "is 1 [[" + name + "]] table" : "are " + count + " [[" + name + "]] tables")
                                + " in the file; they are numbered from 1, e.g. " + name + "[1].value, and overrides cannot add one");
                    }
                    throw diag.overrideError(key, text, "there " + (count == 1 ? "is 1 [[species]] block" : "are " + count + " [[species]] blocks")
                            + "; species are numbered from 1, or named: species.NAME.field");
                }
                steps.add(new Step(name, item));
                inItem = true;
            } else if (m.group(2) != null) {
                throw diag.overrideError(key, text, name + " is not an array; drop the [" + m.group(2) + "]");
            } else {
                steps.add(new Step(name, 0));
            }
            spec = child;
        }
        if (spec != null && spec.kind == KeySchema.Kind.TABLE_ARRAY && !inItem) {
            throw diag.overrideError(key, text, nameOneItem(spec.name));
        }
        return steps;
    }

    private static String nameOneItem(String array) {
        return array.equals(SPECIES) ? "name one species and a field, e.g. species.K.diffusion_m2_s or species[1].charge"
                : "name one [[" + array + "]] table by its number and a field, e.g. " + array + "[1].value";
    }

    /** An item of an array other than [[species]], given as a number ({@code schedule.2.value}). */
    private int itemByNumber(String key, String text, String array, String part) {
        if (!part.matches("\\d+")) {
            throw diag.overrideError(key, text, nameOneItem(array));
        }
        return Integer.parseInt(part);
    }

    private int arraySize(String array) {
        JsonNode a = root.get(array);
        return a != null && a.isArray() ? a.size() : 0;
    }

    private int itemByName(String key, String text, String name) {
        if (name.matches("\\d+")) {
            return Integer.parseInt(name);
        }
        List<String> names = speciesNames();
        int i = names.indexOf(name);
        if (i < 0) {
            throw diag.overrideError(key, text, unknownSpecies(name, names));
        }
        return i + 1;
    }

    private static String unknownSpecies(String name, List<String> names) {
        String guess = DidYouMean.phrase(name, names);
        return "unknown species " + name + "; " + (guess.isEmpty() ? "" : guess + " ")
                + "species: " + String.join(", ", names) + " (overrides cannot add species)";
    }

    private List<String> speciesNames() {
        List<String> names = new ArrayList<>();
        JsonNode species = root.get(SPECIES);
        if (species != null && species.isArray()) {
            for (JsonNode s : species) {
                JsonNode n = s.get(NAME);
                names.add(n != null && n.isTextual() ? n.textValue() : "");
            }
        }
        return names;
    }

    private JsonNode parseValue(String key, String text) {
        String problem;
        if (text.contains("\n") || text.contains("\r")) {
            problem = "a value must be on one line";
        } else {
            try {
                JsonNode doc = mapper.readTree("v = " + text + "\n");
                if (doc.size() == 1 && doc.has("v")) {
                    return doc.get("v");
                }
                problem = "more than one value";
            } catch (JsonProcessingException ex) {
                if (BARE_WORD.matcher(text).matches()) {
                    return TextNode.valueOf(text);
                }
                problem = "the value does not parse as TOML (" + firstLine(ex.getOriginalMessage()) + ")";
            }
        }
        throw diag.overrideError(key, text, problem
                + "; write a number (20, 1e-3), a word (voltage), a quoted string, true/false or an inline table ({ K = 4 })");
    }

    private void put(String key, String text, List<Step> steps, JsonNode value) {
        ObjectNode table = root;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (s.item() > 0) {
                ArrayNode array = (ArrayNode) table.get(s.key());   // resolve() checked it exists and is long enough
                if (last) {
                    array.set(s.item() - 1, value);
                    return;
                }
                JsonNode item = array.get(s.item() - 1);
                if (!item.isObject()) {
                    throw diag.overrideError(key, text, pathOf(steps.subList(0, i + 1)) + " is not a table in the file");
                }
                table = (ObjectNode) item;
            } else if (last) {
                table.set(s.key(), value);
            } else {
                JsonNode next = table.get(s.key());
                if (next == null) {
                    table = table.putObject(s.key());
                } else if (next.isObject()) {
                    table = (ObjectNode) next;
                } else {
                    throw diag.overrideError(key, text, pathOf(steps.subList(0, i + 1)) + " is not a table in the file");
                }
            }
        }
    }

    private static String pathOf(List<Step> steps) {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            b.append(b.length() == 0 ? "" : ".").append(s.key());
            if (s.item() > 0) {
                b.append('[').append(s.item()).append(']');
            }
        }
        return b.toString();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
