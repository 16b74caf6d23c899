package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** 2-D time courses: against the 1-D transient, towards Nernst and the 2-D steady state, conservation, threads. */
class MembranePlaneTransientTest {
    private static final double RTOL = 1e-4;

    /** Linear interpolation of V_m at {@code timeS}. */
    private static double vmAt(TimeSeries ts, double timeS) {
        double[] t = ts.timeS();
        double[] v = ts.membranePotentialMv();
        for (int k = 1; k < ts.sampleCount(); k++) {
            if (t[k] >= timeS) {
                double f = (timeS - t[k - 1]) / (t[k] - t[k - 1]);
                return v[k - 1] + f * (v[k] - v[k - 1]);
            }
        }
        return v[ts.sampleCount() - 1];
    }

    /** The K⁺ pore on a coarse mesh (about 1500 cells), a transient to {@code endS} at relative tolerance 1e-3. */
    private static Scenario coarsePore(double endS) {
        return ReferenceScenarios.potassiumPore().withMesh(new MeshSpec(1500))
                .withRun(new RunSpec(RunMode.TRANSIENT, endS, 1e-3));
    }

    @Test
    void aSlabWithoutPoresChargesLikeTheOneDimensionalSlab() {
        Scenario neuron = ReferenceScenarios.neuronRest().withRun(new RunSpec(RunMode.TRANSIENT, 1e-3, RTOL));
        Scenario flat = ReferenceScenarios.plane(neuron, neuron.inside().widthUm(), 5.0, List.of());
        RunResult one = Simulation.run(neuron, SolverOptions.DEFAULT, ProgressListener.NONE);
        RunResult two = Simulation.run(flat, SolverOptions.DEFAULT, ProgressListener.NONE);
        // the same Newton on two meshes: the chain (one row, the multigrid cycle an exact block-tridiagonal solve) and
        // the planar patch of several rows (PatchMeshBuilder, semicoarsening multigrid as a preconditioner)
        for (double t : new double[] {1e-6, 1e-5, 1e-4, 1e-3}) {
            double v1 = vmAt(one.timeSeries(), t);
            double v2 = vmAt(two.timeSeries(), t);
            assertEquals(v1, v2, Math.max(0.05, 0.01 * Math.abs(v1)), "V_m at t = " + t + " s");
        }
        assertEquals(1e-3, two.timeSeries().timeS()[two.timeSeries().sampleCount() - 1], 1e-15);
        assertTrue(two.membranePotentialMv() < -1.0, "charging towards rest: " + two.membranePotentialMv());
    }

    @Test
    void aPotassiumPoreChargesTheMembraneToTheNernstPotential() {
        Scenario s = coarsePore(3e-6);
        RunResult r = Simulation.run(s, SolverOptions.DEFAULT, ProgressListener.NONE);
        int k = s.speciesIndex("K");
        double ek = NernstPotential.mv(1, s.outside().concentrationMm(k), s.inside().concentrationMm(k),
                s.temperatureK());
        TimeSeries ts = r.timeSeries();
        double[] v = ts.membranePotentialMv();
        assertEquals(0.0, v[0], 1e-12, "the filled baths are uncharged");
        // the first picoseconds: the pore's K+ (filled with the linear 140 -> 4 mM profile, uncompensated) relaxes;
        // after 10 ns the membrane charges monotonically towards E_K
        int from = 0;
        while (ts.timeS()[from] < 1e-8) {
            from++;
        }
        for (int i = from + 1; i < ts.sampleCount(); i++) {
            assertTrue(v[i] <= v[i - 1] + 1e-9 && v[i] > ek - 1e-6, "monotone towards E_K at t = " + ts.timeS()[i]);
        }
        double steady;
        try (WorkerPool pool = WorkerPool.create(1)) {
            MembranePlaneSolver p = new MembranePlaneSolver(s, pool);
            p.solveSteady();
            steady = p.membranePotentialMv();
        }
        assertEquals(ek, steady, 1e-3);
        assertEquals(steady, r.membranePotentialMv(), 0.5, "within 0.5 mV of the steady state after 3 µs");
        assertTrue(vmAt(ts, 1e-6) < 0.5 * ek, "more than half charged after 1 µs: " + vmAt(ts, 1e-6));
    }

    /** The second implicit Euler step of the voltage-clamped pore from the filled baths, solved directly. */
    private static final class OneStep {
        final PnpModel model;
        final double[] uOld;
        final double[] u;
        final double invDt = 1.0 / 0.05;
        final int mid;

