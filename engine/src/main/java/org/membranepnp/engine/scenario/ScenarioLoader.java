package org.membranepnp.engine.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.membranepnp.engine.model.Scenario;

/**
 * Reads a scenario file (TOML, see {@code examples/*.toml}) into a validated {@link Scenario}.
 *
 * <p>The text is parsed by Jackson's TOML module; overrides ({@code --set key=value}) are then written
 * into the tree, and only then is everything checked, so an override is checked like a value in the
 * file. The first problem found is thrown as a {@link ScenarioException} with a one-line message
 * {@code FILE:LINE: key.path = value: what is wrong; what would be valid}.
 *
 * <p>Defaults: {@code title} is the file name without its extension; {@code dimension} 1;
 * {@code [boundary]} inside "wall", outside "reservoir", clamp "current", current_A_m2 0;
 * {@code [mesh]} cells 0 (automatic; an explicit 0 means the same) and tolerance_mV
 * {@link org.membranepnp.engine.model.MeshSpec#DEFAULT_TOLERANCE_MV}; {@code [run]} mode "steady" with
 * {@link org.membranepnp.engine.model.RunSpec#DEFAULT_RELATIVE_TOLERANCE}; surface charges 0;
 * partition coefficient {@link org.membranepnp.engine.model.Membrane#DEFAULT_PARTITION_COEFFICIENT};
 * a species missing from a concentration table is 0, from the permeability table impermeant;
 * no {@code [pump]} table means no pump ({@link org.membranepnp.engine.model.NaKPump#NONE}); in a {@code [pump]}
 * table exactly one of turnover_per_s_um2 and current_A_m2 is required, saturating is false, km_K_out_mM 1.5 and
 * km_Na_in_mM 10 (used only with saturating = true), sodium "Na" and potassium "K"; no {@code [[schedule]]}
 * tables means no parameter changes in time. Every numeric key must lie in its physical range (the table in
 * {@code KeySchema}).
 *
 * <p>Override keys are dotted paths the format allows ({@code outside.concentrations_mM.K},
 * {@code boundary.clamp}, {@code run.end_time_s}); a species' own fields are reached by name or 1-based
 * position ({@code species.K.diffusion_m2_s}, {@code species[1].charge}), a schedule's by its position
 * ({@code schedule[1].time_s}). Values are TOML value text
 * ({@code 20}, {@code 1e-3}, {@code "voltage"}); a bare word ({@code voltage}) is taken as a string.
 * Overrides are applied in the map's iteration order.
 */
public final class ScenarioLoader {
    private static final TomlMapper MAPPER = new TomlMapper();

    private ScenarioLoader() {
    }

    /** Reads and validates the scenario file {@code file}. */
    public static Scenario load(Path file) {
        return load(file, Map.of());
    }

    /** Reads {@code file}, applies {@code overrides} (dotted key → TOML value text) and validates the result. */
    public static Scenario load(Path file, Map<String, String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file; check the path", e);
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file + ": not UTF-8 text; save the scenario as UTF-8", e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check the path and permissions", e);
        }
        Path name = file.getFileName();
        return read(text, file.toString(), stem(name == null ? file.toString() : name.toString()), overrides);
    }

    /** Parses and validates scenario text; {@code sourceName} names it in messages (and gives the default title). */
    public static Scenario parse(String tomlText, String sourceName) {
        return parse(tomlText, sourceName, Map.of());
    }

    /** Parses scenario text, applies {@code overrides} (dotted key → TOML value text) and validates the result. */
    public static Scenario parse(String tomlText, String sourceName, Map<String, String> overrides) {
        String source = sourceName == null || sourceName.isBlank() ? "(scenario)" : sourceName;
        String base = source.replace('\\', '/');
        return read(tomlText == null ? "" : tomlText, source, stem(base.substring(base.lastIndexOf('/') + 1)), overrides);
    }

    private static Scenario read(String text, String source, String defaultTitle, Map<String, String> overrides) {
        KeyLines lines = KeyLines.scan(text);
        Diagnostics diag = new Diagnostics(source, lines);
        ObjectNode root;
        try {
            JsonNode tree = MAPPER.readTree(text);
            root = tree != null && tree.isObject() ? (ObjectNode) tree : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            throw syntaxError(e, lines, diag);
        }
        Overrides.apply(root, overrides == null ? Map.of() : overrides, diag, MAPPER);
        return new ScenarioReader(diag, defaultTitle).read(root);
    }

    private static ScenarioException syntaxError(JsonProcessingException e, KeyLines lines, Diagnostics diag) {
        String what = Overrides.firstLine(e.getOriginalMessage());
        if (what.startsWith("Duplicate key") && !lines.duplicates().isEmpty()) {
            KeyLines.Duplicate d = lines.duplicates().get(0);
            return diag.atLine(d.line(), d.path() + ": duplicate key (already set on line " + d.firstLine()
                    + "); give each key once per table");
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        ScenarioException x = diag.atLine(line, "TOML syntax error" + (column > 0 ? " at column " + column : "")
                + ": " + what + "; check the quotes, brackets, commas and the key = value form here");
        x.initCause(e);
        return x;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String s = dot > 0 ? fileName.substring(0, dot) : fileName;
        return s.isBlank() ? "untitled" : s;
    }
}
