package org.membranepnp.solver;

import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.GhkFlux;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.PnpModel2D;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.LateralMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.mesh.Mesh2D;
import org.membranepnp.solver.newton.NewtonResult;
import org.membranepnp.solver.newton.NewtonSolver2D;
import org.membranepnp.solver.parallel.WorkerPool;

/**
 * A 2-D slab (inside bath | membrane with pores | outside bath, extended along the membrane between two mirror
 * planes) and its steady state.
 *
 * <p>The start is the 1-D steady state of the same slab with the membrane's area-averaged permeabilities
 * ({@link Scenario#areaAveragedPermeabilitiesMPerS}), copied to every row. With a voltage clamp one Newton solve
 * follows. With a current clamp the inside electrode's potential V is the unknown of the global condition
 * I(V) = I_clamp, I the total outward current through the middle of the membrane per unit height, found by the
 * secant method, each I(V) from a converged Newton solve (warm-started from the last).
 */
public final class MembranePlaneSolver {
    /** Newton tolerance of each solve (scaled update), as in 1-D. */
    public static final double TOLERANCE = SteadyStateSolver.TOLERANCE;
    /** The electrode potential is converged when the secant step is below this, in V_T. */
    public static final double POTENTIAL_TOLERANCE = 1e-9;
    private static final int MAX_SECANT_STEPS = 40;
    private static final int NEWTON_ITERATIONS = 40;

    private final Scenario scenario;
    private final PnpModel2D model;
    private final NewtonSolver2D newton;
    private final double[] u;
    private ProgressListener progress = ProgressListener.NONE;
    private int newtonIterations;
    private double lastResidual = Double.NaN;
    private double wallTimeS;
    private int secantSteps;

    /**
     * Meshes {@code scenario} at the default resolution, or, with {@code mesh.cells}, every cell scaled by the same
     * factor in x and y so that the 2-D mesh has about that many cells.
     *
     * @throws org.membranepnp.engine.UserInputException if the requested count is too coarse for the Debye layers
     */
    public MembranePlaneSolver(Scenario scenario, WorkerPool pool) {
        this(scenario, pool, resolution(scenario));
    }

    private MembranePlaneSolver(Scenario scenario, WorkerPool pool, double scale) {
        this(scenario, GradedMeshBuilder.plan(scenario, scale).build(), scale, pool);
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
        double debye = Math.min(debyeNm(scenario.inside(), scenario), debyeNm(scenario.outside(), scenario));
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
        double debye = Math.min(debyeNm(scenario.inside(), scenario), debyeNm(scenario.outside(), scenario));
        double[] y = LateralMeshBuilder.build(scenario.lateral(), debye, lateralScale);
        this.model = new PnpModel2D(scenario, new Mesh2D(across, y, scenario.lateral()));
        this.newton = new NewtonSolver2D(model, pool);
        this.u = new double[model.n * model.m];
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
        Membrane avg = new Membrane(m.thicknessNm(), m.permittivity(), cmPerS, m.insideSurfaceChargeCPerM2(),
                m.outsideSurfaceChargeCPerM2(), m.partitionCoefficient());
        return new Scenario(scenario.title(), 1, scenario.temperatureK(), scenario.species(), scenario.inside(),
                scenario.outside(), avg, scenario.boundary(), scenario.mesh(), scenario.run(), scenario.pump(),
                scenario.schedules(), Lateral.NONE, ParticleSpec.NONE);
    }

    /** Solves for the steady state. */
    public void solveSteady() {
        long t0 = System.nanoTime();
        try {
            start();
            if (scenario.boundary().clamp() == ClampKind.VOLTAGE) {
                model.setElectrodePotential(model.scales.potentialFromMv(scenario.boundary().voltageMv()));
                newtonSolve();
            } else {
                findClampPotential(model.scales.currentFromAPerM2(scenario.boundary().currentAPerM2()));
            }
        } finally {
            wallTimeS += (System.nanoTime() - t0) * 1e-9;
        }
    }

