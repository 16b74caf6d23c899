package org.membranepnp.solver.fv;

import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * The dimensionless variables of the solver: potential in thermal voltages V_T = RT/F, concentration in
 * c₀ = Σ z² c of the inside bath, length in L₀ = its Debye length sqrt(ε₀ε_r V_T / (F c₀)), time in L₀²/D_max.
 *
 * <p>Poisson then reads −∇·(ε_r ∇ψ̂) = Γ Σ z ĉ with Γ = F c₀ L₀²/(ε₀ V_T) (= ε_r of the inside bath).
 */
public final class Scales {
    /** Thermal voltage V_T, V. */
    public final double thermalVoltageV;
    /** Reference concentration c₀, mol/m³ (= mM). */
    public final double concentrationMolPerM3;
    /** Reference length L₀, m. */
    public final double lengthM;
    /** Reference diffusion coefficient D_max, m²/s. */
    public final double diffusionM2PerS;
    /** Reference time L₀²/D_max, s. */
    public final double timeS;
    /** Γ = F c₀ L₀²/(ε₀ V_T). */
    public final double poissonFactor;

    public Scales(Scenario scenario) {
        this.thermalVoltageV = PhysicalConstants.thermalVoltageV(scenario.temperatureK());
        int[] z = scenario.charges();
        Bath ref = ionicStrength(scenario.inside(), z) > 0 ? scenario.inside() : scenario.outside();
        double c0 = ionicStrength(ref, z);
        if (!(c0 > 0)) {
            c0 = 1.0;
        }
        this.concentrationMolPerM3 = c0;
        this.lengthM = Math.sqrt(PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * ref.permittivity()
                * thermalVoltageV / (PhysicalConstants.FARADAY_C_PER_MOL * c0));
        double dMax = 0;
        for (Species s : scenario.species()) {
            dMax = Math.max(dMax, s.diffusionM2PerS());
        }
        this.diffusionM2PerS = dMax;
        this.timeS = lengthM * lengthM / dMax;
        this.poissonFactor = PhysicalConstants.FARADAY_C_PER_MOL * c0 * lengthM * lengthM
                / (PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * thermalVoltageV);
    }

    private static double ionicStrength(Bath bath, int[] z) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            s += z[i] * z[i] * bath.concentrationMm(i);
        }
        return s;
    }

    /**
     * The dimensionless diffusivity inside a membrane of thickness d that gives the flux of its permeability P:
     * D̂ = P·d / D_max (with P in m/s and d in nm; partitioning at the faces is applied separately).
     */
    public double membraneDiffusivity(double permeabilityMPerS, double thicknessNm) {
        return permeabilityMPerS * thicknessNm * 1e-9 / diffusionM2PerS;
    }

    /** The same for a permeability in cm/s, the unit of scenario files and schedules. */
    public double membraneDiffusivityFromCmPerS(double permeabilityCmPerS, double thicknessNm) {
        return membraneDiffusivity(permeabilityCmPerS * 1e-2, thicknessNm);
    }

    /** Length in nm → dimensionless. */
    public double lengthFromNm(double nm) {
        return nm * 1e-9 / lengthM;
    }

    /** Flux scale c₀ D_max / L₀, mol/(m² s). */
    public double fluxMolPerM2S() {
        return concentrationMolPerM3 * diffusionM2PerS / lengthM;
    }

    /** Surface charge density in C/m² → dimensionless σ L₀/(ε₀ V_T). */
    public double surfaceChargeFromCPerM2(double sigma) {
        return sigma * lengthM / (PhysicalConstants.VACUUM_PERMITTIVITY_F_PER_M * thermalVoltageV);
    }

    /** Outward current density in A/m² → dimensionless charge flux I / (F c₀ D_max / L₀). */
    public double currentFromAPerM2(double current) {
        return current / (PhysicalConstants.FARADAY_C_PER_MOL * fluxMolPerM2S());
    }

    /** Potential in mV → dimensionless φ/V_T. */
    public double potentialFromMv(double mv) {
        return mv * 1e-3 / thermalVoltageV;
    }

    /** Dimensionless potential → mV. */
    public double potentialToMv(double psi) {
        return psi * thermalVoltageV * 1e3;
    }
}
