package org.membranepnp.solver.validation;

import java.util.List;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.analytic.GhkFlux;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;

/** The reference parameter sets of shared/reference/physics.md, built in code for validation and tests. */
public final class ReferenceScenarios {
    /** 37 °C. */
    public static final double BODY_TEMPERATURE_K = 310.15;
    /** P_K of the mammalian set, cm/s. */
    public static final double P_K_CM_S = 1e-7;

    private ReferenceScenarios() {
    }

    public static Species potassium() {
        return new Species("K", 1, 1.96e-9);
    }

    public static Species sodium() {
        return new Species("Na", 1, 1.33e-9);
    }

    public static Species chloride() {
        return new Species("Cl", -1, 2.03e-9);
    }

    public static Species calcium() {
        return new Species("Ca", 2, 0.79e-9);
    }

    /** Large impermeant intracellular anions. */
    public static Species anion() {
        return new Species("A", -1, 1e-9);
    }

    /** A lipid membrane of 5 nm, ε 5.6 (1 µF/cm²), uncharged, default partition coefficient. */
    public static Membrane membrane(double... permeabilityCmPerS) {
        return new Membrane(5.0, 5.6, permeabilityCmPerS, 0.0, 0.0, Membrane.DEFAULT_PARTITION_COEFFICIENT);
    }

