package org.membranepnp.render;

import java.util.List;

/**
 * Draws particles over a {@link FieldMapFigure}: each particle a point in its layer's colour with a dark rim (so it
 * shows on any colour of either map), clipped to the plot, and a framed legend (a point and its text per layer) in
 * the plot's top right corner. The figure itself is left as it is; this only adds to its scene.
 */
final class ParticleOverlay {
    /** The rim of a point. */
    static final int RIM = 0xff111111;

    private ParticleOverlay() {
    }

    /** Radius of a point, pixels. */
    static float radius(FigureStyle style) {
        return Math.max(2.5f, style.text() * 0.2f);
    }

    /**
     * Adds the points of {@code layers} (in order: later layers on top) and their legend to {@code f}'s scene.
     *
     * @return the legend's rectangle {left, top, right, bottom}, pixels (empty legend: a zero-size one)
     */
    static double[] draw(FieldMapFigure f, List<ParticleLayer> layers, FigureStyle style) {
        Shape.Clip clip = new Shape.Clip((float) f.left(), (float) f.top(), (float) f.right(), (float) f.bottom());
        float r = radius(style);
        float rim = Math.max(1f, r * 0.35f);
        for (ParticleLayer layer : layers) {
            int fill = 0xff000000 | layer.rgb();
            for (int p = 0; p < layer.count(); p++) {
                float x = (float) f.xPx(layer.xNm()[p]);
                float y = (float) f.yPx(layer.yNm()[p]);
                f.scene().add(new Shape.Dot(x, y, r, fill, RIM, rim, clip));
            }
        }
        Legend legend = new Legend(style);
        for (ParticleLayer layer : layers) {
            legend.dot(layer.label(), 0xff000000 | layer.rgb(), RIM);
        }
        if (layers.isEmpty()) {
            return new double[] {f.right(), f.top(), f.right(), f.top()};
        }
        double[] size = legend.boxSize();
        double inset = style.pad();
        double x = f.right() - inset - size[0];
        double y = f.top() + inset;
        legend.drawBox(f.scene(), x, y);
        return new double[] {x, y, x + size[0], y + size[1]};
    }
}
