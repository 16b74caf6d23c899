package org.membranepnp.solver.fv;

import org.membranepnp.engine.model.NaKPump;
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
 *
 * <p>Global couplings, evaluated serially after the node pass: the Na⁺/K⁺ pump at each site p (inside-face node i,
 * outside-face node o, lipid area A_p) adds A_p J(ĉ_Na,i, ĉ_K,o) times its stoichiometry to the balance laws
 * (+3 Na⁺ at i, −3 at o, +2 K⁺ at o, −2 at i, as sinks), and each closed compartment's amount Σ V ĉ − N replaces the
 * balance law of its row node. The slots receive what couples neighbours (the pump's derivatives on its own node's
 * rows; identity rows for the amounts); the rest of the Jacobian, G, is applied by {@link #multiplyGlobal}, so that
 * Newton solves with J = T + G.
 */
public final class PnpAssembler {
    private final PnpModel model;
    private final WorkerPool pool;
    private final ScharfetterGummelFluxes fluxes;
    private final NaKPump pump;
    /** Per pump site: A_p J, and A_p ∂J/∂ĉ_Na,i, A_p ∂J/∂ĉ_K,o of the last assembly. */
    private final double[] pumpFlux;
    private final double[] pumpDSodium;
    private final double[] pumpDPotassium;
    /** The rows whose balance law a closed compartment's amount replaces. */
    private final boolean[] amountRow;
    /** The pump's entries in a time step's equations and in the steady ones; those of the last assembly. */
    private final PumpEntries stepPump;
    private final PumpEntries steadyPump;
    private PumpEntries pumpNow;

    public PnpAssembler(PnpModel model, WorkerPool pool) {
        this.model = model;
        this.pool = pool;
        this.fluxes = new ScharfetterGummelFluxes(model.mesh.edgeCount() * model.s);
        this.pump = model.scenario.pump();
        this.pumpFlux = new double[model.pumpSites()];
        this.pumpDSodium = new double[model.pumpSites()];
        this.pumpDPotassium = new double[model.pumpSites()];
        this.amountRow = new boolean[model.n * model.m];
        for (ClosedAmount a : model.closedAmounts()) {
            amountRow[a.row(model.m)] = true;
        }
        this.stepPump = pumpEntries(false);
        this.steadyPump = pumpEntries(true);
    }

    /**
     * Where the pump enters the equations: (row, site, stoichiometric weight) triples. In a time step (and in any
     * balance law) each site's four rows with their stoichiometry; in the steady equations of a chain, a row that is
     * a partial flux sum from a wall ({@link PnpModel#steadyFluxEdge}) carries the sources of every node on its wall
     * side.
     */
    private PumpEntries pumpEntries(boolean steady) {
        int m = model.m;
        java.util.List<double[]> list = new java.util.ArrayList<>();
        for (int p = 0; p < model.pumpSites(); p++) {
            int in = model.pumpInsideNode(p);
            int out = model.pumpOutsideNode(p);
            int[] nodes = {in, in, out, out};
            int[] vars = {1 + model.pumpSodium(), 1 + model.pumpPotassium(), 1 + model.pumpSodium(),
                    1 + model.pumpPotassium()};
            for (int q = 0; q < 4; q++) {
                int row = nodes[q] * m + vars[q];
                boolean fluxRow = steady && model.steadyFluxEdge(row) >= 0;
                if (!fluxRow && model.kind(row) == EquationKind.BALANCE && !amountRow[row]) {
                    list.add(new double[] {row, p, PUMP_WEIGHT[q]});
                }
                if (!steady) {
                    continue;
                }
                // partial sums from a wall on the left (rows to the right of the node) or on the right (to its left)
                for (int k = nodes[q]; k < model.n && fluxEdgeFrom(k * m + vars[q], k); k++) {
                    list.add(new double[] {k * m + vars[q], p, PUMP_WEIGHT[q]});
                }
                for (int k = nodes[q]; k >= 0 && fluxEdgeTo(k * m + vars[q], k); k--) {
                    list.add(new double[] {k * m + vars[q], p, PUMP_WEIGHT[q]});
                }
            }
        }
        PumpEntries e = new PumpEntries(new int[list.size()], new int[list.size()], new double[list.size()]);
        for (int i = 0; i < list.size(); i++) {
            e.row[i] = (int) list.get(i)[0];
            e.site[i] = (int) list.get(i)[1];
            e.weight[i] = list.get(i)[2];
        }
        return e;
    }

    /** Whether row {@code index} of node k is the flux through the edge leaving k (a partial sum from the left). */
    private boolean fluxEdgeFrom(int index, int k) {
        int e = model.steadyFluxEdge(index);
        return e >= 0 && model.mesh.edgeA(e) == k;
    }

    /** Whether row {@code index} of node k is the flux through the edge entering k (a partial sum from the right). */
    private boolean fluxEdgeTo(int index, int k) {
        int e = model.steadyFluxEdge(index);
        return e >= 0 && model.mesh.edgeB(e) == k;
    }

    /** The pump's entries in the equations: row, site and weight of each. */
    private record PumpEntries(int[] row, int[] site, double[] weight) {
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
        pumpNow = invDt == 0.0 ? steadyPump : stepPump;
        addPump(u, r, jac);
        int m = model.m;
        for (int c = 0; c < model.closedAmounts().size(); c++) {
            ClosedAmount a = model.closedAmounts().get(c);
            r[a.row(m)] = a.amount(u, m) - model.closedTarget(c);
            jac.setIdentityRow(a.rowNode(), 1 + a.species(), 1.0);
        }
    }

    /** Stoichiometry of the pump on the rows (inside Na, inside K, outside Na, outside K): sinks positive. */
    private static final double[] PUMP_WEIGHT = {NaKPump.SODIUM_PER_CYCLE, -NaKPump.POTASSIUM_PER_CYCLE,
            -NaKPump.SODIUM_PER_CYCLE, NaKPump.POTASSIUM_PER_CYCLE};

    private void addPump(double[] u, double[] r, BlockSlots jac) {
        int sites = model.pumpSites();
        if (sites == 0) {
            return;
        }
        int m = model.m;
        int na = 1 + model.pumpSodium();
        int k = 1 + model.pumpPotassium();
        double c0 = model.scales.concentrationMolPerM3;
        double flux = model.scales.fluxMolPerM2S();
        double kmNa = pump.kmNaInMm() / c0;
        double kmK = pump.kmKOutMm() / c0;
        for (int p = 0; p < sites; p++) {
            int in = model.pumpInsideNode(p);
            int out = model.pumpOutsideNode(p);
            double cNa = u[in * m + na];
            double cK = u[out * m + k];
            double area = model.pumpArea(p);
            double j = area * pump.cycleFluxMolPerM2S(cNa * c0, cK * c0) / flux;
            pumpFlux[p] = j;
            // J ∝ (k/(k + K_K))² (na/(na + K_Na))³: ∂ ln J/∂na = 3 K_Na/(na (na + K_Na)), likewise for k
            boolean varies = pump.saturating() && j > 0;
            pumpDSodium[p] = varies ? j * 3.0 * kmNa / (cNa * (cNa + kmNa)) : 0.0;
            pumpDPotassium[p] = varies ? j * 2.0 * kmK / (cK * (cK + kmK)) : 0.0;
        }
        for (int i = 0; i < pumpNow.row.length; i++) {
            int row = pumpNow.row[i];
            int p = pumpNow.site[i];
            double w = pumpNow.weight[i];
            r[row] += w * pumpFlux[p];
            // the derivatives by a concentration at the row's own node lie in its diagonal block
            int node = row / m;
            int v = row % m;
            if (node == model.pumpInsideNode(p)) {
                jac.array(node)[jac.offset(node) + v * m + na] += w * pumpDSodium[p];
            }
            if (node == model.pumpOutsideNode(p)) {
                jac.array(node)[jac.offset(node) + v * m + k] += w * pumpDPotassium[p];
            }
        }
    }

    /**
     * y ← y + G x: the part of the Jacobian that the slots do not hold, at the last assembled state. The pump's
     * derivatives across the membrane (rows at one face by the concentration at the other), and on each closed
     * compartment's row its amount's gradient minus the identity row the slots hold.
     */
    public void multiplyGlobal(double[] x, double[] y) {
        int m = model.m;
        int na = 1 + model.pumpSodium();
        int k = 1 + model.pumpPotassium();
        if (pumpNow != null) {
            for (int i = 0; i < pumpNow.row.length; i++) {
                int row = pumpNow.row[i];
                int p = pumpNow.site[i];
                int node = row / m;
                int in = model.pumpInsideNode(p);
                int out = model.pumpOutsideNode(p);
                double w = pumpNow.weight[i];
                if (node != in) {
                    y[row] += w * pumpDSodium[p] * x[in * m + na];
                }
                if (node != out) {
                    y[row] += w * pumpDPotassium[p] * x[out * m + k];
                }
            }
        }
        for (ClosedAmount a : model.closedAmounts()) {
            int row = a.row(m);
            double sum = -x[row];
            for (int p = 0; p < a.nodes().length; p++) {
                sum += a.volumes()[p] * x[a.nodes()[p] * m + 1 + a.species()];
            }
            y[row] += sum;
        }
    }

    /** The pump's net outward current Σ_p (3 z_Na − 2 z_K) A_p J_p of the last assembly (dimensionless). */
    public double pumpCurrent() {
        if (model.pumpSites() == 0) {
            return 0.0;
        }
        int net = NaKPump.SODIUM_PER_CYCLE * model.z[model.pumpSodium()]
                - NaKPump.POTASSIUM_PER_CYCLE * model.z[model.pumpPotassium()];
        double sum = 0;
        for (double j : pumpFlux) {
            sum += j;
        }
        return net * sum;
    }

    /** Adds ∂(pump current)/∂u of the last assembly to {@code out}. */
    public void addPumpCurrentGradient(double[] out) {
        if (model.pumpSites() == 0) {
            return;
        }
        int m = model.m;
        int net = NaKPump.SODIUM_PER_CYCLE * model.z[model.pumpSodium()]
                - NaKPump.POTASSIUM_PER_CYCLE * model.z[model.pumpPotassium()];
        for (int p = 0; p < model.pumpSites(); p++) {
            out[model.pumpInsideNode(p) * m + 1 + model.pumpSodium()] += net * pumpDSodium[p];
            out[model.pumpOutsideNode(p) * m + 1 + model.pumpPotassium()] += net * pumpDPotassium[p];
        }
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
                if (invDt == 0.0) {
                    int f = model.steadyFluxEdge(off + 1 + q);
                    if (f >= 0 && f != e) {
                        continue; // a steady partial flux sum: the flux through its one edge
                    }
                }
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
