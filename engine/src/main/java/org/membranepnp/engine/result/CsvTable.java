package org.membranepnp.engine.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.UserInputException;

/**
 * A CSV table as the result files write it: one header line, comma separated, a field in double quotes where it
 * holds a comma, quote or line break; numbers as {@link Double#toString}, {@code NaN}, {@code inf} or {@code -inf}.
 */
public final class CsvTable {
    private final String source;
    private final List<String> header;
    private final List<String[]> rows;

    private CsvTable(String source, List<String> header, List<String[]> rows) {
        this.source = source;
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    /**
     * Reads a CSV file.
     *
     * @throws UserInputException with one line naming the file if it is missing, unreadable or has no header
     */
    public static CsvTable read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserInputException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /** Parses CSV text; {@code source} names it in messages. */
    public static CsvTable parse(String text, String source) {
        List<List<String>> records = records(text);
        if (records.isEmpty() || records.get(0).isEmpty()) {
            throw new UserInputException("cannot read " + source + ": the file is empty");
        }
        List<String> header = records.get(0);
        List<String[]> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> f = records.get(r);
            if (f.size() != header.size()) {
                throw new UserInputException("cannot read " + source + ": line " + (r + 1) + " has " + f.size()
                        + " fields, the header " + header.size());
            }
            rows.add(f.toArray(new String[0]));
        }
        return new CsvTable(source, header, rows);
    }

    /** The column names, in order. */
    public List<String> header() {
        return header;
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows.size();
    }

    /** Index of the column {@code name}, or −1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** The text of one field. */
    public String text(int row, int column) {
        return rows.get(row)[column];
    }

    /**
     * The numbers of a column; an empty field is NaN.
     *
     * @throws UserInputException if the column is missing or a field is not a number
     */
    public double[] numbers(String name) {
        int c = column(name);
        if (c < 0) {
            throw new UserInputException("cannot read " + source + ": no column " + name);
        }
        return numbers(c);
    }

    /** The numbers of column {@code c}; an empty field is NaN. */
    public double[] numbers(int c) {
        double[] x = new double[rows.size()];
        for (int r = 0; r < x.length; r++) {
            String s = rows.get(r)[c];
            try {
                x[r] = number(s);
            } catch (NumberFormatException e) {
                throw new UserInputException("cannot read " + source + ": line " + (r + 2) + ", column "
                        + header.get(c) + ": '" + s + "' is not a number");
            }
        }
        return x;
    }

    /** A number as the result files write it ({@code NaN}, {@code inf}, {@code -inf}; empty is NaN). */
    public static double number(String s) {
        String t = s.strip();
        return switch (t) {
            case "", "NaN", "nan" -> Double.NaN;
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    /** Splits the text into records of fields, honouring quoted fields; blank lines are skipped. */
    private static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                fields.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || f.length() > 0) {
                    fields.add(f.toString());
                    out.add(fields);
                }
                fields = new ArrayList<>();
                f.setLength(0);
                any = false;
            } else {
                f.append(ch);
            }
        }
        if (any || f.length() > 0) {
            fields.add(f.toString());
            out.add(fields);
        }
        return out;
    }
}
