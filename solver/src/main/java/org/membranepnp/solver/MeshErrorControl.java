package org.membranepnp.solver;

import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.HeapBudget;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * Steady states that state their own accuracy: the problem is solved on a mesh and on its nested refinement
 * (every cell halved along the smooth grading), and the discretisation error of V_m is estimated from the
 * difference Δ = |V(h) − V(h/2)|. For a scheme of order p, Richardson's rule gives
 * <pre>
 *   err(h/2) ≈ Δ / (2^p − 1),      err(h) ≈ Δ · 2^p / (2^p − 1).
 * </pre>
 * The scheme is second order (p = 2) once the mesh resolves the layers, but a coarse mesh may not be there yet. So
 * with three or more nested meshes the factor 2^p is the observed shrink ρ of successive differences, bounded to
 * [1.25, 4] (orders 0.3 to 2): err(h/2) ≈ Δ/(ρ − 1). With two meshes only, p = 1 is assumed (err(h/2) ≈ Δ,
 * err(h) ≈ 2Δ), and the automatic mesh accepts that estimate only below a tenth of the tolerance.
 *
 * <p>With the automatic mesh, the mesh is halved until err(h/2) ≤ {@code mesh.tolerance_mV} and the finest solution
 * is the result; with an explicit {@code mesh.cells}, that mesh's solution is the result, with err(h). Each
 * refinement starts from the coarser solution, interpolated (ψ linearly, concentrations geometrically).
 */
public final class MeshErrorControl {
    /** Most halvings of the automatic mesh (a 64-fold finer mesh). */
    public static final int MAX_REFINEMENTS = 6;
    /** Most cells of a refined mesh; past it the estimate is reported as it stands. */
    public static final int MAX_CELLS = 1_000_000;

    private MeshErrorControl() {
    }

    /**
     * The steady state of {@code scenario} with its discretisation error estimate in
     * {@link RunResult#discretisationErrorMv()}; newton iterations, steps and wall time count every mesh solved.
     *
     * @throws ConvergenceException if a steady state is not found on some mesh
     */
    public static RunResult solveSteady(Scenario scenario, WorkerPool pool, ProgressListener progress,
                                        boolean verbose) {
        long t0 = System.nanoTime();
        boolean explicit = scenario.mesh().cells() > 0;
        double tolerance = scenario.mesh().toleranceMv();
        // of each mesh solved, only the last is kept for the next
        MembraneSlabSolver first = slab(scenario, GradedMeshBuilder.build(scenario), pool, progress, verbose);
        first.useSteadyGuess();
        first.solveSteady();
        RunResult c = first.result();
        MembraneSlabSolver coarse = first;
        int iterations = c.newtonIterations();
        int steps = c.timeSteps();
        double previousDifference = Double.NaN;
        for (int level = 1; ; level++) {
            Mesh1D mesh = coarse.mesh().refined();
            MembraneSlabSolver fine = slab(scenario, mesh, pool, progress, verbose);
            prolongate(coarse.model(), coarse.state(), fine.model(), fine.state());
            fine.solveSteady();
            RunResult f = fine.result();
            iterations += f.newtonIterations();
            steps += f.timeSteps();
            double difference = Math.abs(c.membranePotentialMv() - f.membranePotentialMv());
            double wall = (System.nanoTime() - t0) * 1e-9;
            if (explicit) {
                return c.withDiscretisationError(2 * difference, iterations, steps, wall);
            }
            double error;
            boolean accepted;
            if (level == 1) {
                error = difference;
                accepted = error <= tolerance / 10;
            } else {
                double shrink = Math.min(4.0, Math.max(1.25, previousDifference / difference));
                error = difference / (shrink - 1);
                accepted = error <= tolerance;
            }
            previousDifference = difference;
            long nextCells = 2L * mesh.cellCount();
            boolean last = level >= MAX_REFINEMENTS || nextCells > MAX_CELLS
                    || HeapBudget.slab(0, nextCells, scenario.speciesCount()).withRefinement().bytes()
                    > Runtime.getRuntime().maxMemory();
            if (accepted || last) {
                return f.withDiscretisationError(error, iterations, steps, wall);
            }
            progress.onContinuationStep(String.format("mesh refinement (%d cells, V_m error %.2g mV > %.2g mV)",
                    mesh.cellCount(), error, tolerance), (double) level / MAX_REFINEMENTS, f.newtonIterations());
            c = f;
            coarse = fine;
        }
    }

    private static MembraneSlabSolver slab(Scenario scenario, Mesh1D mesh, WorkerPool pool,
                                           ProgressListener progress, boolean verbose) {
        return new MembraneSlabSolver(scenario, mesh, pool).withProgress(progress, verbose);
    }

    /**
     * The state on the mesh with every cell halved: coarse node k is fine node 2k; a new midpoint takes the mean
     * potential and the geometric mean of the concentrations (exact for a Boltzmann layer in a linear potential).
     */
    static void prolongate(PnpModel coarse, double[] uc, PnpModel fine, double[] uf) {
        int m = coarse.m;
        for (int k = 0; k < coarse.n; k++) {
            System.arraycopy(uc, k * m, uf, 2 * k * m, m);
        }
        for (int k = 0; k + 1 < coarse.n; k++) {
            int mid = (2 * k + 1) * m;
            uf[mid] = 0.5 * (uc[k * m] + uc[(k + 1) * m]);
            for (int v = 1; v < m; v++) {
                double a = uc[k * m + v];
                double b = uc[(k + 1) * m + v];
                uf[mid + v] = fine.kind(mid + v) == EquationKind.INACTIVE ? 0.0
                        : a > 0 && b > 0 ? Math.sqrt(a * b) : 0.5 * (a + b);
            }
        }
    }
}
