package org.membranepnp.solver;

import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MembraneSide;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.SurfacePatch;
import org.membranepnp.engine.result.Checkpoint;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.ParameterSchedule;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.HeapBudget;
import org.membranepnp.solver.mesh.LateralMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.mesh.Mesh2D;
import org.membranepnp.solver.mesh.PatchMeshBuilder;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.newton.NewtonSolver;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * A 2-D slab (inside bath | membrane with pores | outside bath, extended along the membrane between two mirror
 * planes): its steady state, and time courses.
 *
 * <p>Steady state: the start is the 1-D steady state of the same slab with the membrane's area-averaged
 * permeabilities ({@link Scenario#areaAveragedPermeabilitiesMPerS}), copied to every row. With a voltage clamp one
 * Newton solve follows. With a current clamp the inside electrode's potential V̂ is one more Newton unknown, with the
 * global equation I = I_clamp H, I the total outward current through the middle column of membrane edges
 * ({@link NewtonSolver#setCurrentClamp}: a bordered Newton system solved by block elimination).
 *
 * <p>Time course ({@link #advanceTo}): implicit Euler with the step control of {@link TransientSolver}, from the
 * freshly filled baths (as in 1-D, {@link org.membranepnp.solver.fv.InitialState#fillUniform}) or from the state
 * of an earlier solve. With a current clamp the electrode potential is one more Newton unknown with the global
 * equation I_ionic + I_displacement = I_clamp through the middle membrane column (a bordered Newton system,
 * {@link NewtonSolver#setCurrentClamp}).
 */
public final class MembranePlaneSolver {
    /** Newton tolerance of each solve (scaled update), as in 1-D. */
    public static final double TOLERANCE = SteadyStateSolver.TOLERANCE;
    private static final int NEWTON_ITERATIONS = 40;

    private final Scenario scenario;
    private final Mesh1D across;
    private final PnpModel model;
    private final int[] midEdges;
    private final NewtonSolver newton;
    private final double[] u;
    private ProgressListener progress = ProgressListener.NONE;
    private int newtonIterations;
    private double lastResidual = Double.NaN;
    private double wallTimeS;
    private boolean started;
    private double timeNd;
    private int timeSteps;
    private TransientSolver stepper;
    private double stepperTolerance;
    private TimeSeriesRecorder recorder;

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
        this.midEdges = model.columnEdges(midColumn());
        this.newton = new NewtonSolver(model, pool);
        this.u = new double[model.n * model.m];
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
        this.progress = listener;
        newton.setListener(listener, verbose);
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
                averagedFaceChargeCPerM2(scenario, MembraneSide.INSIDE),
                averagedFaceChargeCPerM2(scenario, MembraneSide.OUTSIDE), m.partitionCoefficient());
        return new Scenario(scenario.title(), 1, scenario.temperatureK(), scenario.species(), scenario.inside(),
                scenario.outside(), avg, scenario.boundary(), scenario.mesh(), scenario.run(), scenario.pump(),
                scenario.schedules(), Lateral.NONE, ParticleSpec.NONE);
    }

    /**
     * The charge of a membrane face averaged over the membrane's area, C/m²: the uniform charge on the lipid (not on
     * the pores) plus each surface patch of that face on its lipid part, over the whole area (H, or π H²).
     */
    static double averagedFaceChargeCPerM2(Scenario scenario, MembraneSide side) {
        Lateral lat = scenario.lateral();
        double h = lat.heightNm();
        double uniform = side == MembraneSide.INSIDE ? scenario.membrane().insideSurfaceChargeCPerM2()
                : scenario.membrane().outsideSurfaceChargeCPerM2();
        double charge = uniform * lipidMeasure(lat, 0, h);
        for (SurfacePatch p : lat.surfacePatches()) {
            if (p.side() == side) {
                charge += p.chargeCPerM2() * lipidMeasure(lat, p.fromNm(), p.toNm());
            }
        }
        return charge / measure(lat, 0, h);
    }

    /** The area (planar: length) of [from, to] along y that is lipid, not pore. */
    private static double lipidMeasure(Lateral lat, double from, double to) {
        double m = measure(lat, from, to);
        for (Channel c : lat.channels()) {
            double lo = Math.max(from, lat.poreLowerNm(c));
            double hi = Math.min(to, lat.poreUpperNm(c));
            if (hi > lo) {
                m -= measure(lat, lo, hi);
            }
        }
        return m;
    }

    /** Length (planar) or ring area (axisymmetric) of [from, to]. */
    private static double measure(Lateral lat, double from, double to) {
        return lat.axisymmetric() ? Math.PI * (to * to - from * from) : to - from;
    }

    /** Solves for the steady state. */
    public void solveSteady() {
        long t0 = System.nanoTime();
        try {
            start();
            newtonSolve();
        } finally {
            wallTimeS += (System.nanoTime() - t0) * 1e-9;
        }
    }

    /**
     * Fills u from the 1-D steady state of the averaged slab on the same x mesh; the closed compartments keep what
     * the filled baths hold ({@link #fillBaths}).
     */
    private void start() {
        MembraneSlabSolver slab = copyFilledSlab();
        slab.useSteadyGuess();
        slab.solveSteady();
        copyRows(slab.state());
        started = true;
    }

    /**
     * Replaces the state by the freshly filled baths: each row the 1-D filled slab of the averaged scenario
     * ({@link org.membranepnp.solver.fv.InitialState#fillUniform}: bulk concentrations, uncharged membrane, double
     * layers only at charged faces), time 0.
     */
    public void fillBaths() {
        copyFilledSlab();
        started = true;
        timeNd = 0;
        stepper = null;
        recorder = null;
    }

    /**
     * Copies the freshly filled 1-D slab of the averaged scenario to every row and makes the closed compartments keep
     * what it holds; returns that slab.
     */
    private MembraneSlabSolver copyFilledSlab() {
        MembraneSlabSolver slab = new MembraneSlabSolver(averagedSlab(scenario), across);
        copyRows(slab.state());
        model.keepAmountsOf(u);
        return slab;
    }

    /** Copies the 1-D state {@code u1} (same x mesh) to every row; the electrode potential to its ψ̂ at x = 0. */
    private void copyRows(double[] u1) {
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
        if (!model.currentClamped()) {
            // a voltage clamp holds its electrode where the scenario says (schedules change it from there on)
            model.setElectrodePotential(model.scales.potentialFromMv(scenario.boundary().voltageMv()));
        } else {
            model.setElectrodePotential(u1[0]);
        }
        for (int k : model.insideElectrodeNodes()) {
            u[k * m] = model.electrodePotential();
        }
    }

    private void newtonSolve() {
        NewtonResult res = newton.solve(u, NEWTON_ITERATIONS, TOLERANCE);
        newtonIterations += res.iterations();
        lastResidual = res.residualNorm();
        if (!res.converged()) {
            double mv = model.scales.potentialToMv(model.electrodePotential());
            throw new ConvergenceException("2-D steady state not found at the electrode potential "
                    + String.format(java.util.Locale.ROOT, "%.6g mV", mv) + " (" + res.reason()
                    + "); try a finer [mesh] cells", lastResidual);
        }
    }

    /** The x-edge column in the middle of the membrane. */
    int midColumn() {
        return (model.membraneStart + model.membraneEnd) / 2;
    }

    /**
     * Advances the state to simulated time {@code endTimeS} (s) with implicit Euler and the adaptive steps of
     * {@link TransientSolver} (local error relative to {@code relativeTolerance}), starting from the filled baths
     * ({@link #fillBaths}) unless a state was already solved; records V_m and the membrane currents at every
     * accepted step and hands y-averaged profiles to {@code control.snapshots()}. With a current clamp the
     * electrode potential follows from the total current through the middle membrane column,
     * Σ_j [Σ_i z_i F_i + T_ε Δ(ψ_L − ψ_R)/(Γ Δt̂)] = I_clamp A. Checkpoints go to {@code control} every
     * {@code control.checkpointIntervalS()} of wall time, and a last one when the run is stopped or a step fails, as
     * in 1-D: {@link #restore} continues exactly.
     *
     * @return true if {@code endTimeS} was reached, false if {@code control} asked to stop first
     * @throws ConvergenceException if a time step cannot be completed
     */
    public boolean advanceTo(double endTimeS, double relativeTolerance, RunControl control) {
        long t0 = System.nanoTime();
        if (!started) {
            fillBaths();
        }
        if (stepper == null || stepperTolerance != relativeTolerance) {
            newStepper(relativeTolerance);
        }
        if (recorder == null) {
            recorder = new TimeSeriesRecorder(model, newton.assembler());
            recorder.record(timeNd, u);
        }
        ProfileSnapshots snapshots = control.snapshots();
        snapshotIfDue(snapshots, timeNd);
        int iterationsBefore = stepper.iterations();
        int stepsBefore = stepper.steps();
        Checkpoints.Cadence cadence = new Checkpoints.Cadence(control.checkpointIntervalS());
        double ts = model.scales.timeS;
        boolean finished;
        try {
            double reached = stepper.integrate(u, timeNd, endTimeS / ts, null, (tau, state) -> {
                timeNd = tau;
                recorder.record(tau, u);
                snapshotIfDue(snapshots, tau);
                if (cadence.due()) {
                    control.checkpoints().accept(checkpoint(stepper.steps() - stepsBefore,
                            stepper.iterations() - iterationsBefore, (System.nanoTime() - t0) * 1e-9));
                    cadence.taken();
                }
            }, progress, control.stopRequested());
            finished = reached >= endTimeS / ts;
            timeNd = reached;
        } catch (ConvergenceException e) {
            // keep what was computed: the state of the last accepted step, from which the run could go on
            control.checkpoints().accept(checkpoint(stepper.steps() - stepsBefore,
                    stepper.iterations() - iterationsBefore, (System.nanoTime() - t0) * 1e-9));
            throw e;
        } finally {
            newtonIterations += stepper.iterations() - iterationsBefore;
            timeSteps += stepper.steps() - stepsBefore;
            lastResidual = stepper.lastResidual();
            wallTimeS += (System.nanoTime() - t0) * 1e-9;
        }
        if (!finished) {
            control.checkpoints().accept(checkpoint(0, 0, 0));
        }
        return finished;
    }

    /** A checkpoint of the present state; the extra counts are those of a time course still under way. */
    private Checkpoint checkpoint(int extraSteps, int extraIterations, double extraWallS) {
        return Checkpoints.of(stepper, timeS(), timeNd, model.n, model.m, u, recorder.build(),
                newtonIterations + extraIterations, timeSteps + extraSteps, wallTimeS + extraWallS);
    }

    /**
     * Continues from {@code cp}: state, stepping state, time series and counters, so that the run goes on exactly
     * as it would have without the stop. The closed compartments keep the amounts of the filled baths, as in the
     * run that took the checkpoint.
     *
     * @throws UserInputException if the checkpoint belongs to another mesh or species set
     */
    public void restore(Checkpoint cp, double relativeTolerance) {
        Checkpoints.requireShape(cp, model.n, model.m);
        fillBaths();
        System.arraycopy(cp.state(), 0, u, 0, u.length);
        timeNd = cp.solverTime();
        newStepper(relativeTolerance);
        stepper.restore(cp.previousState(), cp.previousStep(), cp.nextStep());
        recorder = new TimeSeriesRecorder(model, newton.assembler());
        recorder.restore(cp.series());
        newtonIterations = cp.newtonIterations();
        timeSteps = cp.timeSteps();
        wallTimeS = cp.wallTimeS();
    }

    /** A fresh integrator of the 2-D equations with the scenario's schedules. */
    private void newStepper(double relativeTolerance) {
        stepper = new TransientSolver(model, newton, relativeTolerance);
        stepperTolerance = relativeTolerance;
        if (!scenario.schedules().isEmpty()) {
            stepper.setSchedule(new ParameterSchedule(model, scenario.schedules()));
        }
    }

    private void snapshotIfDue(ProfileSnapshots snapshots, double tau) {
        double timeS = tau * model.scales.timeS;
        if (timeS >= snapshots.nextTimeS() * (1 - 1e-12)) {
            snapshots.take(timeS, membranePotentialMv(), PlaneResultBuilder.profiles(model, across, u));
        }
    }

    /** The present membrane potential V_m = ψ(inside electrode) − ψ(outside electrode), mV. */
    public double membranePotentialMv() {
        return model.scales.potentialToMv(u[0] - u[(model.nx - 1) * model.m]);
    }

    /** Simulated time so far, s. */
    public double timeS() {
        return timeNd * model.scales.timeS;
    }

    /** Accepted time steps so far. */
    public int timeSteps() {
        return timeSteps;
    }

    /** The result of the last solve (with the time series if time was simulated). */
    public RunResult result() {
        newton.evaluate(u);
        return PlaneResultBuilder.build(model, across, newton.assembler(), u, midEdges,
                recorder == null ? null : recorder.build(), newtonIterations, lastResidual, timeSteps, wallTimeS);
    }

    /**
     * Total flux of species {@code species} through each column of x-edges (between node columns c and c + 1) at
     * the present state, from one evaluation (dimensionless: flux density × height).
     */
    public double[] fluxesThroughColumns(int species) {
        newton.evaluate(u);
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
        return u;
    }

    /** GMRES iterations used so far. */
    public int linearIterations() {
        return newton.linearIterations();
    }
}
