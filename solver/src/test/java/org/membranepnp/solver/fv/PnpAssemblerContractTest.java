package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The 1-D assembler against independent computations: cell fluxes against the Scharfetter–Gummel formula, the steady
 * rows as the scaled partial sums of the balance laws (pump sources included), the pump's column against its
 * stoichiometry and the whole Jacobian with the pump against finite differences, and the open-flux equations.
 */
class PnpAssemblerContractTest {

    private static PnpModel1D model(Scenario s) {
        return NaKPumpTermTest.model(s);
    }

    private static Scenario bounded(Scenario s, BoundaryKind in, BoundaryKind out) {
        return s.withBoundary(new Boundary(in, out, ClampKind.CURRENT, 0, 0));
    }

    /** The resting neuron with a membrane impermeable to Na⁺ (P_Na = 0). */
    private static Scenario sodiumOnlyPumped() {
        double p = ReferenceScenarios.P_K_CM_S;
        return ReferenceScenarios.neuronRest().withMembrane(ReferenceScenarios.membrane(p, 0, 0.45 * p, 0));
    }

    /** Bernoulli function x/(eˣ − 1), computed here independently of the engine. */
    private static double bernoulli(double x) {
        return x == 0 ? 1.0 : x / Math.expm1(x);
    }

    /** SG flux of species i through cell j from the model's D, h, z and the state. */
    private static double sgFlux(PnpModel1D model, double[] u, int j, int i) {
        int m = model.m;
        double a = model.z[i] * (u[(j + 1) * m] - u[j * m]);
        return model.diffusivity[j * model.s + i] / model.h[j]
                * (bernoulli(a) * u[j * m + 1 + i] - bernoulli(-a) * u[(j + 1) * m + 1 + i]);
    }

    private static double[] residual(PnpAssembler1D asm, PnpModel1D model, double[] u, double[] uOld, double invDt,
                                     List<GlobalConstraint> constraints) {
        double[] r = new double[u.length];
        asm.assemble(u, uOld, invDt, constraints, r, new BlockTridiagonalMatrix(model.n, model.m));
        return r;
    }

