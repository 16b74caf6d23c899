package org.membranepnp.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.AtomicFiles;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.solver.Simulation;

/**
 * The folder of one run: besides the results, a copy of the scenario text ({@code scenario.toml}) and how it
 * was run ({@code run.json}: scenario file, --set overrides, command line, code version, and how the run ended:
 * {@link RunStatus}), so that the run can be resumed from its checkpoint and reproduced later.
 *
 * <p>A new run is written into a {@link StagedFolder} and moved into place when it ends: complete, failed or
 * interrupted (run.json says which); a run refused on its input leaves nothing. A resumed run is written in place,
 * run.json last.
 */
final class RunFolder {
    static final String SCENARIO_FILE = "scenario.toml";
    static final String RECORD_FILE = "run.json";
    private static final List<String> STATUS_KEYS = List.of("status", "reason");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final StagedFolder staged;
    private final String scenarioText;
    private final Map<String, Object> record;
    private final Scenario scenario;
    private boolean ended;

    private RunFolder(Path dir, StagedFolder staged, String scenarioText, Map<String, Object> record,
                      Scenario scenario) {
        this.dir = dir;
        this.staged = staged;
        this.scenarioText = scenarioText;
        this.record = record;
        this.scenario = scenario;
    }

    /**
     * Checks, before any work, that a new run may go to {@code dir}: it is absent, empty, holds a failed run, or
     * {@code force} is given and it is a run folder (run.json or summary.json), which the new run then replaces.
     *
     * @throws UserInputException naming the folder and what to do instead
     */
    static void checkTarget(Path dir, boolean force) {
        RunStatus status = RunStatus.of(dir);
        if (status != null && status.is(RunStatus.FAILED)) {
            return;
        }
        if (status != null && status.is(RunStatus.INTERRUPTED) && !force) {
            throw new UserInputException("output folder " + dir + " holds " + status.run()
                    + "; continue it with pnp run --resume "
                    + RunCommand.shellQuote(dir.toString()) + ", or pass --force to replace it");
        }
        ResultWriter.checkOutputFolder(dir, force);
        if (force && Files.isDirectory(dir) && !isRunFolder(dir)) {
            throw new UserInputException("output folder " + dir + " is not a pnp run folder (no " + RECORD_FILE
                    + " or " + ResultWriter.SUMMARY_FILE + "); --force replaces only run folders: choose another --out");
        }
    }

    private static boolean isRunFolder(Path dir) {
        if (Files.exists(dir.resolve(RECORD_FILE)) || Files.exists(dir.resolve(ResultWriter.SUMMARY_FILE))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UserInputException("cannot read output folder " + dir + ": " + ErrorHandler.oneLine(e.toString()));
        }
    }

    /**
     * Loads {@code file} for a new run and, if it loads, starts the run's folder under a temporary name beside
     * {@code target}, with scenario.toml and run.json (status running).
     */
    static RunFolder create(Path target, Path file, Map<String, String> overrides, String commandLine, String version) {
        String text = read(file);
        Scenario scenario = ScenarioLoader.parse(text, file.toString(), overrides);
        Simulation.heapBudget(scenario).check(); // a mesh too large for the heap is bad input too: before any file
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("scenario_file", file.toAbsolutePath().normalize().toString());
        record.put("overrides", new LinkedHashMap<>(overrides));
        record.put("command_line", commandLine);
        record.put("code_version", version);
        StagedFolder staged = StagedFolder.begin(target);
        RunFolder folder = new RunFolder(staged.dir(), staged, text, record, scenario);
        try {
            AtomicFiles.write(staged.dir(), SCENARIO_FILE, text.getBytes(StandardCharsets.UTF_8));
            folder.writeRecord(new RunStatus(RunStatus.RUNNING, null));
        } catch (RuntimeException e) {
            staged.discard();
            throw e;
        }
        return folder;
    }

    /** Opens the folder of an earlier run (for --resume), to be written in place. */
    static RunFolder open(Path dir) {
        Map<String, Object> record = readRecord(dir);
        if (record == null) {
            throw new UserInputException(dir + " is not a pnp run folder (" + RECORD_FILE + " is missing)");
        }
        STATUS_KEYS.forEach(record::remove);
        String text = read(dir.resolve(SCENARIO_FILE));
        Map<String, String> overrides = new LinkedHashMap<>();
        if (record.get("overrides") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> overrides.put(String.valueOf(k), String.valueOf(v)));
        }
        Object source = record.getOrDefault("scenario_file", dir.resolve(SCENARIO_FILE).toString());
        Scenario scenario = ScenarioLoader.parse(text, String.valueOf(source), overrides);
        return new RunFolder(dir, null, text, record, scenario);
    }

    /**
     * The run.json of {@code dir}, or null if there is none.
     *
     * @throws UserInputException if it cannot be read or is not a JSON object
     */
    static Map<String, Object> readRecord(Path dir) {
        Path recordFile = dir.resolve(RECORD_FILE);
        try {
            return JSON.readValue(Files.readString(recordFile), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        } catch (IOException e) {
            throw new UserInputException("cannot read " + recordFile + ": " + ErrorHandler.oneLine(e.getMessage()));
        }
    }

    /** Ends the run with {@code status} in run.json and, for a new run, moves its folder into place. */
    void end(RunStatus status) {
        if (ended) {
            return;
        }
        ended = true;
        try {
            writeRecord(status);
        } finally {
            if (staged != null) {
                staged.promote();
            }
        }
    }

    /**
     * Ends the run after {@code failure}: a refused run leaves no folder (a resumed one leaves its folder as it was);
     * any other ends as failed, with the one-line message as the reason. Errors on the way are added to
     * {@code failure}.
     */
    void endAfter(Throwable failure) {
        if (ended) {
            return;
        }
        try {
            if (ErrorHandler.refusal(failure)) {
                ended = true;
                if (staged != null) {
                    staged.discard();
                }
            } else {
                end(new RunStatus(RunStatus.FAILED, ErrorHandler.failure(failure).message()));
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void writeRecord(RunStatus status) {
        Map<String, Object> json = new LinkedHashMap<>(record);
        json.put("status", status.status());
        if (status.reason() != null) {
            json.put("reason", status.reason());
        }
        try {
            AtomicFiles.write(dir, RECORD_FILE, (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode run.json", e);
        }
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

    /** Where the run writes its files now (for a new run, the temporary folder). */
    Path dir() {
        return dir;
    }

    /** The run folder as the user named it, where the files are once the run has ended. */
    Path target() {
        return staged != null ? staged.target() : dir;
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
