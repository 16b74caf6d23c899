package org.membranepnp.solver.fv;

import org.membranepnp.engine.analytic.Bernoulli;

/**
 * Current clamp: the total current through the middle cell of the membrane, ionic plus displacement,
 * Σ_i z_i F_i + (1/Γ) ∂_t[ε (ψ_L − ψ_R)/h] = I_clamp, fixes the potential of the inside electrode.
 *
 * <p>The discrete total current is the same through every cell (Gauss's law and the balance laws telescope),
 * so this equals the current entering at the electrode; evaluated at the membrane it is free of the cancellation
 * between large drift and diffusion terms of the finely meshed Debye layers, which would otherwise be amplified
 * by the small membrane conductance.
 */
public final class MembraneCurrentClamp implements GlobalConstraint {
    private final PnpModel1D model;
    private final int cell;
    private final int first;
    private final int last;
    private final double[] pumpGradient = new double[2];

    public MembraneCurrentClamp(PnpModel1D model) {
        this.model = model;
        this.cell = (model.mesh.membraneStartNode() + model.mesh.membraneEndNode()) / 2;
        // with a pump the current also depends on the face concentrations that set its rate
        this.first = model.pump != null ? model.mesh.membraneStartNode() : cell;
        this.last = model.pump != null ? model.mesh.membraneEndNode() : cell + 1;
    }

    @Override
    public String name() {
        return "membrane current = clamp current";
    }

    @Override
    public int variable() {
        return 0;
    }

    @Override
    public int rowNode() {
        return 0;
    }

    @Override
    public int first() {
        return first;
    }

    @Override
    public int last() {
        return last;
    }

    @Override
    public double residual(double[] u, double[] uOld, double invDt) {
        int m = model.m;
        int j = cell;
        double invH = 1.0 / model.h[j];
        double current = 0;
        for (int i = 0; i < model.s; i++) {
            double d = model.diffusivity[j * model.s + i];
            if (d == 0.0) {
                continue;
            }
            double a = model.z[i] * (u[(j + 1) * m] - u[j * m]);
            current += model.z[i] * d * invH
                    * (Bernoulli.value(a) * u[j * m + 1 + i] - Bernoulli.value(-a) * u[(j + 1) * m + 1 + i]);
        }
        if (invDt != 0.0) {
            double g = model.eps[j] * invH / model.scales.poissonFactor;
            double drop = u[j * m] - u[(j + 1) * m];
            double dropOld = uOld[j * m] - uOld[(j + 1) * m];
            current += g * (drop - dropOld) * invDt;
        }
        if (model.pump != null) {
            current += model.pump.netCharge() * model.pump.rate(u);
        }
        return current - model.clampCurrent;
    }

    @Override
    public void gradient(double[] u, double invDt, double[] out) {
        int m = model.m;
        int j = cell;
        java.util.Arrays.fill(out, 0.0);
        int o = (cell - first) * m; // offset of the middle cell's left node in out
        double invH = 1.0 / model.h[j];
        for (int i = 0; i < model.s; i++) {
            double d = model.diffusivity[j * model.s + i];
            if (d == 0.0) {
                continue;
            }
            int z = model.z[i];
            double coef = z * d * invH;
            double a = z * (u[(j + 1) * m] - u[j * m]);
            double cl = u[j * m + 1 + i];
            double cr = u[(j + 1) * m + 1 + i];
            out[o + 1 + i] += coef * Bernoulli.value(a);
            out[o + m + 1 + i] -= coef * Bernoulli.value(-a);
            double dA = coef * z * (Bernoulli.derivative(a) * cl + Bernoulli.derivative(-a) * cr);
            out[o] -= dA;
            out[o + m] += dA;
        }
        if (invDt != 0.0) {
            double g = model.eps[j] * invH / model.scales.poissonFactor * invDt;
            out[o] += g;
            out[o + m] -= g;
        }
        if (model.pump != null && model.pump.saturating()) {
            model.pump.gradient(u, pumpGradient);
            int base = first * m;
            out[model.pump.sodiumInIndex() - base] += model.pump.netCharge() * pumpGradient[0];
            out[model.pump.potassiumOutIndex() - base] += model.pump.netCharge() * pumpGradient[1];
        }
    }
}
