package org.membranepnp.solver.fv;

import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.GouyChapman;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MembraneSide;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.units.PhysicalConstants;

/** Starting states: the uniform state of a transient, and an analytic guess for a steady state. */
public final class InitialState {
    private InitialState() {
    }

    /**
     * The state just after the baths are filled: no charge on the membrane capacitor (equal potentials on both
     * faces), bulk concentrations, and at a charged face the Gouy–Chapman layer that neutralizes its fixed charge
     * (it forms within nanoseconds); inside the membrane the constant-field profile between the faces. Without
     * surface charges this is ψ = 0 and uniform bulk concentrations. Every row of a 2-D patch gets the same profile
     * across, with the face charges averaged over the membrane's area.
     *
     * <p>A bath closed by a wall holds exactly what {@link #filledAmountMolPerM2} says of each species (its
     * concentrations scaled to that amount), so that the amounts of a closed system do not depend on the
     * mesh or on the layer's shape.
     */
    public static void fillUniform(PnpModel model, double[] u) {
        fillWithInsideCharge(model, u, -model.scenario.averagedFaceChargeCPerM2(MembraneSide.INSIDE), true);
    }

    /**
     * What a bath closed by a wall holds of species i, mol/m²: its uniform filling c_i·W, plus its share of the
     * counter-charge of its face's fixed charge σ, which the counter-ions (z_i σ < 0) of the bath carry in
     * proportion to their charge concentration:
     * <pre>
     *   N_i = c_i W − (σ/F) c_i / Σ_{z_j σ &lt; 0} z_j c_j   for counter-ions,   N_i = c_i W otherwise,
     * </pre>
     * so that the bath and its face together are neutral (Σ z_i F N_i + σ = 0 for a neutral bath), as if the bath had
     * been filled through its face. Without fixed charge this is the uniform filling c_i·W.
     */
    public static double filledAmountMolPerM2(Scenario sc, int species, boolean inside) {
        Bath bath = inside ? sc.inside() : sc.outside();
        double sigma = sc.averagedFaceChargeCPerM2(inside ? MembraneSide.INSIDE : MembraneSide.OUTSIDE);
        double c = bath.concentrationMm(species);
        double amount = c * bath.widthUm() * 1e-6;
        int z = sc.species().get(species).charge();
        if (sigma == 0 || c == 0 || z * sigma >= 0) {
            return amount;
        }
        double counterCharge = 0;
        for (int j = 0; j < sc.speciesCount(); j++) {
            int zj = sc.species().get(j).charge();
            if (zj * sigma < 0) {
                counterCharge += zj * bath.concentrationMm(j);
            }
        }
        return amount - sigma / PhysicalConstants.FARADAY_C_PER_MOL * c / counterCharge;
    }

    /**
     * An analytic guess for the steady state: V_m from the GHK voltage equation (or the clamp), split into the
     * drop across the membrane capacitor and two Gouy–Chapman diffuse layers whose charges balance it (plus any
     * fixed surface charge); Boltzmann concentrations in the layers; the constant-field profile in the membrane.
     */
    public static void fillSteadyGuess(PnpModel model, double[] u) {
        Scenario sc = model.scenario;
        double t = sc.temperatureK();
        double vt = PhysicalConstants.thermalVoltageMv(t);
        Membrane mem = sc.membrane();
        boolean conducting = false;
        double[] p = sc.areaAveragedPermeabilitiesMPerS();
        for (int i = 0; i < model.s; i++) {
            conducting |= p[i] > 0 && sc.inside().concentrationMm(i) + sc.outside().concentrationMm(i) > 0;
        }
        double cm = capacitanceFPerM2(mem);
        double sigmaIn = sc.averagedFaceChargeCPerM2(MembraneSide.INSIDE);
        double sigmaOut = sc.averagedFaceChargeCPerM2(MembraneSide.OUTSIDE);
        double qIn; // ionic charge of the inside bath, C/m²
        if (sc.boundary().clamp() == ClampKind.VOLTAGE || conducting) {
            double vmMv = sc.boundary().clamp() == ClampKind.VOLTAGE ? sc.boundary().voltageMv()
                    : GhkVoltage.mv(model.z, p, sc.inside().concentrationsMm(), sc.outside().concentrationsMm(), t,
                    -sc.boundary().currentAPerM2()); // Σ I_GHK(V) = I_clamp
            qIn = chargeForPotential(sc, vmMv, cm, sigmaIn, sigmaOut);
        } else {
            qIn = 0.0;
        }
        fillWithInsideCharge(model, u, qIn, false);
    }

