package org.membranepnp.render;

/**
 * A piece of text in a {@link Scene}, drawn by Java2D over the OpenGL picture. The text may hold {@code _{…}}
 * (subscript) and {@code ^{…}} (superscript); see {@link RichText}.
 *
 * @param text     the text
 * @param x        anchor, picture pixels
 * @param y        anchor, picture pixels
 * @param size     font size, pixels
 * @param argb     colour
 * @param bold     bold font
 * @param alignX   0: the anchor is the left end, 0.5 the centre, 1 the right end (along the text)
 * @param alignY   0: the anchor is the top of the text box, 0.5 its middle, 1 its bottom
 * @param vertical rotated a quarter turn counter-clockwise (read from bottom to top)
 */
record Label(String text, float x, float y, float size, int argb, boolean bold, float alignX, float alignY,
             boolean vertical) {

    /** A horizontal label. */
    static Label at(String text, double x, double y, double size, int argb, double alignX, double alignY) {
        return new Label(text, (float) x, (float) y, (float) size, argb, false, (float) alignX, (float) alignY, false);
    }

    /** The same label in bold. */
    Label inBold() {
        return new Label(text, x, y, size, argb, true, alignX, alignY, vertical);
    }

    /** The same label turned to read upwards. */
    Label upright() {
        return new Label(text, x, y, size, argb, bold, alignX, alignY, true);
    }
}
