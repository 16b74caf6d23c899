package org.membranepnp.render;

import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2;
import com.jogamp.opengl.GL2ES2;
import com.jogamp.opengl.GL2GL3;
import com.jogamp.opengl.GLContext;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Draws a colour-mapped {@link Shape.Mesh} whose vertices lie on a rectilinear grid (x depends on the column only, y
 * on the row only, both strictly monotonic: what {@link FieldMapFigure} makes) as one quad with a fragment shader,
 * instead of the 2(nx − 1)(ny − 1) triangles of the general path. On a software rasteriser (Mesa llvmpipe) the
 * triangles of a 512 × 256 grid cost about 50 ms per 1920 × 1080 frame (most of them thinner than a pixel where the
 * axis is compressed), and several times that with multisampling; the quad costs about 10 ms.
 *
 * <p>The picture is that of the triangles: for each framebuffer pixel the shader takes the grid cell under the pixel
 * centre and the position (u, v) in it (looked up per column and per row in two small float textures computed here),
 * interpolates the nodes' texture coordinates linearly on the same triangle of the cell as the triangle mesh
 * (the diagonal from node (i, j) to node (i + 1, j + 1)), and looks the colour up in the same linearly filtered 1D
 * texture of the colour table. The corners' coordinates are kept as 32-bit floats in a nearest-filtered float
 * texture, so the colour at a node is the exact table colour, as before. Without multisampling the colours differ
 * from the triangle path's by at most a unit in the last bit, at a few pixels (the rasteriser rounds its
 * interpolation differently). With multisampling the shader runs per sample, at each sample's position
 * (ARB_sample_shading); the triangles were shaded once per pixel and triangle, so where several cells share a pixel
 * the colours differ by a few units, and by up to ~30 of 255 along a steep jump narrower than a pixel, where the
 * per-sample average is the more faithful. Repeated draws are identical.
 *
 * <p>The shader program and the textures are made once per OpenGL context and kept with it
 * ({@link GLContext#attachObject}), so that a kept surface (an animation, a live view) pays only for uploading the
 * cell corners (4 floats per cell) and the cell positions of the framebuffer's columns and rows per frame. Where the
 * context cannot do it (no GLSL 1.20 or no float textures; with multisampling, no sample shading; a grid larger than
 * the largest texture), and for small meshes ({@link #MIN_CELLS}), {@link #paint} returns false and the caller draws
 * the triangles.
 */
final class GridPainter {
    private static final String KEY = GridPainter.class.getName();
    /** Meshes of fewer cells (a colour bar) are left to the triangles: cheap there, and exactly as before. */
    static final int MIN_CELLS = 64;

    private static final String VERTEX = """
            #version 120
            void main() {
                gl_Position = ftransform();
            }
            """;

    /*
     * cells: texel (j, i) holds the table texture coordinates at the corners (i, j), (i + 1, j), (i + 1, j + 1),
     * (i, j + 1) of cell (i, j); cols: texel (c, s) holds (texture coordinate of the cell column i, u in [0, 1]) at
     * the x of sample s of framebuffer column c; rows: the same for rows (j, v); table: the colour table.
     */
    private static final String FRAGMENT = """
            uniform sampler2D cells;
            uniform sampler2D cols;
            uniform sampler2D rows;
            uniform sampler1D table;
            uniform vec3 framebuffer;
            void main() {
                float s = (SAMPLE + 0.5) / framebuffer.z;
                vec2 cx = texture2D(cols, vec2(gl_FragCoord.x / framebuffer.x, s)).rg;
                vec2 cy = texture2D(rows, vec2(gl_FragCoord.y / framebuffer.y, s)).rg;
                vec4 c = texture2D(cells, vec2(cy.x, cx.x));
                float u = cx.y;
                float v = cy.y;
                float tc = u >= v ? c.x + u * (c.y - c.x) + v * (c.z - c.y) : c.x + v * (c.w - c.x) + u * (c.z - c.w);
                gl_FragColor = vec4(texture1D(table, tc).rgb, 1.0);
            }
            """;
    /** One colour per pixel, the grid evaluated at the pixel centre. */
    private static final String SINGLE = "#version 120\n#define SAMPLE 0.0\n";
    /** One colour per sample (a multisampled framebuffer), the grid evaluated at each sample's position. */
    private static final String PER_SAMPLE = "#version 130\n#extension GL_ARB_sample_shading : require\n"
            + "#define SAMPLE float(gl_SampleID)\n";

    /** Single-sample and per-sample programs: 0 not made yet, −1 unavailable here. */
    private final int[] programs = {0, 0};
    private final int[] uFramebuffer = new int[2];
    /** cells, cols, rows, table. */
    private final int[] textures = new int[4];
    /** Last uploaded size of each texture, {width, height}. */
    private final int[][] sizes = new int[4][2];
    private FloatBuffer cells = floats(0);
    private FloatBuffer cols = floats(0);
    private FloatBuffer rows = floats(0);
    private ByteBuffer table = ByteBuffer.allocateDirect(0);
    private final float[] samplePosition = new float[2];

    private GridPainter(GL2 gl) {
        gl.glGenTextures(4, textures, 0);
        for (int[] size : sizes) {
            size[0] = -1;
        }
    }

    /**
     * Draws {@code m} if it is a rectilinear grid and the context can.
     *
     * @param width  picture width, pixels
     * @param height picture height, pixels
     * @param k      framebuffer pixels per picture pixel
     * @return false if nothing was drawn (draw the triangles instead)
     */
    static boolean paint(GL2 gl, Shape.Mesh m, int width, int height, int k) {
        if ((long) (m.nx() - 1) * (m.ny() - 1) < MIN_CELLS || !rectilinear(m)) {
            return false;
        }
        int[] v = new int[1];
        gl.glGetIntegerv(GL.GL_MAX_TEXTURE_SIZE, v, 0);
        int max = v[0];
        gl.glGetIntegerv(GL.GL_SAMPLE_BUFFERS, v, 0);
        int samples = 1;
        if (v[0] > 0) {
            gl.glGetIntegerv(GL.GL_SAMPLES, v, 0);
            samples = Math.max(1, v[0]);
        }
        if (m.nx() - 1 > max || m.ny() - 1 > max || width * k > max || height * k > max || samples > max) {
            return false;
        }
        GridPainter p = of(gl);
        int program = p.program(gl, samples > 1);
        if (program <= 0) {
            return false;
        }
        p.draw(gl, program, samples, m, width, height, k);
        return true;
    }

    /** The painter kept with the current context, made on first use. */
    private static GridPainter of(GL2 gl) {
        GLContext context = gl.getContext();
        if (context.getAttachedObject(KEY) instanceof GridPainter p) {
            return p;
        }
        GridPainter p = new GridPainter(gl);
        context.attachObject(KEY, p);
        return p;
    }

    /** The single-sample or per-sample program, made on first use; −1 if this context cannot run it. */
    private int program(GL2 gl, boolean perSample) {
        int which = perSample ? 1 : 0;
        if (programs[which] == 0) {
            GLContext context = gl.getContext();
            boolean floatTextures = context.getGLVersionNumber().getMajor() >= 3
                    || gl.isExtensionAvailable("GL_ARB_texture_float") && gl.isExtensionAvailable("GL_ARB_texture_rg");
            boolean can = floatTextures && gl.hasGLSL()
                    && (!perSample || gl.isExtensionAvailable("GL_ARB_sample_shading"));
            int program = can ? link(gl, (perSample ? PER_SAMPLE : SINGLE) + FRAGMENT) : 0;
            if (program != 0) {
                gl.glUseProgram(program);
                gl.glUniform1i(gl.glGetUniformLocation(program, "cells"), 0);
                gl.glUniform1i(gl.glGetUniformLocation(program, "cols"), 1);
                gl.glUniform1i(gl.glGetUniformLocation(program, "rows"), 2);
                gl.glUniform1i(gl.glGetUniformLocation(program, "table"), 3);
                uFramebuffer[which] = gl.glGetUniformLocation(program, "framebuffer");
                gl.glUseProgram(0);
            }
            programs[which] = program == 0 ? -1 : program;
        }
        return programs[which];
    }

    /** The linked program, or 0 if it does not compile or link here. */
    private static int link(GL2 gl, String fragment) {
        int vs = shader(gl, GL2ES2.GL_VERTEX_SHADER, VERTEX);
        int fs = shader(gl, GL2ES2.GL_FRAGMENT_SHADER, fragment);
        if (vs == 0 || fs == 0) {
            if (vs != 0) {
                gl.glDeleteShader(vs);
            }
            if (fs != 0) {
                gl.glDeleteShader(fs);
            }
            return 0;
        }
        int program = gl.glCreateProgram();
        gl.glAttachShader(program, vs);
        gl.glAttachShader(program, fs);
        gl.glLinkProgram(program);
        gl.glDeleteShader(vs); // flagged; freed with the program
        gl.glDeleteShader(fs);
        int[] ok = new int[1];
        gl.glGetProgramiv(program, GL2ES2.GL_LINK_STATUS, ok, 0);
        if (ok[0] == 0) {
            gl.glDeleteProgram(program);
            return 0;
        }
        return program;
    }

    private static int shader(GL2 gl, int type, String source) {
        int s = gl.glCreateShader(type);
        gl.glShaderSource(s, 1, new String[] {source}, new int[] {source.getBytes(StandardCharsets.UTF_8).length}, 0);
        gl.glCompileShader(s);
        int[] ok = new int[1];
        gl.glGetShaderiv(s, GL2ES2.GL_COMPILE_STATUS, ok, 0);
        if (ok[0] == 0) {
            gl.glDeleteShader(s);
            return 0;
        }
        return s;
    }

    /** True if x depends on the column only and y on the row only, both strictly monotonic and finite. */
    static boolean rectilinear(Shape.Mesh m) {
        int nx = m.nx();
        int ny = m.ny();
        float[] xy = m.xy();
        if (nx < 2 || ny < 2 || xy.length < 2 * nx * ny || m.t().length < nx * ny || m.table().length < 1) {
            return false;
        }
        for (int j = 0; j < ny; j++) {
            float y = xy[2 * j * nx + 1];
            for (int i = 0; i < nx; i++) {
                int v = 2 * (j * nx + i);
                if (xy[v] != xy[2 * i] || xy[v + 1] != y) {
                    return false;
                }
            }
        }
        return monotonic(xy, 0, 2, nx) && monotonic(xy, 1, 2 * nx, ny);
    }

    /** True if xy[from + i·stride], i < count, are finite and strictly increasing or strictly decreasing. */
    private static boolean monotonic(float[] xy, int from, int stride, int count) {
        float first = xy[from];
        float second = xy[from + stride];
        if (!Float.isFinite(first) || !Float.isFinite(second) || first == second) {
            return false;
        }
        boolean up = second > first;
        for (int i = 1; i < count; i++) {
            float a = xy[from + (i - 1) * stride];
            float b = xy[from + i * stride];
            if (!Float.isFinite(b) || (up ? !(b > a) : !(b < a))) {
                return false;
            }
        }
        return true;
    }

    private void draw(GL2 gl, int program, int samples, Shape.Mesh m, int width, int height, int k) {
        int nx = m.nx();
        int ny = m.ny();
        float[] xy = m.xy();
        float[] t = m.t();
        int[] colours = m.table();
        int fw = width * k;
        int fh = height * k;

        // the corners of each cell: the texture coordinates of the triangle path, exactly
        int n = colours.length;
        float scale = (n - 1f) / n;
        float offset = 0.5f / n;
        cells = room(cells, 4 * (nx - 1) * (ny - 1));
        float[] left = new float[ny];
        float[] right = new float[ny];
        for (int j = 0; j < ny; j++) {
            right[j] = coordinate(t[j * nx], offset, scale);
        }
        int e = 0;
        for (int i = 0; i + 1 < nx; i++) {
            float[] swap = left;
            left = right;
            right = swap;
            for (int j = 0; j < ny; j++) {
                right[j] = coordinate(t[j * nx + i + 1], offset, scale);
            }
            for (int j = 0; j + 1 < ny; j++) {
                cells.put(e, left[j]).put(e + 1, right[j]).put(e + 2, right[j + 1]).put(e + 3, left[j + 1]);
                e += 4;
            }
        }
        // the cell under each sample of each framebuffer column (left to right) and row (bottom to top)
        float[] px = new float[nx];
        for (int i = 0; i < nx; i++) {
            px[i] = xy[2 * i];
        }
        float[] py = new float[ny];
        for (int j = 0; j < ny; j++) {
            py[j] = xy[2 * j * nx + 1];
        }
        cols = room(cols, 2 * fw * samples);
        rows = room(rows, 2 * fh * samples);
        for (int s = 0; s < samples; s++) {
            float sx = 0.5f;
            float sy = 0.5f;
            if (samples > 1) {
                gl.glGetMultisamplefv(GL2ES2.GL_SAMPLE_POSITION, s, samplePosition, 0);
                sx = samplePosition[0];
                sy = samplePosition[1];
            }
            for (int c = 0; c < fw; c++) {
                cell(px, (c + sx) / k, s * fw + c, cols);
            }
            for (int r = 0; r < fh; r++) {
                cell(py, height - (r + sy) / k, s * fh + r, rows);
            }
        }
        if (table.capacity() < 3 * n) {
            table = ByteBuffer.allocateDirect(3 * n);
        }
        table.clear();
        for (int c : colours) {
            table.put((byte) (c >> 16)).put((byte) (c >> 8)).put((byte) c);
        }
        table.flip();

        gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 1);
        gl.glActiveTexture(GL.GL_TEXTURE0);
        upload(gl, 0, ny - 1, nx - 1, GL.GL_RGBA32F, GL.GL_RGBA, GL.GL_FLOAT, cells, GL.GL_NEAREST);
        gl.glActiveTexture(GL.GL_TEXTURE1);
        upload(gl, 1, fw, samples, GL.GL_RG32F, GL2ES2.GL_RG, GL.GL_FLOAT, cols, GL.GL_NEAREST);
        gl.glActiveTexture(GL.GL_TEXTURE2);
        upload(gl, 2, fh, samples, GL.GL_RG32F, GL2ES2.GL_RG, GL.GL_FLOAT, rows, GL.GL_NEAREST);
        gl.glActiveTexture(GL.GL_TEXTURE3);
        upload(gl, 3, n, 0, GL.GL_RGB8, GL.GL_RGB, GL.GL_UNSIGNED_BYTE, table, GL.GL_LINEAR);

        gl.glUseProgram(program);
        gl.glUniform3f(uFramebuffer[samples > 1 ? 1 : 0], fw, fh, samples);
        float x0 = px[0];
        float x1 = px[nx - 1];
        float y0 = py[0];
        float y1 = py[ny - 1];
        gl.glBegin(GL2.GL_QUADS);
        gl.glVertex2f(x0, y0);
        gl.glVertex2f(x1, y0);
        gl.glVertex2f(x1, y1);
        gl.glVertex2f(x0, y1);
        gl.glEnd();
        gl.glUseProgram(0);
        for (int unit = 3; unit >= 0; unit--) {
            gl.glActiveTexture(GL.GL_TEXTURE0 + unit);
            gl.glBindTexture(unit == 3 ? GL2GL3.GL_TEXTURE_1D : GL.GL_TEXTURE_2D, 0);
        }
    }

    /** The table texture coordinate of map value {@code t}, as the triangle path gives it. */
    private static float coordinate(float t, float offset, float scale) {
        return Float.isNaN(t) ? 0.5f : offset + scale * Math.max(0f, Math.min(1f, t));
    }

    /**
     * The cell of the coordinates {@code p} (strictly increasing or decreasing) that holds {@code at}, and where in it:
     * puts (texture coordinate of the cell's lower-index node, fraction from it towards the next node) at entry
     * {@code e} of {@code out}. A point outside the grid takes the nearest end cell, clamped to its edge.
     */
    private static void cell(float[] p, double at, int e, FloatBuffer out) {
        int n = p.length;
        boolean up = p[n - 1] > p[0];
        int lo = 0; // the last node at or before `at` in the grid's direction, at most n − 2
        int hi = n - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (up ? p[mid] <= at : p[mid] >= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double f = (at - p[lo]) / ((double) p[lo + 1] - p[lo]);
        out.put(2 * e, (float) ((lo + 0.5) / (n - 1)));
        out.put(2 * e + 1, (float) Math.max(0, Math.min(1, f)));
    }

    /** Uploads texture {@code which}: a 1D texture if {@code h} is 0, else 2D; reallocated only when its size changes. */
    private void upload(GL2 gl, int which, int w, int h, int internal, int format, int type, Buffer data, int filter) {
        int target = h == 0 ? GL2GL3.GL_TEXTURE_1D : GL.GL_TEXTURE_2D;
        gl.glBindTexture(target, textures[which]);
        if (sizes[which][0] != w || sizes[which][1] != h) {
            gl.glTexParameteri(target, GL.GL_TEXTURE_MIN_FILTER, filter);
            gl.glTexParameteri(target, GL.GL_TEXTURE_MAG_FILTER, filter);
            gl.glTexParameteri(target, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE);
            gl.glTexParameteri(target, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE);
            if (h == 0) {
                gl.glTexImage1D(target, 0, internal, w, 0, format, type, data);
            } else {
                gl.glTexImage2D(target, 0, internal, w, h, 0, format, type, data);
            }
            sizes[which][0] = w;
            sizes[which][1] = h;
        } else if (h == 0) {
            gl.glTexSubImage1D(target, 0, 0, w, format, type, data);
        } else {
            gl.glTexSubImage2D(target, 0, 0, 0, w, h, format, type, data);
        }
    }

    /** {@code b} if it holds {@code n} floats, else a new one; limit n, position 0. */
    private static FloatBuffer room(FloatBuffer b, int n) {
        FloatBuffer r = b.capacity() >= n ? b : floats(n);
        r.clear().limit(n);
        return r;
    }

    private static FloatBuffer floats(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
