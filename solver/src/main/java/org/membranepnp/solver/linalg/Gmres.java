package org.membranepnp.solver.linalg;

/**
 * Restarted GMRES with right preconditioning: solves A x = b for A given as a product, with M⁻¹ applied after
 * each Krylov vector (x = M⁻¹ V y), so the residual it minimises is the true one, ‖b − A x‖₂. Modified
 * Gram–Schmidt and Givens rotations; all workspaces are allocated once for a problem size. Dot products run in a
 * fixed order, so results do not depend on threads.
 */
public final class Gmres {
    /** y = A x. */
    @FunctionalInterface
    public interface Operator {
        void apply(double[] x, double[] y);
    }

    /** What a solve did. */
    public record Outcome(boolean converged, int iterations, double relativeResidual) {
    }

    private final int size;
    private final int restart;
    private final double[][] v;
    private final double[] h;
    private final double[] cs;
    private final double[] sn;
    private final double[] g;
    private final double[] y;
    private final double[] w;
    private final double[] z;

    public Gmres(int size, int restart) {
        this.size = size;
        this.restart = restart;
        this.v = new double[restart + 1][size];
        this.h = new double[(restart + 1) * restart];
        this.cs = new double[restart];
        this.sn = new double[restart];
        this.g = new double[restart + 1];
        this.y = new double[restart];
        this.w = new double[size];
        this.z = new double[size];
    }

    /**
     * Solves A x = b from x = 0 until ‖b − A x‖ ≤ tol·‖b‖ or {@code maxIterations}.
     *
     * @param x receives the solution
     */
    public Outcome solve(Operator a, Operator preconditioner, double[] b, double[] x, double tol, int maxIterations) {
        java.util.Arrays.fill(x, 0.0);
        double bNorm = norm(b);
        if (bNorm == 0) {
            return new Outcome(true, 0, 0.0);
        }
        double[] r = w;
        System.arraycopy(b, 0, r, 0, size);
        double beta = bNorm;
        int total = 0;
        while (true) {
            double inv = 1.0 / beta;
            for (int q = 0; q < size; q++) {
                v[0][q] = r[q] * inv;
            }
            java.util.Arrays.fill(g, 0.0);
            g[0] = beta;
            int k = 0;
            double rel = beta / bNorm;
            for (; k < restart && total < maxIterations; k++) {
                total++;
                preconditioner.apply(v[k], z);
                a.apply(z, v[k + 1]);
                double[] vk1 = v[k + 1];
                for (int i = 0; i <= k; i++) {
                    double d = dot(vk1, v[i]);
                    h[i * restart + k] = d;
                    double[] vi = v[i];
                    for (int q = 0; q < size; q++) {
                        vk1[q] -= d * vi[q];
                    }
                }
                double hn = norm(vk1);
                h[(k + 1) * restart + k] = hn;
                if (hn > 0) {
                    double s = 1.0 / hn;
                    for (int q = 0; q < size; q++) {
                        vk1[q] *= s;
                    }
                }
                for (int i = 0; i < k; i++) {
                    double a0 = h[i * restart + k];
                    double a1 = h[(i + 1) * restart + k];
                    h[i * restart + k] = cs[i] * a0 + sn[i] * a1;
                    h[(i + 1) * restart + k] = -sn[i] * a0 + cs[i] * a1;
                }
                double a0 = h[k * restart + k];
                double a1 = h[(k + 1) * restart + k];
                double den = Math.hypot(a0, a1);
                cs[k] = den == 0 ? 1.0 : a0 / den;
                sn[k] = den == 0 ? 0.0 : a1 / den;
                h[k * restart + k] = den;
                h[(k + 1) * restart + k] = 0.0;
                g[k + 1] = -sn[k] * g[k];
                g[k] = cs[k] * g[k];
                rel = Math.abs(g[k + 1]) / bNorm;
                if (rel <= tol || hn == 0) {
                    k++;
                    break;
                }
            }
            // y = H⁻¹ g, x += M⁻¹ V y
            for (int i = k - 1; i >= 0; i--) {
                double s = g[i];
                for (int c = i + 1; c < k; c++) {
                    s -= h[i * restart + c] * y[c];
                }
                y[i] = s / h[i * restart + i];
            }
            java.util.Arrays.fill(r, 0.0);
            for (int i = 0; i < k; i++) {
                double yi = y[i];
                double[] vi = v[i];
                for (int q = 0; q < size; q++) {
                    r[q] += yi * vi[q];
                }
            }
            preconditioner.apply(r, z);
            for (int q = 0; q < size; q++) {
                x[q] += z[q];
            }
            // true residual for the restart and the verdict
            a.apply(x, z);
            for (int q = 0; q < size; q++) {
                r[q] = b[q] - z[q];
            }
            beta = norm(r);
            rel = beta / bNorm;
            if (rel <= tol || !Double.isFinite(rel)) {
                return new Outcome(rel <= tol, total, rel);
            }
            if (total >= maxIterations) {
                return new Outcome(false, total, rel);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            s += a[q] * b[q];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
