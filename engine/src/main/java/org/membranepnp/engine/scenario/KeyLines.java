package org.membranepnp.engine.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The line on which each dotted key path of a TOML text is written, for pointing messages at a line.
 *
 * <p>Jackson's TOML module builds a tree first and hands it out through a tree-traversing parser, so
 * its tokens carry no line numbers. This class therefore scans the text line by line: table headers
 * ({@code [inside]}, {@code [[species]]}), {@code key = } assignments (dotted and quoted keys included)
 * and the keys of one-line inline tables. It never reads values; those always come from Jackson. Paths
 * look like {@code inside.concentrations_mM.K} and {@code species[2].charge} (array items counted from 1).
 */
final class KeyLines {
    /** A key assigned twice in the same table. */
    record Duplicate(String path, int line, int firstLine) {
    }

    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, Integer> assigned = new HashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();

    private KeyLines() {
    }

    /** Scans {@code text}. */
    static KeyLines scan(String text) {
        KeyLines k = new KeyLines();
        String[] rows = text.split("\r\n|\n|\r", -1);
        Map<String, Integer> arrayCounts = new HashMap<>();
        String table = "";
        String multilineDelimiter = null;
        for (int i = 0; i < rows.length; i++) {
            int lineNr = i + 1;
            String row = rows[i];
            if (multilineDelimiter != null) {
                if (row.contains(multilineDelimiter)) {
                    multilineDelimiter = null;
                }
                continue;
            }
            String code = stripComment(row).strip();
            if (code.isEmpty()) {
                continue;
            }
            if (code.startsWith("[[")) {
                int end = code.indexOf("]]");
                String name = normalizeKey(code.substring(2, end < 0 ? code.length() : end));
                int n = arrayCounts.merge(name, 1, Integer::sum);
                table = item(name, n);
                k.lines.putIfAbsent(name, lineNr);
                k.lines.put(table, lineNr);
            } else if (code.startsWith("[")) {
                int end = code.indexOf(']');
                table = inLatestItem(normalizeKey(code.substring(1, end < 0 ? code.length() : end)), arrayCounts);
                k.lines.putIfAbsent(table, lineNr);
            } else {
                int eq = indexOutsideQuotes(code, '=');
                if (eq <= 0) {
                    continue;
                }
                String path = join(table, normalizeKey(code.substring(0, eq)));
                k.assign(path, lineNr);
                String value = code.substring(eq + 1).strip();
                if (value.startsWith("{")) {
                    k.scanInlineTable(path, value, lineNr);
                } else {
                    multilineDelimiter = openMultiline(value);
                }
            }
        }
        return k;
    }

    /** {@code [species.extra]} after two {@code [[species]]} is {@code species[2].extra}. */
    private static String inLatestItem(String table, Map<String, Integer> arrayCounts) {
        for (Map.Entry<String, Integer> a : arrayCounts.entrySet()) {
            if (table.startsWith(a.getKey() + ".")) {
                return a.getKey() + "[" + a.getValue() + "]" + table.substring(a.getKey().length());
            }
        }
        return table;
    }

    /** The line of {@code path}, if it was seen. */
    Optional<Integer> line(String path) {
        return Optional.ofNullable(lines.get(path));
    }

    /** The line of {@code path} or, failing that, of its nearest enclosing table that was seen. */
    Optional<Integer> lineOrEnclosing(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Integer l = lines.get(p);
            if (l != null) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Keys assigned more than once, in the order met. */
    List<Duplicate> duplicates() {
        return duplicates;
    }

    /** {@code a.b.c} → {@code a.b}; {@code species[2]} → {@code species}; {@code a} → "". */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    static String join(String table, String key) {
        return table.isEmpty() ? key : table + "." + key;
    }

    /** The path of item {@code number} (from 1) of the array of tables {@code array}: {@code species[2]}. */
    static String item(String array, int number) {
        return array + "[" + number + "]";
    }

    private void assign(String path, int lineNr) {
        Integer first = assigned.putIfAbsent(path, lineNr);
        if (first != null) {
            duplicates.add(new Duplicate(path, lineNr, first));
        }
        lines.putIfAbsent(path, lineNr);
    }

    /** Records the keys of a one-line inline table {@code { K = 140, Na = { x = 1 } }}. */
    private void scanInlineTable(String path, String value, int lineNr) {
        Deque<String> tables = new ArrayDeque<>();   // paths of the open inline tables; "" inside arrays
        StringBuilder key = new StringBuilder();
        boolean expectKey = false;
        String lastKey = null;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                if (expectKey) {
                    key.append(c);
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> {
                    quote = c;
                    if (expectKey) {
                        key.append(c);
                    }
                }
                case '{' -> {
                    String open = tables.isEmpty() ? path
                            : tables.peek().isEmpty() || lastKey == null ? "" : tables.peek() + "." + lastKey;
                    tables.push(open);
                    expectKey = !open.isEmpty();
                    key.setLength(0);
                }
                case '[' -> {
                    tables.push("");
                    expectKey = false;
                }
                case '}', ']' -> {
                    if (!tables.isEmpty()) {
                        tables.pop();
                    }
                    expectKey = false;
                    if (tables.isEmpty()) {
                        return;
                    }
                }
                case ',' -> {
                    expectKey = !tables.isEmpty() && !tables.peek().isEmpty();
                    key.setLength(0);
                }
                case '=' -> {
                    if (expectKey && !tables.isEmpty()) {
                        lastKey = normalizeKey(key.toString());
                        assign(tables.peek() + "." + lastKey, lineNr);
                        expectKey = false;
                        key.setLength(0);
                    }
                }
                default -> {
                    if (expectKey) {
                        key.append(c);
                    }
                }
            }
        }
    }

    /** {@code a . "b.c" . d} → {@code a.b.c.d} (quotes dropped, spaces around dots dropped). */
    static String normalizeKey(String raw) {
        StringBuilder out = new StringBuilder();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    part.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '.') {
                out.append(part.toString().strip()).append('.');
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        return out.append(part.toString().strip()).toString();
    }

    private static String stripComment(String row) {
        int hash = indexOutsideQuotes(row, '#');
        return hash < 0 ? row : row.substring(0, hash);
    }

    private static int indexOutsideQuotes(String s, char wanted) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The closing delimiter if {@code value} opens a multi-line string that does not close on this line. */
    private static String openMultiline(String value) {
        for (String d : new String[] {"\"\"\"", "'''"}) {
            if (value.startsWith(d) && !value.substring(3).contains(d)) {
                return d;
            }
        }
        return null;
    }
}
