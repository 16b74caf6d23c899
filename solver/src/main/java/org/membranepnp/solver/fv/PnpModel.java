package org.membranepnp.solver.fv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MembraneSide;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.mesh.BoundaryFace;
import org.membranepnp.solver.mesh.ControlVolumeMesh;
import org.membranepnp.solver.mesh.Material;

/**
 * The discrete Poisson–Nernst–Planck problem on a {@link ControlVolumeMesh} of any geometry (chain, planar patch,
 * axisymmetric pore), in the dimensionless variables of {@link Scales}: the coefficients of the physics terms that
 * {@link PnpAssembler} evaluates.
 *
 * <p>Unknowns per node k: u[k·m] = ψ̂ and u[k·m + 1 + i] = ĉ_i (m = 1 + species); ĉ is the water-equivalent
 * concentration c/β in the lipid, so that every edge flux is a Scharfetter–Gummel flux and partitioning at the
 * membrane faces is exact equilibrium. Each element material has a permittivity ε, per species an effective
 * diffusivity D (water: D_i/D_max; lipid and pores: P_i d/D_max) and a storage factor f (1 in water and pores, β in
 * the lipid, 0 where the species cannot be). Then, summed over the parts of the mesh,
 * <pre>
 *   edge e:  T_e,i = Σ_parts D_i(el) · area/length      T_ε,e = Σ_parts ε(el) · area/length
 *   node k:  V_k,i = Σ_parts f_i(el) · volume           σ_k = σ_in A_in,k + σ_out A_out,k + Γ Σ_pore parts ρ_fixed volume
 * </pre>
 * Boundary terms: a far end is a reservoir (fixed concentrations, an electrode) or a wall (no flux). Between two
 * reservoirs the outside electrode is grounded and the inside one clamped to a voltage
 * ({@link #setElectrodePotential}) or a current ({@link #setClampCurrent}); otherwise one node fixes the gauge.
 * Global couplings: each closed compartment of a species keeps its amount ({@link ClosedAmount}), and the Na⁺/K⁺
 * pump moves 3 Na⁺ out and 2 K⁺ in per cycle between the two faces of every piece of lipid, at the rate
 * J(ĉ_Na at the inside face, ĉ_K at the outside face) per membrane area of {@link NaKPump#cycleFluxMolPerM2S}.
 *
 * <p>The time-varying parameters (lipid permeabilities, the clamp current and voltage) have one setter each, the
 * single path by which schedules change the model.
 */
public final class PnpModel implements ScheduledParameters {
    public final Scenario scenario;
    public final Scales scales;
    public final ControlVolumeMesh mesh;
    /** Nodes, species, unknowns per node. */
    public final int n;
    public final int s;
    public final int m;
    /** Valences. */
    public final int[] z;
    /** Node columns and rows of the tensor layout (a chain: n × 1). */
    public final int nx;
    public final int ny;
    /** Node columns of the membrane faces. */
    public final int membraneStart;
    public final int membraneEnd;
    /** The membrane's area (dimensionless; per unit depth in a planar patch, 1 in a chain). */
    public final double membraneArea;
    private final double[] edgeCoef;
    private final double[] edgeEps;
    private final double[] volume;
    private final double[] waterVolume;
    private final double[] fixedCharge;
    private final EquationKind[] kind;
    private final double[] dirichlet;
    private final int[] insideElectrode;
    private final double[] elementDiffusivity;
    private final int[] poreOfNode;
    private final double volumeScale;
    private final double factorScale;
    /** True between two reservoirs with a current clamp: the electrode potential is then an unknown. */
    private final boolean currentClamped;
    private final boolean voltageClamped;
    private double clampCurrent;
    private final boolean clampCarriesCurrent;
    /** Per row k·m + v of a chain: the edge whose flux is its steady equation, or −1 (see {@link #steadyFluxEdge}). */
    private final int[] steadyFluxEdge;
    private double insideChargeTarget;
    private final List<ClosedAmount> closed;
    private final double[] closedTarget;
    /** The pump's sites: inside-face node, outside-face node, lipid area (dimensionless); empty without a pump. */
    private final int[] pumpIn;
    private final int[] pumpOut;
    private final double[] pumpArea;
    private final int pumpSodium;
    private final int pumpPotassium;

