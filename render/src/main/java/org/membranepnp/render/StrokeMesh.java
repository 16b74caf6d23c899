package org.membranepnp.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns lines into triangles for OpenGL: a quad per segment and a disc at each vertex (round joins and caps), so
 * that lines of any width look the same on every OpenGL (wide GL lines are optional and have no joins). Also cuts
 * a polyline into dashes.
 */
final class StrokeMesh {
    private StrokeMesh() {
    }

    /**
     * Triangles (x, y per vertex, three vertices each) covering the polyline {@code xy} (x0, y0, x1, y1, …) drawn
     * {@code width} pixels wide.
     */
    static float[] triangles(float[] xy, float width) {
        int n = xy.length / 2;
        float hw = width / 2;
        int discSides = hw <= 0.75f ? 0 : Math.max(8, Math.min(32, (int) Math.ceil(hw * 3)));
        FloatList out = new FloatList(n * (12 + 6 * discSides));
        for (int k = 0; k + 1 < n; k++) {
            float x0 = xy[2 * k];
            float y0 = xy[2 * k + 1];
            float x1 = xy[2 * k + 2];
            float y1 = xy[2 * k + 3];
            float dx = x1 - x0;
            float dy = y1 - y0;
            float len = (float) Math.hypot(dx, dy);
            if (len == 0) {
                continue;
            }
            float nx = -dy / len * hw;
            float ny = dx / len * hw;
            out.add(x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny);
            out.add(x0 + nx, y0 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny);
        }
        for (int k = 0; k < n && discSides > 0; k++) {
            disc(out, xy[2 * k], xy[2 * k + 1], hw, discSides);
        }
        return out.toArray();
    }

    /** Triangles of a disc of radius r around (cx, cy). */
    static float[] disc(float cx, float cy, float r) {
        int sides = Math.max(12, Math.min(48, (int) Math.ceil(r * 4)));
        FloatList out = new FloatList(6 * sides);
        disc(out, cx, cy, r, sides);
        return out.toArray();
    }

    private static void disc(FloatList out, float cx, float cy, float r, int sides) {
        for (int i = 0; i < sides; i++) {
            double a0 = 2 * Math.PI * i / sides;
            double a1 = 2 * Math.PI * (i + 1) / sides;
            out.add(cx, cy, cx + r * (float) Math.cos(a0), cy + r * (float) Math.sin(a0),
                    cx + r * (float) Math.cos(a1), cy + r * (float) Math.sin(a1));
        }
    }

    /** The dashes of the polyline {@code xy} for the pattern on, off, on, off… (pixels), each a polyline. */
    static List<float[]> dashes(float[] xy, float[] pattern) {
        List<float[]> out = new ArrayList<>();
        int n = xy.length / 2;
        int p = 0;
        float left = pattern[0];
        FloatList cur = new FloatList(16);
        cur.add(xy[0], xy[1]);
        for (int k = 0; k + 1 < n; k++) {
            float x0 = xy[2 * k];
            float y0 = xy[2 * k + 1];
            float dx = xy[2 * k + 2] - x0;
            float dy = xy[2 * k + 3] - y0;
            float len = (float) Math.hypot(dx, dy);
            float done = 0;
            while (len - done > left) {
                done += left;
                float x = x0 + dx * done / len;
                float y = y0 + dy * done / len;
                if (p % 2 == 0) {
                    cur.add(x, y);
                    out.add(cur.toArray());
                }
                cur = new FloatList(16);
                if (p % 2 == 1) {
                    cur.add(x, y);
                }
                p = (p + 1) % pattern.length;
                left = pattern[p];
            }
            left -= len - done;
            if (p % 2 == 0) {
                cur.add(xy[2 * k + 2], xy[2 * k + 3]);
            }
        }
        if (p % 2 == 0 && cur.size() >= 4) {
            out.add(cur.toArray());
        }
        return out;
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] a;
        private int size;

        FloatList(int capacity) {
            a = new float[Math.max(8, capacity)];
        }

        void add(float... v) {
            if (size + v.length > a.length) {
                a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, size + v.length));
            }
            System.arraycopy(v, 0, a, size, v.length);
            size += v.length;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}
