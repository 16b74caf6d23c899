package org.membranepnp.solver.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.membranepnp.engine.analytic.GhkFlux;
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

/**
 * Random but physical 1-D steady scenarios, reproducible from a seed: 2–5 species among K⁺, Na⁺, Ca²⁺, Mg²⁺,
 * Cl⁻, SO₄²⁻ and an impermeant anion; 1e-4 to 500 mM (log-uniform), each bath made neutral by its most abundant
 * ion of the needed sign; baths 0.05–5 µm, possibly unequal; 273–320 K; membranes 3–8 nm; permeabilities 1e-10 to
 * 1e-5 cm/s; walls or reservoirs on either side; zero, current or voltage clamps between reservoirs; charged faces;
 * Na⁺/K⁺ pumps (saturating wherever a bath is closed, so that the pumped ion cannot run out).
 */
public final class RandomPhysicalScenarios {
    private static final Species[] POOL = {
        new Species("K", 1, 1.96e-9), new Species("Na", 1, 1.33e-9), new Species("Ca", 2, 0.79e-9),
        new Species("Mg", 2, 0.71e-9), new Species("Cl", -1, 2.03e-9), new Species("SO4", -2, 1.07e-9),
        new Species("A", -1, 1e-9)};
    private static final int IMPERMEANT_ANION = 6;

    /** The kinds of scenario a case can be forced to (for the stratified parts of a test). */
    public enum Kind {
        /** Anything the generator draws. */
        ANY,
        /** Walls on both sides. */
        CLOSED_BOX,
        /** Walls on both sides, one permeant species (equilibrium: Nernst of the final bulk). */
        CLOSED_NERNST,
        /**
         * Reservoirs on both sides at zero current, charged faces, only monovalent cations permeant (GHK), with
         * permeabilities up to 1e-8 cm/s so that the baths' own diffusion resistance does not count, and a partition
         * coefficient of 1e-9 so that the ions in the lipid do not bend its constant field.
         */
        GHK_CATIONS
    }

    private final SplittableRandom random;

