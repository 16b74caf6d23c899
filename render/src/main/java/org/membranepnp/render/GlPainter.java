package org.membranepnp.render;

import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2;
import com.jogamp.opengl.GL2ES1;
import com.jogamp.opengl.GL2GL3;
import com.jogamp.opengl.fixedfunc.GLPointerFunc;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/** Paints the shapes of a {@link Scene} with fixed-function OpenGL, in the order they were added. */
final class GlPainter {
    private GlPainter() {
    }

    /**
     * Paints {@code scene} onto the current framebuffer.
     *
     * @param supersample framebuffer pixels per picture pixel (for the clip rectangles and the grid cells)
     */
    static void paint(GL2 gl, Scene scene, int supersample) {
        int bg = scene.background();
        gl.glClearColor(((bg >> 16) & 0xff) / 255f, ((bg >> 8) & 0xff) / 255f, (bg & 0xff) / 255f, 1f);
        gl.glClear(GL.GL_COLOR_BUFFER_BIT);
        gl.glPolygonMode(GL.GL_FRONT_AND_BACK, GL2GL3.GL_FILL);
        for (Shape s : scene.shapes()) {
            clip(gl, s.clip(), scene.height(), supersample);
            if (s instanceof Shape.Rect r) {
                color(gl, r.argb());
                gl.glBegin(GL2.GL_QUADS);
                gl.glVertex2f(r.x0(), r.y0());
                gl.glVertex2f(r.x1(), r.y0());
                gl.glVertex2f(r.x1(), r.y1());
                gl.glVertex2f(r.x0(), r.y1());
                gl.glEnd();
            } else if (s instanceof Shape.Line l) {
                color(gl, l.argb());
                if (l.dash() == null) {
                    triangles(gl, StrokeMesh.triangles(l.xy(), l.width()));
                } else {
                    for (float[] d : StrokeMesh.dashes(l.xy(), l.dash())) {
                        triangles(gl, StrokeMesh.triangles(d, l.width()));
                    }
                }
            } else if (s instanceof Shape.Area a) {
                color(gl, a.argb());
                gl.glBegin(GL.GL_TRIANGLE_STRIP);
                for (int k = 0; k < a.x().length; k++) {
                    gl.glVertex2f(a.x()[k], a.yTop()[k]);
                    gl.glVertex2f(a.x()[k], a.yBottom()[k]);
                }
                gl.glEnd();
            } else if (s instanceof Shape.Dot d) {
                if (d.edgeWidth() > 0) {
                    color(gl, d.edge());
                    triangles(gl, StrokeMesh.disc(d.x(), d.y(), d.radius() + d.edgeWidth() / 2));
                }
                color(gl, d.fill());
                triangles(gl, StrokeMesh.disc(d.x(), d.y(), d.radius() - d.edgeWidth() / 2));
            } else if (s instanceof Shape.Mesh m) {
                if (!GridPainter.paint(gl, m, scene.width(), scene.height(), supersample)) {
                    mesh(gl, m);
                }
            } else if (s instanceof Shape.Segments g) {
                segments(gl, g);
            }
        }
        gl.glDisable(GL.GL_SCISSOR_TEST);
    }

