package org.membranepnp.render;

import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2;
import com.jogamp.opengl.GLCapabilities;
import com.jogamp.opengl.GLContext;
import com.jogamp.opengl.GLDrawableFactory;
import com.jogamp.opengl.GLOffscreenAutoDrawable;
import com.jogamp.opengl.GLProfile;
import com.jogamp.opengl.fixedfunc.GLMatrixFunc;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.function.Consumer;

/**
 * An offscreen OpenGL framebuffer (an FBO with 4× multisampling) of a requested size: {@link #draw} hands a GL2 to
 * a painter in pixel coordinates (origin top left, y down) and reads the picture back into a {@link BufferedImage}.
 * With {@code supersample} k the framebuffer is k times larger and the picture is averaged down, for smoother lines.
 */
final class OffscreenGl {
    private static final int SAMPLES = 4;

    private OffscreenGl() {
    }

    /**
     * Draws a picture of {@code width}×{@code height} pixels.
     *
     * @param supersample 1, 2 or 3: framebuffer pixels per picture pixel along each axis
     * @param painter     draws with GL2; coordinates are picture pixels, (0, 0) the top left corner
     * @return an opaque RGB image
     * @throws RenderUnavailableException if there is no display
     * @throws IllegalStateException      if OpenGL reports an error
     */
    static BufferedImage draw(int width, int height, int supersample, Consumer<GL2> painter) {
        try (Surface s = new Surface(width, height, supersample)) {
            return s.draw(painter);
        }
    }

    /**
     * A framebuffer and its OpenGL context kept for many pictures of one size (an animation, a live view): each
     * {@link #draw} pays only for the drawing and the read-back, not for a new context.
     */
    static final class Surface implements AutoCloseable {
        private final int width;
        private final int height;
        private final int supersample;
        private final GLOffscreenAutoDrawable drawable;
        private final ByteBuffer pixels;
        /** The framebuffer's pixels as ints, kept between pictures (supersampled surfaces only). */
        private int[] samples;

        /**
         * @throws RenderUnavailableException if there is no display
         */
        Surface(int width, int height, int supersample) {
            this(width, height, supersample, true);
        }

        /**
         * @param multisample 4× multisampling of the edges (off: faster live frames, harder edges)
         * @throws RenderUnavailableException if there is no display
         */
        Surface(int width, int height, int supersample, boolean multisample) {
            if (width < 1 || height < 1 || supersample < 1 || supersample > 3) {
                throw new IllegalArgumentException("bad size " + width + "x" + height + " x" + supersample);
            }
            this.width = width;
            this.height = height;
            this.supersample = supersample;
            GLProfile profile = GlDisplay.profile();
            GLCapabilities caps = new GLCapabilities(profile);
            caps.setOnscreen(false);
            caps.setFBO(true);
            caps.setSampleBuffers(multisample);
            if (multisample) {
                caps.setNumSamples(SAMPLES);
            }
            caps.setDepthBits(0);
            caps.setAlphaBits(8);
            int w = width * supersample;
            int h = height * supersample;
            drawable = GLDrawableFactory.getFactory(profile).createOffscreenAutoDrawable(null, caps, null, w, h);
            drawable.display(); // realises the FBO and its context
            pixels = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
        }

        int supersample() {
            return supersample;
        }

        /** Picture width, pixels. */
        int width() {
            return width;
        }

        /** Picture height, pixels. */
        int height() {
            return height;
        }

