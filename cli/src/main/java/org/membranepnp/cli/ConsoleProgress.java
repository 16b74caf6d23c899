package org.membranepnp.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.membranepnp.solver.ProgressListener;

/**
 * Reports solver progress on stderr: at most one time-step line per second (rewritten in place on a
 * terminal) with simulated time, step, Newton iterations, wall time and an estimate of the time left, and with
 * {@code verbose} every Newton residual.
 */
final class ConsoleProgress implements ProgressListener {
    private static final long INTERVAL_NS = 1_000_000_000L;
    private static final long INTERVAL_IN_PLACE_NS = 200_000_000L;

    private final PrintWriter err;
    private final boolean verbose;
    private final boolean inPlace;
    private final long startNs;
    private long lastPrintNs;
    private int lastWidth;
    private double firstStepS = Double.NaN;

    /**
     * @param err      where to write
     * @param verbose  also report every Newton iteration
     * @param inPlace  rewrite one line with carriage returns (only for a terminal)
     */
    ConsoleProgress(PrintWriter err, boolean verbose, boolean inPlace) {
        this.err = err;
        this.verbose = verbose;
        this.inPlace = inPlace && !verbose;
        this.lastPrintNs = System.nanoTime();
        this.startNs = lastPrintNs;
    }

    @Override
    public void onTimeStep(double timeS, double dtS, double endTimeS, int newtonIterations) {
        if (Double.isNaN(firstStepS)) {
            firstStepS = dtS;
        }
        long now = System.nanoTime();
        if (!verbose && now - lastPrintNs < (inPlace ? INTERVAL_IN_PLACE_NS : INTERVAL_NS)) {
            return;
        }
        lastPrintNs = now;
        String line = String.format(Locale.ROOT, "  t = %s s, dt = %s s, %d Newton iterations",
                Fmt.num(timeS, 4), Fmt.num(dtS, 3), newtonIterations);
        double wall = (now - startNs) * 1e-9;
        line += String.format(Locale.ROOT, ", wall %s s", Fmt.num(wall, 3));
        if (Double.isFinite(endTimeS) && endTimeS > 0) {
            // adaptive steps grow geometrically: progress is measured in log time from the first step
            double f = Math.log1p(timeS / firstStepS) / Math.log1p(endTimeS / firstStepS);
            line += String.format(Locale.ROOT, " (%.0f%% of %s s", 100 * timeS / endTimeS, Fmt.num(endTimeS, 4));
            if (f > 0.02 && f < 1) {
                line += String.format(Locale.ROOT, ", about %s s left", Fmt.num(wall * (1 - f) / f, 2));
            }
            line += ")";
        }
        show(line);
    }

    @Override
    public void onContinuationStep(String what, double fraction, int newtonIterations) {
        long now = System.nanoTime();
        if (!verbose && now - lastPrintNs < (inPlace ? INTERVAL_IN_PLACE_NS : INTERVAL_NS)) {
            return;
        }
        lastPrintNs = now;
        show(String.format(Locale.ROOT, "  continuation in %s: %.0f%%, %d Newton iterations, wall %s s", what,
                100 * fraction, newtonIterations, Fmt.num((now - startNs) * 1e-9, 3)));
    }

    private void show(String line) {
        if (inPlace) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void onNewtonIteration(int iteration, double residualNorm) {
        if (verbose) {
            err.println(String.format(Locale.ROOT, "    Newton %3d  residual %.3e", iteration, residualNorm));
            err.flush();
        }
    }

    /** Clears an in-place progress line. */
    void finish() {
        if (inPlace && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }
}