    private static void clip(GL2 gl, Shape.Clip c, int height, int k) {
        if (c == null) {
            gl.glDisable(GL.GL_SCISSOR_TEST);
            return;
        }
        int x0 = Math.round(c.x0() * k);
        int x1 = Math.round(c.x1() * k);
        int y0 = Math.round((height - c.y1()) * k);
        int y1 = Math.round((height - c.y0()) * k);
        gl.glEnable(GL.GL_SCISSOR_TEST);
        gl.glScissor(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static void color(GL2 gl, int argb) {
        gl.glColor4f(((argb >> 16) & 0xff) / 255f, ((argb >> 8) & 0xff) / 255f, (argb & 0xff) / 255f,
                ((argb >>> 24) & 0xff) / 255f);
    }

    private static void triangles(GL2 gl, float[] t) {
        gl.glBegin(GL.GL_TRIANGLES);
        for (int i = 0; i + 1 < t.length; i += 2) {
            gl.glVertex2f(t[i], t[i + 1]);
        }
        gl.glEnd();
    }

    /** The triangle indices of the last grid size drawn (grids of one size are drawn again and again). */
    private static Indices lastIndices;

    private record Indices(int nx, int ny, IntBuffer buffer) {
    }

    private static synchronized IntBuffer indices(int nx, int ny) {
        Indices c = lastIndices;
        if (c != null && c.nx() == nx && c.ny() == ny) {
            return c.buffer();
        }
        IntBuffer b = directInts(6 * (nx - 1) * (ny - 1));
        for (int ix = 0; ix + 1 < nx; ix++) {
            for (int iy = 0; iy + 1 < ny; iy++) {
                int a = iy * nx + ix; // node (ix, iy)
                int r = a + 1; // (ix + 1, iy)
                int up = a + nx; // (ix, iy + 1)
                b.put(a).put(r).put(r + nx).put(a).put(r + nx).put(up);
            }
        }
        b.flip();
        lastIndices = new Indices(nx, ny, b);
        return b;
    }

    /**
     * Vertex arrays with a 1D texture of the colour table: one draw call for the whole grid. Rectilinear grids (the
     * field maps) go to {@link GridPainter} instead where the context can; this is the general path and the fallback.
     */
    static void mesh(GL2 gl, Shape.Mesh m) {
        if (m.nx() < 2 || m.ny() < 2) {
            return;
        }
        int n = m.table().length;
        ByteBuffer texels = ByteBuffer.allocateDirect(3 * n);
        for (int c : m.table()) {
            texels.put((byte) (c >> 16)).put((byte) (c >> 8)).put((byte) c);
        }
        texels.flip();
        int[] tex = new int[1];
        gl.glGenTextures(1, tex, 0);
        gl.glBindTexture(GL2GL3.GL_TEXTURE_1D, tex[0]);
        gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 1);
        gl.glTexParameteri(GL2GL3.GL_TEXTURE_1D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_LINEAR);
        gl.glTexParameteri(GL2GL3.GL_TEXTURE_1D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_LINEAR);
        gl.glTexParameteri(GL2GL3.GL_TEXTURE_1D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE);
        gl.glTexImage1D(GL2GL3.GL_TEXTURE_1D, 0, GL.GL_RGB8, n, 0, GL.GL_RGB, GL.GL_UNSIGNED_BYTE, texels);
        gl.glTexEnvi(GL2ES1.GL_TEXTURE_ENV, GL2ES1.GL_TEXTURE_ENV_MODE, GL.GL_REPLACE);
        gl.glEnable(GL2GL3.GL_TEXTURE_1D);
        int count = m.nx() * m.ny();
        FloatBuffer xy = directFloats(2 * count).put(m.xy(), 0, 2 * count);
        xy.flip();
        FloatBuffer tc = directFloats(count);
        float scale = (n - 1f) / n;
        float offset = 0.5f / n; // texel centres: t = 0 is entry 0 exactly, t = 1 the last entry
        for (int i = 0; i < count; i++) {
            float t = m.t()[i];
            tc.put(Float.isNaN(t) ? 0.5f : offset + scale * Math.max(0f, Math.min(1f, t)));
        }
        tc.flip();
        gl.glColor4f(1, 1, 1, 1);
        gl.glEnableClientState(GLPointerFunc.GL_VERTEX_ARRAY);
        gl.glEnableClientState(GLPointerFunc.GL_TEXTURE_COORD_ARRAY);
        gl.glVertexPointer(2, GL.GL_FLOAT, 0, xy);
        gl.glTexCoordPointer(1, GL.GL_FLOAT, 0, tc);
        IntBuffer idx = indices(m.nx(), m.ny());
        gl.glDrawElements(GL.GL_TRIANGLES, idx.remaining(), GL.GL_UNSIGNED_INT, idx);
        gl.glDisableClientState(GLPointerFunc.GL_TEXTURE_COORD_ARRAY);
        gl.glDisableClientState(GLPointerFunc.GL_VERTEX_ARRAY);
        gl.glDisable(GL2GL3.GL_TEXTURE_1D);
        gl.glBindTexture(GL2GL3.GL_TEXTURE_1D, 0);
        gl.glDeleteTextures(1, tex, 0);
    }

    /** Each segment a quad, lengthened by half the width at both ends so that joined segments leave no gaps. */
    private static void segments(GL2 gl, Shape.Segments g) {
        float[] p = g.xy();
        float h = g.width() / 2;
        color(gl, g.argb());
        gl.glBegin(GL2.GL_QUADS);
        for (int i = 0; i + 3 < p.length; i += 4) {
            float dx = p[i + 2] - p[i];
            float dy = p[i + 3] - p[i + 1];
            float len = (float) Math.sqrt(dx * dx + dy * dy);
            if (!(len > 1e-6f)) {
                continue;
            }
            float ux = dx / len * h;
            float uy = dy / len * h;
            float ax = p[i] - ux;
            float ay = p[i + 1] - uy;
            float bx = p[i + 2] + ux;
            float by = p[i + 3] + uy;
            gl.glVertex2f(ax - uy, ay + ux);
            gl.glVertex2f(bx - uy, by + ux);
            gl.glVertex2f(bx + uy, by - ux);
            gl.glVertex2f(ax + uy, ay - ux);
        }
        gl.glEnd();
    }

    private static FloatBuffer directFloats(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static IntBuffer directInts(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asIntBuffer();
    }
}