    public RandomPhysicalScenarios(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next scenario of the given kind. */
    public Scenario next(Kind kind) {
        List<Integer> picks = pickSpecies(kind);
        int s = picks.size();
        List<Species> species = new ArrayList<>();
        for (int p : picks) {
            species.add(POOL[p]);
        }
        double[] cIn = concentrations(species);
        double[] cOut = concentrations(species);
        // the impermeant anion lives inside only (the cell's proteins), if there is another anion outside
        int a = picks.indexOf(IMPERMEANT_ANION);
        if (a >= 0 && hasOtherAnion(species, a)) {
            cOut[a] = 0;
        }
        neutralize(species, cIn);
        neutralize(species, cOut);
        double t = uniform(273, 320);
        double[] p = new double[s];
        int permeant = 0;
        for (int i = 0; i < s; i++) {
            boolean may = picks.get(i) != IMPERMEANT_ANION
                    && (kind != Kind.GHK_CATIONS || species.get(i).charge() == 1);
            if (may && random.nextDouble() < 0.75) {
                p[i] = Math.pow(10, uniform(-10, kind == Kind.GHK_CATIONS ? -8 : -5));
                permeant++;
            }
        }
        if (kind == Kind.CLOSED_NERNST) {
            java.util.Arrays.fill(p, 0);
            int i = random.nextInt(s);
            while (picks.get(i) == IMPERMEANT_ANION) {
                i = random.nextInt(s);
            }
            p[i] = Math.pow(10, uniform(-10, -5));
        } else if (permeant == 0) {
            for (int i = 0; i < s; i++) {
                if (picks.get(i) != IMPERMEANT_ANION && (kind != Kind.GHK_CATIONS || species.get(i).charge() == 1)) {
                    p[i] = Math.pow(10, uniform(-10, kind == Kind.GHK_CATIONS ? -8 : -5));
                    break;
                }
            }
        }
        double sigmaIn = chance(0.4) ? uniform(-0.05, 0.02) : 0;
        double sigmaOut = chance(0.4) ? uniform(-0.05, 0.02) : 0;
        if (kind == Kind.GHK_CATIONS) {
            sigmaIn = uniform(-0.05, 0.02);
            sigmaOut = uniform(-0.05, 0.02);
        }
        // GHK assumes a constant field: there the ions in the lipid (β c, enriched at a charged face) must not bend it
        double beta = kind == Kind.GHK_CATIONS ? 1e-9 : Membrane.DEFAULT_PARTITION_COEFFICIENT;
        Membrane membrane = new Membrane(uniform(3, 8), uniform(2, 5.6), p, sigmaIn, sigmaOut, beta);
        BoundaryKind in;
        BoundaryKind out;
        switch (kind) {
            case CLOSED_BOX, CLOSED_NERNST -> {
                in = BoundaryKind.WALL;
                out = BoundaryKind.WALL;
            }
            case GHK_CATIONS -> {
                in = BoundaryKind.RESERVOIR;
                out = BoundaryKind.RESERVOIR;
            }
            default -> {
                in = chance(0.45) ? BoundaryKind.WALL : BoundaryKind.RESERVOIR;
                out = chance(0.35) ? BoundaryKind.WALL : BoundaryKind.RESERVOIR;
            }
        }
        Bath inside = new Bath(logUniform(0.05, 5), 80, cIn);
        Bath outside = new Bath(logUniform(0.05, 5), 80, cOut);
        Boundary boundary = new Boundary(in, out, ClampKind.CURRENT, 0, 0);
        if (kind == Kind.ANY && in == BoundaryKind.RESERVOIR && out == BoundaryKind.RESERVOIR) {
            double vmMv = uniform(-120, 60);
            if (chance(0.3)) {
                boundary = new Boundary(in, out, ClampKind.VOLTAGE, 0, vmMv);
            } else if (chance(0.3)) {
                // the current that holds V_m near vmMv by the constant-field estimate
                double current = 0;
                for (int i = 0; i < s; i++) {
                    current += GhkFlux.currentAPerM2(species.get(i).charge(), p[i] * 1e-2, cIn[i], cOut[i], vmMv, t);
                }
                boundary = new Boundary(in, out, ClampKind.CURRENT, current, 0);
            }
        }
        NaKPump pump = NaKPump.NONE;
        int na = indexOf(species, "Na");
        int k = indexOf(species, "K");
        if (kind == Kind.ANY && na >= 0 && k >= 0 && p[na] > 0 && p[k] > 0 && chance(0.5)) {
            boolean closed = in == BoundaryKind.WALL || out == BoundaryKind.WALL;
            // up to half the passive Na⁺ current of these baths at −70 mV, which the membrane can carry back
            double scale = Math.abs(GhkFlux.currentAPerM2(1, p[na] * 1e-2, cIn[na], cOut[na], -70, t));
            double current = scale * uniform(0.01, 0.5);
            pump = new NaKPump(NaKPump.turnoverForCurrent(current), closed || chance(0.5), 1.5, 10.0, "Na", "K");
        }
        String title = String.format("random %s (%d species)", kind.name().toLowerCase(), s);
        return new Scenario(title, 1, t, species, inside, outside, membrane, boundary, MeshSpec.DEFAULT,
                RunSpec.steady(), pump);
    }

    private List<Integer> pickSpecies(Kind kind) {
        int count = 2 + random.nextInt(4);
        List<Integer> picks = new ArrayList<>();
        // at least one cation and one anion, so that both baths can be neutral
        int cation = kind == Kind.GHK_CATIONS ? random.nextInt(2) : random.nextInt(4);
        picks.add(cation);
        picks.add(4 + random.nextInt(3));
        while (picks.size() < count) {
            int q = random.nextInt(POOL.length);
            if (!picks.contains(q)) {
                picks.add(q);
            }
        }
        java.util.Collections.sort(picks);
        return picks;
    }

    private double[] concentrations(List<Species> species) {
        double[] c = new double[species.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = logUniform(1e-4, 500);
        }
        return c;
    }

    /** Adds to the most abundant ion of the sign needed until Σ z c = 0. */
    private static void neutralize(List<Species> species, double[] c) {
        double q = 0;
        for (int i = 0; i < c.length; i++) {
            q += species.get(i).charge() * c[i];
        }
        int best = -1;
        for (int i = 0; i < c.length; i++) {
            int z = species.get(i).charge();
            if (z * q < 0 && (best < 0 || c[i] > c[best])) {
                best = i;
            }
        }
        if (best >= 0) {
            c[best] += Math.abs(q) / Math.abs(species.get(best).charge());
        }
    }

    private static boolean hasOtherAnion(List<Species> species, int except) {
        for (int i = 0; i < species.size(); i++) {
            if (i != except && species.get(i).charge() < 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<Species> species, String name) {
        for (int i = 0; i < species.size(); i++) {
            if (species.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    private double logUniform(double lo, double hi) {
        return Math.exp(uniform(Math.log(lo), Math.log(hi)));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
