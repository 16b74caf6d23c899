package org.membranepnp.solver.fv;

import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.Scenario;

/**
 * The Na⁺/K⁺ pump as a reaction between the two membrane faces: per cycle flux J (dimensionless, in units of
 * c₀D_max/L₀) it removes 3 Na⁺ from the water at the inside face node and adds them at the outside face node,
 * and moves 2 K⁺ the other way. J = J_max · (1 + K_K/ĉ_K,out)^−2 · (1 + K_Na/ĉ_Na,in)^−3 when saturating, else
 * J_max.
 *
 * <p>Its Jacobian is the rank-one matrix w gᵀ (w: the stoichiometry on the four face rows, g = ∇J on the two face
 * concentrations), which couples the two faces across the membrane; Newton adds it by Sherman–Morrison, so the
 * block tridiagonal structure stays.
 */
public final class NaKPumpTerm {
    private final int sodium;
    private final int potassium;
    private final int insideFace;
    private final int outsideFace;
    private final double maxFlux;
    private final boolean saturating;
    private final double kmK;
    private final double kmNa;
    private final int m;
    private final int netCharge;

    private NaKPumpTerm(PnpModel1D model, NaKPump pump) {
        Scenario sc = model.scenario;
        this.sodium = sc.speciesIndex(pump.sodium());
        this.potassium = sc.speciesIndex(pump.potassium());
        this.insideFace = model.mesh.membraneStartNode();
        this.outsideFace = model.mesh.membraneEndNode();
        this.maxFlux = pump.maxCycleFluxMolPerM2S() / model.scales.fluxMolPerM2S();
        this.saturating = pump.saturating();
        this.kmK = pump.kmKOutMm() / model.scales.concentrationMolPerM3;
        this.kmNa = pump.kmNaInMm() / model.scales.concentrationMolPerM3;
        this.m = model.m;
        this.netCharge = NaKPump.SODIUM_PER_CYCLE * model.z[sodium] - NaKPump.POTASSIUM_PER_CYCLE * model.z[potassium];
    }

    /** The pump of {@code model}'s scenario, or null if it has none. */
    static NaKPumpTerm of(PnpModel1D model) {
        NaKPump pump = model.scenario.pump();
        if (!pump.present()) {
            return null;
        }
        if (model.scenario.speciesIndex(pump.sodium()) < 0 || model.scenario.speciesIndex(pump.potassium()) < 0) {
            throw new IllegalArgumentException("pump species not declared: " + pump.sodium() + ", " + pump.potassium());
        }
        return new NaKPumpTerm(model, pump);
    }

    private double naIn(double[] u) {
        return u[insideFace * m + 1 + sodium];
    }

    private double kOut(double[] u) {
        return u[outsideFace * m + 1 + potassium];
    }

    /** Cycle flux J at state u. */
    public double rate(double[] u) {
        if (!saturating) {
            return maxFlux;
        }
        double na = naIn(u);
        double k = kOut(u);
        if (na <= 0 || k <= 0) {
            return 0.0;
        }
        double fk = 1.0 / (1.0 + kmK / k);
        double fna = 1.0 / (1.0 + kmNa / na);
        return maxFlux * fk * fk * fna * fna * fna;
    }

    /** True if J depends on the state (then it has a Jacobian). */
    public boolean saturating() {
        return saturating;
    }

    /** Net outward charge per cycle, 3 z_Na − 2 z_K (= 1). */
    public int netCharge() {
        return netCharge;
    }

    /** Index of the inside-face Na⁺ unknown. */
    public int sodiumInIndex() {
        return insideFace * m + 1 + sodium;
    }

    /** Index of the outside-face K⁺ unknown. */
    public int potassiumOutIndex() {
        return outsideFace * m + 1 + potassium;
    }

    /** ∂J/∂ĉ_Na,in and ∂J/∂ĉ_K,out, written to out[0], out[1]. */
    public void gradient(double[] u, double[] out) {
        if (!saturating || naIn(u) <= 0 || kOut(u) <= 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        double j = rate(u);
        double na = naIn(u);
        double k = kOut(u);
        // J ∝ (k/(k + K_K))² (na/(na + K_Na))³: d ln J / d na = 3 K_Na / (na (na + K_Na)), likewise for k
        out[0] = j * 3.0 * kmNa / (na * (na + kmNa));
        out[1] = j * 2.0 * kmK / (k * (k + kmK));
    }

    /**
     * The four face rows the pump enters and their stoichiometry: Na⁺ out of the inside face (+3, a sink in the
     * balance), into the outside face (−3); K⁺ out of the outside face (+2), into the inside face (−2).
     */
    public void rows(int[] index, double[] weight) {
        index[0] = insideFace * m + 1 + sodium;
        weight[0] = NaKPump.SODIUM_PER_CYCLE;
        index[1] = outsideFace * m + 1 + sodium;
        weight[1] = -NaKPump.SODIUM_PER_CYCLE;
        index[2] = outsideFace * m + 1 + potassium;
        weight[2] = NaKPump.POTASSIUM_PER_CYCLE;
        index[3] = insideFace * m + 1 + potassium;
        weight[3] = -NaKPump.POTASSIUM_PER_CYCLE;
    }

    /** Inside face node. */
    public int insideFace() {
        return insideFace;
    }

    /** Outside face node. */
    public int outsideFace() {
        return outsideFace;
    }
}
