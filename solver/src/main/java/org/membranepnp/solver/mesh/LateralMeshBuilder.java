package org.membranepnp.solver.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.SurfacePatch;

/**
 * Nodes along the membrane (y) for a 2-D slab: every pore edge and every end of a surface patch is a node; cells are
 * h_0 = min(w/{@value #CELLS_ACROSS_PORE}, λ_D/{@value #CELLS_PER_DEBYE_AT_EDGE}) at a pore edge and grow by
 * {@value #GROWTH} of the distance d to the nearest edge, h(y) = min(h_max, h_0 + g·d), up to
 * h_max = max(h_0, min(H/10, 2λ_D)). Nodes are placed at equal steps of ∫dy/h, so the spacing is smooth.
 * Without pores the fields do not vary along y and a few uniform cells suffice.
 */
public final class LateralMeshBuilder {
    /** Cells across the narrowest pore at the default resolution. */
    public static final int CELLS_ACROSS_PORE = 6;
    /** Cells per Debye length at a pore edge at the default resolution. */
    public static final double CELLS_PER_DEBYE_AT_EDGE = 4.0;
    /** Growth of the cell size per unit distance from a pore edge. */
    public static final double GROWTH = 0.15;
    /** Cells of a slab without pores. */
    public static final int CELLS_WITHOUT_PORES = 4;

    private LateralMeshBuilder() {
    }

    /**
     * The y nodes, nm, for {@code lateral} with Debye length {@code debyeNm}; {@code scale} = 1 is the default
     * resolution, 0.5 halves every cell size.
     */
    public static double[] build(Lateral lateral, double debyeNm, double scale) {
        double height = lateral.heightNm();
        List<Channel> channels = lateral.channels();
        if (channels.isEmpty() && lateral.surfacePatches().isEmpty()) {
            int n = Math.max(2, (int) Math.round(CELLS_WITHOUT_PORES / scale));
            double[] y = new double[n + 1];
            for (int q = 0; q <= n; q++) {
                y[q] = height * q / n;
            }
            y[n] = height;
            return y;
        }
        TreeSet<Double> edgeSet = new TreeSet<>();
        double narrowest = Double.POSITIVE_INFINITY;
        for (Channel c : channels) {
            edgeSet.add(Math.max(0.0, lateral.poreLowerNm(c)));
            edgeSet.add(Math.min(height, lateral.poreUpperNm(c)));
            narrowest = Math.min(narrowest, c.widthNm());
        }
        // a surface patch's ends are nodes too: the charge steps there, and its layer bends around the step
        for (SurfacePatch p : lateral.surfacePatches()) {
            edgeSet.add(Math.max(0.0, p.fromNm()));
            edgeSet.add(Math.min(height, p.toNm()));
            narrowest = Math.min(narrowest, p.toNm() - p.fromNm());
        }
        double[] edges = edgeSet.stream().mapToDouble(Double::doubleValue).toArray();
        double h0 = scale * Math.min(narrowest / CELLS_ACROSS_PORE, debyeNm / CELLS_PER_DEBYE_AT_EDGE);
        double hMax = Math.max(h0, scale * Math.min(height / 10, 2 * debyeNm));
        TreeSet<Double> breaks = new TreeSet<>(edgeSet);
        breaks.add(0.0);
        breaks.add(height);
        double[] b = breaks.stream().mapToDouble(Double::doubleValue).toArray();
        List<Double> nodes = new ArrayList<>();
        nodes.add(0.0);
        for (int seg = 0; seg + 1 < b.length; seg++) {
            placeSegment(b[seg], b[seg + 1], edges, h0, hMax, nodes);
        }
        double[] y = new double[nodes.size()];
        for (int q = 0; q < y.length; q++) {
            y[q] = nodes.get(q);
        }
        y[y.length - 1] = height;
        return y;
    }

    /** Appends the nodes of (y0, y1], equally spaced in ∫dy/h. */
    private static void placeSegment(double y0, double y1, double[] edges, double h0, double hMax, List<Double> out) {
        int samples = 4000;
        double[] cumulative = new double[samples + 1];
        double dy = (y1 - y0) / samples;
        double prev = 1.0 / spacing(y0, edges, h0, hMax);
        for (int q = 1; q <= samples; q++) {
            double next = 1.0 / spacing(y0 + q * dy, edges, h0, hMax);
            cumulative[q] = cumulative[q - 1] + 0.5 * dy * (prev + next);
            prev = next;
        }
        double total = cumulative[samples];
        int cells = Math.max(2, (int) Math.ceil(total - 1e-9));
        int q = 0;
        for (int c = 1; c < cells; c++) {
            double target = total * c / cells;
            while (cumulative[q + 1] < target) {
                q++;
            }
            double f = (target - cumulative[q]) / (cumulative[q + 1] - cumulative[q]);
            out.add(y0 + (q + f) * dy);
        }
        out.add(y1);
    }

    private static double spacing(double y, double[] edges, double h0, double hMax) {
        double d = Double.POSITIVE_INFINITY;
        for (double e : edges) {
            d = Math.min(d, Math.abs(y - e));
        }
        return Math.min(hMax, h0 + GROWTH * d);
    }
}
