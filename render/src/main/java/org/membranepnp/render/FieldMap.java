package org.membranepnp.render;

import java.util.List;

/**
 * A scalar field on a rectilinear grid, to be drawn by {@link FieldMapFigure}.
 *
 * @param title         the figure title
 * @param name          the field's name (rich text, e.g. {@code "ρ"}), shown on the colour bar
 * @param unit          its unit (rich text, e.g. {@code "C/m^{3}"}); empty for none
 * @param xNm           x of the nodes, nm, strictly increasing (may be nonuniform), at least 2
 * @param yNm           y of the nodes, nm, strictly increasing, at least 2
 * @param values        values[ix][iy] at node (xNm[ix], yNm[iy]); NaN is drawn as the map's middle
 * @param contourField  a second field on the same grid whose contour lines are drawn (e.g. the potential), or null
 * @param membraneX0Nm  the membrane's lower x face, nm (NaN: no membrane)
 * @param membraneX1Nm  its upper x face, nm
 * @param channels      channel rectangles {x0, x1, y0, y1} in nm, outlined; may be empty
 * @param diverging     a signed field: the diverging map, centred on 0, symmetric about it
 * @param widenMembrane stretch x within {@link FieldMapFigure#WIDEN_WINDOW_NM} of the membrane
 * @param yAxis         the vertical coordinate's name: "y" along a planar membrane, "r" the radius of an
 *                      axisymmetric patch
 */
public record FieldMap(String title, String name, String unit, double[] xNm, double[] yNm, double[][] values,
                       double[][] contourField, double membraneX0Nm, double membraneX1Nm, List<double[]> channels,
                       boolean diverging, boolean widenMembrane, String yAxis) {

    /** A map along a planar membrane (vertical axis y). */
    public FieldMap(String title, String name, String unit, double[] xNm, double[] yNm, double[][] values,
                    double[][] contourField, double membraneX0Nm, double membraneX1Nm, List<double[]> channels,
                    boolean diverging, boolean widenMembrane) {
        this(title, name, unit, xNm, yNm, values, contourField, membraneX0Nm, membraneX1Nm, channels, diverging,
                widenMembrane, "y");
    }

    /**
     * @throws IllegalArgumentException if the grid or the fields do not fit together
     */
    public FieldMap {
        if (xNm == null || yNm == null || values == null || xNm.length < 2 || yNm.length < 2) {
            throw new IllegalArgumentException("a field map needs at least 2 x and 2 y nodes");
        }
        increasing(xNm, "x");
        increasing(yNm, "y");
        fits(values, xNm.length, yNm.length, "values");
        if (contourField != null) {
            fits(contourField, xNm.length, yNm.length, "contourField");
        }
        channels = channels == null ? List.of() : List.copyOf(channels);
        for (double[] c : channels) {
            if (c == null || c.length != 4) {
                throw new IllegalArgumentException("a channel is {x0, x1, y0, y1}");
            }
        }
        title = title == null ? "" : title;
        name = name == null ? "" : name;
        unit = unit == null ? "" : unit;
        yAxis = yAxis == null || yAxis.isEmpty() ? "y" : yAxis;
    }

    /** True if a membrane is given. */
    public boolean hasMembrane() {
        return Double.isFinite(membraneX0Nm) && Double.isFinite(membraneX1Nm) && membraneX1Nm >= membraneX0Nm;
    }

    private static void increasing(double[] a, String what) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || (i > 0 && a[i] <= a[i - 1])) {
                throw new IllegalArgumentException(what + " nodes must be finite and strictly increasing");
            }
        }
    }

    private static void fits(double[][] f, int nx, int ny, String what) {
        if (f.length != nx) {
            throw new IllegalArgumentException(what + " has " + f.length + " columns for " + nx + " x nodes");
        }
        for (double[] col : f) {
            if (col == null || col.length != ny) {
                throw new IllegalArgumentException(what + " needs " + ny + " values per column");
            }
        }
    }
}
