package org.membranepnp.solver;

import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.Scenario;

/**
 * Parameter embeddings for continuation (in the spirit of VoronoiFVM's {@code embed}): families of scenarios
 * P(λ), λ ∈ [0, 1], with P(1) the scenario itself and P(0) a problem whose steady state is easy, so that the
 * steady state of P(1) is reached by following the path of steady states from P(0).
 */
public final class ScenarioEmbedding {
    private ScenarioEmbedding() {
    }

    /**
     * The driving terms scaled by λ: both faces' fixed charges σ, the clamp's voltage or current, and the pump's
     * turnover. At λ = 0 the membrane is uncharged, unclamped and unpumped. Bath contents are those of the
     * scenario, so that a closed bath keeps its counter-charge share in step with its face (the box stays neutral).
     */
    public static Scenario drives(Scenario sc, double lambda) {
        Membrane m = sc.membrane();
        Membrane scaled = new Membrane(m.thicknessNm(), m.permittivity(), m.permeabilityCmPerS(),
                lambda * m.insideSurfaceChargeCPerM2(), lambda * m.outsideSurfaceChargeCPerM2(),
                m.partitionCoefficient());
        Boundary b = sc.boundary();
        Boundary clamp = new Boundary(b.inside(), b.outside(), b.clamp(), lambda * b.currentAPerM2(),
                lambda * b.voltageMv());
        NaKPump p = sc.pump();
        NaKPump pump = p.present() ? new NaKPump(lambda * p.turnoverPerSUm2(), p.saturating(), p.kmKOutMm(),
                p.kmNaInMm(), p.sodium(), p.potassium()) : p;
        return sc.withMembrane(scaled).withBoundary(clamp).withPump(lambda == 0 ? NaKPump.NONE : pump);
    }

    /**
     * The baths drawn together: each concentration c(λ) = (1 − λ) c̄ + λ c with c̄ the mean of the two baths,
     * which keeps both baths neutral; with the driving terms off ({@link #drives} at 0). At λ = 0 both baths are
     * equal and uncharged, and the steady state is the uniform bath at ψ = 0.
     */
    public static Scenario bathContrast(Scenario sc, double lambda) {
        double[] in = sc.inside().concentrationsMm();
        double[] out = sc.outside().concentrationsMm();
        double[] cin = new double[in.length];
        double[] cout = new double[out.length];
        for (int i = 0; i < in.length; i++) {
            double mean = 0.5 * (in[i] + out[i]);
            cin[i] = lambda == 1 ? in[i] : (1 - lambda) * mean + lambda * in[i];
            cout[i] = lambda == 1 ? out[i] : (1 - lambda) * mean + lambda * out[i];
        }
        Scenario undriven = drives(sc, 0);
        return new Scenario(sc.title(), sc.dimension(), sc.temperatureK(), sc.species(),
                new Bath(sc.inside().widthUm(), sc.inside().permittivity(), cin),
                new Bath(sc.outside().widthUm(), sc.outside().permittivity(), cout), undriven.membrane(),
                undriven.boundary(), sc.mesh(), sc.run(), undriven.pump(), sc.schedules(), sc.lateral(),
                sc.particles());
    }
}
