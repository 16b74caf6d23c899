package org.membranepnp.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.ResultWriter;

/**
 * Draws every figure a result folder's files allow: for a run folder (summary.json and profiles.csv)
 * {@code profile.png}, and {@code timeseries.png} where timeseries.csv exists, and where a transient wrote profile
 * snapshots ({@code snapshots/index.csv}) one picture per snapshot in {@code frames/} and the animation
 * {@code charging.gif}; for a 2-D run (fields.csv) the field maps of {@link FieldFigures}; where a particle run
 * wrote {@code particles.csv}, {@code particles.png} and {@code particles.gif}; for a sweep folder (sweep.csv)
 * {@code sweep.png}. Reads results only; never solves.
 */
public final class Figures {
    private Figures() {
    }

    /**
     * Checks that figures can be drawn here (an X display that JOGL can open), before any long work.
     *
     * @throws RenderUnavailableException with one line saying how to get a display
     */
    public static void requireDisplay() {
        GlDisplay.profile();
    }

    /**
     * Draws the figures of {@code dir} into it.
     *
     * @return the files written, in order
     * @throws UserInputException         with one line if the folder holds nothing to draw or a file is malformed
     * @throws RenderUnavailableException if there is no display to draw with
     */
    public static List<Path> render(Path dir, RenderOptions options) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + " is not a folder; give a run or sweep folder");
        }
        boolean run = Files.isRegularFile(dir.resolve(ResultWriter.SUMMARY_FILE))
                && Files.isRegularFile(dir.resolve(ResultWriter.PROFILES_FILE));
        boolean series = Files.isRegularFile(dir.resolve(ResultWriter.TIMESERIES_FILE));
        boolean sweep = Files.isRegularFile(dir.resolve(SweepData.CSV_FILE));
        if (!run && !sweep) {
            throw new UserInputException(dir + " holds no results to draw: expected summary.json and profiles.csv "
                    + "(pnp run) or sweep.csv (pnp sweep)");
        }
        GlDisplay.profile(); // one clear line before any file is read when there is no display
        List<Path> written = new ArrayList<>();
        if (run) {
            written.add(ProfileFigure.write(dir, options));
            if (series) {
                written.add(TimeSeriesFigure.write(dir, options));
            }
            if (FieldFigures.present(dir)) {
                String title = ProfileFigure.title(ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE)));
                written.addAll(FieldFigures.write(dir, title, options));
            }
            if (ChargingAnimation.present(dir)) {
                written.addAll(ChargingAnimation.write(dir, options));
            }
            if (ParticleFigure.present(dir)) {
                written.addAll(ParticleFigure.write(dir, options));
            }
        }
        if (sweep) {
            written.add(SweepFigure.write(dir, options));
        }
        return written;
    }
}
