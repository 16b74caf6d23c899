package org.membranepnp.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.Summary;

/** The tables of {@code pnp sweep}: {@code sweep.csv} and the short table on stdout, one row per point in grid order. */
final class SweepTable {
    /** The status of a point that ran. */
    static final String OK = "ok";

    /**
     * One point of a sweep.
     *
     * @param number  1-based, in grid order
     * @param values  the value text of each varied (and balanced) key, in column order
     * @param summary the result, or null if the point failed
     * @param failure why it failed (one line), or null
     */
    record Row(int number, Map<String, String> values, Summary summary, String failure) {
        /** {@code ok} or {@code failed: …}. */
        String status() {
            return failure == null ? OK : "failed: " + failure;
        }
    }

    private SweepTable() {
    }

    /**
     * The header of {@code sweep.csv}: point, the keys, V_m, GHK, the Nernst potential of each species, the drop in the
     * lipid, the separated charge, Newton iterations and status.
     */
    static List<String> header(List<String> keys, List<String> species) {
        List<String> h = new ArrayList<>();
        h.add("point");
        h.addAll(keys);
        h.add(Summary.MEMBRANE_POTENTIAL_MV);
        h.add(Summary.GHK_MV);
        for (String s : species) {
            h.add("nernst_" + s + "_mV");
        }
        h.add(Summary.INTRAMEMBRANE_DROP_MV);
        h.add(Summary.SEPARATED_CHARGE_C_M2);
        h.add(Summary.NEWTON_ITERATIONS);
        h.add("status");
        return h;
    }

    /**
     * {@code sweep.csv}: the {@link #header} and one row per point; a failed point has empty result fields.
     * Numbers as in the other result files (shortest round-trip text, NaN for a value that does not exist).
     */
    static String csv(List<String> keys, List<String> species, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header(keys, species));
        for (Row r : rows) {
            List<String> f = new ArrayList<>();
            f.add(Integer.toString(r.number()));
            for (String k : keys) {
                f.add(r.values().getOrDefault(k, ""));
            }
            Summary s = r.summary();
            if (s == null) {
                f.addAll(Collections.nCopies(5 + species.size(), ""));
            } else {
                f.add(ResultWriter.csvNumber(s.number(Summary.MEMBRANE_POTENTIAL_MV)));
                f.add(ResultWriter.csvNumber(s.number(Summary.GHK_MV)));
                for (String sp : species) {
                    f.add(ResultWriter.csvNumber(s.number(Summary.NERNST_MV, sp)));
                }
                f.add(ResultWriter.csvNumber(s.number(Summary.INTRAMEMBRANE_DROP_MV)));
                f.add(ResultWriter.csvNumber(s.number(Summary.SEPARATED_CHARGE_C_M2)));
                f.add(Long.toString((long) s.number(Summary.NEWTON_ITERATIONS)));
            }
            f.add(r.status());
            line(sb, f);
        }
        return sb.toString();
    }

    /** The console table: point, the varied values, V_m, GHK and the Nernst potential of {@code firstSpecies}, in mV. */
    static void print(PrintWriter out, List<String> keys, String firstSpecies, List<Row> rows) {
        List<String> head = new ArrayList<>();
        head.add("point");
        head.addAll(keys);
        head.add("V_m mV");
        head.add("GHK mV");
        head.add("E_" + firstSpecies + " mV");
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>();
            c.add(Integer.toString(r.number()));
            for (String k : keys) {
                c.add(shortValue(r.values().getOrDefault(k, "")));
            }
            Summary s = r.summary();
            if (s == null) {
                c.add("failed");
                c.add("");
                c.add("");
            } else {
                c.add(Fmt.fixed(s.number(Summary.MEMBRANE_POTENTIAL_MV), 2));
                c.add(orDash(Fmt.fixed(s.number(Summary.GHK_MV), 2)));
                c.add(orDash(Fmt.fixed(s.number(Summary.NERNST_MV, firstSpecies), 2)));
            }
            cells.add(c);
        }
        int[] width = new int[head.size()];
        for (int j = 0; j < width.length; j++) {
            width[j] = head.get(j).length();
            for (List<String> c : cells) {
                width[j] = Math.max(width[j], c.get(j).length());
            }
        }
        printRow(out, head, width);
        for (List<String> c : cells) {
            printRow(out, c, width);
        }
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder(" ");
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            sb.append(' ').append(" ".repeat(width[j] - c.length())).append(c);
        }
        out.println(sb.toString().stripTrailing());
    }

    /** A value as typed if short, else (a number) with 5 significant digits. */
    private static String shortValue(String text) {
        if (text.length() <= 8) {
            return text;
        }
        try {
            return Fmt.num(Double.parseDouble(text), 5);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String orDash(String formatted) {
        return formatted.equals("NaN") ? "—" : formatted;
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int j = 0; j < fields.size(); j++) {
            sb.append(j == 0 ? "" : ",").append(ResultWriter.csvField(fields.get(j)));
        }
        sb.append('\n');
    }
}