    /**
     * The model of {@code scenario} on {@code mesh}; each closed compartment keeps what the freshly filled baths hold
     * ({@link InitialState#fillUniform}).
     */
    public PnpModel(Scenario scenario, ControlVolumeMesh mesh) {
        this(scenario, mesh, new Scales(scenario));
    }

    /**
     * The model in the dimensionless units of {@code scales} (e.g. those of another member of a continuation path,
     * so that states carry over).
     */
    public PnpModel(Scenario scenario, ControlVolumeMesh mesh, Scales scales) {
        this.scenario = scenario;
        this.scales = scales;
        this.mesh = mesh;
        this.n = mesh.nodeCount();
        this.s = scenario.speciesCount();
        this.m = s + 1;
        this.z = scenario.charges();
        this.nx = mesh.nx();
        this.ny = mesh.ny();
        this.membraneStart = mesh.membraneStartColumn();
        this.membraneEnd = mesh.membraneEndColumn();
        double lambda = scales.lengthFromNm(1.0);
        int d = mesh.dimension();
        this.volumeScale = Math.pow(lambda, d);
        this.factorScale = Math.pow(lambda, d - 2);
        double areaScale = Math.pow(lambda, d - 1);
        this.membraneArea = mesh.membraneAreaNm() * areaScale;
        // element properties
        int elements = mesh.elementCount();
        double[] eps = new double[elements];
        this.elementDiffusivity = new double[elements * s];
        double[] store = new double[elements * s];
        Membrane mem = scenario.membrane();
        double beta = mem.partitionCoefficient();
        for (int el = 0; el < elements; el++) {
            Material mat = mesh.material(el);
            Channel ch = mat == Material.PORE ? scenario.lateral().channels().get(mesh.channel(el)) : null;
            eps[el] = switch (mat) {
                case INSIDE -> scenario.inside().permittivity();
                case OUTSIDE -> scenario.outside().permittivity();
                case LIPID -> mem.permittivity();
                case PORE -> ch.permittivity();
            };
            for (int q = 0; q < s; q++) {
                int c = el * s + q;
                switch (mat) {
                    case LIPID -> {
                        elementDiffusivity[c] = scales.membraneDiffusivity(mem.permeabilityMPerS(q), mem.thicknessNm());
                        store[c] = mem.isPermeant(q) ? beta : 0.0;
                    }
                    case PORE -> {
                        elementDiffusivity[c] = scales.membraneDiffusivity(ch.permeabilityMPerS(q), mem.thicknessNm());
                        store[c] = ch.isPermeant(q) ? 1.0 : 0.0;
                    }
                    default -> {
                        elementDiffusivity[c] = scenario.species().get(q).diffusionM2PerS() / scales.diffusionM2PerS;
                        store[c] = 1.0;
                    }
                }
            }
        }
        // edges
        int edges = mesh.edgeCount();
        this.edgeCoef = new double[edges * s];
        this.edgeEps = new double[edges];
        for (int e = 0; e < edges; e++) {
            for (int p = mesh.edgePartStart(e); p < mesh.edgePartStart(e + 1); p++) {
                edgeEps[e] += eps[mesh.edgePartElement(p)] * mesh.edgePartFactorNm(p) * factorScale;
            }
            for (int q = 0; q < s; q++) {
                edgeCoef[e * s + q] = transmissibility(e, q);
            }
        }
        // nodes
        this.volume = new double[n * s];
        this.waterVolume = new double[n];
        this.fixedCharge = new double[n];
        this.poreOfNode = new int[n];
        Arrays.fill(poreOfNode, -1);
        for (int k = 0; k < n; k++) {
            for (int p = mesh.nodePartStart(k); p < mesh.nodePartStart(k + 1); p++) {
                int el = mesh.nodePartElement(p);
                double v = mesh.nodePartVolumeNm(p) * volumeScale;
                Material mat = mesh.material(el);
                if (mat.isBath()) {
                    waterVolume[k] += v;
                }
                if (mat == Material.PORE) {
                    int c = mesh.channel(el);
                    poreOfNode[k] = c;
                    fixedCharge[k] += scales.poissonFactor * scenario.lateral().channels().get(c).fixedChargeMm()
                            / scales.concentrationMolPerM3 * v;
                }
                for (int q = 0; q < s; q++) {
                    volume[k * s + q] += store[el * s + q] * v;
                }
            }
        }
        // the charge of the membrane's faces: uniform on each face, plus its surface patches, on the lipid parts
        Lateral lateral = scenario.lateral();
        for (int p = 0; p < mesh.facePartCount(); p++) {
            BoundaryFace f = mesh.facePartFace(p);
            if (f != BoundaryFace.MEMBRANE_INSIDE && f != BoundaryFace.MEMBRANE_OUTSIDE) {
                continue;
            }
            boolean inside = f == BoundaryFace.MEMBRANE_INSIDE;
            double y = mesh.elementCenterYNm(mesh.facePartElement(p));
            double sigma = lateral.faceChargeCPerM2(inside ? MembraneSide.INSIDE : MembraneSide.OUTSIDE,
                    inside ? mem.insideSurfaceChargeCPerM2() : mem.outsideSurfaceChargeCPerM2(), y);
            fixedCharge[mesh.facePartNode(p)] += scales.surfaceChargeFromCPerM2(sigma) * mesh.facePartAreaNm(p)
                    * areaScale;
        }
        // equation kinds
        this.kind = new EquationKind[n * m];
        this.dirichlet = new double[n * m];
        Arrays.fill(kind, EquationKind.BALANCE);
        for (int k = 0; k < n; k++) {
            for (int q = 0; q < s; q++) {
                if (volume[k * s + q] == 0.0) {
                    kind[k * m + 1 + q] = EquationKind.INACTIVE;
                }
            }
        }
        double xIn = mesh.xNm(membraneStart);
        double xOut = mesh.xNm(membraneEnd);
        for (int q = 0; q < s; q++) {
            boolean crosses = mem.isPermeant(q);
            for (Channel c : scenario.lateral().channels()) {
                crosses |= c.isPermeant(q);
            }
            if (crosses) {
                continue;
            }
            // an impermeant species absent from a bath stays absent there: exactly 0, no round-off drift
            for (int k = 0; k < n; k++) {
                boolean inside = mesh.xNm(k) <= xIn && scenario.inside().concentrationMm(q) == 0;
                boolean outside = mesh.xNm(k) >= xOut && scenario.outside().concentrationMm(q) == 0;
                if (inside || outside) {
                    kind[k * m + 1 + q] = EquationKind.INACTIVE;
                }
            }
        }
        var boundary = scenario.boundary();
        boolean inRes = boundary.inside() == BoundaryKind.RESERVOIR;
        boolean outRes = boundary.outside() == BoundaryKind.RESERVOIR;
        int electrodes = 0;
        for (int k = 0; k < n; k++) {
            boolean in = inRes && mesh.faceAreaNm(BoundaryFace.INSIDE_END, k) > 0;
            boolean out = outRes && mesh.faceAreaNm(BoundaryFace.OUTSIDE_END, k) > 0;
            if (!in && !out) {
                continue;
            }
            electrodes += in ? 1 : 0;
            kind[k * m] = EquationKind.DIRICHLET;
            for (int q = 0; q < s; q++) {
                if (kind[k * m + 1 + q] != EquationKind.INACTIVE) {
                    kind[k * m + 1 + q] = EquationKind.DIRICHLET;
                    double mm = in ? scenario.inside().concentrationMm(q) : scenario.outside().concentrationMm(q);
                    dirichlet[k * m + 1 + q] = mm / scales.concentrationMolPerM3;
                }
            }
        }
        this.insideElectrode = new int[electrodes];
        electrodes = 0;
        for (int k = 0; k < n && inRes; k++) {
            if (mesh.faceAreaNm(BoundaryFace.INSIDE_END, k) > 0) {
                insideElectrode[electrodes++] = k;
            }
        }
        if (!inRes && !outRes) {
            // both closed: the outside end is the gauge, ψ = 0, instead of its Poisson rows (as in 1-D, where this
            // absorbs the round-off of the amounts' net charge, which a pure Neumann problem could not)
            for (int k = 0; k < n; k++) {
                if (mesh.faceAreaNm(BoundaryFace.OUTSIDE_END, k) > 0) {
                    kind[k * m] = EquationKind.DIRICHLET;
                }
            }
        }
        this.currentClamped = inRes && outRes && boundary.clamp() == ClampKind.CURRENT;
        this.voltageClamped = inRes && outRes && boundary.clamp() == ClampKind.VOLTAGE;
        if (voltageClamped) {
            setElectrodePotential(scales.potentialFromMv(boundary.voltageMv()));
        }
        if (currentClamped) {
            this.clampCurrent = scales.currentFromAPerM2(boundary.currentAPerM2());
        }
        this.closed = findClosedAmounts();
        this.closedTarget = new double[closed.size()];
        // the pump: every node of the lipid's inside face, paired with the node across the membrane
        NaKPump pump = scenario.pump();
        List<int[]> sites = new ArrayList<>();
        if (pump.present()) {
            this.pumpSodium = scenario.speciesIndex(pump.sodium());
            this.pumpPotassium = scenario.speciesIndex(pump.potassium());
            if (pumpSodium < 0 || pumpPotassium < 0) {
                throw new IllegalArgumentException("pump species not declared: " + pump.sodium() + ", "
                        + pump.potassium());
            }
            for (int k = 0; k < n; k++) {
                if (mesh.faceAreaNm(BoundaryFace.MEMBRANE_INSIDE, k) > 0) {
                    sites.add(new int[] {k, k + membraneEnd - membraneStart});
                }
            }
        } else {
            this.pumpSodium = -1;
            this.pumpPotassium = -1;
        }
        this.pumpIn = new int[sites.size()];
        this.pumpOut = new int[sites.size()];
        this.pumpArea = new double[sites.size()];
        // the pumps sit in the lipid, as many per membrane area as the scenario says: the lipid's share of the
        // membrane carries them all
        double lipidArea = 0;
        for (int[] site : sites) {
            lipidArea += mesh.faceAreaNm(BoundaryFace.MEMBRANE_INSIDE, site[0]);
        }
        for (int p = 0; p < sites.size(); p++) {
            pumpIn[p] = sites.get(p)[0];
            pumpOut[p] = sites.get(p)[1];
            pumpArea[p] = mesh.faceAreaNm(BoundaryFace.MEMBRANE_INSIDE, pumpIn[p]) / lipidArea * membraneArea;
        }
        this.steadyFluxEdge = new int[n * m];
        Arrays.fill(steadyFluxEdge, -1);
        if (ny == 1) {
            findSteadyFluxRows();
        }
        this.clampCarriesCurrent = carriesCurrent();
        if (!closed.isEmpty() || currentClamped) {
            double[] filled = new double[n * m];
            InitialState.fillUniform(this, filled);
            keepAmountsOf(filled);
            this.insideChargeTarget = insideCharge(filled);
        }
    }

