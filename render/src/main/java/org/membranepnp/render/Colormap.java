package org.membranepnp.render;

/**
 * A perceptually uniform colour map: a table of {@link #SIZE} sRGB colours computed from a few control colours of
 * our own, joined by straight lines in {@link Oklab} and resampled at equal Oklab arc length, so that equal steps of
 * the value look like equal steps of colour. {@link #sequential()} runs from dark indigo through teal and green to
 * yellow with steadily rising lightness (viridis-like); {@link #diverging()} runs from blue through a light neutral
 * to red, the neutral exactly at the middle, for values centred on 0 ({@link #centred}).
 */
final class Colormap {
    /** Number of table entries. */
    static final int SIZE = 256;

    /** Control colours of the sequential map, dark to light. */
    static final int[] SEQUENTIAL_STOPS = {0x2a0a4a, 0x3b3f8c, 0x2c7391, 0x22a08a, 0x63c35c, 0xc2dc3a, 0xf6e85a};
    /** Control colours of the diverging map: negative end, centre, positive end. */
    static final int[] DIVERGING_STOPS = {0x2c4f9e, 0x6f9bd1, 0xf1efec, 0xdc7b5e, 0xa3232c};

    private static final Colormap SEQUENTIAL = new Colormap(resample(SEQUENTIAL_STOPS, 0, SEQUENTIAL_STOPS.length - 1, SIZE));
    private static final Colormap DIVERGING = diverging(DIVERGING_STOPS);

    private final int[] table;

    private Colormap(int[] table) {
        this.table = table;
    }

    /** The sequential map (lightness rising from 0 to 1). */
    static Colormap sequential() {
        return SEQUENTIAL;
    }

    /** The diverging map (the centre colour at 0.5). */
    static Colormap diverging() {
        return DIVERGING;
    }

    /** A copy of the table, 0xRRGGBB, entry 0 for value 0 and entry SIZE − 1 for value 1. */
    int[] table() {
        return table.clone();
    }

    /** The colour 0xRRGGBB of {@code t} in [0, 1] (clamped; NaN gives the middle), the nearest table entry. */
    int rgb(double t) {
        double c = Double.isNaN(t) ? 0.5 : Math.max(0, Math.min(1, t));
        return table[(int) Math.round(c * (SIZE - 1))];
    }

    /** The colour of {@code value} on a scale from −{@code maxAbs} (0) through 0 (0.5) to +{@code maxAbs} (1). */
    int centred(double value, double maxAbs) {
        return rgb(maxAbs > 0 ? 0.5 + 0.5 * value / maxAbs : 0.5);
    }

    /** Each half resampled on its own, so that the centre stop lands exactly on the middle entries. */
    private static Colormap diverging(int[] stops) {
        int mid = stops.length / 2;
        int half = SIZE / 2;
        int[] low = resample(stops, 0, mid, half);
        int[] high = resample(stops, mid, stops.length - 1, half);
        int[] t = new int[SIZE];
        System.arraycopy(low, 0, t, 0, half);
        System.arraycopy(high, 0, t, half, half);
        return new Colormap(t);
    }

    /** {@code n} colours at equal Oklab arc length along the polyline of stops {@code from..to}, both ends included. */
    private static int[] resample(int[] stops, int from, int to, int n) {
        int k = to - from + 1;
        double[][] lab = new double[k][];
        double[] arc = new double[k];
        for (int i = 0; i < k; i++) {
            lab[i] = Oklab.fromRgb(stops[from + i]);
            arc[i] = i == 0 ? 0 : arc[i - 1] + Oklab.distance(lab[i - 1], lab[i]);
        }
        int[] out = new int[n];
        int seg = 0;
        for (int j = 0; j < n; j++) {
            double s = arc[k - 1] * j / (n - 1);
            while (seg < k - 2 && s > arc[seg + 1]) {
                seg++;
            }
            double len = arc[seg + 1] - arc[seg];
            double u = len > 0 ? Math.min(1, Math.max(0, (s - arc[seg]) / len)) : 0;
            double[] p = lab[seg];
            double[] q = lab[seg + 1];
            out[j] = Oklab.toRgb(new double[] {p[0] + u * (q[0] - p[0]), p[1] + u * (q[1] - p[1]), p[2] + u * (q[2] - p[2])});
        }
        return out;
    }
}
