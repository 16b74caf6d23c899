package org.membranepnp.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of {@code pnp sweep} on stderr: points done / total, elapsed time and an estimate of the time left.
 * On a terminal one line is rewritten in place; otherwise at most one line a second, and always the last one.
 * Thread-safe: the workers report here as their points finish.
 */
final class SweepProgress {
    private static final long INTERVAL_NS = 1_000_000_000L;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private final boolean inPlace;
    private final LongSupplier clock;
    private final long startNs;
    private long lastPrintNs;
    private int done;
    private int lastWidth;

    /**
     * @param err     where to write
     * @param total   the number of points to run
     * @param enabled false prints nothing but the warnings
     * @param inPlace rewrite one line with carriage returns (only for a terminal)
     * @param clock   nanoseconds ({@link System#nanoTime} outside tests)
     */
    SweepProgress(PrintWriter err, int total, boolean enabled, boolean inPlace, LongSupplier clock) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
        this.inPlace = inPlace;
        this.clock = clock;
        this.startNs = clock.getAsLong();
        this.lastPrintNs = startNs;
    }

    /** One more point has finished (ok or failed). */
    synchronized void pointDone() {
        done++;
        long now = clock.getAsLong();
        if (!enabled || (done < total && now - lastPrintNs < (inPlace ? INTERVAL_NS / 5 : INTERVAL_NS))) {
            return;
        }
        lastPrintNs = now;
        String text = line(done, total, (now - startNs) * 1e-9);
        if (inPlace) {
            err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** Prints a warning on a line of its own (always, even when progress is off). */
    synchronized void warn(String message) {
        clear();
        err.println(message);
        err.flush();
    }

    /** Ends an in-place line. */
    synchronized void finish() {
        clear();
    }

    /** {@code "  7/20 points, 1.3 s elapsed, about 2.4 s left"}; the estimate assumes the points cost alike. */
    static String line(int done, int total, double elapsedS) {
        String s = String.format(Locale.ROOT, "  %d/%d points, %s elapsed", done, total, duration(elapsedS));
        if (done > 0 && done < total) {
            s += ", about " + duration(elapsedS / done * (total - done)) + " left";
        }
        return s;
    }

    /** Seconds as {@code 4.2 s}, {@code 3 min 05 s} or {@code 1 h 02 min}. */
    static String duration(double s) {
        if (s < 60) {
            return Fmt.fixed(s, 1) + " s";
        }
        long r = Math.round(s);
        if (r < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", r / 60, r % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", r / 3600, (r % 3600) / 60);
    }

    private void clear() {
        if (inPlace && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }
}
