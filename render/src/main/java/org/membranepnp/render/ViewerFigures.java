package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.NamedTimeSeries;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.result.TimeSeries;

/**
 * The figures of one run folder for {@code pnp view}, read once: the profiles, the time series (if any) and the
 * snapshot frames (if any), drawn at any size with the figures of {@code pnp render}, each with its plots so that
 * a pixel can be read back as data ({@link Picture#readout}).
 */
final class ViewerFigures {
    /** A drawn figure and the value readout for a pixel of it ("" outside the plots). */
    record Picture(BufferedImage image, List<Plot> plots) {
        /** The data under the picture pixel (px, py), or "" outside every plot. */
        String readout(double px, double py) {
            for (Plot p : plots) {
                Panel q = p.panel();
                if (px >= q.left() && px <= q.right() && py >= q.top() && py <= q.bottom()) {
                    return p.readout().at(valueAt(q.x(), (px - q.left()) / (q.right() - q.left())));
                }
            }
            return "";
        }
    }

    /** The readout of a plot's x value. */
    interface Readout {
        String at(double x);
    }

    /** A plot of the picture and how to read its x axis. */
    record Plot(Panel panel, Readout readout) {
    }

    private final Path dir;
    private final JsonNode summary;
    private final NamedProfiles profiles;
    private final NamedTimeSeries series;
    private final List<ChargingAnimation.Frame> frames;

