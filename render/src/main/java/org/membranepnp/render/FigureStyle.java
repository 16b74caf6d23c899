package org.membranepnp.render;

/**
 * Sizes and colours of a figure of {@code width}×{@code height} pixels. Text and lines follow the scale s of the
 * picture against 1600×1000 as s^0.75 below it (with floors that keep a 640×400 thumbnail legible) and s^0.9 above
 * it (a 3840×2160 picture looks nearly like the default one, only sharper).
 *
 * @param width  picture width, pixels
 * @param height picture height, pixels
 * @param text   axis labels, legend and notes, font pixels
 * @param small  tick labels, font pixels
 * @param title  the figure title, font pixels
 * @param line   data lines, pixels
 * @param thin   frame, ticks and grid, pixels (whole)
 * @param pad    the unit of spacing, pixels
 */
record FigureStyle(int width, int height, float text, float small, float title, float line, float thin, float pad) {
    static final int BACKGROUND = 0xffffff;
    static final int INK = 0xff222222;
    static final int MUTED = 0xff5a5a5a;
    static final int FRAME = 0xff4d4d4d;
    static final int GRID = 0xffe6e6e6;
    static final int ZERO = 0xffb0b0b0;
    /** The lipid membrane's band. */
    static final int MEMBRANE = 0xfff3e3b3;
    static final int LEGEND_FILL = 0xf2ffffff;
    static final int LEGEND_EDGE = 0xffc8c8c8;

    /** The style of a picture of this size. */
    static FigureStyle of(int width, int height) {
        double s = Math.min(width / 1600.0, height / 1000.0);
        double f = Math.pow(s, s <= 1 ? 0.75 : 0.9);
        return new FigureStyle(width, height, (float) Math.max(10.5, 17 * f), (float) Math.max(9.5, 15 * f),
                (float) Math.max(13, 25 * f), (float) Math.max(1.4, 2.6 * f), (float) Math.max(1, Math.round(1.2 * f)),
                (float) Math.max(4, 10 * f));
    }

    /** Tick length, pixels. */
    float tick() {
        return Math.max(3, pad * 0.6f);
    }
}
