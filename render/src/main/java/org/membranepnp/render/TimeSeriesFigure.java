package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.membranepnp.engine.result.NamedTimeSeries;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.result.TimeSeries;

/**
 * {@code timeseries.png}: a transient run over time. Above, V_m(t) with the final GHK voltage dashed; below, the
 * outward membrane current of each species and their sum, in µA/cm². The time axis is logarithmic when the samples
 * span two decades or more (the sample at t = 0 is then left out).
 */
final class TimeSeriesFigure {
    static final String FILE = "timeseries.png";
    /** µA/cm² per A/m². */
    static final double UA_CM2_PER_A_M2 = 100;
    static final int TOTAL = 0xff1f1f1f;

    private final Scene scene;
    private final Panel[] panels;

    private TimeSeriesFigure(Scene scene, Panel[] panels) {
        this.scene = scene;
        this.panels = panels;
    }

    Scene scene() {
        return scene;
    }

    /** 0: V_m, 1: currents. */
    Panel panel(int row) {
        return panels[row];
    }

    /** Draws {@code dir/timeseries.png} from timeseries.csv (and the title and GHK voltage of summary.json). */
    static Path write(Path dir, RenderOptions options) {
        NamedTimeSeries data = ResultReader.timeSeries(dir);
        Path summaryFile = dir.resolve(ResultWriter.SUMMARY_FILE);
        JsonNode summary = Files.isRegularFile(summaryFile) ? ResultWriter.readSummary(summaryFile) : MissingNode.getInstance();
        TimeSeriesFigure f = of(data, summary, options.style());
        return PngFiles.write(dir, FILE, FigureRenderer.render(f.scene()));
    }

