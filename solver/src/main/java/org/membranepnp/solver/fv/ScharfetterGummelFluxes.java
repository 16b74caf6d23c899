package org.membranepnp.solver.fv;

import org.membranepnp.engine.analytic.Bernoulli;

/**
 * Scharfetter–Gummel fluxes of the edges (1-D cells, 2-D edges) of a mesh and their derivatives, stored per
 * edge and species: F = T[B(a) ĉ_L − B(−a) ĉ_R] from node L to node R, a = z(ψ_R − ψ_L), T the edge's
 * transmissibility (D/h in 1-D). Arrays are allocated once; each edge writes only its own entries.
 */
final class ScharfetterGummelFluxes {
    /** F per [edge·s + species]. */
    final double[] flux;
    /** ∂F/∂ĉ_L. */
    final double[] dLeft;
    /** ∂F/∂ĉ_R. */
    final double[] dRight;
    /** ∂F/∂ψ_R (= −∂F/∂ψ_L). */
    final double[] dPsiRight;

    ScharfetterGummelFluxes(int size) {
        flux = new double[size];
        dLeft = new double[size];
        dRight = new double[size];
        dPsiRight = new double[size];
    }

    /**
     * Evaluates entry {@code c}: one exponential gives B and B' at |a|, the other sign follows from
     * B(−x) = x + B(x) and B'(−x) = −1 − B'(x).
     */
    void evaluate(int c, double t, int z, double psiL, double psiR, double cl, double cr) {
        if (t == 0.0) {
            flux[c] = 0;
            dLeft[c] = 0;
            dRight[c] = 0;
            dPsiRight[c] = 0;
            return;
        }
        double a = z * (psiR - psiL);
        double abs = Math.abs(a);
        double bAbs = Bernoulli.value(abs);
        double dAbs = Bernoulli.derivativeOfNonNegative(abs, bAbs);
        double bp;
        double bm;
        double dp;
        double dm;
        if (a >= 0) {
            bp = bAbs;
            bm = bAbs + abs;
            dp = dAbs;
            dm = -1.0 - dAbs;
        } else {
            bm = bAbs;
            bp = bAbs + abs;
            dm = dAbs;
            dp = -1.0 - dAbs;
        }
        flux[c] = t * (bp * cl - bm * cr);
        dLeft[c] = t * bp;
        dRight[c] = -t * bm;
        dPsiRight[c] = z * t * (dp * cl + dm * cr);
    }
}
