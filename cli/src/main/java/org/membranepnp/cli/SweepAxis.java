package org.membranepnp.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --vary KEY=SPEC} of {@code pnp sweep}: a scenario key and the values it takes, as TOML value text.
 *
 * <p>SPEC is {@code start:stop:lin:n} (n evenly spaced values), {@code start:stop:log:n} (n values evenly spaced
 * in the logarithm; start and stop &gt; 0), both with n ≥ 2 and both ends included exactly, or a comma list
 * {@code 1,2,5,10} whose items are used as written.
 *
 * @param key    the scenario key, as given (e.g. {@code outside.concentrations_mM.K})
 * @param spec   the SPEC text, as given
 * @param values the values in order, as TOML value text ({@link Double#toString} for lin and log)
 */
record SweepAxis(String key, String spec, List<String> values) {
    /** The most points one sweep may have. */
    static final int MAX_POINTS = 100_000;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String VALID = "write KEY=start:stop:lin:n, KEY=start:stop:log:n (n ≥ 2 points including both ends; "
            + "log needs start, stop > 0) or KEY=v1,v2,… (e.g. outside.concentrations_mM.K=1:300:log:20)";

    SweepAxis {
        values = List.copyOf(values);
    }

    /** {@code KEY=SPEC} as typed. */
    String text() {
        return key + "=" + spec;
    }

    /**
     * Parses {@code KEY=SPEC}.
     *
     * @throws IllegalArgumentException with a one-line message quoting {@code text} and saying what is valid
     */
    static SweepAxis parse(String text) {
        String t = text == null ? "" : text.strip();
        int eq = t.indexOf('=');
        if (eq < 0) {
            throw bad(t, "no '='");
        }
        String key = normalizeKey(t.substring(0, eq));
        String spec = t.substring(eq + 1).strip();
        if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw bad(t, "no scenario key before '='");
        }
        if (spec.isEmpty()) {
            throw bad(t, "no values after '='");
        }
        return new SweepAxis(key, spec, spec.indexOf(':') >= 0 ? range(t, spec) : list(t, spec));
    }

    /** A dotted key with the blanks around its parts removed ({@code " a . b"} → {@code "a.b"}). */
    static String normalizeKey(String key) {
        return Arrays.stream(key.split("\\.", -1)).map(String::strip).collect(Collectors.joining("."));
    }

    /**
     * The full grid of {@code axes}: every combination of their values, the first axis varying slowest.
     *
     * @throws IllegalArgumentException if the grid has more than {@link #MAX_POINTS} points
     */
    static List<List<String>> grid(List<SweepAxis> axes) {
        long count = 1;
        for (SweepAxis a : axes) {
            count *= a.values().size();
            if (count > MAX_POINTS) {
                throw new IllegalArgumentException("the grid of the --vary options has more than " + MAX_POINTS
                        + " points; use fewer values");
            }
        }
        List<List<String>> points = new ArrayList<>();
        points.add(List.of());
        for (SweepAxis a : axes) {
            List<List<String>> next = new ArrayList<>(points.size() * a.values().size());
            for (List<String> p : points) {
                for (String v : a.values()) {
                    List<String> q = new ArrayList<>(p);
                    q.add(v);
                    next.add(List.copyOf(q));
                }
            }
            points = next;
        }
        return points;
    }

    private static List<String> range(String text, String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 4) {
            throw bad(text, "a range has four parts start:stop:lin:n or start:stop:log:n, this has " + parts.length);
        }
        double start = number(text, parts[0], "start");
        double stop = number(text, parts[1], "stop");
        String scale = parts[2].strip();
        if (!scale.equals("lin") && !scale.equals("log")) {
            throw bad(text, "the scale is \"" + scale + "\", not lin or log");
        }
        String nText = parts[3].strip();
        if (!nText.matches("\\d{1,9}")) {
            throw bad(text, "the number of points is \"" + nText + "\", not a whole number");
        }
        int n = Integer.parseInt(nText);
        if (n < 2) {
            throw bad(text, "a range needs n ≥ 2 points (both ends), got " + n);
        }
        if (n > MAX_POINTS) {
            throw bad(text, "at most " + MAX_POINTS + " points, got " + n);
        }
        boolean log = scale.equals("log");
        if (log && !(start > 0 && stop > 0)) {
            throw bad(text, "a log range needs start > 0 and stop > 0");
        }
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double f = (double) i / (n - 1);
            double v;
            if (i == 0) {
                v = start;
            } else if (i == n - 1) {
                v = stop;
            } else if (log) {
                v = Math.exp(Math.log(start) + (Math.log(stop) - Math.log(start)) * f);
            } else {
                v = start + (stop - start) * f;
            }
            values.add(Double.toString(v + 0.0)); // + 0.0 turns −0.0 into 0.0
        }
        return values;
    }

    private static List<String> list(String text, String spec) {
        List<String> values = new ArrayList<>();
        for (String item : spec.split(",", -1)) {
            String v = item.strip();
            if (v.isEmpty()) {
                throw bad(text, "the list has an empty item");
            }
            values.add(v);
        }
        if (values.size() > MAX_POINTS) {
            throw bad(text, "at most " + MAX_POINTS + " values, got " + values.size());
        }
        return values;
    }

    private static double number(String text, String part, String what) {
        String s = part.strip();
        if (!NUMBER.matcher(s).matches()) {
            throw bad(text, what + " is \"" + s + "\", not a number");
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw bad(text, what + " " + s + " is out of range");
        }
        return v;
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException("\"" + text + "\": " + problem + "; " + VALID);
    }

    /** picocli converter for {@code --vary}. */
    static final class Converter implements ITypeConverter<SweepAxis> {
        @Override
        public SweepAxis convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
