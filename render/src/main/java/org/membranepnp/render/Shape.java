package org.membranepnp.render;

/** Something OpenGL draws in a {@link Scene}, in picture pixels (origin top left, y down); colours are 0xAARRGGBB. */
sealed interface Shape permits Shape.Rect, Shape.Line, Shape.Area, Shape.Dot {

    /** The clip rectangle of a shape, or null for none. */
    Clip clip();

    /** A rectangle outside of which nothing of the shape is drawn. */
    record Clip(float x0, float y0, float x1, float y1) {
    }

    /** A filled axis-aligned rectangle. */
    record Rect(float x0, float y0, float x1, float y1, int argb, Clip clip) implements Shape {
    }

    /**
     * A polyline of {@code width} pixels with round joins; {@code dash} (on, off, on, off… lengths in pixels) or null
     * for a solid line.
     */
    record Line(float[] xy, float width, int argb, float[] dash, Clip clip) implements Shape {
    }

    /** The area between two curves over the same x: (x[k], yTop[k]) and (x[k], yBottom[k]). */
    record Area(float[] x, float[] yTop, float[] yBottom, int argb, Clip clip) implements Shape {
    }

    /** A filled disc with a ring around it ({@code edgeWidth} 0: no ring). */
    record Dot(float x, float y, float radius, int fill, int edge, float edgeWidth, Clip clip) implements Shape {
    }
}
