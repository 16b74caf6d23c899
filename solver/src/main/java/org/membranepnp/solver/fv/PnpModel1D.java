package org.membranepnp.solver.fv;

import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.mesh.Region;

/**
 * The discrete Poisson–Nernst–Planck problem on a 1D mesh, in dimensionless variables ({@link Scales}):
 * per cell its permittivity and each species' effective diffusivity; per node its control volume per species,
 * its fixed surface charge and the kind of each equation; and the closed compartments.
 *
 * <p>Unknowns per node k: u[k·m] = ψ̂ and u[k·m + 1 + i] = ĉ_i, with m = 1 + species. In water ĉ is the
 * concentration; in the membrane it is the water-equivalent concentration c/β, so that the flux there is
 * J = −β D_m (ĉ' + z ĉ ψ̂') = −(P d)(…) and partitioning at the faces is exact equilibrium.
 */
public final class PnpModel1D implements ScheduledParameters {
    public final Scenario scenario;
    public final Scales scales;
    public final Mesh1D mesh;
    /** Nodes. */
    public final int n;
    /** Species. */
    public final int s;
    /** Unknowns per node, 1 + s. */
    public final int m;
    /** Valences. */
    public final int[] z;
    /** Dimensionless length of each cell. */
    public final double[] h;
    /** Relative permittivity of each cell. */
    public final double[] eps;
    /** Effective diffusivity [cell·s + i] (water: D_i/D_max, membrane: P_i d / D_max, 0 if impermeant). */
    public final double[] diffusivity;
    /** Storage and charge volume [node·s + i]: Σ over adjacent half-cells of h/2 times 1 (water) or β (membrane). */
    public final double[] volume;
    /** Water part of each node's control volume (for bath inventories). */
    public final double[] waterVolume;
    /** Dimensionless fixed surface charge at each node. */
    public final double[] surfaceCharge;
    /** Equation kind of each unknown. */
    public final EquationKind[] kind;
    /** Dirichlet values (where kind is DIRICHLET). */
    public final double[] dirichlet;
    /** Dimensionless outward clamp current injected at the inside electrode (CURRENT_CLAMP). */
    public double clampCurrent;
    /** Global equations of the steady state: closed amounts, and the clamp current or the inside charge. */
    public final List<GlobalConstraint> steadyConstraints;
    /** Global equations of a time step: the clamp current. */
    public final List<GlobalConstraint> transientConstraints;
    /** Closed compartments of species amounts (for the conservation error of transients too). */
    public final List<ClosedCompartment> closedSpecies;
    /** The Na⁺/K⁺ pump, or null. */
    public final NaKPumpTerm pump;
    /** Form of each species' steady equation [node·s + i] (partial flux sums from a wall, or the balance law). */
    public final SteadyRow[] steadyRow;
    /**
     * Species compartments with a reservoir at both ends: in a steady solve each carries one more unknown, its
     * steady flux J ({@link OpenFlux}).
     */
    public final List<OpenFlux> openFluxes = new ArrayList<>();
    /** Index into {@link #openFluxes} of the compartment whose steady row [node·s + i] subtracts J, or −1. */
    public final int[] openFluxOf;

    public PnpModel1D(Scenario scenario, Mesh1D mesh) {
        this(scenario, mesh, new Scales(scenario));
    }