        /**
         * Draws one picture.
         *
         * @param painter draws with GL2; coordinates are picture pixels, (0, 0) the top left corner
         * @return an opaque RGB image
         * @throws IllegalStateException if OpenGL reports an error
         */
        synchronized BufferedImage draw(Consumer<GL2> painter) {
            int w = width * supersample;
            int h = height * supersample;
            GLContext context = current();
            try {
                GL2 gl = drawable.getGL().getGL2();
                paint(gl, painter);
                pixels.clear();
                gl.glBindFramebuffer(GL.GL_READ_FRAMEBUFFER, context.getDefaultReadFramebuffer());
                gl.glReadBuffer(context.getDefaultReadBuffer());
                gl.glPixelStorei(GL.GL_PACK_ALIGNMENT, 1);
                // BGRA bytes read as little-endian ints are 0xAARRGGBB
                gl.glReadPixels(0, 0, w, h, GL.GL_BGRA, GL.GL_UNSIGNED_BYTE, pixels);
                check(gl);
                if (supersample > 1 && (samples == null || samples.length != w * h)) {
                    samples = new int[w * h];
                }
                return toImage(pixels.asIntBuffer(), width, height, supersample, samples);
            } finally {
                context.release();
            }
        }

        /**
         * Draws one picture and waits until OpenGL has finished it (multisamples resolved), without reading it back:
         * the work of a frame that a window shows. The picture stays in the framebuffer.
         *
         * @param painter draws with GL2; coordinates are picture pixels, (0, 0) the top left corner
         * @throws IllegalStateException if OpenGL reports an error
         */
        synchronized void drawOnly(Consumer<GL2> painter) {
            GLContext context = current();
            try {
                GL2 gl = drawable.getGL().getGL2();
                paint(gl, painter);
                gl.glFinish();
                check(gl);
            } finally {
                context.release();
            }
        }

        private GLContext current() {
            GLContext context = drawable.getContext();
            if (context.makeCurrent() == GLContext.CONTEXT_NOT_CURRENT) {
                throw new IllegalStateException("cannot make the offscreen OpenGL context current");
            }
            return context;
        }

        private void paint(GL2 gl, Consumer<GL2> painter) {
            pixelCoordinates(gl, width, height, supersample);
            painter.accept(gl);
            gl.glFlush();
            drawable.swapBuffers(); // resolves the samples into the readable buffer
        }

        @Override
        public synchronized void close() {
            drawable.destroy();
        }
    }

    /**
     * Sets the viewport to the whole {@code width·k}×{@code height·k} framebuffer, picture pixel coordinates (origin top
     * left, y down) and alpha blending: the state {@link GlPainter} draws in.
     */
    static void pixelCoordinates(GL2 gl, int width, int height, int k) {
        gl.glViewport(0, 0, width * k, height * k);
        gl.glMatrixMode(GLMatrixFunc.GL_PROJECTION);
        gl.glLoadIdentity();
        gl.glOrtho(0, width, height, 0, -1, 1);
        gl.glMatrixMode(GLMatrixFunc.GL_MODELVIEW);
        gl.glLoadIdentity();
        gl.glEnable(GL.GL_BLEND);
        gl.glBlendFunc(GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA);
        gl.glDisable(GL.GL_DEPTH_TEST);
    }

    private static void check(GL2 gl) {
        int err = gl.glGetError();
        if (err != GL.GL_NO_ERROR) {
            throw new IllegalStateException("OpenGL error 0x" + Integer.toHexString(err) + " while drawing");
        }
    }

    /**
     * Bottom-up ARGB rows of the framebuffer to a top-down RGB image, averaging k×k blocks ({@code src}: room for the
     * framebuffer's w·h ints when k > 1).
     */
    private static BufferedImage toImage(IntBuffer argb, int width, int height, int k, int[] src) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int w = width * k;
        int h = height * k;
        if (k == 1) {
            for (int y = 0; y < height; y++) {
                argb.get((h - 1 - y) * w, out, y * width, width);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] &= 0xffffff;
            }
            return img;
        }
        argb.get(0, src);
        int n = k * k;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < k; dy++) {
                    int row = (h - 1 - (y * k + dy)) * w + x * k;
                    for (int dx = 0; dx < k; dx++) {
                        int c = src[row + dx];
                        r += (c >> 16) & 0xff;
                        g += (c >> 8) & 0xff;
                        b += c & 0xff;
                    }
                }
                out[y * width + x] = ((r + n / 2) / n) << 16 | ((g + n / 2) / n) << 8 | (b + n / 2) / n;
            }
        }
        return img;
    }
}
