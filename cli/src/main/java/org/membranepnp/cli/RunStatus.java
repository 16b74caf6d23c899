package org.membranepnp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.ResultWriter;

/**
 * How a run ended, as its {@code run.json} says: {@code "status"} ({@link #COMPLETE}, {@link #FAILED},
 * {@link #INTERRUPTED}, or {@link #RUNNING} while it runs, and still after a crash) and, unless complete, the
 * {@code "reason"} in one line.
 */
record RunStatus(String status, String reason) {
    static final String RUNNING = "running";
    static final String COMPLETE = "complete";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";

    /** The status of the run folder {@code dir}; null if it has no readable run.json or no status (runs before the status was recorded). */
    static RunStatus of(Path dir) {
        Map<String, Object> record;
        try {
            record = RunFolder.readRecord(dir);
        } catch (UserInputException unreadable) {
            return null;
        }
        if (record == null || !(record.get("status") instanceof String status)) {
            return null;
        }
        Object reason = record.get("reason");
        return new RunStatus(status, reason == null ? null : String.valueOf(reason));
    }

    boolean is(String s) {
        return status.equals(s);
    }

    /** "a failed run", "an interrupted run". */
    String run() {
        return (is(INTERRUPTED) ? "an " : "a ") + status + " run";
    }

    /** "DIR holds a failed run (reason)". */
    String describe(Path dir) {
        return dir + " holds " + run() + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }

    /**
     * For a command that reads the results of {@code dir} (render, view): nothing for a complete run (or one from
     * before run.json had a status); one warning line on {@code err} for a run that did not complete but left
     * results.
     *
     * @throws UserInputException if it did not complete and left no results
     */
    static void checkResults(Path dir, PrintWriter err) {
        RunStatus s = of(dir);
        if (s == null || s.is(COMPLETE)) {
            return;
        }
        if (!Files.exists(dir.resolve(ResultWriter.SUMMARY_FILE))) {
            throw new UserInputException(s.describe(dir) + "; it has no results to show");
        }
        err.println("pnp: warning: " + s.describe(dir) + "; showing the results it left");
        err.flush();
    }
}
