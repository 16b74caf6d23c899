package org.membranepnp.solver.newton;

import org.membranepnp.solver.fv.EquationKind;

/**
 * The damped update of the Newton solver, on states laid out as (ψ̂, ĉ_1 … ĉ_s) per node.
 */
final class NewtonStep {
    /** Concentrations below this count as this much when the update is scaled. */
    static final double CONCENTRATION_FLOOR = 1e-8;

    private NewtonStep() {
    }

    /**
     * The damping factor λ ≤ 1: free concentrations stay positive (at most 0.9 of the way to zero) and no
     * potential moves by more than {@link NewtonSolver#MAX_POTENTIAL_STEP} thermal voltages.
     */
    static double damping(double[] u, double[] du, EquationKind[] kind, int nodes, int m) {
        double lambda = 1.0;
        double maxPsi = 0;
        for (int k = 0; k < nodes; k++) {
            int off = k * m;
            maxPsi = Math.max(maxPsi, Math.abs(du[off]));
            for (int v = 1; v < m; v++) {
                double d = du[off + v];
                double c = u[off + v];
                // c > 0 and c + d ≤ 0 imply d < 0; a full step onto zero itself is damped too
                if (c > 0 && c + d <= 0 && kind[off + v] != EquationKind.INACTIVE) {
                    lambda = Math.min(lambda, 0.9 * c / -d);
                }
            }
        }
        if (maxPsi * lambda > NewtonSolver.MAX_POTENTIAL_STEP) {
            lambda = NewtonSolver.MAX_POTENTIAL_STEP / maxPsi;
        }
        return lambda;
    }

    /**
     * u += λ δ (a concentration that round-off puts below zero is set to 0); returns the scaled update norm
     * max(|δψ̂|, |δĉ| / max(|ĉ|, floor)).
     */
    static double apply(double[] u, double[] du, double lambda, int nodes, int m) {
        double norm = 0;
        for (int k = 0; k < nodes; k++) {
            int off = k * m;
            double d0 = lambda * du[off];
            u[off] += d0;
            norm = Math.max(norm, Math.abs(d0));
            for (int v = 1; v < m; v++) {
                double d = lambda * du[off + v];
                double c = u[off + v] + d;
                if (c < 0) {
                    c = 0;
                }
                norm = Math.max(norm, Math.abs(d) / Math.max(Math.abs(c), CONCENTRATION_FLOOR));
                u[off + v] = c;
            }
        }
        return norm;
    }

    /**
     * Whether an iteration ends the solve: "converged" for an undamped update with norm below {@code tol};
     * "converged to round-off" for an undamped update below {@link NewtonSolver#ROUNDOFF_ACCEPTANCE}·tol that is more
     * than a quarter of the previous undamped one (quadratic convergence has stalled at the round-off level of a
     * large mesh); else null.
     */
    static String acceptance(double lambda, double norm, double previousNorm, double tol) {
        if (lambda != 1.0) {
            return null;
        }
        if (norm < tol) {
            return "converged";
        }
        if (norm < NewtonSolver.ROUNDOFF_ACCEPTANCE * tol && norm > 0.25 * previousNorm) {
            return "converged to round-off";
        }
        return null;
    }

    /** Whether λ is below {@link NewtonSolver#MIN_DAMPING} (or NaN): the iteration is stuck. */
    static boolean stuck(double lambda) {
        return !(lambda >= NewtonSolver.MIN_DAMPING);
    }
}
