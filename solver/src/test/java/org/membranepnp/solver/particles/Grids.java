package org.membranepnp.solver.particles;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Grids for the particle tests. */
final class Grids {
    private Grids() {
    }

    /** {@code n} + 1 nodes from a to b. */
    static double[] uniform(double a, double b, int n) {
        double[] x = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = a + (b - a) * i / n;
        }
        x[n] = b;
        return x;
    }

    /** The grid of ψ̂(x, y) and one concentration c_i(x, y) per species at the nodes. */
    static PotentialGrid of(double[] x, double[] y, DoubleBinaryOperator psi, DoubleBinaryOperator... c) {
        int ny = y.length;
        double[] p = new double[x.length * ny];
        double[][] cs = new double[c.length][x.length * ny];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < ny; j++) {
                p[i * ny + j] = psi.applyAsDouble(x[i], y[j]);
                for (int s = 0; s < c.length; s++) {
                    cs[s][i * ny + j] = c[s].applyAsDouble(x[i], y[j]);
                }
            }
        }
        return new PotentialGrid(x, y, p, cs);
    }

    /** A field that depends on x only. */
    static DoubleBinaryOperator ofX(DoubleUnaryOperator f) {
        return (x, y) -> f.applyAsDouble(x);
    }
}