    /**
     * The model in the dimensionless units of {@code scales} (e.g. those of another member of a continuation path,
     * so that states carry over).
     */
    public PnpModel1D(Scenario scenario, Mesh1D mesh, Scales scales) {
        this.scenario = scenario;
        this.scales = scales;
        this.mesh = mesh;
        this.n = mesh.nodeCount();
        this.s = scenario.speciesCount();
        this.m = s + 1;
        this.z = scenario.charges();
        int cells = mesh.cellCount();
        this.h = new double[cells];
        this.eps = new double[cells];
        this.diffusivity = new double[cells * s];
        Membrane membrane = scenario.membrane();
        double beta = membrane.partitionCoefficient();
        double dMax = scales.diffusionM2PerS;
        for (int j = 0; j < cells; j++) {
            h[j] = scales.lengthFromNm(mesh.cellLengthNm(j));
            Region r = mesh.cellRegion(j);
            eps[j] = switch (r) {
                case INSIDE -> scenario.inside().permittivity();
                case MEMBRANE -> membrane.permittivity();
                case OUTSIDE -> scenario.outside().permittivity();
            };
            for (int i = 0; i < s; i++) {
                diffusivity[j * s + i] = r == Region.MEMBRANE
                        ? scales.membraneDiffusivity(membrane.permeabilityMPerS(i), membrane.thicknessNm())
                        : scenario.species().get(i).diffusionM2PerS() / dMax;
            }
        }
        this.volume = new double[n * s];
        this.waterVolume = new double[n];
        for (int j = 0; j < cells; j++) {
            boolean inMembrane = mesh.cellRegion(j) == Region.MEMBRANE;
            double half = 0.5 * h[j];
            if (!inMembrane) {
                waterVolume[j] += half;
                waterVolume[j + 1] += half;
            }
            for (int i = 0; i < s; i++) {
                double f = inMembrane ? (membrane.isPermeant(i) ? beta : 0.0) : 1.0;
                volume[j * s + i] += f * half;
                volume[(j + 1) * s + i] += f * half;
            }
        }
        this.surfaceCharge = new double[n];
        surfaceCharge[mesh.membraneStartNode()] = scales.surfaceChargeFromCPerM2(membrane.insideSurfaceChargeCPerM2());
        surfaceCharge[mesh.membraneEndNode()] = scales.surfaceChargeFromCPerM2(membrane.outsideSurfaceChargeCPerM2());

        this.kind = new EquationKind[n * m];
        this.dirichlet = new double[n * m];
        java.util.Arrays.fill(kind, EquationKind.BALANCE);
        for (int k = mesh.membraneStartNode() + 1; k < mesh.membraneEndNode(); k++) {
            for (int i = 0; i < s; i++) {
                if (!membrane.isPermeant(i)) {
                    kind[k * m + 1 + i] = EquationKind.INACTIVE;
                }
            }
        }
        // an impermeant species absent from a bath stays absent there: fix it at exactly 0 (no round-off drift)
        int a = mesh.membraneStartNode();
        int b = mesh.membraneEndNode();
        for (int i = 0; i < s; i++) {
            if (membrane.isPermeant(i)) {
                continue;
            }
            if (scenario.inside().concentrationMm(i) == 0) {
                for (int k = 0; k <= a; k++) {
                    kind[k * m + 1 + i] = EquationKind.INACTIVE;
                }
            }
            if (scenario.outside().concentrationMm(i) == 0) {
                for (int k = b; k < n; k++) {
                    kind[k * m + 1 + i] = EquationKind.INACTIVE;
                }
            }
        }
        setBoundaries();
        this.steadyRow = new SteadyRow[n * s];
        java.util.Arrays.fill(steadyRow, SteadyRow.BALANCE);
        this.openFluxOf = new int[n * s];
        java.util.Arrays.fill(openFluxOf, -1);
        this.pump = NaKPumpTerm.of(this);
        this.closedSpecies = findClosedSpeciesCompartments();
        List<GlobalConstraint> steady = new ArrayList<>(closedSpecies);
        List<GlobalConstraint> stepping = new ArrayList<>();
        if (kind[0] == EquationKind.CURRENT_CLAMP) {
            MembraneCurrentClamp clamp = new MembraneCurrentClamp(this);
            ClosedCompartment charge = insideChargeCompartment();
            steady.add(charge != null ? charge : clamp);
            stepping.add(clamp);
        }
        this.steadyConstraints = List.copyOf(steady);
        this.transientConstraints = List.copyOf(stepping);
    }

    private void setBoundaries() {
        var b = scenario.boundary();
        int last = n - 1;
        boolean inRes = b.inside() == BoundaryKind.RESERVOIR;
        boolean outRes = b.outside() == BoundaryKind.RESERVOIR;
        if (inRes) {
            for (int i = 0; i < s; i++) {
                if (kind[1 + i] == EquationKind.INACTIVE) {
                    continue;
                }
                kind[1 + i] = EquationKind.DIRICHLET;
                dirichlet[1 + i] = scenario.inside().concentrationMm(i) / scales.concentrationMolPerM3;
            }
        }
        if (outRes) {
            for (int i = 0; i < s; i++) {
                if (kind[last * m + 1 + i] == EquationKind.INACTIVE) {
                    continue;
                }
                kind[last * m + 1 + i] = EquationKind.DIRICHLET;
                dirichlet[last * m + 1 + i] = scenario.outside().concentrationMm(i) / scales.concentrationMolPerM3;
            }
        }
        // potential: one gauge, and the clamp at the inside electrode
        if (outRes) {
            kind[last * m] = EquationKind.DIRICHLET; // ground electrode, ψ = 0
            if (inRes) {
                if (b.clamp() == ClampKind.VOLTAGE) {
                    kind[0] = EquationKind.DIRICHLET;
                    dirichlet[0] = scales.potentialFromMv(b.voltageMv());
                } else {
                    kind[0] = EquationKind.CURRENT_CLAMP;
                    clampCurrent = scales.currentFromAPerM2(b.currentAPerM2());
                }
            }
        } else if (inRes) {
            kind[0] = EquationKind.DIRICHLET; // gauge at the inside electrode; output is shifted to φ(outside end) = 0
        } else {
            kind[last * m] = EquationKind.DIRICHLET; // both closed: gauge replaces the (redundant) Poisson row
        }
    }

