package org.membranepnp.engine.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Close-match suggestions for misspelt keys, species and choices. */
final class DidYouMean {
    private static final int MAX_DISTANCE = 2;

    private DidYouMean() {
    }

    /**
     * The valid names closest to {@code typed}: a case-insensitive match if there is one, else those at
     * the smallest Damerau–Levenshtein distance, if that distance is at most 2 and shorter than
     * {@code typed} itself (so that a one-letter name does not match every other one-letter name).
     */
    static List<String> closest(String typed, Collection<String> valid) {
        List<String> best = new ArrayList<>();
        for (String v : valid) {
            if (v.toLowerCase(Locale.ROOT).equals(typed.toLowerCase(Locale.ROOT))) {
                best.add(v);
            }
        }
        if (!best.isEmpty()) {
            return best;
        }
        int bestDistance = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = distance(typed, v);
            if (d > MAX_DISTANCE || d >= typed.length()) {
                continue;
            }
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            if (d == bestDistance) {
                best.add(v);
            }
        }
        return best;
    }

    /** "did you mean a?" / "did you mean a or b?", or "" when nothing is close. */
    static String phrase(String typed, Collection<String> valid) {
        List<String> c = closest(typed, valid);
        return c.isEmpty() ? "" : "did you mean " + orList(c) + "?";
    }

    /** "a", "a or b", "a, b or c". */
    static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
