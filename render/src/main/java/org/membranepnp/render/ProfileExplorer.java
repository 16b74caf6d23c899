package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.Profiles;

/**
 * The profile view of {@code pnp view} once it is zoomed, panned or narrowed to one field: one column over an x
 * window (nm from the inside membrane face), with either the three rows of {@code profile.png} (φ, the
 * concentrations, ρ) or one field alone: φ, one species' concentration or ρ. The y axes span the data inside the
 * window, so a zoom on a Debye layer shows its shape.
 */
final class ProfileExplorer {
    private final Scene scene;
    private final List<Panel> panels;
    private final double xLoNm;
    private final double xHiNm;

    private ProfileExplorer(Scene scene, List<Panel> panels, double xLoNm, double xHiNm) {
        this.scene = scene;
        this.panels = panels;
        this.xLoNm = xLoNm;
        this.xHiNm = xHiNm;
    }

    Scene scene() {
        return scene;
    }

    /** The plots, top to bottom (x: nm from the inside face). */
    List<Panel> panels() {
        return panels;
    }

    /** The x window drawn, nm from the inside face. */
    double xLoNm() {
        return xLoNm;
    }

    double xHiNm() {
        return xHiNm;
    }

    /**
     * Draws the profiles over the window [xLoNm, xHiNm] (NaN: the whole slab).
     *
     * @param field {@link ViewerSession#ALL_FIELDS}, 0 for φ, 1 … s for the species, s + 1 for ρ
     * @param when  a line under the title (e.g. the frame's time), or ""
     */
    static ProfileExplorer of(NamedProfiles data, JsonNode summary, FigureStyle style, boolean logC, int field,
                              double xLoNm, double xHiNm, String when) {
        Profiles p = data.profiles();
        List<String> species = data.species();
        int n = p.nodeCount();
        int a = p.membraneStartNode();
        int b = p.membraneEndNode();
        double xa = p.xNm()[a];
        double[] xs = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = p.xNm()[k] - xa;
        }
        double lo = Double.isNaN(xLoNm) ? xs[0] : xLoNm;
        double hi = Double.isNaN(xHiNm) ? xs[n - 1] : xHiNm;
        int k0 = ProfileFigure.window(xs, lo, true);
        int k1 = ProfileFigure.window(xs, hi, false);
        int s = species.size();
        SpeciesColors colors = new SpeciesColors(species);

        List<Integer> rows = new ArrayList<>();
        if (field == ViewerSession.ALL_FIELDS) {
            rows.add(0);
            rows.add(1);
            rows.add(s + 1);
        } else {
            rows.add(field);
        }
        Scene scene = new Scene(style.width(), style.height(), FigureStyle.BACKGROUND);
        Legend legend = new Legend(style);
        String what;
        if (field == ViewerSession.ALL_FIELDS) {
            legend.line("potential φ", ProfileFigure.POTENTIAL, null);
            for (String sp : species) {
                legend.line(SpeciesLabels.of(summary, sp), 0xff000000 | colors.rgb(sp), null);
            }
            legend.patch("ρ > 0", ProfileFigure.chargeColor(true)).patch("ρ < 0", ProfileFigure.chargeColor(false));
            what = "profiles";
        } else if (field == 0) {
            legend.line("potential φ", ProfileFigure.POTENTIAL, null);
            what = "the potential φ";
        } else if (field <= s) {
            String label = SpeciesLabels.of(summary, species.get(field - 1));
            legend.line(label, 0xff000000 | colors.rgb(species.get(field - 1)), null);
            what = "the concentration of " + label;
        } else {
            legend.patch("ρ > 0", ProfileFigure.chargeColor(true)).patch("ρ < 0", ProfileFigure.chargeColor(false));
            what = "the net charge density ρ";
        }
        legend.patch("lipid membrane", FigureStyle.MEMBRANE);
        String info = (when.isEmpty() ? "" : when + "     ") + "x from " + NumberText.significant(lo, 4) + " to "
                + NumberText.significant(hi, 4) + " nm (wheel zooms, drag pans, 0 resets, F next field)";
        double top = FigureHeader.draw(scene, style, ProfileFigure.title(summary) + ": " + what, info, legend);

        double margin = FigureHeader.margin(style);
        double rowGap = Math.max(style.pad() * 1.2, style.small() * 1.3);
        int m = rows.size();
        double rowH = (style.height() - margin - Panel.xAxisRoom(style) - top - (m - 1) * rowGap) / m;
        int yTicks = (int) Math.max(2, Math.min(8, rowH / (style.small() * 3.2)));
        Scale[] ys = new Scale[m];
        double tickRoom = 0;
        for (int r = 0; r < m; r++) {
            int f = rows.get(r);
            if (f == 0) {
                ys[r] = Scale.padded(ProfileFigure.min(p.potentialMv(), k0, k1, 0),
                        ProfileFigure.max(p.potentialMv(), k0, k1, 0), yTicks, ProfileFigure.MARGIN);
            } else if (f <= s) {
                ys[r] = ProfileFigure.concentrationScale(p, k0, k1, logC, yTicks,
                        field == ViewerSession.ALL_FIELDS ? -1 : f - 1);
            } else {
                double[] rho = p.chargeDensityCPerM3();
                ys[r] = Scale.padded(ProfileFigure.min(rho, k0, k1, 0), ProfileFigure.max(rho, k0, k1, 0), yTicks,
                        ProfileFigure.MARGIN);
            }
            tickRoom = Math.max(tickRoom, Panel.yTickRoom(style, ys[r]));
        }
        double left = margin + Panel.yLabelRoom(style) + tickRoom;
        double right = style.width() - margin;
        Scale x = Scale.linear(lo, hi, (int) Math.max(3, (right - left) / (style.small() * 7)), false);
        right -= Math.max(0, Panel.xTickOverhang(style, x) - margin + style.pad() * 0.3);
        List<Panel> panels = new ArrayList<>();
        for (int r = 0; r < m; r++) {
            int f = rows.get(r);
            double pt = top + r * (rowH + rowGap);
            Panel panel = new Panel(scene, style, left, pt, right, pt + rowH, x, ys[r]);
            panels.add(panel);
            panel.xBand(xs[a], xs[b], FigureStyle.MEMBRANE, Math.max(3, style.line() * 1.5));
            panel.grid();
            if (f == 0) {
                float[] dash = {style.line() * 2.5f, style.line() * 2f};
                panel.hLine(0, FigureStyle.ZERO, style.thin(), dash);
                panel.line(xs, p.potentialMv(), ProfileFigure.POTENTIAL, style.line(), null);
                panel.yLabel("φ (mV)", margin);
            } else if (f <= s) {
                for (int i = 0; i < s; i++) {
                    if (field == ViewerSession.ALL_FIELDS || i == f - 1) {
                        double[][] st = ProfileFigure.stepped(xs, p.concentrationsMm()[i], a, b);
                        panel.line(st[0], st[1], 0xff000000 | colors.rgb(species.get(i)), style.line(), null);
                    }
                }
                panel.yLabel(field == ViewerSession.ALL_FIELDS ? "c (mM)"
                        : "c_{" + RichText.plain(SpeciesLabels.of(summary, species.get(f - 1))) + "} (mM)", margin);
            } else {
                ProfileFigure.chargeArea(panel, style, xs, p.chargeDensityCPerM3(), a, b);
                panel.yLabel(ProfileFigure.chargeLabel(ys[r]), margin);
            }
            panel.frame(r == m - 1, true);
            if (r == m - 1) {
                panel.xLabel("distance from the inside face (nm)");
            }
        }
        return new ProfileExplorer(scene, panels, lo, hi);
    }
}
