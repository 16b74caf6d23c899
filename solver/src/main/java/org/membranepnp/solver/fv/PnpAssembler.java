package org.membranepnp.solver.fv;

import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.mesh.ControlVolumeMesh;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Residual and analytic Jacobian of the discrete PNP equations of a {@link PnpModel}, on any
 * {@link ControlVolumeMesh}: the one assembler of every geometry.
 *
 * <p>Physics terms, VoronoiFVM style. Edge flux, per edge from node A to node B with transmissibility T: the
 * Scharfetter–Gummel flux F = T[B(a) ĉ_A − B(−a) ĉ_B], a = z(ψ_B − ψ_A), and the displacement flux T_ε(ψ_A − ψ_B).
 * Storage: V ĉ (implicit Euler). Charge: Γ Σ z V ĉ + σ. Node equations:
 * <pre>
 *   Poisson  Σ_edges T_ε(ψ_k − ψ_nb) − Γ Σ_i z_i V_ki ĉ_ki − σ_k = 0
 *   NP       V_ki (ĉ_ki − ĉ_ki^old)/Δt̂ + Σ_edges F_out − Σ_edges F_in = 0
 * </pre>
 * (the storage term only in a time step, 1/Δt̂ = 0 gives the steady equations), then the boundary rows: a fixed
 * value (reservoir, electrode) or an inactive unknown u = 0. Each edge flux leaves one node and enters the other, so
 * discrete conservation is exact. Two passes (edges, then nodes) write disjoint memory, so any partition gives
 * bit-identical results.
 */
public final class PnpAssembler {
    private final PnpModel model;
    private final WorkerPool pool;
    private final ScharfetterGummelFluxes fluxes;

    public PnpAssembler(PnpModel model, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.fluxes = new ScharfetterGummelFluxes(model.mesh.edgeCount() * model.s);
    }

    /**
     * Residual {@code r} and Jacobian (through {@code jac}'s slots) at state {@code u}.
     *
     * @param uOld  the previous time level (ignored when {@code invDt} is 0)
     * @param invDt 1/Δt̂, or 0 for the steady equations
     */
    public void assemble(double[] u, double[] uOld, double invDt, double[] r, BlockSlots jac) {
        evaluateFluxes(u);
        pool.forEachChunk(model.n, (from, to) -> {
            jac.clearRows(from, to);
            for (int k = from; k < to; k++) {
                node(u, uOld, invDt, r, jac, k);
            }
        });
    }

    /** The Scharfetter–Gummel fluxes of every edge at {@code u} (also for reporting currents). */
    public void evaluateFluxes(double[] u) {
        ControlVolumeMesh mesh = model.mesh;
        int s = model.s;
        int m = model.m;
        pool.forEachChunk(mesh.edgeCount(), (from, to) -> {
            for (int e = from; e < to; e++) {
                int a = mesh.edgeA(e) * m;
                int b = mesh.edgeB(e) * m;
                for (int q = 0; q < s; q++) {
                    fluxes.evaluate(e * s + q, model.edgeCoefficient(e, q), model.z[q], u[a], u[b], u[a + 1 + q],
                            u[b + 1 + q]);
                }
            }
        });
    }