    private static double capacitanceFPerM2(Membrane mem) {
        return MembraneCapacitor.ufPerCm2ToFPerM2(MembraneCapacitor.capacitanceUfPerCm2(mem.permittivity(),
                mem.thicknessNm()));
    }

    /**
     * Diffuse layers (Gouy–Chapman) holding ionic charge qIn (C/m²) in the inside bath and its balance in the
     * outside bath, the membrane capacitor charged by qIn + σ_in, Boltzmann concentrations, constant field inside.
     */
    private static void fillWithInsideCharge(PnpModel model, double[] u, double qIn, boolean filledAmounts) {
        Scenario sc = model.scenario;
        double t = sc.temperatureK();
        double vt = PhysicalConstants.thermalVoltageMv(t);
        Membrane mem = sc.membrane();
        double cm = capacitanceFPerM2(mem);
        double sigmaIn = sc.averagedFaceChargeCPerM2(MembraneSide.INSIDE);
        double sigmaOut = sc.averagedFaceChargeCPerM2(MembraneSide.OUTSIDE);
        double zetaIn = layerPotentialMv(sc.inside(), -qIn, sc, t);
        double zetaOut = layerPotentialMv(sc.outside(), qIn + sigmaIn + sigmaOut, sc, t);
        double dropMem = (qIn + sigmaIn) / cm * 1e3;
        // outside bulk at 0: outside face = ζ_out, inside face = ζ_out + drop, inside bulk = inside face − ζ_in
        double[] psi = new double[model.n];
        var mesh = model.mesh;
        int nx = model.nx;
        double xa = mesh.xNm(model.membraneStart);
        double xb = mesh.xNm(model.membraneEnd);
        double faceIn = zetaOut + dropMem;
        double bulkIn = faceIn - zetaIn;
        for (int k = 0; k < model.n; k++) {
            int i = k % nx;
            double x = mesh.xNm(k);
            double mv;
            if (i <= model.membraneStart) {
                mv = bulkIn + layerProfileMv(sc.inside(), xa - x, zetaIn, sc, t);
            } else if (i >= model.membraneEnd) {
                mv = layerProfileMv(sc.outside(), x - xb, zetaOut, sc, t);
            } else {
                mv = faceIn + (x - xa) / (xb - xa) * (zetaOut - faceIn);
            }
            psi[k] = mv / vt;
        }
        double shift = 0;
        if (model.kind(0) == EquationKind.DIRICHLET && model.kind((nx - 1) * model.m) != EquationKind.DIRICHLET) {
            shift = model.dirichlet(0) - psi[0]; // gauge at the inside electrode
        }
        fill(model, u, psi, bulkIn / vt + shift, shift, filledAmounts);
    }

    /**
     * Fills u from ψ (relative to the outside bulk at 0) with Boltzmann baths and constant-field membranes; with
     * {@code filledAmounts}, each bath closed by a wall is scaled to hold its {@link #filledAmountMolPerM2}.
     */
    private static void fill(PnpModel model, double[] u, double[] psi, double psiBulkIn, double shift,
                             boolean filledAmounts) {
        Scenario sc = model.scenario;
        int m = model.m;
        int nx = model.nx;
        int a = model.membraneStart;
        int b = model.membraneEnd;
        double c0 = model.scales.concentrationMolPerM3;
        for (int k = 0; k < model.n; k++) {
            int col = k % nx;
            double p = psi[k] + shift;
            u[k * m] = p;
            for (int i = 0; i < model.s; i++) {
                int z = model.z[i];
                double c;
                if (model.kind(k * m + 1 + i) == EquationKind.INACTIVE) {
                    c = 0;
                } else if (col <= a) {
                    c = sc.inside().concentrationMm(i) / c0 * Math.exp(-z * (p - psiBulkIn));
                } else if (col >= b) {
                    c = sc.outside().concentrationMm(i) / c0 * Math.exp(-z * (p - shift));
                } else {
                    c = Double.NaN; // filled below
                }
                u[k * m + 1 + i] = c;
            }
        }
        if (filledAmounts) {
            if (sc.boundary().inside() == BoundaryKind.WALL) {
                scaleToFilledAmounts(model, u, 0, a, true);
            }
            if (sc.boundary().outside() == BoundaryKind.WALL) {
                scaleToFilledAmounts(model, u, b, nx - 1, false);
            }
        }
        double xa = model.mesh.xNm(a);
        double len = model.mesh.xNm(b) - xa;
        for (int row = 0; row < model.ny; row++) {
            int ka = row * nx + a;
            int kb = row * nx + b;
            for (int i = 0; i < model.s; i++) {
                double cl = u[ka * m + 1 + i];
                double cr = u[kb * m + 1 + i];
                double al = model.z[i] * (u[kb * m] - u[ka * m]);
                for (int k = ka + 1; k < kb; k++) {
                    if (model.kind(k * m + 1 + i) == EquationKind.INACTIVE) {
                        continue;
                    }
                    double xi = (model.mesh.xNm(k) - xa) / len;
                    u[k * m + 1 + i] = constantFieldProfile(cl, cr, al, xi);
                }
            }
        }
    }