    /**
     * Reads the run folder {@code dir}.
     *
     * @throws UserInputException with one line if it is no run folder or a file is malformed
     */
    ViewerFigures(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + " is not a folder; give a run folder (pnp run --out DIR)");
        }
        if (!Files.isRegularFile(dir.resolve(ResultWriter.SUMMARY_FILE))
                || !Files.isRegularFile(dir.resolve(ResultWriter.PROFILES_FILE))) {
            throw new UserInputException(dir + " holds no run results to view: expected summary.json and profiles.csv "
                    + "(pnp run)");
        }
        this.dir = dir;
        this.summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        this.profiles = ResultReader.profiles(dir);
        this.series = Files.isRegularFile(dir.resolve(ResultWriter.TIMESERIES_FILE)) ? ResultReader.timeSeries(dir) : null;
        this.frames = ChargingAnimation.present(dir) ? ChargingAnimation.read(dir) : List.of();
    }

    Path dir() {
        return dir;
    }

    /** The views this folder allows, in key order. */
    List<ViewerSession.View> views() {
        List<ViewerSession.View> v = new ArrayList<>();
        v.add(ViewerSession.View.PROFILE);
        if (series != null) {
            v.add(ViewerSession.View.TIME_SERIES);
        }
        if (!frames.isEmpty()) {
            v.add(ViewerSession.View.CHARGING);
        }
        return v;
    }

    int frameCount() {
        return frames.size();
    }

    String title() {
        return ProfileFigure.title(summary);
    }

    /** "V_m = −60.00 mV" or, for a frame, "t = 1.0 ns, V_m = −20.0 mV". */
    String status(ViewerSession.State s) {
        if (s.view() == ViewerSession.View.CHARGING) {
            ChargingAnimation.Frame f = frames.get(s.frame());
            return ChargingAnimation.time(f.timeS()) + ", V_m = " + NumberText.fixed(f.membranePotentialMv(), 1) + " mV";
        }
        Profiles p = profiles.profiles();
        double vm = ProfileFigure.num(summary, Summary.MEMBRANE_POTENTIAL_MV,
                p.potentialMv()[0] - p.potentialMv()[p.nodeCount() - 1]);
        return "V_m = " + NumberText.fixed(vm, 2) + " mV";
    }

    /** Draws the figure the session shows at {@code width}×{@code height} (clamped to the figure sizes allowed). */
    Picture draw(ViewerSession.State s, int width, int height) {
        int w = Math.max(RenderOptions.MIN_WIDTH, Math.min(RenderOptions.MAX_WIDTH, width));
        int h = Math.max(RenderOptions.MIN_HEIGHT, Math.min(RenderOptions.MAX_HEIGHT, height));
        FigureStyle style = FigureStyle.of(w, h);
        List<Plot> plots = new ArrayList<>();
        Scene scene;
        switch (s.view()) {
            case TIME_SERIES -> {
                TimeSeriesFigure f = TimeSeriesFigure.of(series, summary, style);
                scene = f.scene();
                Readout r = timeReadout(f.panel(0));
                plots.add(new Plot(f.panel(0), r));
                plots.add(new Plot(f.panel(1), r));
            }
            case CHARGING -> {
                // all frames are laid out together so that the axes are common (one alone would get its own ranges)
                ChargingAnimation.Drawn d = ChargingAnimation.draw(frames, summary, style, s.logConcentrations())
                        .get(s.frame());
                scene = d.scene();
                Profiles p = frames.get(s.frame()).data().profiles();
                double xa = p.xNm()[p.membraneStartNode()];
                Readout r = x -> nodeReadout(frames.get(s.frame()).data(), x + xa);
                plots.add(new Plot(d.potential(), r));
                plots.add(new Plot(d.concentrations(), r));
                plots.add(new Plot(d.charge(), r));
            }
            default -> {
                ProfileFigure f = ProfileFigure.of(profiles, summary, style, s.logConcentrations());
                scene = f.scene();
                Profiles p = profiles.profiles();
                double xa = p.xNm()[p.membraneStartNode()];
                for (int r = 0; r < 3; r++) {
                    plots.add(new Plot(f.panel(0, r), x -> nodeReadout(profiles, x * 1e3)));
                    plots.add(new Plot(f.panel(1, r), x -> nodeReadout(profiles, x + xa)));
                }
            }
        }
        return new Picture(FigureRenderer.render(scene), plots);
    }

    /** The value of scale {@code x} at {@code fraction} of the way from its min to its max. */
    static double valueAt(Scale x, double fraction) {
        if (x.isLog()) {
            return x.min() * Math.pow(x.max() / x.min(), fraction);
        }
        return x.min() + fraction * (x.max() - x.min());
    }

    /** "x = 1000.31 nm: φ −58.5 mV, K 140 mM, …, ρ 1.2e+03 C/m³" at the node nearest {@code xNm}. */
    static String nodeReadout(NamedProfiles data, double xNm) {
        Profiles p = data.profiles();
        int k = nearest(p.xNm(), xNm);
        StringBuilder s = new StringBuilder();
        s.append("x = ").append(NumberText.significant(p.xNm()[k], 6)).append(" nm");
        s.append(" (node ").append(k).append("): φ ").append(NumberText.significant(p.potentialMv()[k], 4)).append(" mV");
        for (int i = 0; i < data.species().size(); i++) {
            s.append(", ").append(data.species().get(i)).append(' ')
                    .append(NumberText.significant(p.concentrationsMm()[i][k], 4)).append(" mM");
        }
        s.append(", ρ ").append(NumberText.significant(p.chargeDensityCPerM3()[k], 3)).append(" C/m³");
        return s.toString();
    }

    private Readout timeReadout(Panel v) {
        TimeSeries ts = series.series();
        double[] t = ts.timeS();
        return x -> {
            if (t.length == 0) {
                return "";
            }
            // the axis shows seconds (log) or seconds times a unit factor (linear, from the first to the last sample)
            double ts0 = t[0];
            double ts1 = t[t.length - 1];
            double when = v.x().isLog() ? x : ts0 + (x - v.x().min()) / (v.x().max() - v.x().min()) * (ts1 - ts0);
            int k = nearest(t, when);
            double total = 0;
            for (double[] c : ts.currentsAPerM2()) {
                total += c[k] * TimeSeriesFigure.UA_CM2_PER_A_M2;
            }
            return ChargingAnimation.time(t[k]) + ": V_m " + NumberText.significant(ts.membranePotentialMv()[k], 4)
                    + " mV, total current " + NumberText.significant(total, 3) + " µA/cm²";
        };
    }

    /** The index of the value of the ascending {@code xs} nearest {@code v}. */
    static int nearest(double[] xs, double v) {
        int best = 0;
        for (int k = 1; k < xs.length; k++) {
            if (Math.abs(xs[k] - v) < Math.abs(xs[best] - v)) {
                best = k;
            }
        }
        return best;
    }
}