    /**
     * On a chain, each species' compartment (a run of nodes joined by edges it crosses) that ends at a wall gets its
     * steady rows as partial sums of its balance laws from the wall: summed from the wall at its start, the rows of
     * nodes start … end − 1 are the fluxes through the edges to their right; summed from a wall at its end only, the
     * rows of start + 1 … end are the fluxes through the edges to their left (a closed compartment's last row holds
     * its amount). The sums telescope, so each row is one Scharfetter–Gummel flux (plus the pump sources on its wall
     * side): a flux through the lipid 1e-12 of the bath's keeps its digits, which the balance law, a difference of
     * bath fluxes, would lose.
     */
    private void findSteadyFluxRows() {
        for (int q = 0; q < s; q++) {
            int start = 0;
            while (start < n) {
                if (kind[start * m + 1 + q] == EquationKind.INACTIVE) {
                    start++;
                    continue;
                }
                int end = start;
                while (end < n - 1 && edgeCoef[chainEdge(end) * s + q] > 0
                        && kind[(end + 1) * m + 1 + q] != EquationKind.INACTIVE) {
                    end++;
                }
                boolean openStart = kind[start * m + 1 + q] == EquationKind.DIRICHLET;
                boolean openEnd = kind[end * m + 1 + q] == EquationKind.DIRICHLET;
                if (!openStart) {
                    for (int k = start; k < end; k++) {
                        steadyFluxEdge[k * m + 1 + q] = chainEdge(k);
                    }
                } else if (!openEnd) {
                    for (int k = start + 1; k <= end; k++) {
                        steadyFluxEdge[k * m + 1 + q] = chainEdge(k - 1);
                    }
                }
                start = end + 1;
            }
        }
    }