    /** True if times from {@code t} (the positive ones) span two decades or more. */
    static boolean logTime(double[] t) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : t) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > 0 && hi / lo >= 100;
    }

    static TimeSeriesFigure of(NamedTimeSeries data, JsonNode summary, FigureStyle style) {
        TimeSeries ts = data.series();
        List<String> species = data.species();
        int n = ts.sampleCount();
        double[] t = ts.timeS();
        boolean log = logTime(t);
        double[] total = new double[n];
        double[][] current = new double[species.size()][n];
        for (int i = 0; i < species.size(); i++) {
            for (int k = 0; k < n; k++) {
                current[i][k] = ts.currentsAPerM2()[i][k] * UA_CM2_PER_A_M2;
                total[k] += current[i][k];
            }
        }
        double ghk = ProfileFigure.num(summary, Summary.GHK_MV, Double.NaN);
        SpeciesColors colors = new SpeciesColors(species);

        Scene scene = new Scene(style.width(), style.height(), FigureStyle.BACKGROUND);
        float[] dash = {style.line() * 3f, style.line() * 2f};
        Legend legend = new Legend(style).line("V_{m}", ProfileFigure.POTENTIAL, null);
        if (Double.isFinite(ghk)) {
            legend.line("GHK voltage at the end", FigureStyle.MUTED, dash);
        }
        for (String s : species) {
            legend.line(SpeciesLabels.of(summary, s), 0xff000000 | colors.rgb(s), null);
        }
        legend.line("total ionic current", TOTAL, dash);
        double v0 = n > 0 ? ts.membranePotentialMv()[0] : Double.NaN;
        double v1 = n > 0 ? ts.membranePotentialMv()[n - 1] : Double.NaN;
        String info = "V_{m} from " + NumberText.fixed(v0, 2) + " to " + NumberText.fixed(v1, 2) + " mV over "
                + NumberText.significant(n > 0 ? t[n - 1] : Double.NaN, 3) + " s, " + n + " samples; currents outward positive";
        String title = (summary.isMissingNode() ? "membrane-pnp run" : ProfileFigure.title(summary))
                + ": membrane potential and currents over time";
        double top = FigureHeader.draw(scene, style, title, info, legend);

        double margin = FigureHeader.margin(style);
        double gap = style.pad() * 1.5;
        double h = style.height() - margin - Panel.xAxisRoom(style) - top - gap;
        double[] heights = {h * 0.5, h * 0.5};
        int yTicks = (int) Math.max(2, Math.min(7, heights[0] / (style.small() * 3.2)));

        double[] tx = t.clone();
        String unit = "s";
        double tLo;
        double tHi;
        Scale x;
        if (log) {
            tLo = Double.POSITIVE_INFINITY;
            tHi = 0;
            for (double v : t) {
                if (v > 0) {
                    tLo = Math.min(tLo, v);
                    tHi = Math.max(tHi, v);
                }
            }
            x = Scale.log(tLo, tHi, false);
        } else {
            double end = n > 0 ? Math.max(Math.abs(t[n - 1]), Math.abs(t[0])) : 1;
            double f = end >= 1 || end == 0 ? 1 : end >= 1e-3 ? 1e3 : end >= 1e-6 ? 1e6 : 1e9;
            unit = f == 1 ? "s" : f == 1e3 ? "ms" : f == 1e6 ? "µs" : "ns";
            for (int k = 0; k < n; k++) {
                tx[k] = t[k] * f;
            }
            x = Scale.linear(n > 0 ? tx[0] : 0, n > 0 ? tx[n - 1] : 1, 8, false);
        }
        Scale yV = Scale.padded(minOf(ts.membranePotentialMv(), ghk), maxOf(ts.membranePotentialMv(), ghk), yTicks,
                ProfileFigure.MARGIN);
        double lo = 0;
        double hi = 0;
        for (double[] c : current) {
            lo = Math.min(lo, minOf(c, 0));
            hi = Math.max(hi, maxOf(c, 0));
        }
        lo = Math.min(lo, minOf(total, 0));
        hi = Math.max(hi, maxOf(total, 0));
        Scale yI = Scale.padded(lo, hi, yTicks, ProfileFigure.MARGIN);
        double left = margin + Panel.yLabelRoom(style) + Math.max(Panel.yTickRoom(style, yV), Panel.yTickRoom(style, yI));
        double right = style.width() - margin;
        Scale xs = log ? x : Scale.linear(x.min(), x.max(), (int) Math.max(3, (right - left) / (style.small() * 7)), false);
        right -= Math.max(0, Panel.xTickOverhang(style, xs) - margin + style.pad() * 0.3);

        Panel pv = new Panel(scene, style, left, top, right, top + heights[0], xs, yV);
        pv.grid();
        if (Double.isFinite(ghk)) {
            pv.hLine(ghk, FigureStyle.MUTED, style.line() * 0.8f, dash);
        }
        pv.line(tx, ts.membranePotentialMv(), ProfileFigure.POTENTIAL, style.line(), null);
        pv.frame(false, true).yLabel("V_{m} (mV)", margin);

        double top2 = top + heights[0] + gap;
        Panel pi = new Panel(scene, style, left, top2, right, top2 + heights[1], xs, yI);
        pi.grid().hLine(0, FigureStyle.ZERO, style.thin(), null);
        for (int i = 0; i < species.size(); i++) {
            pi.line(tx, current[i], 0xff000000 | colors.rgb(species.get(i)), style.line(), null);
        }
        pi.line(tx, total, TOTAL, style.line() * 0.8f, dash);
        int e = yI.exponent();
        pi.frame(true, true).yLabel(e == 0 ? "current (µA/cm^{2})" : "current (10^{" + Scale.number(e, 0) + "} µA/cm^{2})", margin);
        pi.xLabel("time (" + unit + ")" + (log ? ", log scale" : ""));
        return new TimeSeriesFigure(scene, new Panel[] {pv, pi});
    }

    private static double minOf(double[] v, double with) {
        double m = Double.isFinite(with) ? with : Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.min(m, x);
            }
        }
        return Double.isFinite(m) ? m : 0;
    }

    private static double maxOf(double[] v, double with) {
        double m = Double.isFinite(with) ? with : Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return Double.isFinite(m) ? m : 0;
    }
}
