package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.CsvTable;
import org.membranepnp.engine.result.ResultWriter;

/**
 * The table of a sweep folder as {@code pnp sweep} writes it: {@code sweep.csv} (point, one column per varied key,
 * the balanced key, membrane_potential_mV, ghk_mV, nernst_&lt;species&gt;_mV…, …, status) and, for the title and
 * which columns were varied, {@code sweep.json}.
 *
 * @param title   the scenario title ("" if unknown)
 * @param keys    the varied keys, in --vary order
 * @param balance the --balance key, or null
 * @param table   the rows of sweep.csv
 * @param species species names, from the nernst_&lt;species&gt;_mV columns
 * @param summary the summary.json of the first point that ran (for species charges), or a missing node
 */
record SweepData(String title, List<String> keys, String balance, CsvTable table, List<String> species,
                 JsonNode summary) {
    static final String CSV_FILE = "sweep.csv";
    static final String JSON_FILE = "sweep.json";
    static final String VM = "membrane_potential_mV";
    static final String GHK = "ghk_mV";

    /** Reads the sweep folder {@code dir}. */
    static SweepData read(Path dir) {
        CsvTable t = CsvTable.read(dir.resolve(CSV_FILE));
        List<String> h = t.header();
        int vm = h.indexOf(VM);
        if (h.isEmpty() || !h.get(0).equals("point") || vm < 2 || !h.contains(GHK) || !h.contains("status")) {
            throw new UserInputException("cannot read " + dir.resolve(CSV_FILE) + ": expected the columns point, "
                    + "the varied keys, " + VM + ", " + GHK + ", nernst_<species>_mV…, status");
        }
        List<String> species = new ArrayList<>();
        for (String c : h) {
            if (c.startsWith("nernst_") && c.endsWith("_mV") && c.length() > 10) {
                species.add(c.substring(7, c.length() - 3));
            }
        }
        JsonNode json = readJson(dir.resolve(JSON_FILE));
        List<String> keys = new ArrayList<>();
        for (JsonNode axis : json.path("axes")) {
            String k = axis.path("key").asText("");
            if (h.contains(k)) {
                keys.add(k);
            }
        }
        String balance = json.path("balance").isTextual() ? json.path("balance").asText() : null;
        if (keys.isEmpty()) { // no sweep.json: every column before V_m was varied
            keys.addAll(h.subList(1, vm));
        }
        return new SweepData(json.path("title").asText(""), keys, balance, t, species, firstSummary(dir, t));
    }

    /** True for rows whose status is ok. */
    boolean[] ok() {
        int s = table.column("status");
        boolean[] ok = new boolean[table.rowCount()];
        for (int r = 0; r < ok.length; r++) {
            ok[r] = table.text(r, s).strip().equals("ok");
        }
        return ok;
    }

    /** The numbers of a column. */
    double[] column(String name) {
        return table.numbers(name);
    }

    /** The rows grouped by the values of the varied keys after the first, in order of appearance. */
    Map<String, List<Integer>> groups() {
        Map<String, List<Integer>> g = new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            StringBuilder label = new StringBuilder();
            for (String k : keys.subList(1, keys.size())) {
                String words = NumberText.keyLabel(k);
                String unit = NumberText.unit(k);
                if (!unit.isEmpty()) {
                    words = words.substring(0, words.length() - unit.length() - 3);
                }
                String v = table.text(r, table.column(k));
                try {
                    v = NumberText.significant(Double.parseDouble(v), 4).replaceAll("\\.?0+$", "");
                } catch (NumberFormatException e) {
                    // a word value stays as it is
                }
                label.append(label.length() == 0 ? "" : ", ").append(words).append(" = ").append(v)
                        .append(unit.isEmpty() ? "" : " " + unit);
            }
            g.computeIfAbsent(label.toString(), x -> new ArrayList<>()).add(r);
        }
        return g;
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            return n == null ? MissingNode.getInstance() : n;
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": not valid JSON");
        }
    }

    private static JsonNode firstSummary(Path dir, CsvTable t) {
        int s = t.column("status");
        int width = Math.max(3, Integer.toString(t.rowCount()).length());
        for (int r = 0; r < t.rowCount(); r++) {
            if (!t.text(r, s).strip().equals("ok")) {
                continue;
            }
            String number = t.text(r, 0).strip();
            Path f = dir.resolve("points").resolve("0".repeat(Math.max(0, width - number.length())) + number)
                    .resolve(ResultWriter.SUMMARY_FILE);
            try {
                return Files.isRegularFile(f) ? ResultWriter.readSummary(f) : MissingNode.getInstance();
            } catch (UserInputException e) {
                return MissingNode.getInstance();
            }
        }
        return MissingNode.getInstance();
    }
}
