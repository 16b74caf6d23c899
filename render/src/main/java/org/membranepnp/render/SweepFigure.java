package org.membranepnp.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.membranepnp.engine.UserInputException;

/**
 * {@code sweep.png}: the simulated V_m of every point of a sweep (open circles) against the first varied key, on the
 * GHK voltage curve, beside the Nernst potential of the species the key names (a concentration key such as
 * {@code outside.concentrations_mM.K}; else the first species): the Hodgkin–Katz plot. The x axis is logarithmic
 * when the values are positive and span more than a decade. With several varied keys, each combination of the
 * others is one series in its own colour. Failed points are left out.
 */
final class SweepFigure {
    static final String FILE = "sweep.png";
    static final int GHK = 0xff3a3a3a;
    private static final Pattern CONCENTRATION_KEY = Pattern.compile("(inside|outside)\\.concentrations_mM\\.(.+)");

    private final Scene scene;
    private final Panel panel;
    private final String nernstSpecies;

    private SweepFigure(Scene scene, Panel panel, String nernstSpecies) {
        this.scene = scene;
        this.panel = panel;
        this.nernstSpecies = nernstSpecies;
    }

    Scene scene() {
        return scene;
    }

    Panel panel() {
        return panel;
    }

    /** The species whose Nernst potential is drawn. */
    String nernstSpecies() {
        return nernstSpecies;
    }

    static Path write(Path dir, RenderOptions options) {
        SweepFigure f = of(SweepData.read(dir), options.style());
        return PngFiles.write(dir, FILE, FigureRenderer.render(f.scene()));
    }

    /** The species of the Nernst curve: the one a concentration key names, else the first. */
    static String nernstSpecies(String key, List<String> species) {
        Matcher m = CONCENTRATION_KEY.matcher(key);
        if (m.matches() && species.contains(m.group(2))) {
            return m.group(2);
        }
        return species.isEmpty() ? null : species.get(0);
    }

    static SweepFigure of(SweepData data, FigureStyle style) {
        String key = data.keys().get(0);
        double[] x = data.column(key);
        double[] vm = data.column(SweepData.VM);
        double[] ghk = data.column(SweepData.GHK);
        String sp = nernstSpecies(key, data.species());
        double[] nernst = sp == null ? new double[x.length] : data.column("nernst_" + sp + "_mV");
        if (sp == null) {
            Arrays.fill(nernst, Double.NaN);
        }
        boolean[] ok = data.ok();
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        int shown = 0;
        for (int r = 0; r < x.length; r++) {
            if (!ok[r] || !Double.isFinite(x[r])) {
                continue;
            }
            shown++;
            xLo = Math.min(xLo, x[r]);
            xHi = Math.max(xHi, x[r]);
            for (double v : new double[] {vm[r], ghk[r], nernst[r]}) {
                if (Double.isFinite(v)) {
                    yLo = Math.min(yLo, v);
                    yHi = Math.max(yHi, v);
                }
            }
        }
        if (shown == 0) {
            throw new UserInputException("nothing to draw in sweep.csv: no point ran (see its status column)");
        }
        boolean log = xLo > 0 && xHi / xLo > 10;
        String label = SpeciesLabels.of(data.summary(), sp == null ? "" : sp);
        int nernstColor = sp == null ? 0xff000000 : 0xff000000 | new SpeciesColors(data.species()).rgb(sp);
        float[] dash = {style.line() * 3.5f, style.line() * 2.2f};
        Map<String, List<Integer>> groups = data.groups();
        boolean many = groups.size() > 1;

        Scene scene = new Scene(style.width(), style.height(), FigureStyle.BACKGROUND);
        Legend legend = new Legend(style);
        legend.dot("V_{m}, PNP simulation", 0xffffffff, many ? FigureStyle.MUTED : GHK)
                .line("GHK voltage", GHK, null);
        if (sp != null) {
            legend.line("E_{" + sp + "}, Nernst potential of " + label, many ? FigureStyle.MUTED : nernstColor, dash);
        }
        List<String> groupNames = new ArrayList<>(groups.keySet());
        int[] groupColors = new int[groupNames.size()];
        for (int g = 0; g < groupColors.length; g++) {
            groupColors[g] = many ? 0xff000000 | Colormap.sequential().rgb(0.05 + 0.65 * g / Math.max(1, groupColors.length - 1)) : GHK;
            if (many) {
                legend.patch(groupNames.get(g), groupColors[g]);
            }
        }
        String xLabel = keyLabel(key, data);
        String title = (data.title().isBlank() ? "sweep" : data.title()) + ": V_{m} against "
                + xLabel.replaceAll(" \\([^()]*\\)$", "");
        long failed = x.length - shown;
        String info = shown + " points" + (failed > 0 ? ", " + failed + " failed (left out)" : "")
                + (data.balance() != null ? "; the " + keyLabel(data.balance(), data).replaceAll(" \\([^()]*\\)$", "")
                + " follows (--balance), keeping the bath neutral" : "");
        double top = FigureHeader.draw(scene, style, title, info, null);

        double margin = FigureHeader.margin(style);
        double bottom = style.height() - margin - Panel.xAxisRoom(style);
        int yTicks = (int) Math.max(3, Math.min(10, (bottom - top) / (style.small() * 3.5)));
        Scale y = Scale.padded(yLo, yHi, yTicks, ProfileFigure.MARGIN);
        double left = margin + Panel.yLabelRoom(style) + Panel.yTickRoom(style, y);
        double right = style.width() - margin;
        double padX = log ? Math.pow(xHi / xLo, 0.02) : (xHi - xLo) * 0.02; // room for the end markers
        Scale xs = log ? Scale.log(xLo / padX, xHi * padX, false)
                : Scale.linear(xLo - padX, xHi + padX, (int) Math.max(3, (right - left) / (style.small() * 7)), false);
        right -= Math.max(0, Panel.xTickOverhang(style, xs) - margin + style.pad() * 0.3);
        Panel p = new Panel(scene, style, left, top, right, bottom, xs, y);
        p.grid();
        for (int g = 0; g < groupNames.size(); g++) {
            int[] rows = sortedRows(groups.get(groupNames.get(g)), x, ok);
            double[] gx = pick(x, rows);
            if (sp != null) {
                p.line(gx, pick(nernst, rows), many ? groupColors[g] : nernstColor, style.line(), dash);
            }
            p.line(gx, pick(ghk, rows), groupColors[g], style.line(), null);
        }
        float r = Math.max(3f, style.text() * 0.36f);
        for (int g = 0; g < groupNames.size(); g++) {
            int[] rows = sortedRows(groups.get(groupNames.get(g)), x, ok);
            p.dots(pick(x, rows), pick(vm, rows), r, 0xffffffff, groupColors[g]);
        }
        p.frame(true, true).xLabel(xLabel).yLabel("potential (mV)", margin);
        placeLegend(scene, style, p, legend, x, new double[][] {vm, ghk, nernst}, ok);
        return new SweepFigure(scene, p, sp);
    }

