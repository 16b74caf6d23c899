package org.membranepnp.render;

import java.awt.image.BufferedImage;

/**
 * Draws field maps again and again at one picture size on one kept OpenGL context (a live view, an animation):
 * each frame pays for the drawing (and, for {@link #render}, the read-back) only. Not for concurrent use; close it
 * when done.
 *
 * <p>{@link #FieldMapRenderer(RenderOptions)} is the fast path for repeated frames: one framebuffer pixel per picture
 * pixel and no multisampling (harder line edges; the colours of the field are the same). The one-off figures
 * ({@link FieldMapFigure#render}, {@link FieldMapFigure#write}) keep 4× multisampling and 2× supersampling;
 * {@link #likeFigures} gives a renderer that draws as they do.
 */
public final class FieldMapRenderer implements AutoCloseable {
    private final RenderOptions options;
    private final OffscreenGl.Surface surface;

    /**
     * The fast renderer for repeated frames: no supersampling, no multisampling.
     *
     * @throws RenderUnavailableException if there is no display
     */
    public FieldMapRenderer(RenderOptions options) {
        this(options, 1, false);
    }

    /**
     * A renderer with 4× multisampling.
     *
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

    /**
     * A renderer that draws as the one-off figures do: 4× multisampling, 2× supersampling up to 2.6 megapixels
     * (slower: about 6× the time of the fast renderer per 1920×1080 frame with Mesa's software OpenGL).
     *
     * @throws RenderUnavailableException if there is no display
     */
    public static FieldMapRenderer likeFigures(RenderOptions options) {
        return new FieldMapRenderer(options, FigureRenderer.supersample(options.width(), options.height()), true);
    }

    /** The picture of {@code map}, read back from OpenGL with its labels (for a file, a screenshot, an image view). */
    public BufferedImage render(FieldMap map) {
        return FigureRenderer.render(FieldMapFigure.of(map, options.style()).scene(), surface);
    }

    /**
     * Draws the frame of {@code map}, labels included, and waits until OpenGL has finished it, without reading it
     * back: the work a live view does per frame before showing it. The labels are blended by OpenGL from a texture
     * kept while they stay the same ({@link LabelOverlay}). The frame stays in the renderer's framebuffer.
     */
    public void draw(FieldMap map) {
        FigureRenderer.draw(FieldMapFigure.of(map, options.style()).scene(), surface);
    }

    @Override
    public void close() {
        surface.close();
    }
}
