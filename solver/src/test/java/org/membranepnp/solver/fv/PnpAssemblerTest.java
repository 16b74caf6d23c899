package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.mesh.HandMeshes;
import org.membranepnp.solver.mesh.Material;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The assembler on a chain against independent computations: edge fluxes against the Scharfetter–Gummel formula
 * with transmissibilities from the scenario (D/h in water, P·d/h in the lipid); the steady rows of species
 * compartments that end at a wall as partial sums of the balance laws from the wall (pump sources included); the
 * current clamp's equation (membrane current + pump current − clamp current) and its gradient with a divalent ion.
 */
class PnpAssemblerTest {

    /** A calcium slab between reservoirs (divalent permeant ion, charged faces) under a current clamp. */
    private static Scenario calciumClamped(double currentAPerM2) {
        return ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 0.1, 2, 310, -0.01, 0.02)
                .withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT,
                        currentAPerM2, 0));
    }

    /** T of the chain's edge k → k + 1 for species q from the scenario: D_q/D_max/ĥ in water, P_q d/D_max/ĥ in lipid. */
    private static double transmissibility(PnpModel model, int k, int q) {
        double h = model.scales.lengthFromNm(model.mesh.xNm(k + 1) - model.mesh.xNm(k));
        double dMax = model.scales.diffusionM2PerS;
        Membrane mem = model.scenario.membrane();
        boolean lipid = k >= model.membraneStart && k < model.membraneEnd;
        double d = lipid ? mem.permeabilityMPerS(q) * mem.thicknessNm() * 1e-9
                : model.scenario.species().get(q).diffusionM2PerS();
        return d / dMax / h;
    }

    private static double handFlux(PnpModel model, double[] u, int k, int q) {
        int m = model.m;
        return Chains.sgFlux(transmissibility(model, k, q), model.z[q], u[k * m], u[(k + 1) * m], u[k * m + 1 + q],
                u[(k + 1) * m + 1 + q]);
    }

    /**
     * After {@code evaluateFluxes}, every edge's flux is T[B(a) ĉ_A − B(−a) ĉ_B], a = z(ψ_B − ψ_A), to 1e-12 of
     * the size of its terms; in the lipid T = P d/(D_max ĥ) (the water-equivalent ĉ carries the partitioning).
     */
    @Test
    void edgeFluxesAreTheScharfetterGummelFormula() {
        for (Scenario s : new Scenario[] {ReferenceScenarios.neuronRest(), calciumClamped(0)}) {
            PnpModel model = Chains.model(s);
            double[] u = Chains.distinctState(model, 31);
            PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
            asm.evaluateFluxes(u);
            int m = model.m;
            int checked = 0;
            for (int k = 0; k < model.n - 1; k++) {
                int e = Chains.chainEdge(model, k);
                assertEquals(Material.LIPID == model.mesh.material(e), k >= model.membraneStart
                        && k < model.membraneEnd, "edge " + e + " of the chain is cell " + k);
                for (int q = 0; q < model.s; q++) {
                    double expected = handFlux(model, u, k, q);
                    double a = Math.abs(model.z[q] * (u[(k + 1) * m] - u[k * m]));
                    double size = transmissibility(model, k, q) * (1 + a)
                            * (Math.abs(u[k * m + 1 + q]) + Math.abs(u[(k + 1) * m + 1 + q]));
                    assertEquals(expected, asm.speciesFlux(new int[] {e}, q), 1e-12 * size,
                            s.title() + " edge " + k + " species " + q);
                    checked += expected != 0 ? 1 : 0;
                }
            }
            assertTrue(checked > model.n, "most fluxes are nonzero: " + checked);
        }
    }

    /**
     * On a chain, the steady row (k, q) of a species compartment [start, end] that ends at a wall is a partial sum of
     * its balance laws from the wall: with a wall at the start, rows start … end − 1 are Σ_{j = start … k} of the
     * balance laws, which telescopes to the flux through the edge k → k + 1 (plus the pump's sources of nodes
     * start … k); with a wall only at the end, rows start + 1 … end are Σ_{j = k … end}, −(the flux through
     * k − 1 → k) plus the sources of nodes k … end. Checked three ways for the pumped neuron with every kind of
     * compartment end, a divalent ion in a closed box, an inside-out neuron (the impermeant anion outside only) and
     * Na⁺ sealed in by one- and two-cell membranes on hand chains:
     * <ul>
     *   <li>{@link PnpModel#steadyFluxEdge} names the edge predicted from the compartments (or −1);</li>
     *   <li>each such row equals the sum of the balance laws of a time step at u = u_old (storage 0), to 1e-12 of
     *       the size of the summed terms; every other row equals its time-step row exactly;</li>
     *   <li>each such row equals ±(the hand Scharfetter–Gummel flux of its edge) + the pump's partial sum, to 1e-11
     *       of the size of these few terms (a flux through the lipid keeps its digits).</li>
     * </ul>
     */
    @Test
    void steadyRowsArePartialSumsOfTheBalanceLawsFromTheWall() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        Scenario walls = ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 1e-4, 2, 310.15, -0.02, 0)
                .withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.WALL, ClampKind.CURRENT, 0, 0));
        NaKPump pump = new NaKPump(1e13, true, 15, 100, "Na", "K");
        Scenario[] cases = {
            neuron.withPump(pump),
            Chains.bounded(neuron, BoundaryKind.RESERVOIR, BoundaryKind.WALL).withPump(pump),
            Chains.bounded(neuron, BoundaryKind.WALL, BoundaryKind.RESERVOIR).withPump(pump),
            Chains.bounded(neuron, BoundaryKind.WALL, BoundaryKind.WALL).withPump(pump),
            Chains.bounded(Chains.sodiumImpermeant(), BoundaryKind.RESERVOIR, BoundaryKind.WALL).withPump(pump),
            walls};
        List<PnpModel> models = new ArrayList<>();
        for (Scenario s : cases) {
            models.add(Chains.model(s));
        }
        // an inside-out neuron: the impermeant anion only outside, a compartment that starts past the membrane
        Scenario insideOut = Chains.insideOut(neuron);
        models.add(Chains.model(Chains.bounded(insideOut, BoundaryKind.RESERVOIR, BoundaryKind.WALL)));
        models.add(Chains.model(Chains.bounded(insideOut, BoundaryKind.WALL, BoundaryKind.RESERVOIR)));
        // hand chains: Na⁺ impermeant on both sides of a one-cell membrane (its faces' nodes are neighbours) and of a
        // two-cell membrane whose inside face is node 1 (compartments that start within the first m nodes), and the
        // inside-out neuron on the latter (the anion's compartment starts at node 3, right after its inactive nodes)
        Scenario naSealed = Chains.bounded(Chains.sodiumImpermeant(), BoundaryKind.RESERVOIR, BoundaryKind.WALL);
        double[] twoCells = {0, 3, 5.5, 8, 12, 14};
        models.add(Chains.model(naSealed, HandMeshes.of(new double[] {0, 3, 6, 11, 14, 18}, 2, 3)));
        models.add(Chains.model(naSealed, HandMeshes.of(twoCells, 1, 3)));
        models.add(Chains.model(Chains.bounded(insideOut, BoundaryKind.RESERVOIR, BoundaryKind.WALL),
                HandMeshes.of(twoCells, 1, 3)));
        models.add(Chains.model(Chains.bounded(Chains.sodiumImpermeant(), BoundaryKind.WALL, BoundaryKind.WALL),
                HandMeshes.of(new double[] {0, 3, 6, 11, 14, 18}, 2, 3)));
        int[] seen = new int[3];
        for (PnpModel model : models) {
            Scenario s = model.scenario;
            int m = model.m;
            double[] u = Chains.distinctState(model, 41);
            double[] steady = Chains.residual(model, u, u, 0.0);
            double[] balance = Chains.residual(model, u, u, 1.0);
            double[] pumpSource = Chains.pumpSources(model, u);
            boolean[] amountRow = new boolean[u.length];
            for (ClosedAmount a : model.closedAmounts()) {
                amountRow[a.row(m)] = true;
            }
            for (int q = 0; q < model.s; q++) {
                for (int k = 0; k < model.n; k++) {
                    int row = k * m + 1 + q;
                    String where = s.title() + " " + s.boundary() + ": node " + k + " species " + q;
                    int predicted = -1;
                    int from = k;
                    int to = k;
                    double sign = 1;
                    if (model.kind(row) == EquationKind.BALANCE && !amountRow[row]) {
                        int[] c = Chains.compartment(model, k, q);
                        boolean openStart = model.kind(c[0] * m + 1 + q) == EquationKind.DIRICHLET;
                        boolean openEnd = model.kind(c[1] * m + 1 + q) == EquationKind.DIRICHLET;
                        if (!openStart && k < c[1]) {
                            predicted = Chains.chainEdge(model, k);
                            from = c[0];
                        } else if (openStart && !openEnd && k > c[0]) {
                            predicted = Chains.chainEdge(model, k - 1);
                            to = c[1];
                            sign = -1;
                        }
                    }
                    assertEquals(predicted, model.steadyFluxEdge(row), where);
                    if (predicted < 0) {
                        assertEquals(balance[row], steady[row], 0.0, where + ": the time-step row at u = u_old");
                        seen[0]++;
                        continue;
                    }
                    seen[sign > 0 ? 1 : 2]++;
                    double sum = 0;
                    double size = 0;
                    double pumpSum = 0;
                    for (int j = from; j <= to; j++) {
                        sum += balance[j * m + 1 + q];
                        pumpSum += pumpSource[j * m + 1 + q];
                        size += Math.abs(balance[j * m + 1 + q]) + Math.abs(pumpSource[j * m + 1 + q]);
                        if (j > 0) {
                            size += Math.abs(handFlux(model, u, j - 1, q));
                        }
                        if (j < model.n - 1) {
                            size += Math.abs(handFlux(model, u, j, q));
                        }
                    }
                    assertEquals(sum, steady[row], 1e-12 * size, where + ": the balance laws summed from the wall");
                    double flux = sign * handFlux(model, u, sign > 0 ? k : k - 1, q);
                    double few = Math.abs(flux) + Math.abs(pumpSum) + 1e-300;
                    assertEquals(flux + pumpSum, steady[row], 1e-11 * few, where + ": one flux and the pump");
                }
            }
        }
        assertTrue(seen[1] > 200 && seen[2] > 200, "partial sums from the left " + seen[1] + ", from the right "
                + seen[2] + ", other rows " + seen[0]);
    }

    /**
     * The clamp's equation at a state u: the outward current through the middle of the membrane, Σ z_i F_i from the
     * SG formula, plus the pump's F·J at the face concentrations, plus in a time step the displacement current
     * (ε/ĥ)((ψ_A − ψ_B) − (ψ_A − ψ_B)_old)/(Γ Δt̂), minus the clamp current I/(F c₀ D_max/L₀) times the (unit) membrane
     * area; here 2 mA/m² with a divalent permeant ion, and the pumped neuron. To 1e-10 of the terms' size.
     */
    @Test
    void clampEquationIsTheMembraneCurrentMinusTheClampCurrent() {
        Boundary clamp = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 2e-3, 0);
        for (Scenario s : new Scenario[] {calciumClamped(2e-3),
                ReferenceScenarios.neuronRest().withBoundary(clamp).withPump(ReferenceScenarios.pump(1e-3, true))}) {
            PnpModel model = Chains.model(s);
            assertTrue(model.currentClamped() && model.clampCarriesCurrent());
            double[] u = Chains.distinctState(model, 91);
            double[] uOld = Chains.distinctState(model, 92);
            int m = model.m;
            int j = model.midMembraneColumn();
            int[] edges = model.columnEdges(j);
            assertEquals(1, edges.length);
            assertEquals(j, model.mesh.edgeA(edges[0]));
            double ionic = 0;
            double size = 0;
            for (int i = 0; i < model.s; i++) {
                double f = handFlux(model, u, j, i);
                ionic += model.z[i] * f;
                size += Math.abs(model.z[i]) * transmissibility(model, j, i)
                        * (Math.abs(u[j * m + 1 + i]) + Math.abs(u[(j + 1) * m + 1 + i])) * 10;
            }
            double pump = Chains.pumpSources(model, u)[model.membraneStart * m + 1 + s.speciesIndex("Na")] / 3;
            double fluxScale = model.scales.concentrationMolPerM3 * model.scales.diffusionM2PerS / model.scales.lengthM;
            double iClamp = 2e-3 / (PhysicalConstants.FARADAY_C_PER_MOL * fluxScale);
            double steady = ionic + pump - iClamp;
            for (double invDt : new double[] {0.0, 2.5}) {
                PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
                asm.assemble(u, uOld, invDt, new double[u.length], BlockSlots.sparse(model.mesh, m));
                double equation = asm.current(edges, u, uOld, invDt) + asm.pumpCurrent()
                        - model.clampCurrent() * model.membraneArea;
                double h = model.scales.lengthFromNm(model.mesh.xNm(j + 1) - model.mesh.xNm(j));
                double gamma = PhysicalConstants.FARADAY_C_PER_MOL * model.scales.concentrationMolPerM3
                        * model.scales.lengthM * model.scales.lengthM
                        / (PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * model.scales.thermalVoltageV);
                double dropRate = ((u[j * m] - u[(j + 1) * m]) - (uOld[j * m] - uOld[(j + 1) * m])) * invDt;
                double displacement = s.membrane().permittivity() / h / gamma * dropRate;
                assertEquals(steady + displacement, equation,
                        1e-10 * (size + Math.abs(iClamp) + Math.abs(pump) + Math.abs(displacement)),
                        s.title() + " invDt " + invDt);
                if (invDt == 0.0) {
                    assertTrue(Math.abs(pump) > 1e-12 || !s.pump().present(), "the pump runs");
                }
            }
        }
    }

    /**
     * ∂(I + I_pump)/∂u from {@code currentGradient} and {@code addPumpCurrentGradient} against central differences
     * of the current (steady and a time step; a divalent ion puts z² in ∂/∂ψ), to 1e-6 of the largest entry.
     */
    @Test
    void clampGradientWithADivalentIonMatchesFiniteDifferences() {
        Boundary clamp = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 1e-3, 0);
        for (Scenario s : new Scenario[] {calciumClamped(1e-3),
                ReferenceScenarios.neuronRest().withBoundary(clamp).withPump(new NaKPump(1e13, true, 15, 100, "Na",
                        "K"))}) {
            PnpModel model = Chains.model(s);
            double[] u = Chains.distinctState(model, 93);
            double[] uOld = Chains.distinctState(model, 94);
            int[] edges = model.midMembraneEdges();
            PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
            double[] r = new double[u.length];
            for (double invDt : new double[] {0.0, 2.0}) {
                asm.assemble(u, uOld, invDt, r, BlockSlots.sparse(model.mesh, model.m));
                double[] g = new double[u.length];
                asm.currentGradient(edges, invDt, g);
                asm.addPumpCurrentGradient(g);
                double max = 0;
                for (double v : g) {
                    max = Math.max(max, Math.abs(v));
                }
                assertTrue(max > 0, "the current depends on the state");
                int nonzero = 0;
                for (int idx = 0; idx < u.length; idx++) {
                    double keep = u[idx];
                    double h = 1e-6 * Math.max(1, Math.abs(keep));
                    u[idx] = keep + h;
                    asm.assemble(u, uOld, invDt, r, BlockSlots.sparse(model.mesh, model.m));
                    double p = asm.current(edges, u, uOld, invDt) + asm.pumpCurrent();
                    u[idx] = keep - h;
                    asm.assemble(u, uOld, invDt, r, BlockSlots.sparse(model.mesh, model.m));
                    double q = asm.current(edges, u, uOld, invDt) + asm.pumpCurrent();
                    u[idx] = keep;
                    double fd = (p - q) / (2 * h);
                    nonzero += g[idx] != 0 ? 1 : 0;
                    assertEquals(fd, g[idx], 1e-6 * max, s.title() + " entry " + idx + " invDt " + invDt);
                }
                int expected = 2 * model.m + (s.pump().present() ? 2 : 0);
                assertTrue(nonzero >= expected - 2, "entries of the gradient: " + nonzero);
            }
        }
    }
}
