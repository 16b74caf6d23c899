package org.membranepnp.engine.model;

import java.util.List;

/**
 * A complete, validated description of one numerical experiment: inside bath | membrane | outside bath.
 *
 * @param title        a human title
 * @param dimension    1 (2 later)
 * @param temperatureK absolute temperature, K
 * @param species      the ion species; every per-species array in the other records is indexed like this list
 * @param inside       the inside bath (x from 0 to its width)
 * @param outside      the outside bath
 * @param membrane     the membrane between them
 * @param boundary     far-end boundaries and clamp
 * @param mesh         mesh resolution request
 * @param run          steady or transient
 * @param pump         the Na⁺/K⁺ pump in the membrane ({@link NaKPump#NONE}: none)
 * @param schedules    parameters that change during a transient (empty: none)
 * @param lateral      the extent along the membrane and its pores (2-D; {@link Lateral#NONE} in 1-D)
 * @param particles    the Brownian particle mode ({@link ParticleSpec#NONE}: off)
 */
public record Scenario(String title, int dimension, double temperatureK, List<Species> species,
                       Bath inside, Bath outside, Membrane membrane, Boundary boundary,
                       MeshSpec mesh, RunSpec run, NaKPump pump, List<Schedule> schedules,
                       Lateral lateral, ParticleSpec particles) {

    public Scenario {
        species = List.copyOf(species);
        if (pump == null) {
            pump = NaKPump.NONE;
        }
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        if (lateral == null) {
            lateral = Lateral.NONE;
        }
        if (particles == null) {
            particles = ParticleSpec.NONE;
        }
    }

    /** A 1-D scenario without particles. */
    public Scenario(String title, int dimension, double temperatureK, List<Species> species, Bath inside,
                    Bath outside, Membrane membrane, Boundary boundary, MeshSpec mesh, RunSpec run, NaKPump pump,
                    List<Schedule> schedules) {
        this(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, run, pump, schedules,
                Lateral.NONE, ParticleSpec.NONE);
    }

    /** A scenario whose parameters do not change in time. */
    public Scenario(String title, int dimension, double temperatureK, List<Species> species, Bath inside,
                    Bath outside, Membrane membrane, Boundary boundary, MeshSpec mesh, RunSpec run, NaKPump pump) {
        this(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, run, pump, List.of());
    }

    /** A scenario without a pump. */
    public Scenario(String title, int dimension, double temperatureK, List<Species> species, Bath inside,
                    Bath outside, Membrane membrane, Boundary boundary, MeshSpec mesh, RunSpec run) {
        this(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, run, NaKPump.NONE);
    }

    /** Number of species. */
    public int speciesCount() {
        return species.size();
    }

    /** Index of the species called {@code name}, or -1. */
    public int speciesIndex(String name) {
        for (int i = 0; i < species.size(); i++) {
            if (species.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Valences z_i as an array. */
    public int[] charges() {
        int[] z = new int[species.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = species.get(i).charge();
        }
        return z;
    }

    /** A copy with another boundary (for clamps and sweeps). */
    public Scenario withBoundary(Boundary b) {
        return new Scenario(title, dimension, temperatureK, species, inside, outside, membrane, b, mesh, run,
                pump, schedules, lateral, particles);
    }

    /** A copy with another mesh request. */
    public Scenario withMesh(MeshSpec m) {
        return new Scenario(title, dimension, temperatureK, species, inside, outside, membrane, boundary, m, run,
                pump, schedules, lateral, particles);
    }

    /** A copy with another run request. */
    public Scenario withRun(RunSpec r) {
        return new Scenario(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, r,
                pump, schedules, lateral, particles);
    }

    /** A copy with another membrane. */
    public Scenario withMembrane(Membrane m) {
        return new Scenario(title, dimension, temperatureK, species, inside, outside, m, boundary, mesh, run,
                pump, schedules, lateral, particles);
    }

    /** A copy at another temperature. */
    public Scenario withTemperatureK(double t) {
        return new Scenario(title, dimension, t, species, inside, outside, membrane, boundary, mesh, run,
                pump, schedules, lateral, particles);
    }

    /** A copy with another pump. */
    public Scenario withPump(NaKPump p) {
        return new Scenario(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, run,
                p, schedules, lateral, particles);
    }

    /** A copy with other schedules. */
    public Scenario withSchedules(List<Schedule> s) {
        return new Scenario(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, run,
                pump, s, lateral, particles);
    }

    /** A copy with another lateral geometry (2-D). */
    public Scenario withLateral(Lateral l) {
        return new Scenario(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, run,
                pump, schedules, l, particles);
    }

    /** A copy with another particle request. */
    public Scenario withParticles(ParticleSpec p) {
        return new Scenario(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, run,
                pump, schedules, lateral, p);
    }

    /**
     * The charge of a membrane face averaged over the membrane's area, C/m²: the uniform charge on the lipid (not on
     * the pores) plus each surface patch of that face on its lipid part, over the whole area (H, or π H²); in 1-D the
     * face's charge.
     */
    public double averagedFaceChargeCPerM2(MembraneSide side) {
        Lateral lat = lateral;
        double h = lat.heightNm();
        double uniform = side == MembraneSide.INSIDE ? membrane.insideSurfaceChargeCPerM2()
                : membrane.outsideSurfaceChargeCPerM2();
        if (!isTwoDimensional() || h <= 0) {
            return uniform;
        }
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

    /**
     * The permeability of each species averaged over the membrane's area, m/s: in 1-D the lipid's; in 2-D
     * P̄_i = P_lipid,i (1 − Σ f) + Σ_pores P_pore,i f, with f each pore's share of the area
     * ({@link Lateral#poreAreaFraction}: w/H planar, (w/2)²/H² axisymmetric).
     */
    public double[] areaAveragedPermeabilitiesMPerS() {
        double[] p = membrane.permeabilitiesMPerS();
        if (!isTwoDimensional() || lateral.heightNm() <= 0) {
            return p;
        }
        for (Channel c : lateral.channels()) {
            double f = lateral.poreAreaFraction(c);
            for (int i = 0; i < p.length; i++) {
                p[i] += f * (c.permeabilityMPerS(i) - membrane.permeabilityMPerS(i));
            }
        }
        return p;
    }

    /** True for a 2-D scenario (a slab with an extent along the membrane). */
    public boolean isTwoDimensional() {
        return dimension == 2;
    }
}