    /** Fills u from the 1-D steady state of the averaged slab on the same x mesh. */
    private void start() {
        MembraneSlabSolver slab = new MembraneSlabSolver(averagedSlab(scenario), model.mesh.across());
        slab.useSteadyGuess();
        slab.solveSteady();
        double[] u1 = slab.state();
        int nx = model.nx;
        int m = model.m;
        int a = model.membraneStart;
        int b = model.membraneEnd;
        double[] x = model.mesh.across().nodePositionsNm();
        for (int j = 0; j < model.ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                for (int v = 0; v < m; v++) {
                    double value = u1[i * m + v];
                    if (v > 0 && model.kind[k * m + v] == EquationKind.INACTIVE) {
                        value = 0.0;
                    } else if (v > 0 && value == 0.0 && i > a && i < b) {
                        double f = (x[i] - x[a]) / (x[b] - x[a]);
                        value = (1 - f) * u1[a * m + v] + f * u1[b * m + v];
                    }
                    u[k * m + v] = value;
                }
            }
        }
        model.setElectrodePotential(u1[0]);
    }

    private void newtonSolve() {
        NewtonResult res = newton.solve(u, NEWTON_ITERATIONS, TOLERANCE);
        newtonIterations += res.iterations();
        lastResidual = res.residualNorm();
        if (!res.converged()) {
            throw new ConvergenceException("2-D steady state not found at the electrode potential "
                    + String.format(java.util.Locale.ROOT, "%.6g mV", model.scales.potentialToMv(model.electrodePotential()))
                    + " (" + res.reason() + "); try a finer [mesh] cells", lastResidual);
        }
    }

    /** The outward membrane current per unit height at the present state, dimensionless. */
    private double currentDensity() {
        newton.evaluate(u);
        return newton.assembler().chargeFluxThroughColumn(midColumn()) / model.height;
    }

    /** The x-edge column in the middle of the membrane. */
    int midColumn() {
        return (model.membraneStart + model.membraneEnd) / 2;
    }

    /**
     * The inside electrode potential for I(V) = target: a first step with the GHK slope conductance of the
     * area-averaged permeabilities, then the secant method. It stops when the next step would be below
     * {@link #POTENTIAL_TOLERANCE}, keeping the last solved state (its V is then within that of the root).
     */
    private void findClampPotential(double target) {
        double v0 = model.electrodePotential();
        newtonSolve();
        double f0 = currentDensity() - target;
        double slope = ghkSlope(v0);
        double delta = slope > 0 ? -f0 / slope : 0.02;
        if (Math.abs(delta) < POTENTIAL_TOLERANCE) {
            return;
        }
        double v1 = v0 + Math.max(-2.0, Math.min(2.0, delta));
        for (int step = 0; step < MAX_SECANT_STEPS; step++) {
            model.setElectrodePotential(v1);
            newtonSolve();
            secantSteps++;
            double f1 = currentDensity() - target;
            progress.onClampStep(step + 1, model.scales.potentialToMv(v1),
                    (f1 + target) / model.scales.currentFromAPerM2(1.0));
            if (f1 == 0.0 || f1 == f0) {
                return;
            }
            delta = Math.max(-2.0, Math.min(2.0, -f1 * (v1 - v0) / (f1 - f0)));
            if (Math.abs(delta) < POTENTIAL_TOLERANCE) {
                return;
            }
            v0 = v1;
            f0 = f1;
            v1 += delta;
        }
        throw new ConvergenceException("2-D steady state: the membrane potential did not settle in " + MAX_SECANT_STEPS
                + " secant steps; try a finer [mesh] cells", lastResidual);
    }

    /** dI/dψ̂ of the bulk GHK currents with the area-averaged permeabilities at ψ̂ (dimensionless), or 0. */
    private double ghkSlope(double psi) {
        double g = GhkFlux.totalConductanceSPerM2(scenario.charges(), scenario.areaAveragedPermeabilitiesMPerS(),
                scenario.inside().concentrationsMm(), scenario.outside().concentrationsMm(),
                model.scales.potentialToMv(psi), scenario.temperatureK());
        double slope = model.scales.currentFromAPerM2(g * model.scales.thermalVoltageV);
        return Double.isFinite(slope) ? slope : 0.0;
    }

    /** The result of the last solve. */
    public RunResult result() {
        newton.evaluate(u);
        return PlaneResultBuilder.build(model, newton.assembler(), u, midColumn(), newtonIterations, lastResidual,
                wallTimeS);
    }

    /**
     * Total flux of species {@code species} through the x-edges between node columns {@code column} and
     * {@code column + 1} at the present state (dimensionless: flux density × height).
     */
    public double fluxThroughColumn(int column, int species) {
        newton.evaluate(u);
        return newton.assembler().speciesFluxThroughColumn(column, species);
    }

    /** The discrete model. */
    public PnpModel2D model() {
        return model;
    }

    /** The state vector, live. */
    public double[] state() {
        return u;
    }

    /** Secant steps on the electrode potential (0 with a voltage clamp). */
    public int secantSteps() {
        return secantSteps;
    }

    /** GMRES iterations used so far. */
    public int linearIterations() {
        return newton.linearIterations();
    }
}