    /** The edge from node k to node k + 1 of a chain. */
    private int chainEdge(int k) {
        for (int p = mesh.incidenceStart(k); p < mesh.incidenceStart(k + 1); p++) {
            int e = mesh.incidentEdge(p);
            if (mesh.edgeA(e) == k && mesh.edgeB(e) == k + 1) {
                return e;
            }
        }
        throw new IllegalStateException("no edge " + k + " → " + (k + 1) + " in a chain");
    }

    /**
     * The edge whose Scharfetter–Gummel flux is the steady equation of row {@code index} = k·m + 1 + q, or −1 for a
     * balance law ({@link #findSteadyFluxRows}: chains only, rows between a wall and the node).
     */
    public int steadyFluxEdge(int index) {
        return steadyFluxEdge[index];
    }

    /** Whether some species present in a bath crosses the membrane (through the lipid or a pore). */
    private boolean carriesCurrent() {
        for (int q = 0; q < s; q++) {
            boolean present = scenario.inside().concentrationMm(q) + scenario.outside().concentrationMm(q) > 0;
            boolean crosses = scenario.membrane().isPermeant(q);
            for (Channel c : scenario.lateral().channels()) {
                crosses |= c.isPermeant(q);
            }
            if (present && crosses) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a current clamp fixes the steady electrode potential: only if some ion carries current through the
     * membrane. Otherwise the steady state keeps the inside bath's ionic charge ({@link #insideCharge}) instead.
     */
    public boolean clampCarriesCurrent() {
        return clampCarriesCurrent;
    }

    /** Q̂_in = Σ_{nodes of the inside bath} Σ_i z_i V_w,k ĉ_k,i: the ionic charge of the inside bath (dimensionless). */
    public double insideCharge(double[] u) {
        double q = 0;
        for (int k = 0; k < n; k++) {
            if (k % nx > membraneStart) {
                continue;
            }
            for (int i = 0; i < s; i++) {
                q += z[i] * waterVolume[k] * u[k * m + 1 + i];
            }
        }
        return q;
    }

    /** ∂Q̂_in/∂u added to {@code out} (indexed k·m + v). */
    public void addInsideChargeGradient(double[] out) {
        for (int k = 0; k < n; k++) {
            if (k % nx <= membraneStart) {
                for (int i = 0; i < s; i++) {
                    out[k * m + 1 + i] += z[i] * waterVolume[k];
                }
            }
        }
    }

    /** The inside bath's ionic charge in the freshly filled baths: what a non-conducting clamped slab keeps. */
    public double insideChargeTarget() {
        return insideChargeTarget;
    }

    /**
     * The connected sets of nodes where each species moves (joined by edges of positive transmissibility) that
     * reach no reservoir; each keeps its amount on the balance row of its last node.
     */
    private List<ClosedAmount> findClosedAmounts() {
        List<ClosedAmount> result = new ArrayList<>();
        int[] component = new int[n];
        int[] queue = new int[n]; // breadth-first: the visited nodes of the current component, in order
        for (int q = 0; q < s; q++) {
            Arrays.fill(component, -1);
            for (int start = 0; start < n; start++) {
                if (component[start] >= 0 || kind[start * m + 1 + q] == EquationKind.INACTIVE) {
                    continue;
                }
                boolean open = false;
                component[start] = start;
                int head = 0;
                int tail = 0;
                queue[tail++] = start;
                while (head < tail) {
                    int k = queue[head++];
                    open |= kind[k * m + 1 + q] == EquationKind.DIRICHLET;
                    for (int p = mesh.incidenceStart(k); p < mesh.incidenceStart(k + 1); p++) {
                        int e = mesh.incidentEdge(p);
                        int nb = mesh.edgeA(e) == k ? mesh.edgeB(e) : mesh.edgeA(e);
                        if (edgeCoef[e * s + q] > 0 && component[nb] < 0
                                && kind[nb * m + 1 + q] != EquationKind.INACTIVE) {
                            component[nb] = start;
                            queue[tail++] = nb;
                        }
                    }
                }
                if (open) {
                    continue;
                }
                int[] nodes = Arrays.copyOf(queue, tail);
                Arrays.sort(nodes);
                double[] v = new double[nodes.length];
                for (int p = 0; p < nodes.length; p++) {
                    v[p] = volume[nodes[p] * s + q];
                }
                String name = scenario.species().get(q).name() + " in nodes " + nodes[0] + ".." + nodes[nodes.length - 1];
                result.add(new ClosedAmount(name, q, nodes[nodes.length - 1], nodes, v));
            }
        }
        return List.copyOf(result);
    }

    /** T_e,q = Σ_parts D_q(element) · area/length. */
    private double transmissibility(int e, int q) {
        double t = 0;
        for (int p = mesh.edgePartStart(e); p < mesh.edgePartStart(e + 1); p++) {
            t += elementDiffusivity[mesh.edgePartElement(p) * s + q] * mesh.edgePartFactorNm(p) * factorScale;
        }
        return t;
    }

    /**
     * Sets the lipid's permeability to species q (cm/s): the effective diffusivity P·d/D_max of every lipid element,
     * and the transmissibility of every edge through lipid. (Pores keep their own permeabilities.)
     */
    @Override
    public void setMembranePermeabilityCmPerS(int q, double cmPerS) {
        double d = scales.membraneDiffusivityFromCmPerS(cmPerS, scenario.membrane().thicknessNm());
        for (int el = 0; el < mesh.elementCount(); el++) {
            if (mesh.material(el) == Material.LIPID) {
                elementDiffusivity[el * s + q] = d;
            }
        }
        for (int e = 0; e < mesh.edgeCount(); e++) {
            for (int p = mesh.edgePartStart(e); p < mesh.edgePartStart(e + 1); p++) {
                if (mesh.material(mesh.edgePartElement(p)) == Material.LIPID) {
                    edgeCoef[e * s + q] = transmissibility(e, q);
                    break;
                }
            }
        }
    }

    /** Sets the clamp current (dimensionless, per membrane area) of a current clamp. */
    @Override
    public void setClampCurrent(double current) {
        this.clampCurrent = current;
    }

    @Override
    public void setClampVoltage(double potential) {
        setElectrodePotential(potential);
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
    public boolean currentClamped() {
        return currentClamped;
    }

    @Override
    public boolean voltageClamped() {
        return voltageClamped;
    }

    /** The clamp current (dimensionless, per membrane area). */
    public double clampCurrent() {
        return clampCurrent;
    }

    /** The closed compartments. */
    public List<ClosedAmount> closedAmounts() {
        return closed;
    }

    /** The amount compartment c keeps. */
    public double closedTarget(int c) {
        return closedTarget[c];
    }

    /** Makes every closed compartment keep the amount it holds in state {@code u} (e.g. the filled baths). */
    public void keepAmountsOf(double[] u) {
        for (int c = 0; c < closed.size(); c++) {
            closedTarget[c] = closed.get(c).amount(u, m);
        }
    }

    /** Number of pump sites (pairs of face nodes); 0 without a pump. */
    public int pumpSites() {
        return pumpIn.length;
    }

    /** Inside-face node of pump site p. */
    public int pumpInsideNode(int p) {
        return pumpIn[p];
    }

    /** Outside-face node of pump site p. */
    public int pumpOutsideNode(int p) {
        return pumpOut[p];
    }

    /** The membrane area pump site p serves: its lipid area times membrane area / lipid area (dimensionless). */
    public double pumpArea(int p) {
        return pumpArea[p];
    }

    /** The pump's sodium and potassium species (−1 without a pump). */
    public int pumpSodium() {
        return pumpSodium;
    }

    public int pumpPotassium() {
        return pumpPotassium;
    }

    /** Transmissibility T of edge e for species q (dimensionless). */
    public double edgeCoefficient(int e, int q) {
        return edgeCoef[e * s + q];
    }

    /** Displacement transmissibility T_ε of edge e. */
    public double edgePermittivity(int e) {
        return edgeEps[e];
    }

    /** Storage and charge volume of species q at node k. */
    public double volume(int k, int q) {
        return volume[k * s + q];
    }

    /** The water (bath) part of node k's control volume. */
    public double waterVolume(int k) {
        return waterVolume[k];
    }

    /** Fixed charge of node k: the lipid faces' surface charge and the pore walls' (dimensionless). */
    public double fixedCharge(int k) {
        return fixedCharge[k];
    }

    /** The kind of the equation of unknown {@code index} = k·m + v. */
    public EquationKind kind(int index) {
        return kind[index];
    }

    /** A copy of all equation kinds, indexed k·m + v. */
    public EquationKind[] kinds() {
        return kind.clone();
    }

    /** The fixed value of a Dirichlet unknown. */
    public double dirichlet(int index) {
        return dirichlet[index];
    }

    /** The nodes of the inside electrode (the reservoir at x = 0). */
    public int[] insideElectrodeNodes() {
        return insideElectrode.clone();
    }

    /** Sets the inside electrode's potential ψ̂; the outside electrode stays at 0. */
    public void setElectrodePotential(double psi) {
        for (int k : insideElectrode) {
            dirichlet[k * m] = psi;
        }
    }

    /** The inside electrode's potential ψ̂ (0 without an inside reservoir). */
    public double electrodePotential() {
        return insideElectrode.length == 0 ? 0.0 : dirichlet[insideElectrode[0] * m];
    }

    /**
     * The edge column in the middle of the membrane, (first + last membrane column) / 2: the membrane's currents and
     * fluxes are those through it (with {@link #columnEdges}).
     */
    public int midMembraneColumn() {
        return (membraneStart + membraneEnd) / 2;
    }

    /** The edges through the middle of the membrane: {@code columnEdges(midMembraneColumn())}. */
    public int[] midMembraneEdges() {
        return columnEdges(midMembraneColumn());
    }

    /** The edges between node columns {@code column} and {@code column + 1}, oriented inside → outside. */
    public int[] columnEdges(int column) {
        int[] e = new int[ny];
        for (int j = 0; j < ny; j++) {
            e[j] = j * (nx - 1) + column;
        }
        return e;
    }

    /**
     * The share of channel {@code channel} in edge e's transmissibility for species q (0 … 1): the part of the
     * edge's flux that passes through the pore, since a Scharfetter–Gummel flux is proportional to T.
     */
    public double channelShare(int e, int channel, int q) {
        double total = edgeCoef[e * s + q];
        if (total == 0.0) {
            return 0.0;
        }
        double part = 0;
        for (int p = mesh.edgePartStart(e); p < mesh.edgePartStart(e + 1); p++) {
            int el = mesh.edgePartElement(p);
            if (mesh.channel(el) == channel) {
                part += elementDiffusivity[el * s + q] * mesh.edgePartFactorNm(p) * factorScale;
            }
        }
        return part / total;
    }

    /** A pore (channel index) whose elements touch node k, or −1. */
    public int poreAt(int k) {
        return poreOfNode[k];
    }

    /** The area of node (0, j)'s part of the inside end: the weight of row j in averages over the membrane. */
    public double rowWeight(int j) {
        return mesh.faceAreaNm(BoundaryFace.INSIDE_END, j * nx);
    }
}
