package org.membranepnp.render;

import java.util.List;
import org.membranepnp.engine.result.Fields2D;

/**
 * A field map as {@code pnp view} shows it: the drawn {@link FieldMapFigure}, and the reading of a picture pixel back
 * as the node nearest it and the fields there. The maps are those of {@link FieldFigures#maps} (charge density,
 * potential, one per species, in that order); the values read back are the run's own, not the capped colours of a
 * charge map whose pore outshines its Debye layers.
 *
 * <p>The nearest node is nearest on the screen: node column i is drawn at pixel column {@code figure.xPx(x_i)}, row j
 * at pixel row {@code figure.yPx(y_j)}, and the node (i, j) taken for the pixel (p, q) minimises |p − xPx(x_i)| and
 * |q − yPx(y_j)| separately (the grid is rectilinear, so this is the nearest node in the plane of the picture, also
 * where the x axis is widened about the membrane).
 */
final class FieldMapPlot {
    private final FieldMapFigure figure;
    private final Fields2D fields;
    private final List<FieldMap> maps;
    private final int shown;
    private final double[] columnPx;
    private final double[] rowPx;

    /**
     * @param figure the drawn map
     * @param fields the run's fields
     * @param maps   all maps of {@code fields} ({@link FieldFigures#maps}), for the names and units
     * @param shown  the index of the map drawn
     */
    FieldMapPlot(FieldMapFigure figure, Fields2D fields, List<FieldMap> maps, int shown) {
        this.figure = figure;
        this.fields = fields;
        this.maps = maps;
        this.shown = shown;
        this.columnPx = new double[fields.nx()];
        this.rowPx = new double[fields.ny()];
        for (int i = 0; i < columnPx.length; i++) {
            columnPx[i] = figure.xPx(fields.xNm()[i]);
        }
        for (int j = 0; j < rowPx.length; j++) {
            rowPx[j] = figure.yPx(fields.yNm()[j]);
        }
    }

    FieldMapFigure figure() {
        return figure;
    }

    /** The index of the map drawn. */
    int shown() {
        return shown;
    }

    /** True if picture pixel (px, py) is on the map's plot area. */
    boolean contains(double px, double py) {
        return px >= figure.left() && px <= figure.right() && py >= figure.top() && py <= figure.bottom();
    }

    /** The node {ix, iy} drawn nearest picture pixel (px, py), or null off the plot area. */
    int[] nodeAt(double px, double py) {
        if (!contains(px, py)) {
            return null;
        }
        return new int[] {nearest(columnPx, px), nearest(rowPx, py)};
    }

    /**
     * The fields at the node nearest picture pixel (px, py), one a line: "x = 49.75 nm, y = 3.000 nm (node 99, 12)",
     * then the shown map's field ("ρ −9.6·10^{5} C/m^{3}"), then the others (φ in mV, each concentration in mM);
     * "" off the plot area.
     */
    String readout(double px, double py) {
        int[] n = nodeAt(px, py);
        if (n == null) {
            return "";
        }
        int k = fields.index(n[0], n[1]);
        StringBuilder s = new StringBuilder();
        s.append("x = ").append(coordinate(fields.xNm()[n[0]])).append(" nm, y = ")
                .append(coordinate(fields.yNm()[n[1]])).append(" nm (node ").append(n[0]).append(", ")
                .append(n[1]).append(')');
        line(s, shown, k);
        for (int m = 0; m < maps.size(); m++) {
            if (m != shown) {
                line(s, m, k);
            }
        }
        return s.toString();
    }

    /** The value of map {@code m}'s field at flat node {@code k} (the run's value, uncapped). */
    double value(int m, int k) {
        if (m == 0) {
            return fields.chargeDensityCPerM3()[k];
        }
        if (m == 1) {
            return fields.potentialMv()[k];
        }
        return fields.concentrationsMm()[m - 2][k];
    }

    private void line(StringBuilder s, int m, int k) {
        FieldMap map = maps.get(m);
        s.append('\n').append(map.name()).append(' ').append(NumberText.significant(value(m, k), m == 0 ? 3 : 4));
        if (!map.unit().isEmpty()) {
            s.append(' ').append(map.unit());
        }
    }

    /** A node coordinate, nm, to 6 significant digits without trailing zeros ("49.5", "3", "1000.31"). */
    static String coordinate(double nm) {
        String t = NumberText.significant(nm, 6);
        if (t.contains(".") && !t.contains("·")) {
            t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return t;
    }

    /** The index of the value of {@code xs} (ascending or descending) nearest {@code v}. */
    private static int nearest(double[] xs, double v) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (Math.abs(xs[i] - v) < Math.abs(xs[best] - v)) {
                best = i;
            }
        }
        return best;
    }
}
