package org.membranepnp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.membranepnp.render.Figures;
import org.membranepnp.render.RenderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pnp render}: draws the figures of a run or sweep folder as PNG files (offscreen OpenGL; reads the result
 * files, never solves) and prints the files written.
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Draws the figures of a result folder as PNG files into it.",
            "",
            "A run folder (summary.json, profiles.csv) gives profile.png: potential, concentrations and net charge "
                    + "across the whole slab and near the membrane; with timeseries.csv also timeseries.png: V_m and "
                    + "the membrane currents over time; with particles.csv (a [particles] run) also particles.png "
                    + "and particles.gif: the ions as coloured points over the potential map. A sweep folder (sweep.csv) gives sweep.png: V_m against the "
                    + "first varied key beside the GHK and Nernst curves. Needs an X display (OpenGL): without one, "
                    + "run under xvfb-run -a."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp render results/neuron-rest",
            "  pnp render r --width 3840 --height 2160 --log-concentrations",
            "  xvfb-run -a pnp render results/sweep-potassium-sweep     (no display: a virtual one)"})
final class RenderCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by pnp run or pnp sweep.")
    private Path dir;

    @Option(names = "--width", paramLabel = "W", defaultValue = "" + RenderOptions.DEFAULT_WIDTH,
            description = "Picture width in pixels, " + RenderOptions.MIN_WIDTH + " to " + RenderOptions.MAX_WIDTH
                    + " (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "" + RenderOptions.DEFAULT_HEIGHT,
            description = "Picture height in pixels, " + RenderOptions.MIN_HEIGHT + " to " + RenderOptions.MAX_HEIGHT
                    + " (default: ${DEFAULT-VALUE}).")
    private int height;

    @Option(names = "--log-concentrations", description = "Concentrations on a log axis (profile.png).")
    private boolean logConcentrations;

    @Override
    public Integer call() {
        RunStatus.checkResults(dir, spec.commandLine().getErr());
        List<Path> files = Figures.render(dir, new RenderOptions(width, height, logConcentrations));
        PrintWriter out = spec.commandLine().getOut();
        listed(files).forEach(out::println);
        out.flush();
        return 0;
    }

    /** The files to list: each figure, and the animation frames as one line "DIR/frames/ (N frames)". */
    static List<String> listed(List<Path> files) {
        List<String> lines = new java.util.ArrayList<>();
        int frames = 0;
        Path frameDir = null;
        for (Path f : files) {
            Path parent = f.getParent();
            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("frames")) {
                frames++;
                frameDir = parent;
            } else {
                lines.add(f.toString());
            }
        }
        if (frames > 0) {
            lines.add(frameDir + "/ (" + frames + " frames)");
        }
        return lines;
    }

    /**
     * For {@code --render} of run and sweep: draws the figures of {@code dir} at the default size and, unless
     * {@code quiet}, lists them in the report's layout.
     */
    static void renderAfter(boolean render, Path dir, PrintWriter out, boolean quiet) {
        if (!render) {
            return;
        }
        for (String f : listed(Figures.render(dir, RenderOptions.defaults()))) {
            if (!quiet) {
                out.printf(Locale.ROOT, "  %-34s %s%n", "figure", f);
            }
        }
        out.flush();
    }
}