    /**
     * Scales each species' concentrations in the bath columns [from, to] to the bath's filled amount per membrane
     * area times the membrane's area.
     */
    private static void scaleToFilledAmounts(PnpModel model, double[] u, int from, int to, boolean inside) {
        int m = model.m;
        int nx = model.nx;
        double perDimensionless = model.scales.concentrationMolPerM3 * model.scales.lengthM;
        for (int i = 0; i < model.s; i++) {
            double held = 0;
            for (int k = 0; k < model.n; k++) {
                int col = k % nx;
                if (col >= from && col <= to) {
                    held += model.waterVolume(k) * u[k * m + 1 + i];
                }
            }
            if (held > 0) {
                double f = filledAmountMolPerM2(model.scenario, i, inside) / perDimensionless * model.membraneArea
                        / held;
                for (int k = 0; k < model.n; k++) {
                    int col = k % nx;
                    if (col >= from && col <= to) {
                        u[k * m + 1 + i] *= f;
                    }
                }
            }
        }
    }

    /** Steady constant-flux solution of ĉ' + a ĉ = const on [0, 1] with ĉ(0) = cl, ĉ(1) = cr. */
    static double constantFieldProfile(double cl, double cr, double a, double xi) {
        if (Math.abs(a) < 1e-8) {
            return cl + (cr - cl) * xi;
        }
        double amp = (cl - cr) / -Math.expm1(-a);
        return (cl - amp) + amp * Math.exp(-a * xi);
    }

    /** The inside-bath ionic charge σ_q for which the layers and the membrane add up to V_m (bisection). */
    private static double chargeForPotential(Scenario sc, double vmMv, double cm, double sigmaIn, double sigmaOut) {
        double t = sc.temperatureK();
        double lo = -1.0;
        double hi = 1.0;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double v = potentialForCharge(sc, mid, cm, sigmaIn, sigmaOut, t);
            if (v > vmMv) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** V_m = ζ_out + (q + σ_in)/C_m − ζ_in; increasing in q. */
    private static double potentialForCharge(Scenario sc, double q, double cm, double sigmaIn, double sigmaOut,
                                             double t) {
        double zetaIn = layerPotentialMv(sc.inside(), -q, sc, t);
        double zetaOut = layerPotentialMv(sc.outside(), q + sigmaIn + sigmaOut, sc, t);
        return zetaOut + (q + sigmaIn) / cm * 1e3 - zetaIn;
    }

    /** Potential of a diffuse layer (surface minus bulk) that neutralizes a surface charge σ, mV. */
    private static double layerPotentialMv(Bath bath, double sigma, Scenario sc, double t) {
        double c = ionicStrength(bath, sc);
        if (c <= 0) {
            return 0;
        }
        return GouyChapman.surfacePotentialMv(sigma, c, 1, bath.permittivity(), t);
    }

    private static double layerProfileMv(Bath bath, double distanceNm, double zetaMv, Scenario sc, double t) {
        double c = ionicStrength(bath, sc);
        if (c <= 0 || zetaMv == 0) {
            return 0;
        }
        return GouyChapman.potentialMv(distanceNm, zetaMv, c, 1, bath.permittivity(), t);
    }

    /** ½ Σ z² c, mM: the symmetric 1:1 salt with the same Debye length. */
    private static double ionicStrength(Bath bath, Scenario sc) {
        double s = 0;
        for (int i = 0; i < sc.speciesCount(); i++) {
            int z = sc.species().get(i).charge();
            s += 0.5 * z * z * bath.concentrationMm(i);
        }
        return s;
    }
}
