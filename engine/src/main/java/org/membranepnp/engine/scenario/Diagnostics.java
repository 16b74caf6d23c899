package org.membranepnp.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the one-line messages {@code FILE:LINE: key.path = value: what is wrong; what would be valid}
 * and knows which keys came from {@code --set} overrides (those say {@code FILE (--set)} instead of a line, and
 * name the key as the override wrote it: {@code species.K.charge} rather than {@code species[1].charge}).
 */
final class Diagnostics {
    private final String source;
    private final KeyLines lines;
    /** Overridden path → the key as the override wrote it. */
    private final Map<String, String> overridden = new HashMap<>();

    Diagnostics(String source, KeyLines lines) {
        this.source = source;
        this.lines = lines;
    }

    /** Marks {@code path} (and everything below it) as set by the override of {@code userKey}. */
    void markOverridden(String path, String userKey) {
        overridden.put(path, userKey);
    }

    /** The line of {@code path} in the file, if known. */
    Optional<Integer> line(String path) {
        return lines.line(path);
    }

    /** An error about the value {@code value} of {@code path}; {@code value} may be null (a missing key). */
    ScenarioException error(String path, JsonNode value, String problem) {
        String after = !isOverridden(path) && hasOverriddenPart(path) ? " (after --set)" : "";
        String shown = overridden.getOrDefault(path, path);
        return new ScenarioException(where(path) + ": " + subject(shown, value) + after + ": " + problem);
    }

    /** An error about the override {@code --set key=text} itself. */
    ScenarioException overrideError(String key, String text, String problem) {
        return new ScenarioException(source + " (--set): " + key + " = " + text + ": " + problem);
    }

    /** An error at a known line that is not about one key (syntax errors). */
    ScenarioException atLine(int line, String problem) {
        return new ScenarioException(source + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    /** {@code FILE:LINE}, {@code FILE} or {@code FILE (--set)}. */
    String where(String path) {
        if (isOverridden(path)) {
            return source + " (--set)";
        }
        return lines.lineOrEnclosing(path).map(l -> source + ":" + l).orElse(source);
    }

    private static String subject(String path, JsonNode value) {
        String p = path.isEmpty() ? "(top level)" : path;
        return value == null ? p : p + " = " + ValueText.of(value);
    }

    private boolean hasOverriddenPart(String path) {
        for (String o : overridden.keySet()) {
            if (o.startsWith(path + ".") || o.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }

    private boolean isOverridden(String path) {
        for (String o : overridden.keySet()) {
            if (path.equals(o) || path.startsWith(o + ".") || path.startsWith(o + "[")) {
                return true;
            }
        }
        return false;
    }
}