    /**
     * The mammalian neuron: K 140/4, Na 15/145, Cl 7/149, A 148 inside; P_K:P_Na:P_Cl = 1:0.04:0.45; reservoirs on
     * both sides, free-running (zero current); 1 µm baths.
     */
    public static Scenario neuronRest() {
        List<Species> sp = List.of(potassium(), sodium(), chloride(), anion());
        Bath in = new Bath(1.0, 80, new double[]{140, 15, 7, 148});
        Bath out = new Bath(1.0, 80, new double[]{4, 145, 149, 0});
        Membrane mem = membrane(P_K_CM_S, 0.04 * P_K_CM_S, 0.45 * P_K_CM_S, 0);
        Boundary b = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0);
        return new Scenario("Resting neuron", 1, BODY_TEMPERATURE_K, sp, in, out, mem, b, MeshSpec.DEFAULT,
                RunSpec.steady());
    }

    /**
     * The net outward pump current (A/m²) that balances the passive Na⁺ influx of the resting neuron at its GHK
     * potential: each cycle moves 3 Na⁺ and carries one charge, so I_pump = F·|J_Na|/3.
     */
    public static double balancingPumpCurrentAPerM2() {
        Scenario s = neuronRest();
        double[] p = s.membrane().permeabilitiesMPerS();
        double v = GhkVoltage.mv(s.charges(), p, s.inside().concentrationsMm(), s.outside().concentrationsMm(),
                s.temperatureK());
        double jNa = GhkFlux.outwardMolPerM2S(1, p[1], s.inside().concentrationMm(1), s.outside().concentrationMm(1),
                v, s.temperatureK());
        return PhysicalConstants.FARADAY_C_PER_MOL * Math.abs(jNa) / NaKPump.SODIUM_PER_CYCLE;
    }

    /** A constant (unsaturated) Na⁺/K⁺ pump with net outward current {@code currentAPerM2}. */
    public static NaKPump pump(double currentAPerM2, boolean saturating) {
        return new NaKPump(NaKPump.turnoverForCurrent(currentAPerM2), saturating, 1.5, 10.0, "Na", "K");
    }

    /**
     * A closed inside compartment (wall) against an outside reservoir, only {@code ion} permeable; each side
     * made neutral by an impermeant counter-ion.
     *
     * @param cInMm  concentration of the ion inside, mM
     * @param cOutMm concentration of the ion outside, mM
     */
    public static Scenario nernst(Species ion, double cInMm, double cOutMm, double temperatureK,
                                  double insideSurfaceChargeCPerM2, double outsideSurfaceChargeCPerM2) {
        int z = ion.charge();
        // counter-ion of opposite sign, impermeant, monovalent
        Species counter = z > 0 ? new Species("X", -1, 1e-9) : new Species("Y", 1, 1e-9);
        List<Species> sp = List.of(ion, counter);
        double zc = Math.abs(z);
        Bath in = new Bath(1.0, 80, new double[]{cInMm, zc * cInMm});
        Bath out = new Bath(1.0, 80, new double[]{cOutMm, zc * cOutMm});
        Membrane mem = new Membrane(5.0, 5.6, new double[]{P_K_CM_S, 0}, insideSurfaceChargeCPerM2,
                outsideSurfaceChargeCPerM2, Membrane.DEFAULT_PARTITION_COEFFICIENT);
        Boundary b = new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0);
        return new Scenario("Nernst " + ion.name(), 1, temperatureK, sp, in, out, mem, b, MeshSpec.DEFAULT,
                RunSpec.steady());
    }

    /**
     * A charged outside membrane face in symmetric monovalent salt; the membrane lets nothing through.
     */
    public static Scenario gouyChapman(double sigmaCPerM2, double saltMm, double temperatureK) {
        List<Species> sp = List.of(sodium(), chloride());
        Bath in = new Bath(0.2, 80, new double[]{saltMm, saltMm});
        Bath out = new Bath(0.2, 80, new double[]{saltMm, saltMm});
        Membrane mem = new Membrane(5.0, 5.6, new double[]{0, 0}, 0.0, sigmaCPerM2,
                Membrane.DEFAULT_PARTITION_COEFFICIENT);
        Boundary b = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0);
        return new Scenario("Gouy-Chapman", 1, temperatureK, sp, in, out, mem, b, MeshSpec.DEFAULT, RunSpec.steady());
    }

    /**
     * {@code base} as a 2-D slab: baths {@code widthUm} wide, {@code heightNm} of membrane along y with the given
     * pores.
     */
    public static Scenario plane(Scenario base, double widthUm, double heightNm, List<Channel> channels) {
        Bath in = base.inside();
        Bath out = base.outside();
        return new Scenario(base.title(), 2, base.temperatureK(), base.species(),
                new Bath(widthUm, in.permittivity(), in.concentrationsMm()),
                new Bath(widthUm, out.permittivity(), out.concentrationsMm()), base.membrane(), base.boundary(),
                base.mesh(), base.run(), base.pump(), base.schedules(), new Lateral(heightNm, channels),
                ParticleSpec.NONE);
    }

    /**
     * The resting neuron's baths (20 nm each) on both sides of a lipid that passes nothing, 10 nm of it with a
     * 1 nm pore in the middle that passes K⁺ only (1 cm/s per pore area, uncharged walls).
     */
    public static Scenario potassiumPore() {
        return sealedWithPotassiumPore(0.02, 10.0, 0.0);
    }

    /**
     * {@code examples/k-channel-2d.toml}: the resting neuron's baths (50 nm each) on both sides of 20 nm of sealed
     * lipid with a 1 nm K⁺-only pore in the middle (1 cm/s per pore area, walls at −100 mM fixed charge).
     */
    public static Scenario potassiumPatch() {
        return sealedWithPotassiumPore(0.05, 20.0, -100.0);
    }

    /** The resting neuron's baths around sealed lipid with one 1 nm K⁺ pore (1 cm/s) in the middle of the height. */
    private static Scenario sealedWithPotassiumPore(double bathUm, double heightNm, double wallChargeMm) {
        Scenario neuron = neuronRest();
        Membrane m = neuron.membrane();
        Membrane sealed = new Membrane(m.thicknessNm(), m.permittivity(), new double[neuron.speciesCount()], 0, 0,
                m.partitionCoefficient());
        double[] pK = new double[neuron.speciesCount()];
        pK[neuron.speciesIndex("K")] = 1.0;
        return plane(neuron.withMembrane(sealed), bathUm, heightNm,
                List.of(new Channel("K channel", heightNm / 2, 1.0, 80.0, pK, wallChargeMm)));
    }
}
