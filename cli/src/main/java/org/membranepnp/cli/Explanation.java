package org.membranepnp.cli;

import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.DrivingForce;
import org.membranepnp.engine.analytic.GhkFlux;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.GouyChapman;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * The analytic story of a scenario that {@code pnp explain} tells: every number comes from the engine's
 * analytic classes applied to the scenario's bulk concentrations; nothing is solved on a mesh. NaN marks a
 * value that does not exist (e.g. a Nernst potential without ions on one side).
 *
 * @param title               scenario title
 * @param temperatureK        T, K
 * @param thermalVoltageMv    V_T = RT/F, mV
 * @param decadeMonovalentMv  Nernst potential of a tenfold gradient for |z| = 1, mV
 * @param decadeDivalentMv    the same for |z| = 2, mV
 * @param ions                one entry per species, in scenario order
 * @param referenceSpecies    the main permeant ion (the cation with the largest P, else the species with the
 *                            largest P) that permeability ratios refer to; null if nothing is permeant
 * @param ghkMv               zero-current GHK voltage, mV
 * @param membranePotentialMv V_m the driving forces are taken at, mV
 * @param potentialSource     where V_m comes from: "ghk", "current clamp" or "voltage clamp"
 * @param closedBathNote      true when a closed bath and several permeant species make the GHK value a start only
 * @param capacitance         the membrane capacitor and its diffuse layers
 * @param charge              the charge that holds V_m, on a spherical cell
 * @param inside              the inside bath: Debye length and fixed surface charge
 * @param outside             the outside bath
 */
