package org.membranepnp.solver.mesh;

import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.MembraneSide;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.SurfacePatch;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * Builds the 1D mesh from the physics: cells of ℓ / {@value #CELLS_PER_DEBYE_AT_FACE} at each membrane face, with ℓ
 * the thinner of the bath's Debye length λ_D and the Gouy–Chapman length of the face's layer
 * ℓ_GC = 2ε₀ε_r V_T / (z |σ|) (z the bath's largest valence, σ the face's fixed charge plus the charge of the
 * membrane capacitor at {@value #LAYER_POTENTIAL_MV} mV), which is the layer's width when it is strongly charged;
 * growing smoothly (about {@value #GROWTH_PER_CELL} per cell) into the bulk, and a uniform membrane.
 *
 * <p>Each bath is the image of a uniform grid in ξ ∈ [0, 1] under s(ξ) = (h_f/g)(e^{gΞξ} − 1), where s is
 * the distance from the membrane face, h_f the face cell size and Ξ = ln(1 + gW/h_f)/g the number of cells at
 * the base resolution. Because the map is smooth, doubling the ξ grid halves every cell and keeps the
 * method's second order.
 */
public final class GradedMeshBuilder {
    /** Cells per Debye length at a membrane face at the default resolution. */
    public static final double CELLS_PER_DEBYE_AT_FACE = 12.0;
    /** Relative growth of consecutive bath cells at the default resolution. */
    public static final double GROWTH_PER_CELL = 0.08;
    /** Cells across the membrane at the default resolution. */
    public static final int MEMBRANE_CELLS = 10;
    /** The membrane potential whose capacitor charge the face cells are sized for, mV. */
    public static final double LAYER_POTENTIAL_MV = 100.0;
    /** Fewest cells per Debye length at a face that still resolve the layer. */
    public static final double MIN_CELLS_PER_DEBYE = 3.0;

    private GradedMeshBuilder() {
    }

    /**
     * The mesh for {@code scenario}: the default resolution, or about {@code scenario.mesh().cells()} cells.
     *
     * @throws UserInputException if the requested count is too coarse to resolve the Debye layer, or the 1-D solve
     *                            on the mesh would not fit in the Java heap ({@link HeapBudget})
     */
    public static Mesh1D build(Scenario scenario) {
        Plan plan = planFor(scenario);
        budget(scenario, plan).check();
        return plan.build();
    }

    /**
     * The memory of the 1-D solve of {@code scenario} on the mesh {@link #build} would build, estimated without
     * building it.
     *
     * @throws UserInputException if the requested count is too coarse to resolve the Debye layer
     */
    public static HeapBudget budget(Scenario scenario) {
        return budget(scenario, planFor(scenario));
    }

    private static HeapBudget budget(Scenario scenario, Plan plan) {
        HeapBudget one = HeapBudget.slab(scenario.mesh().cells(), plan.totalCells(), scenario.speciesCount());
        // a steady state is also solved on the mesh with every cell halved, for its error estimate
        return scenario.run().mode() == org.membranepnp.engine.model.RunMode.STEADY ? one.withRefinement() : one;
    }

    /**
     * The plan of {@link #build}, without building: the default resolution, or every cell scaled alike to give about
     * {@code scenario.mesh().cells()} cells.
     *
     * @throws UserInputException if the requested count is too coarse to resolve the Debye layer
     */
    public static Plan planFor(Scenario scenario) {
        Plan base = plan(scenario, 1.0);
        int requested = scenario.mesh().cells();
        if (requested <= 0) {
            return base;
        }
        double scale = (double) base.totalCells() / requested;
        double maxScale = CELLS_PER_DEBYE_AT_FACE / MIN_CELLS_PER_DEBYE;
        if (scale > maxScale) {
            int minimum = (int) Math.ceil(base.totalCells() / maxScale);
            throw new UserInputException(String.format(
                    "mesh.cells = %d is too coarse to resolve the Debye layer (%.3g nm): use at least %d cells "
                            + "(or leave mesh.cells out for the default %d)",
                    requested, Math.min(base.faceCellInsideNm, base.faceCellOutsideNm) * CELLS_PER_DEBYE_AT_FACE,
                    minimum, base.totalCells()));
        }
        return plan(scenario, scale);
    }

    /**
     * A bound on |σ| anywhere on face {@code side}, C/m²: its uniform charge plus every surface patch of that side
     * (in 2-D the layer at a patch must be resolved as well as a uniformly charged face).
     */
    static double largestFaceCharge(Scenario scenario, MembraneSide side) {
        double sigma = Math.abs(side == MembraneSide.INSIDE ? scenario.membrane().insideSurfaceChargeCPerM2()
                : scenario.membrane().outsideSurfaceChargeCPerM2());
        for (SurfacePatch p : scenario.lateral().surfacePatches()) {
            if (p.side() == side) {
                sigma += Math.abs(p.chargeCPerM2());
            }
        }
        return sigma;
    }

    /** The grading plan at a resolution {@code scale} (1 = default; 0.5 = every cell about halved). */
    public static Plan plan(Scenario scenario, double scale) {
        double t = scenario.temperatureK();
        int[] z = scenario.charges();
        var membrane = scenario.membrane();
        double capacitorCharge = PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * membrane.permittivity()
                / (membrane.thicknessNm() * 1e-9) * LAYER_POTENTIAL_MV * 1e-3;
        double lambdaIn = Math.min(debyeNm(scenario.inside(), z, t), gouyChapmanNm(scenario.inside(), z, t,
                largestFaceCharge(scenario, MembraneSide.INSIDE) + capacitorCharge));
        double lambdaOut = Math.min(debyeNm(scenario.outside(), z, t), gouyChapmanNm(scenario.outside(), z, t,
                largestFaceCharge(scenario, MembraneSide.OUTSIDE) + capacitorCharge));
        double wIn = scenario.inside().widthUm() * 1e3;
        double wOut = scenario.outside().widthUm() * 1e3;
        double d = scenario.membrane().thicknessNm();
        double hIn = scale * Math.min(lambdaIn, wIn) / CELLS_PER_DEBYE_AT_FACE;
        double hOut = scale * Math.min(lambdaOut, wOut) / CELLS_PER_DEBYE_AT_FACE;
        double g = scale * GROWTH_PER_CELL;
        int nIn = Math.max(2, (int) Math.ceil(Math.log1p(g * wIn / hIn) / g));
        int nOut = Math.max(2, (int) Math.ceil(Math.log1p(g * wOut / hOut) / g));
        int nMem = Math.max(2, (int) Math.ceil(MEMBRANE_CELLS / scale));
        return new Plan(wIn, d, wOut, hIn, hOut, g, nIn, nMem, nOut);
    }

    /** ℓ_GC = 2ε₀ε_r V_T / (z_max |σ|), nm: the width of a strongly charged diffuse layer. */
    private static double gouyChapmanNm(Bath bath, int[] z, double temperatureK, double sigmaCPerM2) {
        int zMax = 1;
        for (int i = 0; i < z.length; i++) {
            if (bath.concentrationMm(i) > 0) {
                zMax = Math.max(zMax, Math.abs(z[i]));
            }
        }
        return 2 * PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * bath.permittivity()
                * PhysicalConstants.thermalVoltageV(temperatureK) / (zMax * sigmaCPerM2) * 1e9;
    }

    private static double debyeNm(Bath bath, int[] z, double temperatureK) {
        return DebyeLength.nm(bath.permittivity(), z, bath.concentrationsMm(), temperatureK);
    }

    /** A grading plan: region widths, face cell sizes, growth and cell counts. */
    public static final class Plan {
        final double insideWidthNm;
        final double membraneThicknessNm;
        final double outsideWidthNm;
        final double faceCellInsideNm;
        final double faceCellOutsideNm;
        final double growth;
        final int insideCells;
        final int membraneCells;
        final int outsideCells;

        Plan(double insideWidthNm, double membraneThicknessNm, double outsideWidthNm, double faceCellInsideNm,
             double faceCellOutsideNm, double growth, int insideCells, int membraneCells, int outsideCells) {
            this.insideWidthNm = insideWidthNm;
            this.membraneThicknessNm = membraneThicknessNm;
            this.outsideWidthNm = outsideWidthNm;
            this.faceCellInsideNm = faceCellInsideNm;
            this.faceCellOutsideNm = faceCellOutsideNm;
            this.growth = growth;
            this.insideCells = insideCells;
            this.membraneCells = membraneCells;
            this.outsideCells = outsideCells;
        }

        /** Total number of cells. */
        public int totalCells() {
            return insideCells + membraneCells + outsideCells;
        }

        /** The plan with every cell split in two. */
        public Plan refined() {
            return new Plan(insideWidthNm, membraneThicknessNm, outsideWidthNm, faceCellInsideNm,
                    faceCellOutsideNm, growth, 2 * insideCells, 2 * membraneCells, 2 * outsideCells);
        }

        /** Builds the mesh. */
        public Mesh1D build() {
            int n = totalCells();
            double[] x = new double[n + 1];
            // inside bath: node k at distance s(1 − k/nIn) from the membrane face
            for (int k = 0; k <= insideCells; k++) {
                double s = faceDistance(1.0 - (double) k / insideCells, insideWidthNm, faceCellInsideNm);
                x[k] = insideWidthNm - s;
            }
            x[0] = 0.0;
            x[insideCells] = insideWidthNm;
            for (int k = 1; k <= membraneCells; k++) {
                x[insideCells + k] = insideWidthNm + membraneThicknessNm * k / membraneCells;
            }
            double outsideFace = insideWidthNm + membraneThicknessNm;
            x[insideCells + membraneCells] = outsideFace;
            for (int k = 1; k <= outsideCells; k++) {
                double s = faceDistance((double) k / outsideCells, outsideWidthNm, faceCellOutsideNm);
                x[insideCells + membraneCells + k] = outsideFace + s;
            }
            x[n] = outsideFace + outsideWidthNm;
            return new Mesh1D(x, insideCells, insideCells + membraneCells, this);
        }

        /** s(ξ) = (h_f/g)(e^{gΞξ} − 1) with Ξ chosen so that s(1) = W. */
        private double faceDistance(double xi, double widthNm, double faceCellNm) {
            double bigXi = Math.log1p(growth * widthNm / faceCellNm) / growth;
            return faceCellNm / growth * Math.expm1(growth * bigXi * xi);
        }
    }
}
