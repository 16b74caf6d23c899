package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.LateralGeometry;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.ControlVolumeMesh;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.LateralMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.mesh.Mesh2D;
import org.membranepnp.solver.mesh.PatchMeshBuilder;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The analytic Jacobian of the one assembler against central finite differences of its residual, on all three mesh
 * builders (chain, planar patch, axisymmetric patch) with every term on: Scharfetter–Gummel edge fluxes at a random
 * state far from equilibrium, implicit-Euler storage, the ionic charge, charged membrane faces, charged pore walls,
 * partitioning into the lipid, reservoirs and electrodes (fixed rows) and a species absent from one bath (inactive
 * rows); then with a closed bath and a saturating Na⁺/K⁺ pump (amounts and pump as global couplings, the part of the
 * Jacobian applied by {@code multiplyGlobal}); and the gradient of the current through the middle of the membrane
 * with the pump's current (the clamp's global equation). On chains also the steady equations, whose rows between a
 * wall and the node are partial flux sums with the pump's partial sums.
 */
class PnpAssemblerJacobianTest {

    /** The resting neuron's four ions, 8 nm baths, a leaky lipid with charged faces and β = 1e-2, −40 mV clamp. */
    private static Scenario slab() {
        Scenario base = ReferenceScenarios.neuronRest();
        Membrane m = base.membrane();
        Membrane leaky = new Membrane(m.thicknessNm(), m.permittivity(), new double[] {1e-3, 2e-4, 5e-4, 0},
                -0.02, 0.01, 1e-2);
        Scenario s = ReferenceScenarios.plane(base, 0.008, 6.0, List.of()).withMembrane(leaky)
                .withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.VOLTAGE, 0, -40));
        return s;
    }

    private static Scenario patch(LateralGeometry geometry) {
        double center = geometry == LateralGeometry.AXISYMMETRIC ? 0.0 : 3.0;
        Channel pore = new Channel("pore", center, 2.0, 70, new double[] {1.0, 0.3, 0.0, 0.0}, -50.0);
        return slab().withLateral(new Lateral(6.0, List.of(pore), geometry));
    }

    private static Mesh1D across(Scenario s) {
        return GradedMeshBuilder.plan(s, 6.0).build();
    }

    private static ControlVolumeMesh chain() {
        Scenario s = slab();
        return ChainMeshBuilder.build(across(oneD(s)));
    }

    private static Scenario oneD(Scenario s) {
        return MembranePlaneSolverAccess.averaged(s);
    }

    private static ControlVolumeMesh patchMesh(Scenario s, boolean axisymmetric) {
        double[] y = LateralMeshBuilder.build(s.lateral(), 0.8, 6.0);
        return PatchMeshBuilder.build(new Mesh2D(across(s), y, s.lateral()), axisymmetric);
    }

    /**
     * The slab with a closed inside bath and a saturating pump: closed amounts and the pump's couplings. The pump is
     * made as fast as the ions' transport (10¹³ cycles/(s µm²), far beyond a real membrane's), so that its
     * derivatives weigh in every row they enter.
     */
    private static Scenario closedPumped(Scenario s) {
        return s.withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0))
                .withPump(new org.membranepnp.engine.model.NaKPump(1e13, true, 15, 100, "Na", "K"));
    }

    @Test
    void chainJacobianWithAmountsAndPumpMatchesFiniteDifferences() {
        Scenario s = closedPumped(oneD(slab()));
        PnpModel model = new PnpModel(s, chain());
        assertTrue(!model.closedAmounts().isEmpty() && model.pumpSites() == 1);
        check(model, 14);
    }

    /** The same with Na⁺ declared before K⁺: the pump finds its species by name, not by place. */
    @Test
    void chainJacobianWithThePumpsIonsInAnotherOrderMatchesFiniteDifferences() {
        Scenario s = closedPumped(oneD(slab()));
        int[] order = {1, 0, 2, 3};
        List<org.membranepnp.engine.model.Species> species = new java.util.ArrayList<>();
        for (int i : order) {
            species.add(s.species().get(i));
        }
        Membrane m = s.membrane();
        Scenario swapped = new Scenario(s.title(), 1, s.temperatureK(), species,
                new org.membranepnp.engine.model.Bath(s.inside().widthUm(), s.inside().permittivity(),
                        permute(s.inside().concentrationsMm(), order)),
                new org.membranepnp.engine.model.Bath(s.outside().widthUm(), s.outside().permittivity(),
                        permute(s.outside().concentrationsMm(), order)),
                new Membrane(m.thicknessNm(), m.permittivity(), permute(m.permeabilityCmPerS(), order),
                        m.insideSurfaceChargeCPerM2(), m.outsideSurfaceChargeCPerM2(), m.partitionCoefficient()),
                s.boundary(), s.mesh(), s.run(), s.pump(), s.schedules(), Lateral.NONE,
                org.membranepnp.engine.model.ParticleSpec.NONE);
        PnpModel model = new PnpModel(swapped, ChainMeshBuilder.build(across(swapped)));
        assertEquals(1, model.pumpPotassium());
        assertEquals(0, model.pumpSodium());
        check(model, 16);
    }

    private static double[] permute(double[] v, int[] order) {
        double[] p = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = v[order[i]];
        }
        return p;
    }

    @Test
    void axisymmetricJacobianWithAmountsAndPumpMatchesFiniteDifferences() {
        Scenario s = closedPumped(patch(LateralGeometry.AXISYMMETRIC));
        PnpModel model = new PnpModel(s, patchMesh(s, true));
        assertTrue(!model.closedAmounts().isEmpty() && model.pumpSites() > 1);
        check(model, 15);
    }

    /**
     * The steady equations of the resting neuron on a 60-cell chain, closed on one side, with the fast saturating
     * pump: the rows of each compartment that ends at the wall are partial flux sums ({@link PnpModel#steadyFluxEdge})
     * carrying the pump's partial sums, whose derivatives by the face concentrations across the membrane come from
     * multiplyGlobal; the closed compartments' amounts on their last rows.
     */
    @Test
    void steadyNeuronJacobianWithAClosedInsideAndThePumpMatchesFiniteDifferences() {
        for (BoundaryKind[] ends : new BoundaryKind[][] {{BoundaryKind.WALL, BoundaryKind.RESERVOIR},
                {BoundaryKind.RESERVOIR, BoundaryKind.WALL}}) {
            Scenario s = Chains.bounded(ReferenceScenarios.neuronRest(), ends[0], ends[1])
                    .withPump(new org.membranepnp.engine.model.NaKPump(1e13, true, 15, 100, "Na", "K"));
            PnpModel model = Chains.model(s);
            int fluxRows = 0;
            for (int i = 0; i < model.n * model.m; i++) {
                fluxRows += model.steadyFluxEdge(i) >= 0 ? 1 : 0;
            }
            // a closed inside bath keeps its amounts; against a closed outside every species reaches the reservoir
            assertEquals(ends[0] == BoundaryKind.WALL, !model.closedAmounts().isEmpty());
            assertTrue(fluxRows > model.n && model.pumpSites() == 1, fluxRows + " partial flux rows");
            check(model, 17, 0.0);
        }
    }

    /** The steady equations of the resting neuron between reservoirs (the impermeant anion's rows from its wall). */
    @Test
    void steadyNeuronJacobianMatchesFiniteDifferences() {
        check(Chains.model(ReferenceScenarios.neuronRest()), 18, 0.0);
    }

    /** An implicit Euler step of a closed calcium cell (divalent ion, charged faces, amounts of the closed bath). */
    @Test
    void timeStepJacobianOfAClosedCellMatchesFiniteDifferences() {
        PnpModel model = Chains.model(ReferenceScenarios.nernst(ReferenceScenarios.calcium(), 0.1, 2, 310, -0.01,
                0.02));
        assertTrue(!model.closedAmounts().isEmpty());
        check(model, 19, 3.0);
    }

    @Test
    void chainJacobianMatchesFiniteDifferences() {
        Scenario s = oneD(slab());
        check(new PnpModel(s, chain()), 11);
    }

    @Test
    void planarPatchJacobianMatchesFiniteDifferences() {
        Scenario s = patch(LateralGeometry.PLANAR);
        check(new PnpModel(s, patchMesh(s, false)), 12);
    }

    @Test
    void axisymmetricPatchJacobianMatchesFiniteDifferences() {
        Scenario s = patch(LateralGeometry.AXISYMMETRIC);
        check(new PnpModel(s, patchMesh(s, true)), 13);
    }

    /** Dense analytic Jacobian against (r(u + h e_j) − r(u − h e_j)) / 2h, column by column; then ∂I/∂u likewise. */
    private static void check(PnpModel model, long seed) {
        check(model, seed, 3.0);
    }

    /** The same for the steady equations ({@code invDt} = 0) or an implicit Euler step of 1/{@code invDt}. */
    private static void check(PnpModel model, long seed, double invDt) {
        int n = model.n;
        int m = model.m;
        int size = n * m;
        assertTrue(size < 4000, "a small mesh: " + size + " unknowns");
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] u = new double[size];
        double[] uOld = new double[size];
        double c0 = model.scales.concentrationMolPerM3;
        for (int k = 0; k < n; k++) {
            u[k * m] = rnd.nextDouble(-3, 3);
            uOld[k * m] = rnd.nextDouble(-3, 3);
            for (int q = 0; q < model.s; q++) {
                boolean inactive = model.kind(k * m + 1 + q) == EquationKind.INACTIVE;
                u[k * m + 1 + q] = inactive ? 0.0 : rnd.nextDouble(0.2, 1.5) * 100 / c0;
                uOld[k * m + 1 + q] = inactive ? 0.0 : rnd.nextDouble(0.2, 1.5) * 100 / c0;
            }
        }
        try (WorkerPool pool = WorkerPool.create(2)) {
            PnpAssembler asm = new PnpAssembler(model, pool);
            BlockSlots jac = BlockSlots.sparse(model.mesh, m);
            double[] r = new double[size];
            asm.assemble(uOld, u, invDt, r, jac); // the matrix is reused: an assembly must clear what was there
            asm.assemble(u, uOld, invDt, r, jac);
            double[][] a = jac.toDense();
            Chains.addGlobalColumns(asm, a); // the pump across the membrane, the amounts
            int[] mid = model.midMembraneEdges();
            double[] grad = new double[size];
            java.util.Arrays.fill(grad, 7.0); // a reused array: the gradient overwrites it
            asm.currentGradient(mid, invDt, grad);
            asm.addPumpCurrentGradient(grad);
            // the pump's current from the engine's formula at the face concentrations of u
            if (model.pumpSites() > 0) {
                var pump = model.scenario.pump();
                double cScale = model.scales.concentrationMolPerM3;
                double expected = 0;
                for (int p = 0; p < model.pumpSites(); p++) {
                    double na = u[model.pumpInsideNode(p) * m + 1 + model.scenario.speciesIndex("Na")] * cScale;
                    double k = u[model.pumpOutsideNode(p) * m + 1 + model.scenario.speciesIndex("K")] * cScale;
                    expected += model.pumpArea(p) * pump.cycleFluxMolPerM2S(na, k) / model.scales.fluxMolPerM2S();
                }
                assertEquals(expected, asm.pumpCurrent(), 1e-12 * expected, "3 Na⁺ out, 2 K⁺ in: one charge a cycle");
            }
            // the displacement part of the current: T_ε ((ψ_A − ψ_B) − (ψ_A − ψ_B)_old) / (Γ Δt̂) through each edge
            double displacement = 0;
            for (int e : mid) {
                int ea = model.mesh.edgeA(e) * m;
                int eb = model.mesh.edgeB(e) * m;
                displacement += model.edgePermittivity(e) * invDt / model.scales.poissonFactor
                        * ((u[ea] - u[eb]) - (uOld[ea] - uOld[eb]));
            }
            double ionic = asm.current(mid, u, u, 0.0);
            assertEquals(ionic + displacement, asm.current(mid, u, uOld, invDt),
                    1e-12 * (Math.abs(ionic) + Math.abs(displacement)), "ionic + displacement current");
            double[] rowMax = new double[size];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    assertTrue(Double.isFinite(a[i][j]), "finite ∂r[" + i + "]/∂u[" + j + "]: " + a[i][j]);
                    rowMax[i] = Math.max(rowMax[i], Math.abs(a[i][j]));
                }
            }
            double gradMax = 0;
            for (double g : grad) {
                assertTrue(Double.isFinite(g), "finite ∂I/∂u");
                gradMax = Math.max(gradMax, Math.abs(g));
            }
            double[] rp = new double[size];
            double[] rm = new double[size];
            double[] x = u.clone();
            double worst = 0;
            double worstGrad = 0;
            int nonzero = 0;
            for (int j = 0; j < size; j++) {
                double h = 1e-6 * Math.max(Math.abs(u[j]), j % m == 0 ? 1.0 : 1e-3);
                x[j] = u[j] + h;
                asm.assemble(x, uOld, invDt, rp, BlockSlots.sparse(model.mesh, m));
                double iPlus = asm.current(mid, x, uOld, invDt) + asm.pumpCurrent();
                x[j] = u[j] - h;
                asm.assemble(x, uOld, invDt, rm, BlockSlots.sparse(model.mesh, m));
                double iMinus = asm.current(mid, x, uOld, invDt) + asm.pumpCurrent();
                x[j] = u[j];
                for (int i = 0; i < size; i++) {
                    double fd = (rp[i] - rm[i]) / (2 * h);
                    double err = Math.abs(fd - a[i][j]) / (rowMax[i] > 0 ? rowMax[i] : 1.0);
                    worst = Math.max(worst, err);
                    if (a[i][j] != 0.0) {
                        nonzero++;
                    }
                    assertEquals(fd, a[i][j], 1e-6 * rowMax[i] + 1e-12, "∂r[" + i + "]/∂u[" + j + "]");
                }
                double fdI = (iPlus - iMinus) / (2 * h);
                worstGrad = Math.max(worstGrad, Math.abs(fdI - grad[j]) / gradMax);
                assertEquals(fdI, grad[j], 1e-6 * gradMax, "∂I/∂u[" + j + "]");
            }
            assertTrue(nonzero > 2 * size, "a coupled Jacobian: " + nonzero + " nonzero entries");
            System.out.printf("[jacobian] %s: %d unknowns, %d nonzeros, worst error %.2e of the row, %.2e of ∂I/∂u%n",
                    model.mesh.dimension() == 1 ? "chain" : model.mesh.dimension() == 2 ? "planar" : "axisymmetric",
                    size, nonzero, worst, worstGrad);
        }
    }
}