    /**
     * Connected runs of nodes joined by cells where species i moves; closed if no node is a reservoir. Sets the
     * steady row forms: partial flux sums from the wall end of every compartment that has one; a closed
     * compartment keeps its amount (the uniform filling of {@link InitialState#fillUniform}) on its last row.
     */
    private List<ClosedCompartment> findClosedSpeciesCompartments() {
        List<ClosedCompartment> result = new ArrayList<>();
        double[] u0 = new double[n * m];
        InitialState.fillUniform(this, u0);
        for (int i = 0; i < s; i++) {
            int start = 0;
            while (start < n) {
                if (kind[start * m + 1 + i] == EquationKind.INACTIVE) {
                    start++;
                    continue;
                }
                int end = start;
                while (end < n - 1 && diffusivity[end * s + i] > 0) {
                    end++;
                }
                boolean openLeft = kind[start * m + 1 + i] == EquationKind.DIRICHLET;
                boolean openRight = kind[end * m + 1 + i] == EquationKind.DIRICHLET;
                if (!openLeft) {
                    for (int k = start; k < end; k++) {
                        steadyRow[k * s + i] = SteadyRow.FLUX_RIGHT;
                    }
                } else if (!openRight) {
                    for (int k = start + 1; k <= end; k++) {
                        steadyRow[k * s + i] = SteadyRow.FLUX_LEFT;
                    }
                } else if (end - start >= 2) {
                    // reservoirs at both ends: (F_k − J)/t_k = 0 for every cell, J the compartment's steady flux
                    int index = openFluxes.size();
                    openFluxes.add(new OpenFlux(i, start, end));
                    for (int k = start + 1; k < end; k++) {
                        steadyRow[k * s + i] = SteadyRow.FLUX_RIGHT;
                        openFluxOf[k * s + i] = index;
                    }
                }
                if (!openLeft && !openRight) {
                    double[] a = new double[(end - start + 1) * m];
                    for (int k = start; k <= end; k++) {
                        a[(k - start) * m + 1 + i] = volume[k * s + i];
                    }
                    String name = scenario.species().get(i).name() + " in nodes " + start + ".." + end;
                    ClosedCompartment c0 = new ClosedCompartment(name, 1 + i, end, start, end, a, 0.0);
                    result.add(new ClosedCompartment(name, 1 + i, end, start, end, a, c0.amount(u0, m)));
                }
                start = end + 1;
            }
        }
        return result;
    }

    /**
     * With a current clamp at an inside reservoir and no ion that carries current through the membrane, the
     * clamp cannot fix the electrode potential in the steady state; the inside bath then keeps its net charge.
     */
    private ClosedCompartment insideChargeCompartment() {
        Membrane membrane = scenario.membrane();
        for (int i = 0; i < s; i++) {
            double c = scenario.inside().concentrationMm(i) + scenario.outside().concentrationMm(i);
            if (membrane.isPermeant(i) && c > 0) {
                return null;
            }
        }
        int last = mesh.membraneStartNode();
        double[] a = new double[(last + 1) * m];
        for (int k = 0; k <= last; k++) {
            for (int i = 0; i < s; i++) {
                double v = k == last ? waterVolume[k] : volume[k * s + i];
                a[k * m + 1 + i] = z[i] * v;
            }
        }
        double[] u0 = new double[n * m];
        InitialState.fillUniform(this, u0);
        ClosedCompartment c0 = new ClosedCompartment("inside charge", 0, 0, 0, last, a, 0.0);
        return new ClosedCompartment("inside charge", 0, 0, 0, last, a, c0.amount(u0, m));
    }

    /** Index of unknown (node k, variable v). */
    public int index(int k, int v) {
        return k * m + v;
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public Scales scales() {
        return scales;
    }

    @Override
    public void setMembranePermeabilityCmPerS(int species, double cmPerS) {
        double d = scales.membraneDiffusivityFromCmPerS(cmPerS, scenario.membrane().thicknessNm());
        for (int j = mesh.membraneStartNode(); j < mesh.membraneEndNode(); j++) {
            if (mesh.cellRegion(j) == Region.MEMBRANE) {
                diffusivity[j * s + species] = d;
            }
        }
    }

    @Override
    public void setClampCurrent(double current) {
        this.clampCurrent = current;
    }

    @Override
    public void setClampVoltage(double potential) {
        dirichlet[0] = potential;
    }

    @Override
    public boolean currentClamped() {
        return kind[0] == EquationKind.CURRENT_CLAMP;
    }

    @Override
    public boolean voltageClamped() {
        return kind[0] == EquationKind.DIRICHLET && scenario.boundary().clamp() == ClampKind.VOLTAGE
                && scenario.boundary().inside() == BoundaryKind.RESERVOIR
                && scenario.boundary().outside() == BoundaryKind.RESERVOIR;
    }
}
