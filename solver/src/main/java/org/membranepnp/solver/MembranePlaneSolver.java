package org.membranepnp.solver;

import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MembraneSide;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.HeapBudget;
import org.membranepnp.solver.mesh.LateralMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.mesh.Mesh2D;
import org.membranepnp.solver.mesh.PatchMeshBuilder;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * A 2-D slab (inside bath | membrane with pores | outside bath, extended along the membrane between two mirror
 * planes, or a disc around a pore's axis): its tensor-product patch of control volumes and the
 * {@link DiscreteMembrane} that solves it, as in 1-D.
 *
 * <p>Steady state: the start is the 1-D steady state of the same slab with the membrane's area-averaged
 * permeabilities and face charges ({@link #averagedSlab}), copied to every row; then the steady driver of every
 * geometry ({@link SteadyStateSolver}: Newton, continuation, pseudo-transient steps). With a current clamp the inside
 * electrode's potential is one more Newton unknown with the global equation I = I_clamp A, I the total current
 * through the middle column of membrane edges ({@link NewtonSolver}).
 *
 * <p>Time course ({@link #advanceTo}): implicit Euler with the step control of {@link TransientSolver}, from the
 * freshly filled baths ({@link org.membranepnp.solver.fv.InitialState#fillUniform}) or from the state of an earlier
 * solve, with the scenario's schedules, checkpoints and exact resumption.
 */
public final class MembranePlaneSolver {
    /** Newton tolerance of each solve (scaled update), as in 1-D. */
    public static final double TOLERANCE = SteadyStateSolver.TOLERANCE;

    private final Scenario scenario;
    private final Mesh1D across;
    private final PnpModel model;
    private final DiscreteMembrane membrane;

    /**
     * Meshes {@code scenario} at the default resolution, or, with {@code mesh.cells}, every cell scaled by the same
     * factor in x and y so that the 2-D mesh has about that many cells.
     *
     * @throws org.membranepnp.engine.UserInputException if the requested count is too coarse for the Debye layers, or
     *                                                     the solve would not fit in the Java heap
     */
    public MembranePlaneSolver(Scenario scenario, WorkerPool pool) {
        this(scenario, pool, resolution(scenario));
    }

    private MembranePlaneSolver(Scenario scenario, WorkerPool pool, double scale) {
        this(scenario, checkedAcross(scenario, scale), scale, pool);
    }

    /** The x mesh at resolution {@code scale}, built once the 2-D solve on it is known to fit in the heap. */
    private static Mesh1D checkedAcross(Scenario scenario, double scale) {
        GradedMeshBuilder.Plan across = GradedMeshBuilder.plan(scenario, scale);
        budget(scenario, across, scale).check();
        return across.build();
    }

    /**
     * The memory of the 2-D solve of {@code scenario} on the mesh {@link #MembranePlaneSolver(Scenario, WorkerPool)}
     * would build, estimated without building it.
     *
     * @throws org.membranepnp.engine.UserInputException if the requested count is too coarse for the Debye layers
     */
    public static HeapBudget budget(Scenario scenario) {
        double scale = resolution(scenario);
        return budget(scenario, GradedMeshBuilder.plan(scenario, scale), scale);
    }

    private static HeapBudget budget(Scenario scenario, GradedMeshBuilder.Plan across, double scale) {
        int ny = LateralMeshBuilder.build(scenario.lateral(), debyeNm(scenario), scale).length;
        return HeapBudget.plane(scenario.mesh().cells(), across.totalCells() + 1L, ny, scenario.speciesCount());
    }

    /**
     * The cell size, relative to the default, that gives about {@code mesh.cells} cells in 2-D (1 without a
     * request): first √(default cells / requested), since both directions scale, then corrected by the counts the
     * mesh builders give.
     */
    static double resolution(Scenario scenario) {
        int requested = scenario.mesh().cells();
        if (requested <= 0) {
            return 1.0;
        }
        int across = GradedMeshBuilder.plan(scenario, 1.0).totalCells();
        double debye = debyeNm(scenario);
        int along = LateralMeshBuilder.build(scenario.lateral(), debye, 1.0).length - 1;
        double scale = Math.sqrt((double) across * along / requested);
        for (int pass = 0; pass < 4; pass++) { // the counts are not exactly proportional: correct the estimate
            double given = (double) GradedMeshBuilder.plan(scenario, scale).totalCells()
                    * (LateralMeshBuilder.build(scenario.lateral(), debye, scale).length - 1);
            scale *= Math.sqrt(given / requested);
        }
        double coarsest = GradedMeshBuilder.CELLS_PER_DEBYE_AT_FACE / GradedMeshBuilder.MIN_CELLS_PER_DEBYE;
        if (scale > coarsest) {
            throw new org.membranepnp.engine.UserInputException(String.format(java.util.Locale.ROOT,
                    "mesh.cells = %d is too coarse to resolve the Debye layers of this 2-D slab: use at least %d cells "
                            + "(or leave mesh.cells out for the default, about %d)", requested,
                    (int) Math.ceil(across * along / (coarsest * coarsest)), across * along));
        }
        return scale;
    }

    /**
     * Uses {@code across} for x and the lateral mesh at resolution {@code lateralScale} (1 = default, 0.5 = cells
     * halved), with the threads of {@code pool} (results are bit-identical for any number of threads).
     */
    public MembranePlaneSolver(Scenario scenario, Mesh1D across, double lateralScale, WorkerPool pool) {
        if (!scenario.isTwoDimensional()) {
            throw new IllegalArgumentException("a 2-D scenario is needed (dimension = 2)");
        }
        this.scenario = scenario;
        double[] y = LateralMeshBuilder.build(scenario.lateral(), debyeNm(scenario), lateralScale);
        this.across = across;
        this.model = new PnpModel(scenario, PatchMeshBuilder.build(new Mesh2D(across, y, scenario.lateral()),
                scenario.lateral().axisymmetric()));
        this.membrane = new DiscreteMembrane(model, pool);
        membrane.setSchedules(scenario.schedules());
    }

    /** The shorter Debye length of the two baths, nm: the scale of the lateral mesh. */
    private static double debyeNm(Scenario sc) {
        return Math.min(debyeNm(sc.inside(), sc), debyeNm(sc.outside(), sc));
    }

    private static double debyeNm(Bath bath, Scenario sc) {
        return DebyeLength.nm(bath.permittivity(), sc.charges(), bath.concentrationsMm(), sc.temperatureK());
    }

    /** Progress and (verbose) Newton residuals go to {@code listener}. */
    public MembranePlaneSolver withProgress(ProgressListener listener, boolean verbose) {
        membrane.setProgress(listener, verbose);
        return this;
    }

    /**
     * The 1-D slab with the area-averaged permeabilities: the starting state of the 2-D solve, and the 1-D
     * counterpart a 2-D result can be compared with.
     */
    public static Scenario averagedSlab(Scenario scenario) {
        double[] p = scenario.areaAveragedPermeabilitiesMPerS();
        double[] cmPerS = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            cmPerS[i] = p[i] * 1e2;
        }
        Membrane m = scenario.membrane();
        Membrane avg = new Membrane(m.thicknessNm(), m.permittivity(), cmPerS,
                scenario.averagedFaceChargeCPerM2(MembraneSide.INSIDE),
                scenario.averagedFaceChargeCPerM2(MembraneSide.OUTSIDE), m.partitionCoefficient());
        return new Scenario(scenario.title(), 1, scenario.temperatureK(), scenario.species(), scenario.inside(),
                scenario.outside(), avg, scenario.boundary(), scenario.mesh(), scenario.run(), scenario.pump(),
                scenario.schedules(), Lateral.NONE, ParticleSpec.NONE);
    }

    /**
     * Solves for the steady state: from the 1-D steady state of the averaged slab on the same x mesh, copied to every
     * row, with the steady driver of every geometry.
     *
     * @throws ConvergenceException if it is not found
     */
    public void solveSteady() {
        long t0 = System.nanoTime();
        MembraneSlabSolver slab = new MembraneSlabSolver(averagedSlab(scenario), across);
        slab.useSteadyGuess();
        slab.solveSteady();
        copyRows(slab.state());
        membrane.addWallTime((System.nanoTime() - t0) * 1e-9);
        membrane.solveSteady();
    }

    /** Copies the 1-D state {@code u1} (same x mesh) to every row; the electrode potential to its ψ̂ at x = 0. */
    private void copyRows(double[] u1) {
        double[] u = membrane.state();
        int nx = model.nx;
        int m = model.m;
        int a = model.membraneStart;
        int b = model.membraneEnd;
        double[] x = across.nodePositionsNm();
        for (int j = 0; j < model.ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                for (int v = 0; v < m; v++) {
                    double value = u1[i * m + v];
                    if (v > 0 && model.kind(k * m + v) == EquationKind.INACTIVE) {
                        value = 0.0;
                    } else if (v > 0 && value == 0.0 && i > a && i < b) {
                        double f = (x[i] - x[a]) / (x[b] - x[a]);
                        value = (1 - f) * u1[a * m + v] + f * u1[b * m + v];
                    }
                    u[k * m + v] = value;
                }
            }
        }
        if (model.currentClamped()) {
            model.setElectrodePotential(u1[0]);
        }
        for (int k : model.insideElectrodeNodes()) {
            u[k * m] = model.electrodePotential();
        }
    }

    /**
     * Advances the state to simulated time {@code endTimeS} (s) with implicit Euler and adaptive steps from the filled
     * baths or the state of an earlier solve ({@link DiscreteMembrane#advanceTo}): V_m and the membrane currents
     * (averaged over the membrane's area) at every accepted step, y-averaged profiles to {@code control.snapshots()},
     * checkpoints to {@code control}, from which {@link #restore} continues exactly.
     *
     * @return true if {@code endTimeS} was reached, false if {@code control} asked to stop first
     * @throws ConvergenceException if a time step cannot be completed
     */
    public boolean advanceTo(double endTimeS, double relativeTolerance, RunControl control) {
        return membrane.advanceTo(endTimeS, null, relativeTolerance, control);
    }

    /**
     * Continues from {@code cp}: state, stepping state, time series and counters, so that the run goes on exactly
     * as it would have without the stop.
     *
     * @throws UserInputException if the checkpoint belongs to another mesh or species set
     */
    public void restore(Checkpoint cp, double relativeTolerance) {
        membrane.restore(cp, relativeTolerance);
    }

    /** The present membrane potential V_m = ψ(inside electrode) − ψ(outside electrode), mV. */
    public double membranePotentialMv() {
        return membrane.membranePotentialMv();
    }

    /** Simulated time so far, s. */
    public double timeS() {
        return membrane.timeS();
    }

    /** Accepted time steps so far. */
    public int timeSteps() {
        return membrane.timeSteps();
    }

    /** The result of the last solve (with the time series if time was simulated). */
    public RunResult result() {
        return membrane.result();
    }

    /**
     * Total flux of species {@code species} through each column of x-edges (between node columns c and c + 1) at
     * the present state, from one evaluation (dimensionless: flux density × height).
     */
    public double[] fluxesThroughColumns(int species) {
        NewtonSolver newton = membrane.newton();
        newton.assembler().evaluateFluxes(membrane.state());
        double[] f = new double[model.nx - 1];
        for (int c = 0; c < f.length; c++) {
            f[c] = newton.assembler().speciesFlux(model.columnEdges(c), species);
        }
        return f;
    }

    /** The discrete model. */
    public PnpModel model() {
        return model;
    }

    /** The state vector, live. */
    public double[] state() {
        return membrane.state();
    }

    /** GMRES iterations used so far. */
    public int linearIterations() {
        return membrane.newton().linearIterations();
    }
}
