package org.membranepnp.render;

import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2;
import com.jogamp.opengl.GL2ES1;
import com.jogamp.opengl.GLContext;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels of a scene drawn by OpenGL, for frames that are shown and not read back (a live view): the labels are
 * painted with Java2D ({@link LabelPainter}, the same text as on the read-back pictures) into a transparent image
 * once, uploaded as a texture kept with the OpenGL context, and blended over each frame as a few quads covering the
 * tiles that hold ink. The texture is made again only when the labels change (a new title, new colour bar ticks);
 * frames of one layout reuse it.
 *
 * <p>The text matches the read-back pictures' (where Java2D paints onto the opaque picture) up to rounding: a unit
 * in the last bit at some edge pixels of the glyphs.
 */
final class LabelOverlay {
    private static final String KEY = LabelOverlay.class.getName();
    /** Side of the tiles, picture pixels: only tiles with ink are drawn. */
    static final int TILE = 32;

    private final int texture;
    private List<Label> labels;
    private int width = -1;
    private int height = -1;
    /** Rectangles {x0, y0, x1, y1} of inked tiles, picture pixels, runs along a tile row merged. */
    private int[] quads = new int[0];

    private LabelOverlay(GL2 gl) {
        int[] t = new int[1];
        gl.glGenTextures(1, t, 0);
        texture = t[0];
    }

    /**
     * Blends {@code labels} over the picture being drawn in the current context, set up by
     * {@link OffscreenGl#pixelCoordinates} for a {@code width}×{@code height} picture.
     */
    static void paint(GL2 gl, List<Label> labels, int width, int height) {
        if (labels.isEmpty()) {
            return;
        }
        GLContext context = gl.getContext();
        LabelOverlay o;
        if (context.getAttachedObject(KEY) instanceof LabelOverlay kept) {
            o = kept;
        } else {
            o = new LabelOverlay(gl);
            context.attachObject(KEY, o);
        }
        o.draw(gl, labels, width, height);
    }

    private void draw(GL2 gl, List<Label> labels, int width, int height) {
        gl.glBindTexture(GL.GL_TEXTURE_2D, texture);
        if (width != this.width || height != this.height || !labels.equals(this.labels)) {
            upload(gl, labels, width, height);
        }
        if (quads.length > 0) {
            gl.glDisable(GL.GL_SCISSOR_TEST);
            gl.glEnable(GL.GL_TEXTURE_2D);
            gl.glTexEnvi(GL2ES1.GL_TEXTURE_ENV, GL2ES1.GL_TEXTURE_ENV_MODE, GL.GL_REPLACE);
            gl.glBlendFunc(GL.GL_ONE, GL.GL_ONE_MINUS_SRC_ALPHA); // the image is premultiplied
            gl.glBegin(GL2.GL_QUADS);
            for (int q = 0; q + 3 < quads.length; q += 4) {
                int x0 = quads[q];
                int y0 = quads[q + 1];
                int x1 = quads[q + 2];
                int y1 = quads[q + 3];
                vertex(gl, x0, y0);
                vertex(gl, x1, y0);
                vertex(gl, x1, y1);
                vertex(gl, x0, y1);
            }
            gl.glEnd();
            gl.glBlendFunc(GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA);
            gl.glDisable(GL.GL_TEXTURE_2D);
        }
        gl.glBindTexture(GL.GL_TEXTURE_2D, 0);
    }

    private void vertex(GL2 gl, int x, int y) {
        gl.glTexCoord2f(x / (float) width, y / (float) height);
        gl.glVertex2f(x, y);
    }

    private void upload(GL2 gl, List<Label> labels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        LabelPainter.paint(image, labels);
        int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        IntBuffer texels = ByteBuffer.allocateDirect(4 * argb.length).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        texels.put(argb).flip(); // 0xAARRGGBB little-endian: B, G, R, A bytes, row 0 the top
        gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE);
        gl.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, width, height, 0, GL.GL_BGRA, GL.GL_UNSIGNED_BYTE, texels);
        this.quads = inkedTiles(argb, width, height);
        this.labels = List.copyOf(labels);
        this.width = width;
        this.height = height;
    }

    /** The tiles holding any pixel with alpha, as rectangles {x0, y0, x1, y1}, adjacent tiles of a row merged. */
    static int[] inkedTiles(int[] argb, int width, int height) {
        List<int[]> out = new ArrayList<>();
        for (int ty = 0; ty < height; ty += TILE) {
            int y1 = Math.min(height, ty + TILE);
            int run = -1;
            for (int tx = 0; tx < width; tx += TILE) {
                int x1 = Math.min(width, tx + TILE);
                boolean ink = false;
                for (int y = ty; y < y1 && !ink; y++) {
                    for (int x = tx; x < x1; x++) {
                        if (argb[y * width + x] >>> 24 != 0) {
                            ink = true;
                            break;
                        }
                    }
                }
                if (ink && run < 0) {
                    run = tx;
                } else if (!ink && run >= 0) {
                    out.add(new int[] {run, ty, tx, y1});
                    run = -1;
                }
            }
            if (run >= 0) {
                out.add(new int[] {run, ty, width, y1});
            }
        }
        int[] q = new int[4 * out.size()];
        for (int i = 0; i < out.size(); i++) {
            System.arraycopy(out.get(i), 0, q, 4 * i, 4);
        }
        return q;
    }
}
