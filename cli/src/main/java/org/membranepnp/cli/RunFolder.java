package org.membranepnp.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.AtomicFiles;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.solver.Simulation;

/**
 * The folder of one run: besides the results, a copy of the scenario text ({@code scenario.toml}) and how it
 * was run ({@code run.json}: scenario file, --set overrides, command line, code version), so that the run can be
 * resumed from its checkpoint and reproduced later.
 */
final class RunFolder {
    static final String SCENARIO_FILE = "scenario.toml";
    static final String RECORD_FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final String scenarioText;
    private final Map<String, Object> record;
    private final Scenario scenario;

    private RunFolder(Path dir, String scenarioText, Map<String, Object> record, Scenario scenario) {
        this.dir = dir;
        this.scenarioText = scenarioText;
        this.record = record;
        this.scenario = scenario;
    }

    /** Creates (or reuses) {@code dir} for a new run of {@code file} and records the run there. */
    static RunFolder create(Path dir, Path file, Map<String, String> overrides, String commandLine, String version) {
        String text = read(file);
        Scenario scenario = ScenarioLoader.parse(text, file.toString(), overrides);
        Simulation.heapBudget(scenario).check(); // a mesh too large for the heap is bad input too: before any file
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output folder " + dir + ": " + e.getMessage());
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("scenario_file", file.toAbsolutePath().normalize().toString());
        record.put("overrides", new LinkedHashMap<>(overrides));
        record.put("command_line", commandLine);
        record.put("code_version", version);
        AtomicFiles.write(dir, SCENARIO_FILE, text.getBytes(StandardCharsets.UTF_8));
        try {
            AtomicFiles.write(dir, RECORD_FILE, (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode run.json", e);
        }
        return new RunFolder(dir, text, record, scenario);
    }

    /** Opens the folder of an earlier run (for --resume). */
    static RunFolder open(Path dir) {
        Path recordFile = dir.resolve(RECORD_FILE);
        Map<String, Object> record;
        try {
            record = JSON.readValue(Files.readString(recordFile), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (NoSuchFileException e) {
            throw new UserInputException(dir + " is not a pnp run folder (" + RECORD_FILE + " is missing)");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + recordFile + ": " + e.getMessage());
        }
        String text = read(dir.resolve(SCENARIO_FILE));
        Map<String, String> overrides = new LinkedHashMap<>();
        if (record.get("overrides") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> overrides.put(String.valueOf(k), String.valueOf(v)));
        }
        Object source = record.getOrDefault("scenario_file", dir.resolve(SCENARIO_FILE).toString());
        Scenario scenario = ScenarioLoader.parse(text, String.valueOf(source), overrides);
        return new RunFolder(dir, text, record, scenario);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file; check the path");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    Path dir() {
        return dir;
    }

    Scenario scenario() {
        return scenario;
    }

    String scenarioText() {
        return scenarioText;
    }

    /** scenario_file, overrides, command_line, code_version. */
    Map<String, Object> record() {
        return record;
    }
}