        OneStep(WorkerPool pool) {
            Scenario s = coarsePore(1e-6).withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR,
                    ClampKind.VOLTAGE, 0, -60));
            MembranePlaneSolver p = new MembranePlaneSolver(s, pool);
            model = p.model();
            mid = p.model().midMembraneColumn();
            model.setElectrodePotential(model.scales.potentialFromMv(-60));
            NewtonSolver newton = new NewtonSolver(model, pool);
            // a first step makes the state consistent (the filled baths do not satisfy Poisson in the pore)
            double[] first = p.state().clone();
            assertTrue(newton.solve(first, p.state(), invDt, 30, 1e-11).converged());
            uOld = first;
            u = uOld.clone();
            assertTrue(newton.solve(u, uOld, invDt, 30, 1e-11).converged());
        }
    }

    @Test
    void aTimeStepConservesEachSpeciesAndCarriesTheSameTotalCurrentThroughEveryColumn() {
        try (WorkerPool pool = WorkerPool.create(1)) {
            OneStep st = new OneStep(pool);
            PnpModel model = st.model;
            PnpAssembler asm = new PnpAssembler(model, pool);
            double[] r = new double[st.u.length];
            asm.assemble(st.u, st.uOld, st.invDt, r, BlockSlots.sparse(model.mesh, model.m));
            int s = model.s;
            int m = model.m;
            for (int q = 0; q < s; q++) {
                for (int col : new int[] {model.membraneStart - 3, st.mid, model.nx - 3}) {
                    double stored = 0; // Σ vol Δĉ of the nodes from column 1 to col, per Δt̂
                    for (int j = 0; j < model.ny; j++) {
                        for (int i = 1; i <= col; i++) {
                            int k = j * model.nx + i;
                            stored += model.volume(k, q) * (st.u[k * m + 1 + q] - st.uOld[k * m + 1 + q]);
                        }
                    }
                    double in = asm.speciesFlux(model.columnEdges(0), q);
                    double out = asm.speciesFlux(model.columnEdges(col), q);
                    double scale = Math.abs(in) + Math.abs(out) + Math.abs(stored * st.invDt);
                    assertEquals(in - out, stored * st.invDt, 1e-8 * scale, "species " + q + " up to column " + col);
                }
            }
            double iMid = asm.current(model.columnEdges(st.mid), st.u, st.uOld, st.invDt);
            assertTrue(Math.abs(iMid) > 0, "a current flows while the membrane charges");
            for (int col = 1; col < model.nx - 2; col++) {
                assertEquals(iMid, asm.current(model.columnEdges(col), st.u, st.uOld, st.invDt), 1e-7 * Math.abs(iMid),
                        "ionic + displacement current through column " + col);
            }
        }
    }

    @Test
    void theClampCurrentGradientMatchesFiniteDifferences() {
        try (WorkerPool pool = WorkerPool.create(1)) {
            OneStep st = new OneStep(pool);
            PnpModel model = st.model;
            PnpAssembler asm = new PnpAssembler(model, pool);
            double[] r = new double[st.u.length];
            BlockSlots jac = BlockSlots.sparse(model.mesh, model.m);
            double[] grad = new double[st.u.length];
            asm.assemble(st.u, st.uOld, st.invDt, r, jac);
            asm.currentGradient(model.columnEdges(st.mid), st.invDt, grad);
            double[] x = st.u.clone();
            double maxGrad = 0;
            for (double g : grad) {
                maxGrad = Math.max(maxGrad, Math.abs(g));
            }
            int checked = 0;
            for (int j = 0; j < model.ny; j += 3) {
                for (int i = st.mid - 1; i <= st.mid + 2; i++) {
                    for (int v = 0; v < model.m; v++) {
                        int idx = (j * model.nx + i) * model.m + v;
                        double h = 1e-6 * Math.max(1.0, Math.abs(x[idx]));
                        x[idx] = st.u[idx] + h;
                        asm.assemble(x, st.uOld, st.invDt, r, jac);
                        double plus = asm.current(model.columnEdges(st.mid), x, st.uOld, st.invDt);
                        x[idx] = st.u[idx] - h;
                        asm.assemble(x, st.uOld, st.invDt, r, jac);
                        double minus = asm.current(model.columnEdges(st.mid), x, st.uOld, st.invDt);
                        x[idx] = st.u[idx];
                        double fd = (plus - minus) / (2 * h);
                        assertEquals(fd, grad[idx], 1e-6 * maxGrad + 1e-6 * Math.abs(fd), "dI/du at node " + i + ","
                                + j + " unknown " + v);
                        checked++;
                    }
                }
            }
            assertTrue(checked > 20 && maxGrad > 0);
        }
    }

    @Test
    void aTransientIsTheSameForAnyNumberOfThreads() {
        Scenario s = coarsePore(2e-8);
        RunResult[] r = new RunResult[2];
        double[][] state = new double[2][];
        for (int t = 0; t < 2; t++) {
            try (WorkerPool pool = WorkerPool.create(t + 1)) {
                MembranePlaneSolver p = new MembranePlaneSolver(s, pool);
                assertTrue(p.advanceTo(2e-8, 1e-3, RunControl.NONE));
                r[t] = p.result();
                state[t] = p.state().clone();
            }
        }
        assertTrue(r[0].timeSteps() > 3, "steps: " + r[0].timeSteps());
        assertArrayEquals(state[0], state[1], 0.0);
        assertArrayEquals(r[0].timeSeries().timeS(), r[1].timeSeries().timeS(), 0.0);
        assertArrayEquals(r[0].timeSeries().membranePotentialMv(), r[1].timeSeries().membranePotentialMv(), 0.0);
    }

    /**
     * A checkpoint of another mesh is refused with one line (that a 2-D run resumes from its own checkpoint to
     * byte-identical files is the CLI's {@code RunResumeTest}).
     */
    @Test
    void aCheckpointOfAnotherMeshIsRefused() {
        Checkpoint other = new Checkpoint(0, 0, 1, 1, new double[1], new double[1], 0, 0,
                new TimeSeries(new double[0], new double[0], new double[0][]), 0, 0, 0);
        UserInputException e = assertThrows(UserInputException.class, () -> Simulation.run(coarsePore(1e-6),
                SolverOptions.DEFAULT, ProgressListener.NONE, RunControl.NONE, other));
        assertTrue(e.getMessage().startsWith("the checkpoint has 1 nodes × 1 unknowns but the scenario gives"),
                e.getMessage());
    }
}
