package org.membranepnp.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.result.FieldFiles;
import org.membranepnp.engine.result.Fields2D;

/**
 * The field maps of a 2-D run folder ({@code fields.csv}): {@code field-charge.png} (net charge density on the
 * diverging map, centred on 0, with potential contours), {@code field-potential.png} and one
 * {@code field-c_<species>.png} per species, each with the membrane and its pores outlined and the x axis widened
 * near the membrane so the Debye layers can be seen.
 */
public final class FieldFigures {
    /** The charge-density map's file. */
    public static final String CHARGE_FILE = "field-charge.png";
    /** The potential map's file. */
    public static final String POTENTIAL_FILE = "field-potential.png";

    private FieldFigures() {
    }

    /** True if {@code dir} holds 2-D fields. */
    public static boolean present(Path dir) {
        return FieldFiles.present(dir);
    }

    /** The maps to draw for {@code f}, charge density first. */
    public static List<FieldMap> maps(Fields2D f, String title) {
        int nx = f.nx();
        int ny = f.ny();
        double[][] phi = Fields2D.grid(f.potentialMv(), nx, ny);
        List<double[]> channels = new ArrayList<>();
        for (double[] c : f.channelsYNm()) {
            channels.add(new double[] {f.membraneX0Nm(), f.membraneX1Nm(), c[0], c[1]});
        }
        List<FieldMap> maps = new ArrayList<>();
        double[][] rho = Fields2D.grid(f.chargeDensityCPerM3(), nx, ny);
        double layer = layerChargeLimit(f);
        double peak = 0;
        for (double v : f.chargeDensityCPerM3()) {
            peak = Math.max(peak, Math.abs(v));
        }
        String chargeTitle = title + ": net charge density";
        if (layer > 0 && peak > 1.5 * layer) {
            // a selective pore holds unbalanced ions at a far higher density than the Debye layers: saturate the
            // colours at the layers' peak so that the layers along the membrane stay visible, and say so
            for (double[] col : rho) {
                for (int j = 0; j < col.length; j++) {
                    col[j] = Math.max(-layer, Math.min(layer, col[j]));
                }
            }
            chargeTitle += String.format(java.util.Locale.ROOT, " (capped at ±%.2g C/m^{3}, the layers' peak)", layer);
        }
        String yAxis = f.axisymmetric() ? "r" : "y";
        maps.add(new FieldMap(chargeTitle, "ρ", "C/m^{3}", f.xNm(), f.yNm(), rho, phi, f.membraneX0Nm(),
                f.membraneX1Nm(), channels, true, true, yAxis));
        maps.add(new FieldMap(title + ": electric potential", "φ", "mV", f.xNm(), f.yNm(), phi, phi,
                f.membraneX0Nm(), f.membraneX1Nm(), channels, false, true, yAxis));
        for (int q = 0; q < f.species().size(); q++) {
            String name = f.species().get(q);
            maps.add(new FieldMap(title + ": " + name + " concentration", "c_{" + name + "}", "mM", f.xNm(), f.yNm(),
                    Fields2D.grid(f.concentrationsMm()[q], nx, ny), phi, f.membraneX0Nm(), f.membraneX1Nm(), channels,
                    false, true, yAxis));
        }
        return maps;
    }

    /**
     * The largest |ρ| in the bath water away from the pores: the peak of the Debye layers along the plain membrane.
     * "Away" is a quarter of the height from every pore, or, where pores are too dense for that, one pore width.
     */
    static double layerChargeLimit(Fields2D f) {
        double height = f.yNm()[f.ny() - 1] - f.yNm()[0];
        double far = layerChargeLimit(f, height / 4, 0);
        return far > 0 ? far : layerChargeLimit(f, 0, 1);
    }

    /** max |ρ| in bath water at least {@code distanceNm} + {@code widths} pore widths from every pore. */
    private static double layerChargeLimit(Fields2D f, double distanceNm, double widths) {
        double limit = 0;
        for (int i = 0; i < f.nx(); i++) {
            double x = f.xNm()[i];
            if (x > f.membraneX0Nm() && x < f.membraneX1Nm()) {
                continue;
            }
            for (int j = 0; j < f.ny(); j++) {
                double y = f.yNm()[j];
                boolean nearPore = false;
                for (double[] c : f.channelsYNm()) {
                    double reach = distanceNm + widths * (c[1] - c[0]);
                    nearPore |= y > c[0] - reach && y < c[1] + reach;
                }
                if (!nearPore) {
                    limit = Math.max(limit, Math.abs(f.chargeDensityCPerM3()[f.index(i, j)]));
                }
            }
        }
        return limit;
    }

    /** The file name of map {@code index} of {@link #maps}. */
    static String fileName(Fields2D f, int index) {
        if (index == 0) {
            return CHARGE_FILE;
        }
        if (index == 1) {
            return POTENTIAL_FILE;
        }
        return "field-c_" + f.species().get(index - 2).replaceAll("[^A-Za-z0-9_+-]", "_") + ".png";
    }

    /**
     * Draws every map of {@code dir}'s fields into it.
     *
     * @return the files written
     */
    public static List<Path> write(Path dir, String title, RenderOptions options) {
        Fields2D f = FieldFiles.read(dir);
        List<FieldMap> maps = maps(f, title);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            written.add(FieldMapFigure.write(dir.resolve(fileName(f, i)), maps.get(i), options));
        }
        return written;
    }
}
