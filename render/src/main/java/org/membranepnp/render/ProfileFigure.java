package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.Summary;

/**
 * {@code profile.png}: the profiles of a run across the slab. Two columns, the whole slab (x in µm from the inside
 * far end) and a zoom on the membrane ±10 Debye lengths (x in nm from its inside face) where the charge layers show;
 * three rows in each, the potential φ, the concentrations (linear or log axis) and the net charge density ρ (filled,
 * warm where positive, cool where negative). The lipid is a shaded band; V_m, the GHK voltage, the Debye lengths and
 * the bulk electroneutrality are written under the title.
 */
final class ProfileFigure {
    static final String FILE = "profile.png";
    /** The potential's colour. */
    static final int POTENTIAL = 0xff1f1f1f;
    /** Zoom half-width beyond the membrane, Debye lengths. */
    static final double ZOOM_DEBYE_LENGTHS = 10;
    /** Room above and below the data on linear y axes, as a fraction of its range. */
    static final double MARGIN = 0.05;

    private final Scene scene;
    private final Panel[][] panels;

    private ProfileFigure(Scene scene, Panel[][] panels) {
        this.scene = scene;
        this.panels = panels;
    }

    Scene scene() {
        return scene;
    }

    /** The plot of {@code column} (0 whole slab, 1 zoom) and {@code row} (0 φ, 1 c, 2 ρ). */
    Panel panel(int column, int row) {
        return panels[column][row];
    }

    /** Draws {@code dir/profile.png} from the run's summary.json and profiles.csv. */
    static Path write(Path dir, RenderOptions options) {
        NamedProfiles data = ResultReader.profiles(dir);
        JsonNode summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        ProfileFigure f = of(data, summary, options.style(), options.logConcentrations());
        return PngFiles.write(dir, FILE, FigureRenderer.render(f.scene()));
    }

    /** Colour of positive (true) or negative net charge. */
    static int chargeColor(boolean positive) {
        return 0xff000000 | Colormap.diverging().centred(positive ? 0.62 : -0.62, 1);
    }

