package org.membranepnp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.membranepnp.render.FigureViewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pnp view}: a window showing the figures of a finished run folder (reads the result files, never solves).
 * Blocks until the window is closed.
 */
@Command(name = "view",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Shows the figures of a run folder in a window.",
            "",
            "Keys: 1 profile, 2 time series, 3 charging frames (where the folder has them); Left/Right step through "
                    + "the snapshot frames (Home/End: first/last), Space plays/pauses them; L log concentrations; "
                    + "S saves the window as DIR/screenshot-NNN.png; Q or Escape closes. The mouse over a plot shows "
                    + "the values at the nearest node in the title bar. Needs an X display."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp view results/neuron-rest",
            "  pnp view r --width 1920 --height 1080"})
final class ViewCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by pnp run.")
    private Path dir;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1280",
            description = "Window width in pixels (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "800",
            description = "Window height in pixels (default: ${DEFAULT-VALUE}).")
    private int height;

    @Option(names = "--exit-after-ms", hidden = true, defaultValue = "0",
            description = "Close the window this long after the first figure is drawn (tests).")
    private long exitAfterMs;

    @Option(names = "--screenshot", hidden = true,
            description = "With --exit-after-ms: save a screenshot once the first figure is drawn.")
    private boolean screenshot;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (FigureViewer viewer = FigureViewer.open(dir, width, height)) {
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
}
