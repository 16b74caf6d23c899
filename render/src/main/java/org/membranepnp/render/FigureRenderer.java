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
        int k = supersample(scene.width(), scene.height());
        BufferedImage image = OffscreenGl.draw(scene.width(), scene.height(), k, gl -> GlPainter.paint(gl, scene, k));
        LabelPainter.paint(image, scene.labels());
        return image;
    }

    /** The picture of {@code scene} drawn on a kept surface of the scene's size. */
    static BufferedImage render(Scene scene, OffscreenGl.Surface surface) {
        int k = surface.supersample();
        BufferedImage image = surface.draw(gl -> GlPainter.paint(gl, scene, k));
        LabelPainter.paint(image, scene.labels());
        return image;
    }

    /**
     * Draws {@code scene} on a kept surface of its size and waits for it, labels blended by OpenGL
     * ({@link LabelOverlay}), without reading the picture back.
     */
    static void draw(Scene scene, OffscreenGl.Surface surface) {
        int k = surface.supersample();
        surface.drawOnly(gl -> paint(gl, scene, k));
    }

    /**
     * Paints {@code scene}, shapes and labels, onto the current framebuffer with OpenGL alone (a window's, in its
     * display callback, or a kept surface's), set up by {@link OffscreenGl#pixelCoordinates}.
     */
    static void paint(com.jogamp.opengl.GL2 gl, Scene scene, int supersample) {
        GlPainter.paint(gl, scene, supersample);
        LabelOverlay.paint(gl, scene.labels(), scene.width(), scene.height());
    }

    /** Framebuffer pixels per picture pixel for a picture of this size: 2 up to {@link #SUPERSAMPLE_MAX_PIXELS}. */
    static int supersample(int width, int height) {
        return (long) width * height <= SUPERSAMPLE_MAX_PIXELS ? 2 : 1;
    }
}
