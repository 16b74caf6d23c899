package org.membranepnp.render;

/** Something OpenGL draws in a {@link Scene}, in picture pixels (origin top left, y down); colours are 0xAARRGGBB. */
sealed interface Shape permits Shape.Rect, Shape.Line, Shape.Area, Shape.Dot, Shape.Mesh,
        Shape.Segments {

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

    /**
     * A colour-mapped grid of {@code nx}×{@code ny} vertices, vertex i = {@code iy * nx + ix} (x fastest, as in
     * {@code Fields2D}) at
     * (xy[2i], xy[2i + 1]) with map value t[i] in [0, 1]; each grid cell is two triangles. The colour is looked up in
     * {@code table} (0xRRGGBB, entry 0 for t = 0, the last for t = 1) per pixel from the interpolated t, so it is
     * exact at the vertices and interpolated in value, not in colour, between them.
     */
    record Mesh(float[] xy, float[] t, int nx, int ny, int[] table, Clip clip) implements Shape {
    }

    /** Separate straight segments (x0, y0, x1, y1 each) of {@code width} pixels with square ends. */
    record Segments(float[] xy, float width, int argb, Clip clip) implements Shape {
    }
}
