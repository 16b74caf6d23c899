package org.membranepnp.render;

import java.awt.image.BufferedImage;

/** Turns a {@link Scene} into a picture: the shapes with OpenGL offscreen, then the labels with Java2D on top. */
final class FigureRenderer {
    /** Pictures up to this many pixels are drawn at twice the size and averaged down (smoother lines). */
    static final int SUPERSAMPLE_MAX_PIXELS = 2_600_000;

    private FigureRenderer() {
    }

    /**
     * The picture of {@code scene}.
     *
     * @throws RenderUnavailableException if there is no display
     */
    static BufferedImage render(Scene scene) {
        int k = (long) scene.width() * scene.height() <= SUPERSAMPLE_MAX_PIXELS ? 2 : 1;
        BufferedImage image = OffscreenGl.draw(scene.width(), scene.height(), k, gl -> GlPainter.paint(gl, scene, k));
        LabelPainter.paint(image, scene.labels());
        return image;
    }
}
