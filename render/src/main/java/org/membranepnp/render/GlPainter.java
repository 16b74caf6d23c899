package org.membranepnp.render;

import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2;
import com.jogamp.opengl.GL2GL3;

/** Paints the shapes of a {@link Scene} with fixed-function OpenGL, in the order they were added. */
final class GlPainter {
    private GlPainter() {
    }

    /**
     * Paints {@code scene} onto the current framebuffer.
     *
     * @param supersample framebuffer pixels per picture pixel (for the clip rectangles)
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
}
