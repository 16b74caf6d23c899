package org.membranepnp.solver.fv;

import java.util.List;
import java.util.SplittableRandom;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.solver.linalg.BlockSlots;
import org.membranepnp.solver.mesh.ChainMeshBuilder;
import org.membranepnp.solver.mesh.GradedMeshBuilder;
import org.membranepnp.solver.mesh.Mesh1D;
import org.membranepnp.solver.parallel.WorkerPool;
import org.membranepnp.solver.validation.ReferenceScenarios;

/** Small 1-D chains of the generic model, states and residuals for the tests of the finite-volume core. */
final class Chains {
    private Chains() {
    }

    /** The 60-cell graded mesh of {@code s}. */
    static Mesh1D mesh(Scenario s) {
        return GradedMeshBuilder.build(s.withMesh(new MeshSpec(60)));
    }

    /** The model of {@code s} on its 60-cell chain. */
    static PnpModel model(Scenario s) {
        return new PnpModel(s, ChainMeshBuilder.build(mesh(s)));
    }

    static PnpModel model(Scenario s, Mesh1D mesh) {
        return new PnpModel(s, ChainMeshBuilder.build(mesh));
    }

    static Scenario bounded(Scenario s, BoundaryKind in, BoundaryKind out) {
        return s.withBoundary(new Boundary(in, out, ClampKind.CURRENT, 0, 0));
    }

