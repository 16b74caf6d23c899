package org.membranepnp.benchmarks;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.membranepnp.render.FieldMap;
import org.membranepnp.render.FieldMapRenderer;
import org.membranepnp.render.RenderOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One frame of a field map: a 512 × 256 node field (a charge-density-like signed field, diverging map, with the
 * potential's contours, the membrane and two channels outlined, widened x axis) drawn at 1920 × 1080 on one kept
 * OpenGL context ({@link FieldMapRenderer}, created in the set-up). Both benchmarks include building the figure
 * (layout, contour lines) from the field. Needs an X display (run under {@code xvfb-run -a}).
 *
 * <ul>
 * <li>{@link #frameReadBack}: the frame read back into a {@code BufferedImage} with the labels painted by Java2D
 * ({@link FieldMapRenderer#render}): what a file, a screenshot or an image-based view pays.</li>
 * <li>{@link #frameNoReadBack}: the frame drawn, labels blended by OpenGL, and finished ({@code glFinish}) but not
 * read back ({@link FieldMapRenderer#draw}): what a live OpenGL view pays before presenting it.</li>
 * </ul>
 * {@code supersample} 1 is a window's framebuffer; 2 with {@code multisample} is what the PNG figures use at this
 * size; 1 without multisampling is {@code new FieldMapRenderer(options)}, the default for repeated frames.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class FieldMapRenderBenchmark {
    static final int NX = 512;
    static final int NY = 256;

    @Param({"true", "false"})
    public boolean multisample;

    @Param({"1", "2"})
    public int supersample;

    private FieldMap map;
    private FieldMapRenderer renderer;

    @Setup(Level.Trial)
    public void setUp() {
        double[] x = new double[NX];
        for (int i = 0; i < NX; i++) {
            double u = 2.0 * i / (NX - 1) - 1; // −1..1, nodes crowd at the membrane (x = 5000 nm)
            x[i] = 5000 + 5000 * u * u * u + 2.5 * u;
        }
        double[] y = new double[NY];
        for (int j = 0; j < NY; j++) {
            y[j] = 2000.0 * j / (NY - 1);
        }
        double[][] rho = new double[NX][NY];
        double[][] phi = new double[NX][NY];
        for (int i = 0; i < NX; i++) {
            double d = x[i] - 5000;
            for (int j = 0; j < NY; j++) {
                double wave = 1 + 0.3 * Math.sin(y[j] / 300.0);
                rho[i][j] = -Math.signum(d) * Math.exp(-Math.abs(d) / 8) * 1e6 * wave;
                phi[i][j] = -70 * (0.5 + 0.5 * Math.tanh(d / 40)) + 5 * Math.cos(y[j] / 400.0) * Math.exp(-Math.abs(d) / 200);
            }
        }
        map = new FieldMap("benchmark frame", "ρ", "C/m^{3}", x, y, rho, phi, 4997.5, 5002.5,
                List.of(new double[] {4997.5, 5002.5, 500, 520}, new double[] {4997.5, 5002.5, 1400, 1420}), true, true);
        renderer = new FieldMapRenderer(new RenderOptions(1920, 1080, false), supersample, multisample);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        renderer.close();
    }

    @Benchmark
    public BufferedImage frameReadBack() {
        return renderer.render(map);
    }

    @Benchmark
    public void frameNoReadBack() {
        renderer.draw(map);
    }
}
