package org.membranepnp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.render.FigureViewer;
import org.membranepnp.render.LiveFeed;
import org.membranepnp.render.RenderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pnp view}: a window showing the figures of a finished run folder (reads the result files, never solves; a
 * 2-D run's field maps too),
 * or, given a scenario file, of the run as it computes (the solver in a background thread, the window pulling its
 * frames through {@link LiveFeed}). Blocks until the window is closed; closing it or Ctrl-C stops a live run.
 */
@Command(name = "view",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Shows the figures of a run folder in a window, or follows a scenario's run as it computes.",
            "",
            "A 2-D run's folder (fields.csv) opens on its field maps: the charge density, the potential and each "
                    + "concentration over the (x, y) plane, one at a time; its profile is the y-average.",
            "",
            "Keys: 1 profile, 2 time series, 3 charging frames, 4 lecture layout, 5 field maps (the views the folder "
                    + "has, in that order: a 2-D run's are 1 profile, 2 lecture, 3 field maps; a live run: 1 profile, "
                    + "2 lecture); V lecture layout on/off; F the profile's next field (all, φ, each concentration, "
                    + "ρ), on the field maps the next map (charge density, potential, each concentration); + and − "
                    + "zoom, 0 resets the zoom; Left/Right step through the "
                    + "frames (Home/End: first/last; a live run: End follows the newest state), Space plays/pauses "
                    + "them (a live run: pauses/resumes the run); L log concentrations; S saves the window as "
                    + "screenshot-NNN.png; Q or Escape closes (and stops a live run).",
            "Mouse: over a plot or a field map, the values at the nearest node beside the cursor; on the profile the wheel zooms "
                    + "about the cursor in x and a drag pans; a click or drag on the time slider picks the frame. "
                    + "Needs an X display."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp view results/neuron-rest",
            "  pnp view r --width 1920 --height 1080 --lecture",
            "  pnp run examples/k-channel-2d.toml --out k2d && pnp view k2d",
            "  pnp view examples/sodium-surge.toml --lecture",
            "  pnp view examples/neuron-rest.toml --set run.mode=transient --set run.end_time_s=1"})
final class ViewCommand implements Callable<Integer> {
    /** How long a live run may take to its first state before the window opens, ms. */
    private static final long FIRST_STATE_MS = 600_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR|FILE",
            description = "A folder written by pnp run, or a scenario file (TOML) to run and follow live.")
    private Path target;

    @Option(names = "--lecture", description = "Open in the lecture layout: the whole slab with a lens on the membrane "
            + "and the live numbers (V_m, separated charge, ions moved, bulk electroneutrality).")
    private boolean lecture;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1280",
            description = "Window width in pixels (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "800",
            description = "Window height in pixels (default: ${DEFAULT-VALUE}).")
    private int height;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "60",
            description = "A live run: frames kept for the time slider, log-spaced in time like pnp run --snapshots "
                    + "(default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--screenshots", paramLabel = "DIR",
            description = "A live run: where S saves screenshots (default: the current folder; a run folder's own "
                    + "screenshots go into it).")
    private Path screenshots;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = "A live run: threads of the solver's worker pool (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Mixin
    private ScenarioOverrides overrides;

    @Option(names = "--exit-after-ms", hidden = true, defaultValue = "0",
            description = "Close the window this long after the first figure is drawn (tests).")
    private long exitAfterMs;

    @Option(names = "--screenshot", hidden = true,
            description = "With --exit-after-ms: save a screenshot once the first figure is drawn.")
    private boolean screenshot;

    @Option(names = "--exit-after-frames", hidden = true, defaultValue = "0",
            description = "A live run: once N frames are shown (or the run ended), save a screenshot, print its path "
                    + "and the frame times, and close (tests).")
    private int exitAfterFrames;

    @Override
    public Integer call() throws InterruptedException {
        if (Files.isRegularFile(target)) {
            return live();
        }
        if (overrides.given()) {
            throw new ParameterException(spec.commandLine(), "--set changes a scenario: give a scenario FILE, not a "
                    + "run folder");
        }
        RunStatus.checkResults(target, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        try (FigureViewer viewer = FigureViewer.open(target, width, height, lecture)) {
            if (exitAfterMs > 0) {
                viewer.awaitFirstDrawn(Math.max(exitAfterMs, 30_000));
                if (screenshot) {
                    out.println(viewer.screenshot());
                    out.flush();
                }
                viewer.awaitClosed(exitAfterMs);
            } else {
                viewer.awaitClosed();
            }
        }
        return 0;
    }

    /** Runs the scenario in the background and follows it in the window. */
    private int live() throws InterruptedException {
        if (frames < 2) {
            throw new ParameterException(spec.commandLine(), "--frames must be at least 2, got " + frames);
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        new RenderOptions(width, height, false); // one line if the size is out of range, before any work
        Scenario scenario = ScenarioLoader.load(target, overrides.values());
        Path shots = screenshots != null ? screenshots : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(shots)) {
            throw new UserInputException("--screenshots " + shots + " is not a folder");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StopOnInterrupt interrupt = StopOnInterrupt.install(); // Ctrl-C stops the run after its current step
        LiveRun run = LiveRun.start(scenario, frames, threads, interrupt::requested, interrupt::release);
        try {
            if (!run.awaitFirstState(FIRST_STATE_MS)) {
                if (run.failure() != null) {
                    throw run.failure();
                }
                throw new UserInputException("the run of " + target + " gave no state to show within "
                        + FIRST_STATE_MS / 1000 + " s");
            }
            try (FigureViewer viewer = FigureViewer.open(run, width, height, lecture, shots)) {
                if (exitAfterFrames > 0) {
                    viewer.awaitFirstDrawn(60_000);
                    viewer.awaitLiveFrames(exitAfterFrames, 300_000);
                    out.println(viewer.screenshot());
                    out.flush();
                    FigureViewer.FrameStats st = viewer.frameStats();
                    err.printf(Locale.ROOT, "pnp: %d pictures drawn, %.1f ms each on average (longest %.1f ms)%n",
                            st.frames(), st.meanMs(), st.maxMs());
                } else {
                    viewer.awaitClosed();
                }
            }
        } finally {
            run.stop();
            run.awaitDone(60_000);
            interrupt.release();
        }
        if (run.failure() != null) {
            throw run.failure();
        }
        if (run.phase() == LiveFeed.Phase.STOPPED && scenario.run().mode() == RunMode.TRANSIENT) {
            err.println("pnp: stopped the run at t = " + Fmt.num(run.latestTimeS(), 4) + " s of "
                    + Fmt.num(scenario.run().endTimeS(), 4) + " s (pnp view keeps no results; pnp run writes them)");
        }
        err.flush();
        return 0;
    }
}