    /** Na⁺ first (species 0), K⁺ second, Cl⁻ and an impermeant anion: the pump's species at other places. */
    static Scenario sodiumFirst() {
        List<Species> sp = List.of(ReferenceScenarios.sodium(), ReferenceScenarios.potassium(),
                ReferenceScenarios.chloride(), ReferenceScenarios.anion());
        Bath in = new Bath(1.0, 80, new double[] {15, 140, 7, 148});
        Bath out = new Bath(1.0, 80, new double[] {145, 4, 149, 0});
        double p = ReferenceScenarios.P_K_CM_S;
        Boundary b = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0, 0);
        return new Scenario("Na first", 1, ReferenceScenarios.BODY_TEMPERATURE_K, sp, in, out,
                ReferenceScenarios.membrane(0.04 * p, p, 0.45 * p, 0), b, MeshSpec.DEFAULT, RunSpec.steady());
    }

    /** {@code s} with its baths swapped (an inside-out patch): the neuron's impermeant anion then lives outside only. */
    static Scenario insideOut(Scenario s) {
        return new Scenario(s.title() + " inside out", s.dimension(), s.temperatureK(), s.species(), s.outside(),
                s.inside(), s.membrane(), s.boundary(), s.mesh(), s.run(), s.pump(), s.schedules(), s.lateral(),
                s.particles());
    }

    /** The resting neuron with a membrane impermeable to Na⁺ (P_Na = 0): Na⁺ crosses only through the pump. */
    static Scenario sodiumImpermeant() {
        double p = ReferenceScenarios.P_K_CM_S;
        return ReferenceScenarios.neuronRest().withMembrane(ReferenceScenarios.membrane(p, 0, 0.45 * p, 0));
    }

    /**
     * A state whose every unknown differs (so that a wrong index reads a different value): the analytic steady
     * guess, potentials shifted by up to ±0.3 and concentrations scaled by up to ±30 %.
     */
    static double[] distinctState(PnpModel model, long seed) {
        double[] u = new double[model.n * model.m];
        InitialState.fillSteadyGuess(model, u);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < u.length; i++) {
            u[i] = i % model.m == 0 ? u[i] + rnd.nextDouble(-0.3, 0.3) : u[i] * (1 + rnd.nextDouble(-0.3, 0.3));
        }
        return u;
    }

    /** The residual at u of a fresh assembler (steady for {@code invDt} = 0, else an implicit Euler step). */
    static double[] residual(PnpModel model, double[] u, double[] uOld, double invDt) {
        double[] r = new double[u.length];
        new PnpAssembler(model, WorkerPool.serial()).assemble(u, uOld, invDt, r, BlockSlots.sparse(model.mesh, model.m));
        return r;
    }

    /** Bernoulli function x/(eˣ − 1), computed here independently of the engine. */
    static double bernoulli(double x) {
        return x == 0 ? 1.0 : x / Math.expm1(x);
    }

    /** The Scharfetter–Gummel flux T[B(a) ĉ_A − B(−a) ĉ_B], a = z(ψ_B − ψ_A), from node A to node B. */
    static double sgFlux(double t, int z, double psiA, double psiB, double cA, double cB) {
        double a = z * (psiB - psiA);
        return t * (bernoulli(a) * cA - bernoulli(-a) * cB);
    }

    /** The edge from node k to node k + 1 of a chain. */
    static int chainEdge(PnpModel model, int k) {
        for (int e = 0; e < model.mesh.edgeCount(); e++) {
            if (model.mesh.edgeA(e) == k && model.mesh.edgeB(e) == k + 1) {
                return e;
            }
        }
        throw new AssertionError("no edge " + k + " → " + (k + 1));
    }

    /**
     * The pump's sources in the balance laws of a time step at u, by hand: A J (J of the scenario's rate law at the
     * inside Na⁺ and outside K⁺ face values, A = 1 on a chain) times the stoichiometry, sinks positive: 3 Na⁺ leave
     * the inside face and enter the outside face, 2 K⁺ the other way. Zero without a pump.
     */
    static double[] pumpSources(PnpModel model, double[] u) {
        double[] source = new double[u.length];
        if (!model.scenario.pump().present()) {
            return source;
        }
        int m = model.m;
        int na = 1 + model.scenario.speciesIndex(model.scenario.pump().sodium());
        int k = 1 + model.scenario.speciesIndex(model.scenario.pump().potassium());
        int in = model.membraneStart * m;
        int out = model.membraneEnd * m;
        double c0 = model.scales.concentrationMolPerM3;
        double j = model.scenario.pump().cycleFluxMolPerM2S(u[in + na] * c0, u[out + k] * c0)
                / model.scales.fluxMolPerM2S();
        source[in + na] = 3 * j;
        source[out + na] = -3 * j;
        source[out + k] = 2 * j;
        source[in + k] = -2 * j;
        return source;
    }

    /**
     * The compartment of species q around {@code node} on a chain: the run of nodes {start, end} joined by edges
     * that pass q (transmissibility &gt; 0) between nodes where q is not inactive.
     */
    static int[] compartment(PnpModel model, int node, int q) {
        int m = model.m;
        int start = node;
        while (start > 0 && model.edgeCoefficient(chainEdge(model, start - 1), q) > 0
                && model.kind((start - 1) * m + 1 + q) != EquationKind.INACTIVE) {
            start--;
        }
        int end = node;
        while (end < model.n - 1 && model.edgeCoefficient(chainEdge(model, end), q) > 0
                && model.kind((end + 1) * m + 1 + q) != EquationKind.INACTIVE) {
            end++;
        }
        return new int[] {start, end};
    }

    /**
     * The whole Jacobian at u as a dense matrix: the local slots ({@link BlockSlots#toDense}) plus the global
     * couplings of {@link PnpAssembler#multiplyGlobal}, column by column. Small meshes only.
     */
    static double[][] denseJacobian(PnpModel model, double[] u, double[] uOld, double invDt) {
        int size = u.length;
        PnpAssembler asm = new PnpAssembler(model, WorkerPool.serial());
        BlockSlots jac = BlockSlots.sparse(model.mesh, model.m);
        asm.assemble(u, uOld, invDt, new double[size], jac);
        double[][] a = jac.toDense();
        addGlobalColumns(asm, a);
        return a;
    }

    /** Adds the global couplings of the last assembly, column by column ({@code multiplyGlobal} of unit vectors). */
    static void addGlobalColumns(PnpAssembler asm, double[][] a) {
        int size = a.length;
        double[] unit = new double[size];
        double[] column = new double[size];
        for (int j = 0; j < size; j++) {
            unit[j] = 1.0;
            java.util.Arrays.fill(column, 0.0);
            asm.multiplyGlobal(unit, column);
            unit[j] = 0.0;
            for (int i = 0; i < size; i++) {
                a[i][j] += column[i];
            }
        }
    }
}
