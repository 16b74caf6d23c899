package org.membranepnp.render;

import java.awt.image.BufferedImage;

/**
 * Draws field maps again and again at one picture size on one kept OpenGL context (a live view, an animation):
 * each {@link #render} pays for the drawing and the read-back only. Not for concurrent use; close it when done.
 */
public final class FieldMapRenderer implements AutoCloseable {
    private final RenderOptions options;
    private final OffscreenGl.Surface surface;

    /**
     * A renderer that supersamples as the one-off figures do (2× up to 2.6 megapixels).
     *
     * @throws RenderUnavailableException if there is no display
     */
    public FieldMapRenderer(RenderOptions options) {
        this(options, FigureRenderer.supersample(options.width(), options.height()));
    }

    /**
     * @param supersample framebuffer pixels per picture pixel along each axis, 1 to 3 (1: as a window draws)
     * @throws RenderUnavailableException if there is no display
     */
    public FieldMapRenderer(RenderOptions options, int supersample) {
        this(options, supersample, true);
    }

    /**
     * @param supersample framebuffer pixels per picture pixel along each axis, 1 to 3 (1: as a window draws)
     * @param multisample 4× multisampled edges (off: the fastest live frames, with harder line edges)
     * @throws RenderUnavailableException if there is no display
     */
    public FieldMapRenderer(RenderOptions options, int supersample, boolean multisample) {
        this.options = options;
        this.surface = new OffscreenGl.Surface(options.width(), options.height(), supersample, multisample);
    }

    /** The picture of {@code map}. */
    public BufferedImage render(FieldMap map) {
        return FigureRenderer.render(FieldMapFigure.of(map, options.style()).scene(), surface);
    }

    @Override
    public void close() {
        surface.close();
    }
}