    private void node(double[] u, double[] uOld, double invDt, double[] r, BlockSlots jac, int k) {
        ControlVolumeMesh mesh = model.mesh;
        int n = model.n;
        int s = model.s;
        int m = model.m;
        int off = k * m;
        double[] dArr = jac.array(k);
        int dOff = jac.offset(k);
        double psi = u[off];
        double rp = -model.fixedCharge(k);
        double gamma = model.scales.poissonFactor;
        for (int q = 0; q < s; q++) {
            double vq = gamma * model.z[q] * model.volume(k, q);
            rp -= vq * u[off + 1 + q];
            dArr[dOff + 1 + q] -= vq;
        }
        for (int q = 0; q < s; q++) {
            r[off + 1 + q] = 0.0;
            if (invDt != 0.0) {
                int col = 1 + q;
                double v = model.volume(k, q) * invDt;
                r[off + col] = v * (u[off + col] - uOld[off + col]);
                dArr[dOff + col * m + col] += v;
            }
        }
        for (int p = mesh.incidenceStart(k); p < mesh.incidenceStart(k + 1); p++) {
            int e = mesh.incidentEdge(p);
            boolean out = mesh.edgeA(e) == k;
            int nb = out ? mesh.edgeB(e) : mesh.edgeA(e);
            double[] nArr = jac.array(n + p);
            int nOff = jac.offset(n + p);
            // Poisson: displacement through the edge
            double g = model.edgePermittivity(e);
            rp += g * (psi - u[nb * m]);
            dArr[dOff] += g;
            nArr[nOff] -= g;
            // Nernst–Planck: the flux leaves node A and enters node B
            for (int q = 0; q < s; q++) {
                int c = e * s + q;
                int row = (1 + q) * m;
                int col = 1 + q;
                double dk = out ? fluxes.dLeft[c] : fluxes.dRight[c];
                double dn = out ? fluxes.dRight[c] : fluxes.dLeft[c];
                double dPsi = fluxes.dPsiRight[c];
                if (out) {
                    r[off + col] += fluxes.flux[c];
                    dArr[dOff + row + col] += dk;
                    nArr[nOff + row + col] += dn;
                    dArr[dOff + row] -= dPsi;
                    nArr[nOff + row] += dPsi;
                } else {
                    r[off + col] -= fluxes.flux[c];
                    dArr[dOff + row + col] -= dk;
                    nArr[nOff + row + col] -= dn;
                    dArr[dOff + row] -= dPsi;
                    nArr[nOff + row] += dPsi;
                }
            }
        }
        r[off] = rp;
        for (int v = 0; v < m; v++) {
            EquationKind kv = model.kind(off + v);
            if (kv == EquationKind.DIRICHLET) {
                r[off + v] = u[off + v] - model.dirichlet(off + v);
                jac.setIdentityRow(k, v, 1.0);
            } else if (kv == EquationKind.INACTIVE) {
                r[off + v] = u[off + v];
                jac.setIdentityRow(k, v, 1.0);
            }
        }
    }

    /** Flux of species q through edge e (from A to B) of the last evaluation (dimensionless). */
    public double edgeFlux(int e, int q) {
        return fluxes.flux[e * model.s + q];
    }

    /** Total flux of species q through {@code edges} (each oriented inside → outside), from the last evaluation. */
    public double speciesFlux(int[] edges, int q) {
        double sum = 0;
        for (int e : edges) {
            sum += fluxes.flux[e * model.s + q];
        }
        return sum;
    }

    /** The flux of species q through the part of {@code edges} that lies in pore {@code channel}. */
    public double channelFlux(int[] edges, int channel, int q) {
        double sum = 0;
        for (int e : edges) {
            double share = model.channelShare(e, channel, q);
            if (share != 0.0) {
                sum += share * fluxes.flux[e * model.s + q];
            }
        }
        return sum;
    }

    /**
     * Total outward current through {@code edges} (dimensionless), ionic plus, in a time step, displacement:
     * <pre>
     *   I = Σ_e [ Σ_i z_i F_i,e + T_ε,e ((ψ_A − ψ_B) − (ψ_A − ψ_B)^old) / (Γ Δt̂) ]
     * </pre>
     * the backward difference of the displacement flux, consistent with implicit Euler, so that the discrete Gauss law
     * and balance laws make it the same through every cut between the electrodes. The ionic part is that of the last
     * evaluation, which must have been at {@code u}.
     *
     * @param invDt 1/Δt̂, or 0 for the steady current (ionic only)
     */
    public double current(int[] edges, double[] u, double[] uOld, double invDt) {
        double current = 0;
        for (int q = 0; q < model.s; q++) {
            current += model.z[q] * speciesFlux(edges, q);
        }
        if (invDt != 0.0) {
            int m = model.m;
            double f = invDt / model.scales.poissonFactor;
            for (int e : edges) {
                int a = model.mesh.edgeA(e) * m;
                int b = model.mesh.edgeB(e) * m;
                current += model.edgePermittivity(e) * f * ((u[a] - u[b]) - (uOld[a] - uOld[b]));
            }
        }
        return current;
    }

    /**
     * The gradient ∂I/∂u of {@link #current} at the last evaluated state, into {@code out} (length of the state; all
     * other entries are zeroed).
     */
    public void currentGradient(int[] edges, double invDt, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        int s = model.s;
        int m = model.m;
        double f = invDt / model.scales.poissonFactor;
        for (int e : edges) {
            int a = model.mesh.edgeA(e) * m;
            int b = model.mesh.edgeB(e) * m;
            for (int q = 0; q < s; q++) {
                int c = e * s + q;
                int zq = model.z[q];
                out[a + 1 + q] += zq * fluxes.dLeft[c];
                out[b + 1 + q] += zq * fluxes.dRight[c];
                out[a] -= zq * fluxes.dPsiRight[c];
                out[b] += zq * fluxes.dPsiRight[c];
            }
            double g = model.edgePermittivity(e) * f;
            out[a] += g;
            out[b] -= g;
        }
    }
}