record Explanation(String title, double temperatureK, double thermalVoltageMv, double decadeMonovalentMv,
                   double decadeDivalentMv, List<Ion> ions, String referenceSpecies, double ghkMv,
                   double membranePotentialMv, String potentialSource, boolean closedBathNote,
                   Capacitance capacitance, CellCharge charge, BathFacts inside, BathFacts outside) {

    /** Within this |V_m − E| an ion counts as at equilibrium, mV. */
    static final double EQUILIBRIUM_MV = 0.5;

    /** Which way the net passive flux of an ion goes at V_m. */
    enum Flow {
        IN, OUT, EQUILIBRIUM, IMPERMEANT, ABSENT, UNKNOWN
    }

    /**
     * One species.
     *
     * @param name              as in the scenario
     * @param label             the name with its charge, e.g. "K+", "Cl−", "Ca2+"
     * @param charge            z
     * @param cInMm             inside bulk concentration, mM
     * @param cOutMm            outside bulk concentration, mM
     * @param permeabilityCmS   P, cm/s (0: impermeant)
     * @param permeabilityRatio P / P of the reference species
     * @param nernstMv          E, mV (NaN where a side has none)
     * @param nernstNote        why E is missing ("no A outside"), or null
     * @param drivingForceMv    V_m − E, mV
     * @param deltaGJPerMol     zF(V_m − E), the free energy of moving the ion inward, J/mol
     * @param currentAPerM2     GHK current at V_m with the bulk concentrations, outward, A/m²
     * @param flow              direction of the net passive flux
     */
    record Ion(String name, String label, int charge, double cInMm, double cOutMm, double permeabilityCmS,
               double permeabilityRatio, double nernstMv, String nernstNote, double drivingForceMv,
               double deltaGJPerMol, double currentAPerM2, Flow flow) {

        /** "outward", "inward" or "none" for the electric current this ion carries; null when unknown. */
        String currentDirection() {
            return switch (flow) {
                case IN -> charge > 0 ? "inward" : "outward";
                case OUT -> charge > 0 ? "outward" : "inward";
                case UNKNOWN -> null;
                default -> "none";
            };
        }
    }

    /**
     * @param membraneUfCm2       C_m = ε0 ε_m / d, µF/cm²
     * @param insideLayerUfCm2    inside diffuse layer ε0 ε_w / λ_D, µF/cm²
     * @param outsideLayerUfCm2   outside diffuse layer, µF/cm²
     * @param seriesUfCm2         the three in series, µF/cm²
     */
    record Capacitance(double membraneUfCm2, double insideLayerUfCm2, double outsideLayerUfCm2,
                       double seriesUfCm2) {
    }

    /**
     * @param sigmaCPerM2 σ = C_m V_m, the charge per area on the inside face (the outside holds −σ), C/m²
     * @param radiusUm    radius of the spherical cell, µm
     * @param species     the species assumed to carry the charge (the reference species), or null
     * @param ionsMoved   number of those ions moved across to charge the membrane
     * @param ionsInCell  number of those ions in the cell at the inside concentration
     * @param fraction    ionsMoved / ionsInCell
     * @param outward     true if the ions moved out of the cell, false if in
     */
    record CellCharge(double sigmaCPerM2, double radiusUm, String species, double ionsMoved, double ionsInCell,
                      double fraction, boolean outward) {
    }

    /**
     * @param debyeNm              Debye length, nm
     * @param surfaceChargeCPerM2  fixed charge on the membrane face of this bath, C/m²
     * @param surfacePotentialMv   Gouy–Chapman ψ0 of that charge alone, mV (NaN where the closed form does not apply)
     */
    record BathFacts(double debyeNm, double surfaceChargeCPerM2, double surfacePotentialMv) {
    }

    /** Explains {@code sc} for a spherical cell of radius {@code radiusUm}, µm. */
    static Explanation of(Scenario sc, double radiusUm) {
        double t = sc.temperatureK();
        int[] z = sc.charges();
        Bath in = sc.inside();
        Bath out = sc.outside();
        Membrane mem = sc.membrane();
        int n = sc.speciesCount();

        double[] pMPerS = sc.areaAveragedPermeabilitiesMPerS(); // in 2-D: lipid and pores averaged over the area
        int reference = -1;
        for (int i = 0; i < n; i++) {
            if (pMPerS[i] > 0 && (reference < 0 || isBetterReference(z, pMPerS, i, reference))) {
                reference = i;
            }
        }

        double ghk = GhkVoltage.mv(z, pMPerS, in.concentrationsMm(), out.concentrationsMm(), t);
        double vm;
        String source;
        if (sc.boundary().clamp() == ClampKind.VOLTAGE) {
            vm = sc.boundary().voltageMv();
            source = "voltage clamp";
        } else if (sc.boundary().currentAPerM2() != 0) {
            // the steady membrane current equals the injected outward current: Σ I_i(V) − I = 0
            vm = GhkVoltage.mv(z, pMPerS, in.concentrationsMm(), out.concentrationsMm(), t,
                    -sc.boundary().currentAPerM2());
            source = "current clamp";
        } else {
            vm = ghk;
            source = "ghk";
        }

        List<Ion> ions = new ArrayList<>(n);
        int permeantWithGradient = 0;
        for (int i = 0; i < n; i++) {
            Species sp = sc.species().get(i);
            double cIn = in.concentrationMm(i);
            double cOut = out.concentrationMm(i);
            double e = NernstPotential.mv(z[i], cOut, cIn, t);
            double current = GhkFlux.currentAPerM2(z[i], pMPerS[i], cIn, cOut, vm, t);
            double flux = GhkFlux.outwardMolPerM2S(z[i], pMPerS[i], cIn, cOut, vm, t);
            Flow flow;
            if (!(pMPerS[i] > 0)) {
                flow = Flow.IMPERMEANT;
            } else if (!(cIn > 0) && !(cOut > 0)) {
                flow = Flow.ABSENT;
            } else if (!Double.isFinite(vm) || Double.isNaN(flux)) {
                flow = Flow.UNKNOWN;
            } else if (Math.abs(DrivingForce.mv(vm, e)) < EQUILIBRIUM_MV || flux == 0) {
                flow = Flow.EQUILIBRIUM;
            } else {
                flow = flux > 0 ? Flow.OUT : Flow.IN;
            }
            if (pMPerS[i] > 0 && (cIn > 0 || cOut > 0)) {
                permeantWithGradient++;
            }
            ions.add(new Ion(sp.name(), label(sp.name(), z[i]), z[i], cIn, cOut, sc.isTwoDimensional() ? pMPerS[i] * 1e2 : mem.permeabilityCmPerS()[i],
                    reference < 0 ? Double.NaN : pMPerS[i] / pMPerS[reference],
                    e, Double.isNaN(e) ? nernstNote(sp.name(), cIn, cOut) : null,
                    DrivingForce.mv(vm, e), DrivingForce.deltaGJPerMol(z[i], vm, e),
                    current, flow));
        }
        boolean closed = sc.boundary().inside() == BoundaryKind.WALL || sc.boundary().outside() == BoundaryKind.WALL;

        double debyeIn = DebyeLength.nm(in.permittivity(), z, in.concentrationsMm(), t);
        double debyeOut = DebyeLength.nm(out.permittivity(), z, out.concentrationsMm(), t);
        double cm = MembraneCapacitor.capacitanceUfPerCm2(mem.permittivity(), mem.thicknessNm());
        double layerIn = MembraneCapacitor.diffuseLayerCapacitanceUfPerCm2(in.permittivity(), debyeIn);
        double layerOut = MembraneCapacitor.diffuseLayerCapacitanceUfPerCm2(out.permittivity(), debyeOut);
        Capacitance capacitance = new Capacitance(cm, layerIn, layerOut,
                MembraneCapacitor.seriesCapacitanceUfPerCm2(cm, layerIn, layerOut));

        double sigma = MembraneCapacitor.chargeCPerM2(cm, vm);
        String carrier = reference < 0 ? null : sc.species().get(reference).name();
        double moved = reference < 0 ? Double.NaN : MembraneCapacitor.ionsMovedOnSphere(sigma, radiusUm, z[reference]);
        double inCell = reference < 0 ? Double.NaN
                : MembraneCapacitor.ionsInSphere(in.concentrationMm(reference), radiusUm);
        // a cation leaves to make the inside negative; an anion enters
        boolean outward = reference >= 0 && z[reference] * sigma < 0;
        CellCharge charge = new CellCharge(sigma, radiusUm, carrier, moved, inCell, moved / inCell, outward);

        return new Explanation(sc.title(), t, PhysicalConstants.thermalVoltageMv(t),
                NernstPotential.mv(1, 10, 1, t), NernstPotential.mv(2, 10, 1, t),
                List.copyOf(ions), carrier, ghk, vm, source, closed && permeantWithGradient > 1, capacitance, charge,
                bathFacts(in, z, t, debyeIn, mem.insideSurfaceChargeCPerM2()),
                bathFacts(out, z, t, debyeOut, mem.outsideSurfaceChargeCPerM2()));
    }

    /** A cation beats an anion; among equals the larger P wins. */
    private static boolean isBetterReference(int[] z, double[] p, int candidate, int current) {
        boolean candidateCation = z[candidate] > 0;
        boolean currentCation = z[current] > 0;
        if (candidateCation != currentCation) {
            return candidateCation;
        }
        return p[candidate] > p[current];
    }

    private static BathFacts bathFacts(Bath b, int[] z, double t, double debyeNm, double sigma) {
        return new BathFacts(debyeNm, sigma,
                GouyChapman.surfacePotentialMv(sigma, z, b.concentrationsMm(), b.permittivity(), t));
    }

    private static String nernstNote(String name, double cIn, double cOut) {
        if (!(cIn > 0) && !(cOut > 0)) {
            return "no " + name + " on either side";
        }
        return "no " + name + (cIn > 0 ? " outside" : " inside");
    }

    /** The species name with its charge ("K+", "Cl−", "Ca2+"), unless the name already ends in one. */
    static String label(String name, int z) {
        if (name.endsWith("+") || name.endsWith("-") || name.endsWith("−")) {
            return name;
        }
        return name + (Math.abs(z) > 1 ? String.valueOf(Math.abs(z)) : "") + (z > 0 ? "+" : "−");
    }
}
