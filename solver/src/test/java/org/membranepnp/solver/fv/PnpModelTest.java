package org.membranepnp.solver.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.LateralGeometry;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.mesh.BoundaryFace;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.ControlVolumeMesh;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.HandMeshes;
import org.membranepnp.solver.mesh.LateralMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.mesh.Mesh2D;
import org.membranepnp.solver.mesh.PatchMeshBuilder;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/**
 * The one model and assembler against independent computations: on a tiny chain, every residual of an implicit Euler
 * step against the discrete equations written out by hand (charged faces, partitioning, pump, closed amounts, clamps);
 * on patches, the coefficients against their geometry; the schedules' setters against freshly built models.
 */
class PnpModelTest {

    /**
     * A six-node chain (3 nm of inside bath, 5 nm of lipid in two cells, 6 nm of outside bath) with every term on:
     * the neuron's four ions, a leaky lipid with charged faces and β = 1e-2, the fast saturating pump, a closed
     * inside (the impermeant anion's amount) or a voltage clamp between reservoirs. Every residual of an implicit
     * Euler step at a random state equals the discrete equations written out by hand from the scenario and the
     * node positions, to 1e-12 of the size of its terms:
     * <pre>
     *   ĥ = h/L₀; per cell T_q = D_q/(D_max ĥ) in water, P_q d/(D_max ĥ) in lipid; f_q = 1 in water, β (or 0 if
     *   P_q = 0) in lipid; V_kq = Σ_adjacent cells f_q ĥ/2; σ̂ = σ L₀/(ε₀ V_T); Γ = F c₀ L₀²/(ε₀ V_T)
     *   Poisson  Σ_cells ε/ĥ (ψ_k − ψ_nb) − Γ Σ_q z_q V_kq ĉ_kq − σ̂_k
     *   NP       V_kq (ĉ − ĉ_old)/Δt̂ + F_out − F_in + pump source        amount  Σ V ĉ − c W/(c₀ L₀)
     * </pre>
     */
    @Test
    void onATinyChainEveryTimeStepResidualIsTheHandWrittenEquations() {
        double[] x = {0, 3, 5.5, 8, 12, 14};
        Scenario neuron = ReferenceScenarios.neuronRest();
        Membrane leaky = new Membrane(5.0, 5.6, new double[] {1e-3, 2e-4, 5e-4, 0}, -0.02, 0.01, 1e-2);
        Scenario base = new Scenario("tiny", 1, 310.15, neuron.species(),
                new Bath(0.003, 80, neuron.inside().concentrationsMm()),
                new Bath(0.006, 80, neuron.outside().concentrationsMm()), leaky, neuron.boundary(),
                neuron.mesh(), neuron.run()).withPump(new NaKPump(1e13, true, 15, 100, "Na", "K"));
        Scenario[] cases = {
            base.withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0)),
            base.withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.VOLTAGE, 0,
                    -40))};
        for (Scenario s : cases) {
            boolean closed = s.boundary().inside() == BoundaryKind.WALL;
            PnpModel model = new PnpModel(s, ChainMeshBuilder.build(HandMeshes.of(x, 1, 3)));
            int n = x.length;
            int m = model.m;
            int sp = model.s;
            assertEquals(n, model.n);
            Scales sc = model.scales;
            double vt = PhysicalConstants.thermalVoltageV(s.temperatureK());
            double eps0 = PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M;
            double c0 = sc.concentrationMolPerM3;
            double gamma = PhysicalConstants.FARADAY_C_PER_MOL * c0 * sc.lengthM * sc.lengthM / (eps0 * vt);
            // cells
            double[] h = new double[n - 1];
            double[] eps = new double[n - 1];
            double[][] t = new double[n - 1][sp];
            double[][] f = new double[n - 1][sp];
            for (int c = 0; c < n - 1; c++) {
                boolean lipid = c == 1 || c == 2;
                h[c] = (x[c + 1] - x[c]) * 1e-9 / sc.lengthM;
                eps[c] = lipid ? 5.6 : 80;
                for (int q = 0; q < sp; q++) {
                    double p = leaky.permeabilityCmPerS()[q] * 1e-2;
                    double d = lipid ? p * 5e-9 : s.species().get(q).diffusionM2PerS();
                    t[c][q] = d / sc.diffusionM2PerS / h[c];
                    f[c][q] = lipid ? (p > 0 ? 1e-2 : 0) : 1;
                }
            }
            double[][] v = new double[n][sp];
            for (int c = 0; c < n - 1; c++) {
                for (int q = 0; q < sp; q++) {
                    v[c][q] += f[c][q] * h[c] / 2;
                    v[c + 1][q] += f[c][q] * h[c] / 2;
                }
            }
            double[] sigma = new double[n];
            sigma[1] = -0.02 * sc.lengthM / (eps0 * vt);
            sigma[3] = 0.01 * sc.lengthM / (eps0 * vt);
            // the anion A (q = 3): impermeant and absent outside, so inactive in the lipid and the outside bath
            boolean[] inactive = new boolean[n * m];
            for (int k = 2; k < n; k++) {
                inactive[k * m + 4] = true;
            }
            SplittableRandom rnd = new SplittableRandom(closed ? 5 : 6);
            double[] u = new double[n * m];
            double[] uOld = new double[n * m];
            for (int i = 0; i < u.length; i++) {
                assertEquals(inactive[i], model.kind(i) == EquationKind.INACTIVE, "inactive unknown " + i);
                boolean potential = i % m == 0;
                u[i] = inactive[i] ? 0 : potential ? rnd.nextDouble(-2, 2) : rnd.nextDouble(0.1, 2) * 100 / c0;
                uOld[i] = inactive[i] ? 0 : potential ? rnd.nextDouble(-2, 2) : rnd.nextDouble(0.1, 2) * 100 / c0;
            }
            double invDt = 7.0;
            double[] pump = Chains.pumpSources(model, u);
            double[] expected = new double[n * m];
            double[] size = new double[n * m];
            for (int k = 0; k < n; k++) {
                expected[k * m] = -sigma[k];
                size[k * m] = Math.abs(sigma[k]);
                for (int q = 0; q < sp; q++) {
                    double charge = gamma * s.species().get(q).charge() * v[k][q] * u[k * m + 1 + q];
                    expected[k * m] -= charge;
                    size[k * m] += Math.abs(charge);
                    double storage = v[k][q] * (u[k * m + 1 + q] - uOld[k * m + 1 + q]) * invDt;
                    expected[k * m + 1 + q] = storage + pump[k * m + 1 + q];
                    size[k * m + 1 + q] = Math.abs(storage) + Math.abs(pump[k * m + 1 + q]);
                }
            }
            for (int c = 0; c < n - 1; c++) {
                double d = eps[c] / h[c] * (u[c * m] - u[(c + 1) * m]);
                expected[c * m] += d;
                expected[(c + 1) * m] -= d;
                size[c * m] += Math.abs(d);
                size[(c + 1) * m] += Math.abs(d);
                for (int q = 0; q < sp; q++) {
                    double flux = Chains.sgFlux(t[c][q], s.species().get(q).charge(), u[c * m], u[(c + 1) * m],
                            u[c * m + 1 + q], u[(c + 1) * m + 1 + q]);
                    expected[c * m + 1 + q] += flux;
                    expected[(c + 1) * m + 1 + q] -= flux;
                    size[c * m + 1 + q] += Math.abs(flux);
                    size[(c + 1) * m + 1 + q] += Math.abs(flux);
                }
            }
            // the reservoirs' fixed values: the outside one grounded, the inside one at the clamp's −40 mV
            for (int k : closed ? new int[] {n - 1} : new int[] {0, n - 1}) {
                boolean in = k == 0;
                double psi = in ? -40e-3 / vt : 0.0;
                expected[k * m] = u[k * m] - psi;
                size[k * m] = Math.abs(u[k * m]) + Math.abs(psi);
                for (int q = 0; q < sp; q++) {
                    if (!inactive[k * m + 1 + q]) {
                        double c = (in ? s.inside() : s.outside()).concentrationMm(q) / c0;
                        expected[k * m + 1 + q] = u[k * m + 1 + q] - c;
                        size[k * m + 1 + q] = Math.abs(u[k * m + 1 + q]) + c;
                    }
                }
            }
            for (int i = 0; i < u.length; i++) {
                if (inactive[i]) {
                    expected[i] = u[i];
                    size[i] = 0;
                }
            }
            if (closed) {
                // the anion's amount in the closed inside bath: c_A W_in of the filled bath, on its last node's row
                assertEquals(1, model.closedAmounts().size());
                int row = model.closedAmounts().get(0).row(m);
                assertEquals(1 * m + 4, row);
                double target = 148 * 3e-9 / (c0 * sc.lengthM);
                expected[row] = v[0][3] * u[4] + v[1][3] * u[m + 4] - target;
                size[row] = target;
            } else {
                assertEquals(0, model.closedAmounts().size());
            }
            double[] r = Chains.residual(model, u, uOld, invDt);
            for (int i = 0; i < u.length; i++) {
                assertEquals(expected[i], r[i], 1e-12 * size[i], s.boundary() + ": row " + i);
            }
        }
    }

    /** A compartment away from node 0 sums V·ĉ over its own nodes: Σ V_k u[k·m + 1 + q], on row rowNode·m + 1 + q. */
    @Test
    void aClosedAmountSumsItsOwnNodes() {
        int m = 3;
        ClosedAmount c = new ClosedAmount("test", 1, 5, new int[] {3, 4, 5}, new double[] {1.5, 2.0, 0.5});
        double[] u = new double[8 * m];
        for (int i = 0; i < u.length; i++) {
            u[i] = i + 1; // u[k·m + v] = k·m + v + 1
        }
        // ĉ_1 at nodes 3, 4, 5 = u[11], u[14], u[17] = 12, 15, 18
        assertEquals(1.5 * 12 + 2.0 * 15 + 0.5 * 18, c.amount(u, m), 0.0);
        assertEquals(17, c.row(m));
    }

    private static Scenario patch(LateralGeometry g) {
        double center = g == LateralGeometry.AXISYMMETRIC ? 0 : 6;
        Channel pore = new Channel("pore", center, 2, 70, new double[] {1.0, 0.5, 0.2, 0}, -20);
        Scenario s = ReferenceScenarios.plane(ReferenceScenarios.neuronRest(), 0.01, 12, List.of())
                .withLateral(new Lateral(12, List.of(pore), g));
        Membrane m = s.membrane();
        return s.withMembrane(new Membrane(m.thicknessNm(), m.permittivity(), new double[] {1e-6, 2e-7, 3e-7, 0},
                        -0.01, 0.02, 1e-3))
                .withPump(new NaKPump(3000, true, 1.5, 10, "Na", "K"));
    }

    private static ControlVolumeMesh mesh(Scenario s, boolean axi) {
        Mesh1D across = GradedMeshBuilder.plan(s, 2.0).build();
        return PatchMeshBuilder.build(new Mesh2D(across, LateralMeshBuilder.build(s.lateral(), 0.8, 2.0),
                s.lateral()), axi);
    }

    /**
     * On a patch the search for closed compartments walks the mesh breadth-first, which is not the node order: each
     * compartment still lists its nodes in increasing order (the A⁻ of a walled inside bath: every inside-bath node
     * of the patch, over several rows) and keeps its amount on the row of its last node.
     */
    @Test
    void aClosedCompartmentOfAPatchListsItsNodesInOrderAndKeepsItsAmountOnTheLast() {
        Scenario s = patch(LateralGeometry.PLANAR)
                .withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0));
        PnpModel model = new PnpModel(s, mesh(s, false));
        ClosedAmount anions = model.closedAmounts().stream().filter(a -> a.species() == 3).findFirst().orElseThrow();
        int[] nodes = anions.nodes();
        assertTrue(nodes.length > 2 * model.nx, "precondition: the compartment spans rows: " + nodes.length);
        for (int p = 1; p < nodes.length; p++) {
            assertTrue(nodes[p] > nodes[p - 1], "in order at " + p + ": " + nodes[p - 1] + ", " + nodes[p]);
        }
        assertEquals(nodes[nodes.length - 1], anions.rowNode());
        assertEquals(nodes[0], 0, "from the inside far end");
    }

    @Test
    void schedulingTheLipidsPermeabilityIsBuildingTheModelWithIt() {
        for (LateralGeometry g : LateralGeometry.values()) {
            Scenario s = patch(g);
            ControlVolumeMesh mesh = mesh(s, g == LateralGeometry.AXISYMMETRIC);
            PnpModel model = new PnpModel(s, mesh);
            model.setMembranePermeabilityCmPerS(1, 5e-5);
            Membrane m = s.membrane();
            double[] p = m.permeabilityCmPerS().clone();
            p[1] = 5e-5;
            PnpModel fresh = new PnpModel(s.withMembrane(new Membrane(m.thicknessNm(), m.permittivity(), p,
                    m.insideSurfaceChargeCPerM2(), m.outsideSurfaceChargeCPerM2(), m.partitionCoefficient())), mesh);
            PnpModel before = new PnpModel(s, mesh);
            int changed = 0;
            for (int e = 0; e < mesh.edgeCount(); e++) {
                for (int q = 0; q < model.s; q++) {
                    assertEquals(fresh.edgeCoefficient(e, q), model.edgeCoefficient(e, q),
                            1e-15 * fresh.edgeCoefficient(e, q), g + " edge " + e + " species " + q);
                }
                changed += fresh.edgeCoefficient(e, 1) != before.edgeCoefficient(e, 1) ? 1 : 0;
            }
            assertTrue(changed > 10, "edges through the lipid changed: " + changed);
        }
    }

    @Test
    void areasVolumesAndPumpSitesFollowTheGeometry() {
        for (LateralGeometry g : LateralGeometry.values()) {
            boolean axi = g == LateralGeometry.AXISYMMETRIC;
            Scenario s = patch(g);
            ControlVolumeMesh mesh = mesh(s, axi);
            PnpModel model = new PnpModel(s, mesh);
            double lambda = model.scales.lengthFromNm(1.0);
            double area = axi ? Math.PI * 144 : 12;
            assertEquals(area * Math.pow(lambda, axi ? 2 : 1), model.membraneArea, 1e-12 * model.membraneArea);
            double rows = 0;
            for (int j = 0; j < model.ny; j++) {
                rows += model.rowWeight(j);
            }
            assertEquals(area, rows, 1e-12 * area, "row weights tile the membrane");
            double water = 0;
            for (int k = 0; k < model.n; k++) {
                water += model.waterVolume(k);
            }
            double baths = 2 * 10 * area * Math.pow(lambda, axi ? 3 : 2);
            assertEquals(baths, water, 1e-12 * baths, "the baths' water");
            // the pump: one site per lipid node of the inside face, paired across the membrane, carrying the whole area
            double sites = 0;
            int na = s.speciesIndex("Na");
            int k = s.speciesIndex("K");
            assertEquals(na, model.pumpSodium());
            assertEquals(k, model.pumpPotassium());
            for (int p = 0; p < model.pumpSites(); p++) {
                int in = model.pumpInsideNode(p);
                int out = model.pumpOutsideNode(p);
                assertEquals(mesh.yNm(in), mesh.yNm(out), 0.0);
                assertEquals(mesh.xNm(model.membraneStart * 1), mesh.xNm(in), 0.0);
                assertEquals(mesh.xNm(model.membraneEnd), mesh.xNm(out), 0.0);
                assertTrue(mesh.faceAreaNm(BoundaryFace.MEMBRANE_INSIDE, in) > 0);
                sites += model.pumpArea(p);
            }
            assertEquals(model.membraneArea, sites, 1e-12 * sites, "the pumps of the whole membrane");
            assertTrue(model.pumpSites() < model.ny, "no pump in the pore");
            // the pore's share of each edge's transmissibility
            int pore = 0;
            for (int e = 0; e < mesh.edgeCount(); e++) {
                double share = model.channelShare(e, 0, 0);
                assertTrue(share >= 0 && share <= 1 + 1e-15);
                pore += share == 1.0 ? 1 : 0;
            }
            assertTrue(pore > 5, "edges inside the pore: " + pore);
        }
    }

    /**
     * A current clamp can fix the steady electrode potential only if some ion present in a bath crosses the membrane,
     * through the lipid or a pore: the resting neuron (yes), its sealed slab (no), a lipid passing only Ca²⁺ absent
     * from both baths (no) or present inside (yes), and a sealed lipid beside a pore that passes K⁺ (yes).
     */
    @Test
    void aClampCarriesCurrentOnlyThroughAnIonThatIsThereAndCrosses() {
        Scenario neuron = ReferenceScenarios.neuronRest();
        assertTrue(Chains.model(neuron).clampCarriesCurrent());
        Membrane m = neuron.membrane();
        Scenario sealed = neuron.withMembrane(new Membrane(m.thicknessNm(), m.permittivity(), new double[4], 0, 0,
                m.partitionCoefficient()));
        assertFalse(Chains.model(sealed).clampCarriesCurrent(), "sealed lipid");
        List<org.membranepnp.engine.model.Species> sp = List.of(ReferenceScenarios.potassium(),
                ReferenceScenarios.chloride(), ReferenceScenarios.calcium());
        for (double ca : new double[] {0, 1}) {
            Scenario s = new Scenario("Ca channel", 1, 310, sp, new Bath(1.0, 80, new double[] {100, 100 + 2 * ca, ca}),
                    new Bath(1.0, 80, new double[] {100, 100, 0}), ReferenceScenarios.membrane(0, 0, 1e-5),
                    neuron.boundary(), neuron.mesh(), neuron.run());
            assertEquals(ca > 0, Chains.model(s).clampCarriesCurrent(), "lipid passing only Ca²⁺, " + ca + " mM inside");
        }
        Scenario pore = patch(LateralGeometry.PLANAR);
        Membrane pm = pore.membrane();
        Scenario poreOnly = pore.withMembrane(new Membrane(pm.thicknessNm(), pm.permittivity(), new double[4], 0, 0,
                pm.partitionCoefficient()));
        assertTrue(new PnpModel(poreOnly, mesh(poreOnly, false)).clampCarriesCurrent(), "a pore in a sealed lipid");
    }

    /**
     * A current-clamped slab that no ion crosses keeps the ionic charge its inside bath holds when freshly filled:
     * the counter-charge of its charged inside face, Γ Q̂_in = −σ̂_in A, for either sign of σ. To 0.2 % on 240 cells:
     * the filled layer's Boltzmann profile sampled at the nodes converges at second order (1.8 %, 0.45 %, 0.11 %,
     * 0.03 % on 60 … 480 cells for σ_in = −0.02 C/m²).
     */
    @Test
    void aNonConductingClampedSlabKeepsTheCounterChargeOfItsInsideFace() {
        Scenario gc = ReferenceScenarios.gouyChapman(0.0, 100, 310);
        Membrane m = gc.membrane();
        for (double sigma : new double[] {-0.02, 0.01}) {
            Scenario s = gc.withMembrane(new Membrane(m.thicknessNm(), m.permittivity(), m.permeabilityCmPerS(), sigma,
                    0.0, m.partitionCoefficient()));
            PnpModel model = Chains.model(s, GradedMeshBuilder.build(s.withMesh(new MeshSpec(240))));
            assertTrue(model.currentClamped() && model.closedAmounts().isEmpty());
            assertFalse(model.clampCarriesCurrent());
            double expected = -model.scales.surfaceChargeFromCPerM2(sigma) * model.membraneArea
                    / model.scales.poissonFactor;
            assertEquals(expected, model.insideChargeTarget(), 2e-3 * Math.abs(expected), "σ_in = " + sigma);
        }
    }

    /**
     * An ion that cannot cross keeps its amount on each side of the membrane separately, even across a one-cell
     * membrane whose faces are neighbours (its lipid edge passes nothing): in a closed box on a hand chain, K⁺ and
     * Cl⁻ (permeant) have one compartment of every node, the sealed Na⁺ two (the inside bath with its face, the
     * outside face with its bath), the anion (absent outside) the inside one; each keeps its amount on its last node.
     */
    @Test
    void anIonThatCannotCrossKeepsItsAmountOnEachSideOfAOneCellMembrane() {
        Scenario s = Chains.bounded(Chains.sodiumImpermeant(), BoundaryKind.WALL, BoundaryKind.WALL);
        PnpModel model = Chains.model(s, HandMeshes.of(new double[] {0, 3, 6, 11, 14, 18}, 2, 3));
        List<String> found = new java.util.ArrayList<>();
        for (ClosedAmount a : model.closedAmounts()) {
            assertEquals(a.nodes()[a.nodes().length - 1], a.rowNode());
            found.add(s.species().get(a.species()).name() + " " + java.util.Arrays.toString(a.nodes()));
        }
        java.util.Collections.sort(found);
        assertEquals(List.of("A [0, 1, 2]", "Cl [0, 1, 2, 3, 4, 5]", "K [0, 1, 2, 3, 4, 5]", "Na [0, 1, 2]",
                "Na [3, 4, 5]"), found);
    }

    @Test
    void clampsAreSetThroughTheirOneSetter() {
        Scenario s = patch(LateralGeometry.PLANAR);
        ControlVolumeMesh mesh = mesh(s, false);
        PnpModel current = new PnpModel(s.withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR,
                ClampKind.CURRENT, 0.5, 0)), mesh);
        assertTrue(current.currentClamped());
        assertFalse(current.voltageClamped());
        assertEquals(current.scales.currentFromAPerM2(0.5), current.clampCurrent(), 0.0);
        current.setClampCurrent(-3.0);
        assertEquals(-3.0, current.clampCurrent(), 0.0);
        PnpModel voltage = new PnpModel(s.withBoundary(new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR,
                ClampKind.VOLTAGE, 0, -30)), mesh);
        assertTrue(voltage.voltageClamped());
        assertEquals(voltage.scales.potentialFromMv(-30), voltage.electrodePotential(), 0.0);
        voltage.setClampVoltage(1.25);
        assertEquals(1.25, voltage.electrodePotential(), 0.0);
        for (int k : voltage.insideElectrodeNodes()) {
            assertEquals(1.25, voltage.dirichlet(k * voltage.m), 0.0);
        }
        assertEquals(voltage.ny, voltage.insideElectrodeNodes().length);
        PnpModel walled = new PnpModel(s.withBoundary(new Boundary(BoundaryKind.WALL, BoundaryKind.RESERVOIR,
                ClampKind.CURRENT, 0, 0)), mesh);
        assertFalse(walled.currentClamped() || walled.voltageClamped());
        assertEquals(0, walled.insideElectrodeNodes().length);
        assertEquals(0.0, walled.electrodePotential(), 0.0);
        // the lipid passes K, Na, Cl: only the impermeant anion A is closed in, in exactly the inside bath's nodes
        assertEquals(1, walled.closedAmounts().size());
        ClosedAmount a = walled.closedAmounts().get(0);
        assertEquals(s.speciesIndex("A"), a.species());
        int insideNodes = 0;
        for (int k = 0; k < walled.n; k++) {
            insideNodes += mesh.xNm(k) <= mesh.xNm(walled.membraneStart) ? 1 : 0;
        }
        assertEquals(insideNodes, a.nodes().length);
        for (int k : a.nodes()) {
            assertTrue(mesh.xNm(k) <= mesh.xNm(walled.membraneStart));
        }
        assertEquals(a.nodes()[a.nodes().length - 1], a.rowNode());
        // its row holds Σ V ĉ − N: zero at the state whose amount it keeps, Σ V δĉ away from it
        double[] u = new double[walled.n * walled.m];
        for (int k = 0; k < walled.n; k++) {
            for (int q = 0; q < walled.s; q++) {
                u[k * walled.m + 1 + q] = walled.kind(k * walled.m + 1 + q) == EquationKind.INACTIVE ? 0 : 0.3 + 0.01 * q;
            }
        }
        walled.keepAmountsOf(u);
        double expected = 0;
        for (int k : a.nodes()) {
            expected += walled.volume(k, a.species()) * u[k * walled.m + 1 + a.species()];
        }
        assertEquals(expected, walled.closedTarget(0), 1e-14 * expected);
        PnpAssembler asm = new PnpAssembler(walled, WorkerPool.serial());
        double[] r = new double[u.length];
        asm.assemble(u, u, 0.0, r, BlockSlots.sparse(mesh, walled.m));
        assertEquals(0.0, r[a.row(walled.m)], 1e-15 * expected);
        double[] moved = u.clone();
        double shift = 0;
        for (int k : a.nodes()) {
            moved[k * walled.m + 1 + a.species()] += 0.02;
            shift += walled.volume(k, a.species()) * 0.02;
        }
        asm.assemble(moved, moved, 0.0, r, BlockSlots.sparse(mesh, walled.m));
        assertEquals(shift, r[a.row(walled.m)], 1e-12 * shift);
        // the kinds, as a copy
        var kinds = walled.kinds();
        for (int i = 0; i < kinds.length; i++) {
            assertEquals(walled.kind(i), kinds[i]);
        }
        kinds[0] = null;
        assertTrue(walled.kind(0) != null);
        // the edges of a column join it to the next one, one per row
        for (int c = 0; c < walled.nx - 1; c += 7) {
            int[] edges = walled.columnEdges(c);
            assertEquals(walled.ny, edges.length);
            for (int j = 0; j < edges.length; j++) {
                assertEquals(j * walled.nx + c, mesh.edgeA(edges[j]));
                assertEquals(j * walled.nx + c + 1, mesh.edgeB(edges[j]));
            }
        }
    }

    /** The schedules of a 2-D run go through the same setters: a permeability and the clamp current. */
    @Test
    void aScheduleDrivesThePatchThroughItsSetters() {
        Scenario s = patch(LateralGeometry.PLANAR).withBoundary(new Boundary(BoundaryKind.RESERVOIR,
                BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0));
        ControlVolumeMesh mesh = mesh(s, false);
        PnpModel model = new PnpModel(s, mesh);
        ParameterSchedule schedule = new ParameterSchedule(model, List.of(
                new org.membranepnp.engine.model.Schedule("membrane.permeability_cm_s.Na", new double[] {0, 1e-3},
                        new double[] {2e-7, 4e-5}),
                new org.membranepnp.engine.model.Schedule("boundary.current_A_m2", new double[] {0, 1e-3},
                        new double[] {0, 2.0})));
        schedule.applyAt(0.5e-3 / model.scales.timeS, false);
        assertEquals(model.scales.currentFromAPerM2(1.0), model.clampCurrent(), 1e-12 * model.clampCurrent());
        Membrane m = s.membrane();
        double[] p = m.permeabilityCmPerS().clone();
        p[1] = 0.5 * (2e-7 + 4e-5);
        PnpModel fresh = new PnpModel(s.withMembrane(new Membrane(m.thicknessNm(), m.permittivity(), p,
                m.insideSurfaceChargeCPerM2(), m.outsideSurfaceChargeCPerM2(), m.partitionCoefficient())), mesh);
        for (int e = 0; e < mesh.edgeCount(); e++) {
            assertEquals(fresh.edgeCoefficient(e, 1), model.edgeCoefficient(e, 1), 1e-12 * fresh.edgeCoefficient(e, 1));
        }
    }

    /** A pump that finds no Na⁺ at the inside face stops, and its derivatives stay finite (zero). */
    @Test
    void aPumpWithoutSodiumStopsWithFiniteDerivatives() {
        Scenario s = patch(LateralGeometry.PLANAR);
        PnpModel model = new PnpModel(s, mesh(s, false));
        double[] u = new double[model.n * model.m];
        for (int k = 0; k < model.n; k++) {
            for (int q = 0; q < model.s; q++) {
                if (model.kind(k * model.m + 1 + q) != EquationKind.INACTIVE) {
                    u[k * model.m + 1 + q] = q == model.pumpSodium() ? 0.0 : 0.5;
                }
            }
        }
        PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
        BlockSlots jac = BlockSlots.sparse(model.mesh, model.m);
        double[] r = new double[u.length];
        asm.assemble(u, u, 0.0, r, jac);
        assertEquals(0.0, asm.pumpCurrent(), 0.0);
        double[] grad = new double[u.length];
        asm.addPumpCurrentGradient(grad);
        double[] x = new double[u.length];
        java.util.Arrays.fill(x, 1.0);
        double[] y = new double[u.length];
        asm.multiplyGlobal(x, y);
        for (int i = 0; i < u.length; i++) {
            assertTrue(Double.isFinite(grad[i]) && Double.isFinite(y[i]) && Double.isFinite(r[i]), "entry " + i);
        }
        for (double[] row : jac.toDense()) {
            for (double v : row) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    /** Two pores: each edge's share belongs to its own pore, for every species that pore passes. */
    @Test
    void eachPoreOwnsItsEdges() {
        Channel one = new Channel("one", 3, 2, 80, new double[] {1.0, 0.5, 0, 0});
        Channel two = new Channel("two", 9, 2, 80, new double[] {0.3, 0, 0.7, 0});
        Scenario open = patch(LateralGeometry.PLANAR).withLateral(new Lateral(12, List.of(one, two)));
        Membrane m = open.membrane();
        Scenario s = open.withMembrane(new Membrane(m.thicknessNm(), m.permittivity(), new double[4], 0, 0, 1e-3));
        ControlVolumeMesh mesh = mesh(s, false);
        PnpModel model = new PnpModel(s, mesh);
        for (int k = 0; k < model.n; k++) {
            int i = k % model.nx;
            double y = mesh.yNm(k);
            boolean inside = i >= model.membraneStart && i <= model.membraneEnd; // the faces touch the pore too
            int expected = !inside ? -1 : (y >= 2 && y <= 4) ? 0 : (y >= 8 && y <= 10) ? 1 : -1;
            assertEquals(expected, model.poreAt(k), "pore at node " + k);
        }
        // with a sealed lipid, the two pores carry all of each species' flux through the middle of the membrane
        double[] u = new double[model.n * model.m];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < u.length; i++) {
            u[i] = model.kind(i) == EquationKind.INACTIVE ? 0 : i % model.m == 0 ? rnd.nextDouble(-2, 2) : rnd.nextDouble(0.1, 1);
        }
        PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
        asm.evaluateFluxes(u);
        int[] mid = model.midMembraneEdges();
        for (int q = 0; q < model.s; q++) {
            double total = asm.speciesFlux(mid, q);
            double pores = asm.channelFlux(mid, 0, q) + asm.channelFlux(mid, 1, q);
            assertEquals(total, pores, 1e-13 * Math.abs(total) + 1e-300, "species " + q);
            assertEquals(one.isPermeant(q), asm.channelFlux(mid, 0, q) != 0.0);
            assertEquals(two.isPermeant(q), asm.channelFlux(mid, 1, q) != 0.0);
        }
        int[] whole = new int[2];
        for (int e = 0; e < mesh.edgeCount(); e++) {
            boolean[] allIn = {true, true};
            for (int p = mesh.edgePartStart(e); p < mesh.edgePartStart(e + 1); p++) {
                int c = mesh.channel(mesh.edgePartElement(p));
                allIn[0] &= c == 0;
                allIn[1] &= c == 1;
            }
            for (int c = 0; c < 2; c++) {
                Channel ch = c == 0 ? one : two;
                for (int q = 0; q < model.s; q++) {
                    double share = model.channelShare(e, c, q);
                    if (allIn[c] && ch.isPermeant(q)) {
                        assertEquals(1.0, share, 1e-15, "edge " + e + " in pore " + c + ", species " + q);
                    } else if (allIn[1 - c]) {
                        assertEquals(0.0, share, 0.0, "edge " + e + " of the other pore");
                    }
                }
                whole[c] += allIn[c] ? 1 : 0;
            }
        }
        assertTrue(whole[0] > 5 && whole[1] > 5, "edges inside each pore: " + whole[0] + ", " + whole[1]);
    }
}
