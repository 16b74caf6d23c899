package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The fast field map path (under Xvfb): the grid shader ({@link GridPainter}) draws what the triangle mesh draws,
 * the labels blended by OpenGL ({@link LabelOverlay}) match the Java2D ones, and the kept renderer's frames repeat
 * exactly.
 */
class FieldMapFastPathTest {
    static final RenderOptions SIZE = new RenderOptions(900, 560, false);

    /** A field with a jump between two close nodes (sub-pixel cells) and smooth parts, on the widened axis. */
    static FieldMap steep() {
        int nx = 200;
        int ny = 60;
        double[] x = new double[nx];
        for (int i = 0; i < nx; i++) {
            double u = 2.0 * i / (nx - 1) - 1;
            x[i] = 500 + 500 * u * u * u + 2.5 * u;
        }
        double[] y = new double[ny];
        for (int j = 0; j < ny; j++) {
            y[j] = 300.0 * j / (ny - 1);
        }
        double[][] f = new double[nx][ny];
        double[][] g = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            double d = x[i] - 500;
            for (int j = 0; j < ny; j++) {
                f[i][j] = -Math.signum(d) * Math.exp(-Math.abs(d) / 8) * (1 + 0.3 * Math.sin(y[j] / 40));
                g[i][j] = Math.tanh(d / 20) + 0.1 * Math.cos(y[j] / 50);
            }
        }
        f[nx / 3][ny / 2] = Double.NaN;
        return new FieldMap("steep", "ρ", "a.u.", x, y, f, g, 497.5, 502.5, java.util.List.of(), true, true);
    }

    /** {pixels that differ, largest channel difference}. */
    static int[] diff(BufferedImage a, BufferedImage b) {
        int n = 0;
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int d = Pixels.distance(a.getRGB(x, y) & 0xffffff, b.getRGB(x, y) & 0xffffff);
                if (d > 0) {
                    n++;
                    max = Math.max(max, d);
                }
            }
        }
        return new int[] {n, max};
    }

    @Test
    void theGridShaderDrawsWhatTheTrianglesDraw() {
        Scene scene = FieldMapFigure.of(steep(), SIZE.style()).scene();
        Shape.Mesh mesh = (Shape.Mesh) scene.shapes().get(0);
        assertTrue(GridPainter.rectilinear(mesh));
        try (OffscreenGl.Surface s = new OffscreenGl.Surface(SIZE.width(), SIZE.height(), 1, false)) {
            BufferedImage triangles = s.draw(gl -> {
                gl.glClearColor(1, 1, 1, 1);
                gl.glClear(com.jogamp.opengl.GL.GL_COLOR_BUFFER_BIT);
                GlPainter.mesh(gl, mesh);
            });
            BufferedImage shader = s.draw(gl -> {
                gl.glClearColor(1, 1, 1, 1);
                gl.glClear(com.jogamp.opengl.GL.GL_COLOR_BUFFER_BIT);
                assertTrue(GridPainter.paint(gl, mesh, SIZE.width(), SIZE.height(), 1), "the shader path is taken");
            });
            int[] d = diff(triangles, shader);
            // the rasteriser and the shader round the interpolated texture coordinate a little differently
            assertTrue(d[1] <= 1, "largest difference " + d[1] + " in " + d[0] + " pixels");
            assertTrue(d[0] < triangles.getWidth() * triangles.getHeight() / 1000, d[0] + " pixels differ");
        }
    }

    @Test
    void aSkewedMeshIsLeftToTheTriangles() {
        // vertex iy·nx + ix: (0, 0), (1, 0), (0, 1), (1, 1)
        float[] xy = {0, 0, 10, 1, 0, 10, 10, 10}; // node (1, 0) is not level with node (0, 0)
        Shape.Mesh m = new Shape.Mesh(xy, new float[] {0, 0, 1, 1}, 2, 2, Colormap.sequential().table(), null);
        assertFalse(GridPainter.rectilinear(m));
        float[] ok = {0, 10, 10, 10, 0, 0, 10, 0}; // y decreasing with the row: fine
        assertTrue(GridPainter.rectilinear(new Shape.Mesh(ok, new float[] {0, 0, 1, 1}, 2, 2, Colormap.sequential().table(), null)));
        float[] columnMajor = {0, 0, 0, 10, 10, 0, 10, 10}; // the vertices of (0, 1) and (1, 0) swapped: not this grid
        assertFalse(GridPainter.rectilinear(new Shape.Mesh(columnMajor, new float[] {0, 1, 0, 1}, 2, 2,
                Colormap.sequential().table(), null)));
    }

    @Test
    void labelsBlendedByOpenGlMatchTheJava2dOnes() {
        Scene scene = FieldMapFigure.of(steep(), SIZE.style()).scene();
        for (boolean multisample : new boolean[] {false, true}) {
            try (OffscreenGl.Surface s = new OffscreenGl.Surface(SIZE.width(), SIZE.height(), 1, multisample)) {
                BufferedImage java2d = FigureRenderer.render(scene, s);
                BufferedImage gl = s.draw(g -> FigureRenderer.paint(g, scene, 1));
                BufferedImage again = s.draw(g -> FigureRenderer.paint(g, scene, 1)); // the kept texture
                int[] d = diff(java2d, gl);
                assertTrue(d[1] <= 2, "largest difference " + d[1] + " in " + d[0] + " pixels");
                assertEquals(0, diff(gl, again)[0]);
                double[] lb = FieldMapFigure.of(steep(), SIZE.style()).xTickLabelBox();
                assertTrue(Pixels.countUnlike(gl, lb[0], lb[1] + 4, lb[2], lb[3], 0xffffff, 60) > 100, "x tick labels");
            }
        }
    }

    @Test
    void theFastRendererRepeatsItsFramesAndDrawsWithoutReadingBack() {
        try (FieldMapRenderer r = new FieldMapRenderer(SIZE)) {
            BufferedImage a = r.render(steep());
            r.draw(steep());
            BufferedImage b = r.render(steep());
            assertEquals(0, diff(a, b)[0]);
            assertEquals(SIZE.width(), a.getWidth());
        }
        try (FieldMapRenderer r = FieldMapRenderer.likeFigures(SIZE)) {
            BufferedImage a = r.render(steep());
            BufferedImage one = FieldMapFigure.render(steep(), SIZE);
            assertEquals(0, diff(a, one)[0], "likeFigures draws the one-off figure");
        }
    }
}