    /** The axis label of a key, with the charge of the species a concentration key names ("outside K⁺ concentration"). */
    private static String keyLabel(String key, SweepData data) {
        String label = NumberText.keyLabel(key);
        Matcher m = CONCENTRATION_KEY.matcher(key);
        if (m.matches()) {
            String sp = m.group(2);
            label = label.replace(" " + sp + " concentration", " " + SpeciesLabels.of(data.summary(), sp) + " concentration");
        }
        return label;
    }

    /** Puts the legend in the corner of the plot where it covers the fewest data points. */
    private static void placeLegend(Scene scene, FigureStyle style, Panel p, Legend legend, double[] x, double[][] ys,
                                    boolean[] ok) {
        double[] size = legend.boxSize();
        double inset = style.pad();
        double[][] corners = {
            {p.left() + inset, p.top() + inset}, {p.right() - inset - size[0], p.top() + inset},
            {p.left() + inset, p.bottom() - inset - size[1]}, {p.right() - inset - size[0], p.bottom() - inset - size[1]}};
        int best = 0;
        int bestCount = Integer.MAX_VALUE;
        for (int c = 0; c < corners.length; c++) {
            int count = 0;
            for (double[] y : ys) {
                for (int k = 0; k < x.length; k++) {
                    double px = p.xPx(x[k]);
                    double py = p.yPx(y[k]);
                    if (ok[k] && px >= corners[c][0] - inset && px <= corners[c][0] + size[0] + inset
                            && py >= corners[c][1] - inset && py <= corners[c][1] + size[1] + inset) {
                        count++;
                    }
                }
            }
            if (count < bestCount) {
                best = c;
                bestCount = count;
            }
        }
        legend.drawBox(scene, corners[best][0], corners[best][1]);
    }

    private static int[] sortedRows(List<Integer> rows, double[] x, boolean[] ok) {
        return rows.stream().filter(r -> ok[r] && Double.isFinite(x[r]))
                .sorted((a, b) -> Double.compare(x[a], x[b])).mapToInt(Integer::intValue).toArray();
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
