package org.membranepnp.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.LateralGeometry;
import org.membranepnp.engine.model.MembraneSide;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.SurfacePatch;
import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * {@code [[surface_patch]]}: charge on a stretch of a membrane face. A patch over the whole face is the face's
 * uniform charge (the 1-D Gouy–Chapman slab in every row); a patch over half of a 40 nm face carries, far from its
 * ends (many Debye lengths), the face potential of the 1-D slab with its charge, and the other half that of the
 * uncharged slab.
 */
class SurfacePatchTest {
    private static final double SIGMA = -0.05;

    /** 100 mM NaCl on both sides of a sealed membrane, clamped at 0 mV; the outside face's uniform charge σ. */
    private static Scenario slab(double sigma) {
        Scenario gc = ReferenceScenarios.gouyChapman(sigma, 100, 298.15);
        return gc.withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.VOLTAGE, 0, 0));
    }

    private static Scenario patched(double fromNm, double toNm, double heightNm) {
        Scenario s = slab(0.0);
        Scenario flat = ReferenceScenarios.plane(s, 0.05, heightNm, List.of());
        return flat.withLateral(new Lateral(heightNm, List.of(), LateralGeometry.PLANAR,
                List.of(new SurfacePatch(MembraneSide.OUTSIDE, fromNm, toNm, SIGMA))));
    }

    private static RunResult solve2d(Scenario s) {
        try (WorkerPool pool = WorkerPool.create(2)) {
            MembranePlaneSolver p = new MembranePlaneSolver(s, pool);
            p.solveSteady();
            return p.result();
        }
    }

    /** φ at the outside face in the 1-D slab with the outside face's charge σ, mV. */
    private static double facePotential1d(double sigma) {
        Scenario s = slab(sigma);
        Scenario narrow = new Scenario(s.title(), 1, s.temperatureK(), s.species(),
                new org.membranepnp.engine.model.Bath(0.05, 80, s.inside().concentrationsMm()),
                new org.membranepnp.engine.model.Bath(0.05, 80, s.outside().concentrationsMm()), s.membrane(),
                s.boundary(), s.mesh(), s.run());
        RunResult r = MembraneSlabSolver.steadyOnItsMesh(narrow);
        return r.profiles().potentialMv()[r.profiles().membraneEndNode()];
    }

    @Test
    void aPatchOverTheWholeFaceIsTheUniformCharge() {
        RunResult two = solve2d(patched(0, 10, 10));
        double face = facePotential1d(SIGMA);
        Fields2D f = two.fields();
        int b = two.profiles().membraneEndNode();
        for (int j = 0; j < f.ny(); j++) {
            assertEquals(face, f.potentialMv()[f.index(b, j)], 1e-6, "φ at the outside face, row " + j);
        }
        assertTrue(face < -20, "a −0.05 C/m² face in 100 mM salt: " + face + " mV");
    }

    @Test
    void halfAPatchCarriesItsOwnLayerFarFromItsEnds() {
        RunResult two = solve2d(patched(0, 20, 40));
        double charged = facePotential1d(SIGMA);
        double bare = facePotential1d(0.0);
        Fields2D f = two.fields();
        int b = two.profiles().membraneEndNode();
        double onPatch = Double.NaN;
        double offPatch = Double.NaN;
        for (int j = 0; j < f.ny(); j++) {
            if (j == nearest(f, 5)) {
                onPatch = f.potentialMv()[f.index(b, j)];
            }
            if (j == nearest(f, 35)) {
                offPatch = f.potentialMv()[f.index(b, j)];
            }
        }
        System.out.printf("[surface patch] face φ on the patch %.4f mV (1-D %.4f), off it %.4f mV (1-D %.4f)%n",
                onPatch, charged, offPatch, bare);
        double scale = Math.abs(charged - bare);
        assertEquals(charged, onPatch, 0.01 * scale, "15 nm (19 Debye lengths) from the patch's end");
        assertEquals(bare, offPatch, 0.01 * scale, "15 nm from the patch's end, off it");
    }

    private static int nearest(Fields2D f, double yNm) {
        int best = 0;
        for (int j = 0; j < f.ny(); j++) {
            if (Math.abs(f.yNm()[j] - yNm) < Math.abs(f.yNm()[best] - yNm)) {
                best = j;
            }
        }
        return best;
    }
}
