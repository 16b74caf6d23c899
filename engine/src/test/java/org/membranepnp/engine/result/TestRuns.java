package org.membranepnp.engine.result;

import java.util.List;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;

/** Small hand-made run results: K⁺ and Cl⁻, three nodes. */
final class TestRuns {
    static final double T = 310.15;

    private TestRuns() {
    }

    static Scenario scenario(double[] insideMm, double[] outsideMm) {
        List<Species> species = List.of(new Species("K", 1, 1.96e-9), new Species("Cl", -1, 2.03e-9));
        Bath inside = new Bath(1.0, 80, insideMm);
        Bath outside = new Bath(2.0, 78, outsideMm);
        Membrane m = new Membrane(5, 5.6, new double[] {1e-6, 0.45e-6}, 0.0, 0.0, 1e-6);
        Boundary b = new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0.0, 0.0);
        return new Scenario("two ions, three nodes", 1, T, species, inside, outside, m, b, MeshSpec.DEFAULT,
                RunSpec.steady());
    }

    /** A steady result with both species on both sides. */
    static RunResult steady() {
        Scenario s = scenario(new double[] {140, 140}, new double[] {4, 4});
        Profiles p = new Profiles(new double[] {0.0, 1000.0, 3005.0}, new double[] {-80.123456789012345, -1e-17, 0.0},
                new double[][] {{140.0, 1e-4, 4.0}, {139.99999999999997, 1.2345678901234567e-5, 4.0}},
                new double[] {2.5e-10, -3.0e5, 0.0}, 1, 1);
        return new RunResult(s, p, null, -80.123456789012345, -75.5,
                new double[] {140.0, 139.99999999999997}, new double[] {4.0, 4.0},
                new double[] {141.2, 138.1}, new double[] {3.9, 4.2},
                new double[] {1.5e-9, -2.5e-10}, -8.0e-4, 1.2e-9, 3.4e-12, 17, 1e-11, 0, 0.25, 2);
    }

    /**
     * A steady result of K⁺, Na⁺ and Cl⁻ with the given pump and Na⁺ permeability (cm/s); the surface
     * concentrations differ from the bulk ones.
     */
    static RunResult pumped(NaKPump pump, double pNaCmPerS) {
        List<Species> species = List.of(new Species("K", 1, 1.96e-9), new Species("Na", 1, 1.33e-9),
                new Species("Cl", -1, 2.03e-9));
        Bath inside = new Bath(1.0, 80, new double[] {140, 15, 155});
        Bath outside = new Bath(1.0, 80, new double[] {4, 145, 149});
        Membrane m = new Membrane(5, 5.6, new double[] {1e-7, pNaCmPerS, 4.5e-8}, 0.0, 0.0, 1e-6);
        Boundary b = new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0.0, 0.0);
        Scenario s = new Scenario("pumped cell", 1, T, species, inside, outside, m, b, MeshSpec.DEFAULT,
                RunSpec.steady(), pump);
        Profiles p = new Profiles(new double[] {0.0, 1000.0, 2005.0}, new double[] {-77.0, -1e-3, 0.0},
                new double[][] {{140.0, 1e-4, 4.0}, {15.0, 1e-5, 145.0}, {155.0, 1e-4, 149.0}},
                new double[] {-1e-3, 0.0, 1e-3}, 1, 1);
        return new RunResult(s, p, null, -77.0, -70.0,
                new double[] {139.0, 16.0, 155.0}, new double[] {4.0, 145.0, 149.0},
                new double[] {150.0, 18.0, 140.0}, new double[] {5.0, 150.0, 140.0},
                new double[] {1.2e-8, -1.7e-8, 1e-10}, -8.0e-4, 1e-9, 1e-12, 9, 1e-11, 0, 0.5, 2);
    }

    /** A transient result: Cl missing outside at the end, an initial outside bath without ions, NaN conservation error. */
    static RunResult transientWithGaps() {
        Scenario s = scenario(new double[] {140, 10}, new double[] {0, 0});
        Profiles p = new Profiles(new double[] {0.0, 1000.0, 3005.0}, new double[] {-60.0, -30.0, 0.0},
                new double[][] {{140.0, 1e-4, 4.0}, {10.0, 0.0, 0.0}},
                new double[] {0.0, Double.NaN, 0.0}, 1, 1);
        TimeSeries ts = new TimeSeries(new double[] {0.0, 1e-6, 2.5e-6, 1e-3},
                new double[] {0.0, -10.0, -30.5, -60.0},
                new double[][] {{0.0, 1e-3, 2e-3, 3e-3}, {0.0, -1e-4, Double.POSITIVE_INFINITY, 1e-300}});
        return new RunResult(s, p, ts, -60.0, -55.0,
                new double[] {140.0, 10.0}, new double[] {4.0, 0.0},
                new double[] {140.0, 10.0}, new double[] {4.0, 0.0},
                new double[] {1e-9, 0.0}, -6.0e-4, 0.0, Double.NaN, 120, 1e-9, 42, 1.5, 2);
    }
}