    static ProfileFigure of(NamedProfiles data, JsonNode summary, FigureStyle style, boolean logC) {
        Profiles p = data.profiles();
        List<String> species = data.species();
        int n = p.nodeCount();
        int a = p.membraneStartNode();
        int b = p.membraneEndNode();
        double[] xNm = p.xNm();
        double xa = xNm[a];
        double xb = xNm[b];
        double vm = num(summary, Summary.MEMBRANE_POTENTIAL_MV, p.potentialMv()[0] - p.potentialMv()[n - 1]);
        double lin = sub(summary, Summary.DEBYE_LENGTH_NM, Summary.INSIDE);
        double lout = sub(summary, Summary.DEBYE_LENGTH_NM, Summary.OUTSIDE);
        SpeciesColors colors = new SpeciesColors(species);

        Scene scene = new Scene(style.width(), style.height(), FigureStyle.BACKGROUND);
        Legend legend = new Legend(style).line("potential φ", POTENTIAL, null);
        for (String s : species) {
            legend.line(SpeciesLabels.of(summary, s), 0xff000000 | colors.rgb(s), null);
        }
        legend.patch("net charge ρ > 0", chargeColor(true)).patch("ρ < 0", chargeColor(false))
                .patch("lipid membrane", FigureStyle.MEMBRANE);
        double ghk = num(summary, Summary.GHK_MV, Double.NaN);
        String info = "V_{m} = " + NumberText.fixed(vm, 2) + " mV     " + (Double.isFinite(ghk) ? "GHK "
                + NumberText.fixed(ghk, 2) + " mV" : "no GHK voltage (nothing permeant)") + "     λ_{D} "
                + NumberText.fixed(lin, 3) + " nm inside, " + NumberText.fixed(lout, 3)
                + " nm outside     bulk electroneutrality " + NumberText.significant(num(summary,
                Summary.BULK_ELECTRONEUTRALITY, Double.NaN), 2);
        double top = FigureHeader.draw(scene, style, title(summary) + ": profiles across the membrane" + (twoDimensional(summary) ? ", averaged along it" : ""), info, legend);

        double margin = FigureHeader.margin(style);
        double colGap = style.pad() * 3;
        double colW = (style.width() - 2 * margin - colGap) / 2;
        double titleRoom = style.text() * 1.5;
        double rowGap = Math.max(style.pad() * 1.2, style.small() * 1.3);
        double plotTop = top + titleRoom;
        double rowH = (style.height() - margin - Panel.xAxisRoom(style) - plotTop - 2 * rowGap) / 3;
        int yTicks = (int) Math.max(2, Math.min(6, rowH / (style.small() * 3.2)));

        double zoomLo = -ZOOM_DEBYE_LENGTHS * (Double.isFinite(lin) ? lin : 1);
        double zoomHi = xb - xa + ZOOM_DEBYE_LENGTHS * (Double.isFinite(lout) ? lout : 1);
        double[][] xs = new double[2][n];
        for (int k = 0; k < n; k++) {
            xs[0][k] = xNm[k] / 1e3;
            xs[1][k] = xNm[k] - xa;
        }
        int[][] range = {{0, n - 1}, {window(xs[1], zoomLo, true), window(xs[1], zoomHi, false)}};
        double[][] xRange = {{xs[0][0], xs[0][n - 1]}, {zoomLo, zoomHi}};
        String[] xLabels = {"x (µm), from the inside far end", "distance from the inside face (nm)"};
        String[] titles = {"whole slab", "near the membrane: ±" + (int) ZOOM_DEBYE_LENGTHS + " Debye lengths"};
        double[] rho = p.chargeDensityCPerM3();

        Panel[][] panels = new Panel[2][3];
        for (int c = 0; c < 2; c++) {
            int k0 = range[c][0];
            int k1 = range[c][1];
            Scale[] ys = {
                Scale.padded(min(p.potentialMv(), k0, k1, 0), max(p.potentialMv(), k0, k1, 0), yTicks, MARGIN),
                concentrationScale(p, k0, k1, logC, yTicks),
                Scale.padded(min(rho, k0, k1, 0), max(rho, k0, k1, 0), yTicks, MARGIN)};
            double tickRoom = 0;
            for (Scale s : ys) {
                tickRoom = Math.max(tickRoom, Panel.yTickRoom(style, s));
            }
            double colX = margin + c * (colW + colGap);
            double left = colX + Panel.yLabelRoom(style) + tickRoom;
            double right = colX + colW;
            Scale x = Scale.linear(xRange[c][0], xRange[c][1], (int) Math.max(3, (right - left) / (style.small() * 7)), false);
            right -= Math.max(0, Panel.xTickOverhang(style, x) - (c == 0 ? colGap : margin) + style.pad() * 0.3);
            for (int r = 0; r < 3; r++) {
                double pt = plotTop + r * (rowH + rowGap);
                Panel panel = new Panel(scene, style, left, pt, right, pt + rowH, x, ys[r]);
                panels[c][r] = panel;
                panel.xBand(xs[c][a], xs[c][b], FigureStyle.MEMBRANE, Math.max(3, style.line() * 1.5));
                panel.grid();
                switch (r) {
                    case 0 -> {
                        float[] dash = {style.line() * 2.5f, style.line() * 2f};
                        panel.hLine(0, FigureStyle.ZERO, style.thin(), dash);
                        if (c == 0) {
                            panel.hLine(vm, FigureStyle.MUTED, style.thin(), dash);
                        }
                        panel.line(xs[c], p.potentialMv(), POTENTIAL, style.line(), null);
                        panel.yLabel("φ (mV)", colX);
                        if (c == 0 && Double.isFinite(vm)) {
                            boolean below = vm < 0;
                            double yv = panel.yPx(vm) + (below ? -1 : 1) * style.pad() * 0.6;
                            scene.add(Label.at("V_{m} = " + NumberText.fixed(vm, 1) + " mV", right - style.pad(), yv,
                                    style.text(), FigureStyle.MUTED, 1, below ? 1 : 0));
                        }
                    }
                    case 1 -> {
                        for (int i = 0; i < species.size(); i++) {
                            double[][] st = stepped(xs[c], p.concentrationsMm()[i], a, b);
                            panel.line(st[0], st[1], 0xff000000 | colors.rgb(species.get(i)), style.line(), null);
                        }
                        panel.yLabel("c (mM)", colX);
                    }
                    default -> {
                        chargeArea(panel, style, xs[c], rho, a, b);
                        panel.yLabel(chargeLabel(ys[r]), colX);
                    }
                }
                panel.frame(r == 2, true);
                if (r == 0) {
                    panel.title(titles[c]);
                }
                if (r == 2) {
                    panel.xLabel(xLabels[c]);
                }
            }
        }
        return new ProfileFigure(scene, panels);
    }

    /**
     * The net charge density ρ over {@code xs}: filled warm where positive and cool where negative (stepped at the
     * membrane faces), the zero line and a thin outline.
     */
    static void chargeArea(Panel panel, FigureStyle style, double[] xs, double[] rho, int a, int b) {
        int n = rho.length;
        double[] rhoPos = new double[n];
        double[] rhoNeg = new double[n];
        for (int k = 0; k < n; k++) {
            rhoPos[k] = Math.max(0, rho[k]);
            rhoNeg[k] = Math.min(0, rho[k]);
        }
        double[][] pos = stepped(xs, rhoPos, a, b);
        double[][] neg = stepped(xs, rhoNeg, a, b);
        double[][] all = stepped(xs, rho, a, b);
        double[] zeros = new double[pos[0].length];
        panel.area(pos[0], pos[1], zeros, chargeColor(true));
        panel.area(neg[0], zeros, neg[1], chargeColor(false));
        panel.hLine(0, FigureStyle.ZERO, style.thin(), null);
        panel.line(all[0], all[1], FigureStyle.MUTED, Math.max(1f, style.line() * 0.5f), null);
    }