    /** After {@code evaluateFluxes}, every cell's flux is D/h [B(a) ĉ_L − B(−a) ĉ_R], a = z(ψ_R − ψ_L). */
    @Test
    void cellFluxesAreTheScharfetterGummelFormula() {
        for (Scenario s : new Scenario[]{ReferenceScenarios.neuronRest(),
                ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 0.1, 2, 310, -0.01, 0.02)}) {
            PnpModel1D model = model(s);
            double[] u = NaKPumpTermTest.distinctState(model, 31);
            PnpAssembler1D asm = new PnpAssembler1D(model);
            asm.evaluateFluxes(u);
            int checked = 0;
            for (int j = 0; j < model.n - 1; j++) {
                for (int i = 0; i < model.s; i++) {
                    double expected = sgFlux(model, u, j, i);
                    int m = model.m;
                    double scale = model.diffusivity[j * model.s + i] / model.h[j]
                            * (Math.abs(u[j * m + 1 + i]) + Math.abs(u[(j + 1) * m + 1 + i])) * 10;
                    assertEquals(expected, asm.cellFlux(j, i), 1e-12 * scale, s.title() + " cell " + j + " species " + i);
                    checked += expected != 0 ? 1 : 0;
                }
            }
            assertTrue(checked > model.n, "most fluxes are nonzero");
        }
    }

    /** The pumped neuron with every kind of compartment end (open, wall on either side, walls), then {@code more}. */
    private static Scenario[] pumpedCompartments(Scenario... more) {
        Scenario neuron = ReferenceScenarios.neuronRest();
        List<Scenario> all = new ArrayList<>(List.of(
                neuron.withPump(ReferenceScenarios.pump(5e-3, true)),
                bounded(neuron, BoundaryKind.RESERVOIR, BoundaryKind.WALL).withPump(ReferenceScenarios.pump(5e-3, true)),
                bounded(neuron, BoundaryKind.WALL, BoundaryKind.RESERVOIR).withPump(ReferenceScenarios.pump(5e-3, false)),
                bounded(neuron, BoundaryKind.WALL, BoundaryKind.WALL).withPump(ReferenceScenarios.pump(5e-3, true))));
        all.addAll(List.of(more));
        return all.toArray(new Scenario[0]);
    }

    /**
     * Steady rows are the balance laws summed from the compartment's wall and scaled by h/D of their cell (with the
     * first cell's flux replaced by J in an open compartment); the pump's sources enter these sums like any other.
     * Compared here with the balance rows of a time step at u = u_old, for every kind of compartment end.
     */
    @Test
    void steadyRowsAreScaledPartialSumsOfTheBalanceLaws() {
        Scenario[] cases = pumpedCompartments(
            bounded(sodiumOnlyPumped(), BoundaryKind.RESERVOIR, BoundaryKind.WALL)
                    .withPump(ReferenceScenarios.pump(5e-3, true)));
        for (Scenario s : cases) {
            PnpModel1D model = model(s);
            int m = model.m;
            int sp = model.s;
            double[] u = NaKPumpTermTest.distinctState(model, 41);
            PnpAssembler1D asm = new PnpAssembler1D(model);
            for (int j = 0; j < model.openFluxes.size(); j++) {
                asm.steadyFlux[j] = 0.3 + j;
            }
            double[] steady = residual(asm, model, u, u, 0.0, List.of());
            double[] balance = residual(new PnpAssembler1D(model), model, u, u, 1.0, List.of());
            int[] seen = new int[3];
            for (int i = 0; i < sp; i++) {
                for (int k = 0; k < model.n; k++) {
                    int row = k * m + 1 + i;
                    if (model.kind[row] != EquationKind.BALANCE) {
                        assertEquals(balance[row], steady[row], 0.0, "fixed row " + row);
                        continue;
                    }
                    SteadyRow form = model.steadyRow[k * sp + i];
                    double sum = 0;
                    double size = 0;
                    double scale = 1;
                    if (form == SteadyRow.FLUX_RIGHT) {
                        int k0 = k;
                        while (k0 > 0 && model.steadyRow[(k0 - 1) * sp + i] == SteadyRow.FLUX_RIGHT) {
                            k0--;
                        }
                        for (int q = k0; q <= k; q++) {
                            sum += balance[q * m + 1 + i];
                            size += Math.abs(balance[q * m + 1 + i]);
                        }
                        int open = model.openFluxOf[k * sp + i];
                        if (open >= 0) {
                            double f = sgFlux(model, u, k0 - 1, i);
                            sum += f - asm.steadyFlux[open];
                            size += Math.abs(f) + Math.abs(asm.steadyFlux[open]);
                        }
                        scale = model.h[k] / model.diffusivity[k * sp + i];
                    } else if (form == SteadyRow.FLUX_LEFT) {
                        int k1 = k;
                        while (k1 < model.n - 1 && model.steadyRow[(k1 + 1) * sp + i] == SteadyRow.FLUX_LEFT) {
                            k1++;
                        }
                        for (int q = k; q <= k1; q++) {
                            sum += balance[q * m + 1 + i];
                            size += Math.abs(balance[q * m + 1 + i]);
                        }
                        scale = model.h[k - 1] / model.diffusivity[(k - 1) * sp + i];
                    } else {
                        sum = balance[row];
                        size = Math.abs(sum);
                    }
                    seen[form.ordinal()]++;
                    assertEquals(scale * sum, steady[row], 1e-9 * scale * size + 1e-300,
                            s.title() + " " + s.boundary() + ": node " + k + " species " + i + " " + form);
                }
            }
            assertTrue(seen[SteadyRow.FLUX_RIGHT.ordinal()] + seen[SteadyRow.FLUX_LEFT.ordinal()] > model.n,
                    "partial-sum rows present");
        }
    }

    /**
     * In a time step the pump's column is its stoichiometry on the four face rows (3 Na⁺ out of the inside face, 2 K⁺
     * into it), and the assembled residual differs from the pump-free one by J times it, J from the rate law.
     */
    @Test
    void timeStepPumpSourcesAreRateTimesStoichiometry() {
        for (boolean saturating : new boolean[]{true, false}) {
            Scenario s = NaKPumpTermTest.sodiumFirst();
            PnpModel1D with = model(s.withPump(ReferenceScenarios.pump(4e-3, saturating)));
            PnpModel1D without = model(s);
            assertEquals(without.n, with.n);
            double[] u = NaKPumpTermTest.distinctState(with, 51);
            double[] uOld = NaKPumpTermTest.distinctState(with, 52);
            PnpAssembler1D asm = new PnpAssembler1D(with);
            double[] column = new double[u.length];
            java.util.Arrays.fill(column, Double.NaN);
            asm.pumpColumn(column, 2.0);
            double[] expected = new double[u.length];
            int a = with.mesh.membraneStartNode();
            int b = with.mesh.membraneEndNode();
            int na = 1 + s.speciesIndex("Na");
            int k = 1 + s.speciesIndex("K");
            expected[with.index(a, na)] = 3;
            expected[with.index(b, na)] = -3;
            expected[with.index(b, k)] = 2;
            expected[with.index(a, k)] = -2;
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, column, 0.0);
            double c0 = with.scales.concentrationMolPerM3;
            double j = s.withPump(ReferenceScenarios.pump(4e-3, saturating)).pump()
                    .cycleFluxMolPerM2S(u[with.index(a, na)] * c0, u[with.index(b, k)] * c0)
                    / with.scales.fluxMolPerM2S();
            double[] rWith = residual(asm, with, u, uOld, 2.0, List.of());
            double[] rWithout = residual(new PnpAssembler1D(without), without, u, uOld, 2.0, List.of());
            for (int row = 0; row < u.length; row++) {
                assertEquals(expected[row] * j, rWith[row] - rWithout[row],
                        1e-12 * (Math.abs(rWith[row]) + Math.abs(j) * 3), "row " + row + " saturating " + saturating);
            }
        }
    }

    /**
     * The whole Jacobian with the pump (block tridiagonal part, pump rank-one term w gᵀ, constraint rows) against
     * central finite differences of the residual, in the columns of the membrane nodes and their neighbours: steady
     * with a wall on either side, a time step, constant pumps.
     */
    @Test
    void jacobianWithThePumpMatchesFiniteDifferences() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        Object[][] cases = {
            {bounded(neuron, BoundaryKind.RESERVOIR, BoundaryKind.WALL).withPump(ReferenceScenarios.pump(5e-3, true)), 0.0},
            {bounded(neuron, BoundaryKind.WALL, BoundaryKind.RESERVOIR).withPump(ReferenceScenarios.pump(5e-3, true)), 0.0},
            {neuron.withPump(ReferenceScenarios.pump(5e-3, true)), 3.0},
            {bounded(neuron, BoundaryKind.RESERVOIR, BoundaryKind.WALL).withPump(ReferenceScenarios.pump(5e-3, false)), 0.0},
            {neuron.withPump(ReferenceScenarios.pump(5e-3, false)), 3.0},
        };
        for (Object[] c : cases) {
            Scenario s = (Scenario) c[0];
            double invDt = (Double) c[1];
            PnpModel1D model = model(s);
            double[] u = NaKPumpTermTest.distinctState(model, 61);
            double[] uOld = NaKPumpTermTest.distinctState(model, 62);
            List<GlobalConstraint> constraints = invDt == 0 ? model.steadyConstraints : model.transientConstraints;
            DMatrixRMaj jac = DenseJacobian.of(model, u, uOld, invDt);
            PnpAssembler1D asm = new PnpAssembler1D(model);
            int size = u.length;
            // the columns of the membrane's nodes and their neighbours: the two pump faces and what couples to them
            int from = (model.mesh.membraneStartNode() - 1) * model.m;
            int to = (model.mesh.membraneEndNode() + 2) * model.m;
            for (int col = from; col < to; col++) {
                double keep = u[col];
                double h = 1e-6 * Math.max(1.0, Math.abs(keep));
                u[col] = keep + h;
                double[] rp = residual(asm, model, u, uOld, invDt, constraints);
                u[col] = keep - h;
                double[] rm = residual(asm, model, u, uOld, invDt, constraints);
                u[col] = keep;
                for (int row = 0; row < size; row++) {
                    double fd = (rp[row] - rm[row]) / (2 * h);
                    assertEquals(fd, jac.get(row, col), 1e-6 * (1 + Math.abs(fd)),
                            s.boundary() + " invDt " + invDt + ": d r" + row + " / d u" + col);
                }
            }
        }
    }

    /** Open compartments: t = D/h of the first cell, residual (F_first − J)/t, its gradient against differences. */
    @Test
    void openFluxEquationsFollowTheirDefinition() {
        Scenario s = ReferenceScenarios.neuronRest();
        PnpModel1D model = model(s);
        assertTrue(model.openFluxes.size() >= 3);
        double[] u = NaKPumpTermTest.distinctState(model, 71);
        PnpAssembler1D asm = new PnpAssembler1D(model);
        int m = model.m;
        for (int j = 0; j < model.openFluxes.size(); j++) {
            OpenFlux o = model.openFluxes.get(j);
            int i = o.species();
            double d = s.species().get(i).diffusionM2PerS() / model.scales.diffusionM2PerS;
            double t = d / model.scales.lengthFromNm(model.mesh.cellLengthNm(o.first()));
            assertEquals(t, asm.openFluxTransmissibility(j), 1e-12 * t, "t of " + o);
            asm.steadyFlux[j] = 0.7 * (j + 1);
            asm.evaluateFluxes(u);
            double f = sgFlux(model, u, o.first(), i);
            assertEquals((f - asm.steadyFlux[j]) / t, asm.openFluxResidual(j),
                    1e-12 * (Math.abs(f) + Math.abs(asm.steadyFlux[j])) / t, "residual of " + o);
            double[] g = new double[2 * m];
            java.util.Arrays.fill(g, Double.NaN);
            asm.openFluxGradient(j, g);
            for (int v = 0; v < 2 * m; v++) {
                int idx = o.first() * m + v;
                double keep = u[idx];
                double h = 1e-6 * Math.max(1.0, Math.abs(keep));
                u[idx] = keep + h;
                asm.evaluateFluxes(u);
                double p = asm.openFluxResidual(j);
                u[idx] = keep - h;
                asm.evaluateFluxes(u);
                double q = asm.openFluxResidual(j);
                u[idx] = keep;
                double fd = (p - q) / (2 * h);
                assertEquals(fd, g[v], 1e-6 * (1 + Math.abs(fd)), o + " d/d u" + idx);
            }
            asm.evaluateFluxes(u);
        }
    }

    /**
     * The electrode row of a current clamp is a placeholder (residual 0, identity row) for the clamp's global
     * equation, even when the caller passes no constraint: the block solver never sees an empty row.
     */
    @Test
    void currentClampElectrodeRowIsAnIdentityPlaceholder() {
        PnpModel1D model = model(ReferenceScenarios.neuronRest());
        assertEquals(EquationKind.CURRENT_CLAMP, model.kind[0]);
        double[] u = NaKPumpTermTest.distinctState(model, 81);
        BlockTridiagonalMatrix jac = new BlockTridiagonalMatrix(model.n, model.m);
        double[] r = new double[u.length];
        for (double invDt : new double[]{0.0, 2.0}) {
            new PnpAssembler1D(model).assemble(u, u, invDt, List.of(), r, jac);
            assertEquals(0.0, r[0], 0.0);
            for (int c = 0; c < model.m; c++) {
                assertEquals(c == 0 ? 1.0 : 0.0, jac.diag[jac.index(0, 0, c)], 0.0, "diag entry " + c);
                assertEquals(0.0, jac.upper[jac.index(0, 0, c)], 0.0, "upper entry " + c);
            }
        }
    }

    /**
     * The steady pump column is the time-step column (the stoichiometry on the face rows) summed like the steady rows:
     * on a FLUX_RIGHT row k the sum over the run's nodes up to k, on a FLUX_LEFT row the sum from k to the run's end,
     * times h/D of the row's cell; on a balance row the entry itself. Exact up to one rounding per term.
     */
    @Test
    void steadyPumpColumnIsThePartialSumOfItsStoichiometry() {
        Scenario[] cases = pumpedCompartments(
            bounded(NaKPumpTermTest.sodiumFirst(), BoundaryKind.RESERVOIR, BoundaryKind.WALL)
                    .withPump(ReferenceScenarios.pump(5e-3, true)),
            // Na⁺ only through the pump: each face's source stays in its own compartment (no cancellation)
            bounded(sodiumOnlyPumped(), BoundaryKind.RESERVOIR, BoundaryKind.WALL)
                    .withPump(ReferenceScenarios.pump(5e-3, true)),
            bounded(sodiumOnlyPumped(), BoundaryKind.WALL, BoundaryKind.RESERVOIR)
                    .withPump(ReferenceScenarios.pump(5e-3, true)));
        for (Scenario s : cases) {
            PnpModel1D model = model(s);
            int m = model.m;
            int sp = model.s;
            PnpAssembler1D asm = new PnpAssembler1D(model);
            double[] balance = new double[model.n * m];
            asm.pumpColumn(balance, 1.5);
            double[] steady = new double[model.n * m];
            java.util.Arrays.fill(steady, Double.NaN);
            asm.pumpColumn(steady, 0.0);
            int partial = 0;
            for (int i = 0; i < sp; i++) {
                for (int k = 0; k < model.n; k++) {
                    int row = k * m + 1 + i;
                    SteadyRow form = model.steadyRow[k * sp + i];
                    double expected;
                    if (model.kind[row] != EquationKind.BALANCE) {
                        expected = 0.0;
                    } else if (form == SteadyRow.FLUX_RIGHT) {
                        int k0 = k;
                        while (k0 > 0 && model.steadyRow[(k0 - 1) * sp + i] == SteadyRow.FLUX_RIGHT) {
                            k0--;
                        }
                        double sum = 0;
                        for (int q = k0; q <= k; q++) {
                            sum += balance[q * m + 1 + i];
                        }
                        expected = sum * model.h[k] / model.diffusivity[k * sp + i];
                    } else if (form == SteadyRow.FLUX_LEFT) {
                        int k1 = k;
                        while (k1 < model.n - 1 && model.steadyRow[(k1 + 1) * sp + i] == SteadyRow.FLUX_LEFT) {
                            k1++;
                        }
                        double sum = 0;
                        for (int q = k; q <= k1; q++) {
                            sum += balance[q * m + 1 + i];
                        }
                        expected = sum * model.h[k - 1] / model.diffusivity[(k - 1) * sp + i];
                    } else {
                        expected = balance[row];
                    }
                    partial += form != SteadyRow.BALANCE && expected != 0 ? 1 : 0;
                    assertEquals(expected, steady[row], 1e-13 * Math.abs(expected),
                            s.title() + " " + s.boundary() + ": node " + k + " species " + i + " " + form);
                }
                for (int k = 0; k < model.n; k++) {
                    assertEquals(0.0, steady[k * m], 0.0, "no pump term in Poisson rows");
                }
            }
            assertTrue(partial > 0, "the pump enters partial-sum rows in " + s.boundary());
        }
    }
}