    /** "ρ (C/m³)" or "ρ (10^k C/m³)" for the axis {@code y}. */
    static String chargeLabel(Scale y) {
        int e = y.exponent();
        return e == 0 ? "ρ (C/m^{3})" : "ρ (10^{" + Scale.number(e, 0) + "} C/m^{3})";
    }

    /**
     * x and y with a step at each membrane face: the water's values end at the face node and the lipid's start
     * there, at the value of the nearest node inside (concentrations jump at a face by the partition coefficient).
     */
    static double[][] stepped(double[] x, double[] y, int a, int b) {
        if (b - a < 2) {
            return new double[][] {x, y};
        }
        int n = x.length;
        double[] sx = new double[n + 2];
        double[] sy = new double[n + 2];
        System.arraycopy(x, 0, sx, 0, a + 1);
        System.arraycopy(y, 0, sy, 0, a + 1);
        sx[a + 1] = x[a];
        sy[a + 1] = y[a + 1];
        System.arraycopy(x, a + 1, sx, a + 2, b - a - 1);
        System.arraycopy(y, a + 1, sy, a + 2, b - a - 1);
        sx[b + 1] = x[b];
        sy[b + 1] = y[b - 1];
        System.arraycopy(x, b, sx, b + 2, n - b);
        System.arraycopy(y, b, sy, b + 2, n - b);
        return new double[][] {sx, sy};
    }

    /** The concentration axis over nodes k0…k1 of the species {@code only} (−1: all), linear from 0 or log. */
    static Scale concentrationScale(Profiles p, int k0, int k1, boolean log, int ticks) {
        return concentrationScale(p, k0, k1, log, ticks, -1);
    }

    static Scale concentrationScale(Profiles p, int k0, int k1, boolean log, int ticks, int only) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < p.concentrationsMm().length; i++) {
            if (only >= 0 && i != only) {
                continue;
            }
            double[] c = p.concentrationsMm()[i];
            for (int k = k0; k <= k1; k++) {
                boolean water = k <= p.membraneStartNode() || k >= p.membraneEndNode();
                if (Double.isFinite(c[k]) && (!log || (water && c[k] > 0))) {
                    lo = Math.min(lo, c[k]);
                    hi = Math.max(hi, c[k]);
                }
            }
        }
        if (log) {
            return Double.isFinite(lo) && hi > 0 ? Scale.log(lo, hi, true) : Scale.log(1, 10, true);
        }
        return Scale.padded(0, hi > 0 ? hi : 1, ticks, MARGIN);
    }

    /** The first node at or above {@code v} less one ({@code low}), or the last at or below it plus one. */
    static int window(double[] x, double v, boolean low) {
        int n = x.length;
        if (low) {
            for (int k = 0; k < n; k++) {
                if (x[k] >= v) {
                    return Math.max(0, k - 1);
                }
            }
            return n - 1;
        }
        for (int k = n - 1; k >= 0; k--) {
            if (x[k] <= v) {
                return Math.min(n - 1, k + 1);
            }
        }
        return 0;
    }

    static double min(double[] v, int k0, int k1, double with) {
        double m = with;
        for (int k = k0; k <= k1; k++) {
            if (Double.isFinite(v[k])) {
                m = Math.min(m, v[k]);
            }
        }
        return m;
    }

    static double max(double[] v, int k0, int k1, double with) {
        double m = with;
        for (int k = k0; k <= k1; k++) {
            if (Double.isFinite(v[k])) {
                m = Math.max(m, v[k]);
            }
        }
        return m;
    }

    /** True if the summary is that of a 2-D run (its geometry says dimension 2). */
    static boolean twoDimensional(JsonNode summary) {
        JsonNode g = summary.get("geometry");
        return g != null && g.path("dimension").asInt(1) == 2;
    }

    static String title(JsonNode summary) {
        String t = summary.path(Summary.TITLE).asText("");
        return t.isBlank() ? "membrane-pnp run" : t;
    }

    static double num(JsonNode summary, String key, double fallback) {
        JsonNode v = summary.path(key);
        return v.isNumber() ? v.doubleValue() : fallback;
    }

    static double sub(JsonNode summary, String key, String subKey) {
        JsonNode v = summary.path(key).path(subKey);
        return v.isNumber() ? v.doubleValue() : Double.NaN;
    }
}
