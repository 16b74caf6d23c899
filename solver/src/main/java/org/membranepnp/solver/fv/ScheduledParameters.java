package org.membranepnp.solver.fv;

import org.membranepnp.engine.model.Scenario;

/**
 * The parameters of a discrete model that may change in time, and the single path by which they change: the
 * membrane's permeabilities and the clamp. Every geometry's model implements it, so {@link ParameterSchedule} is
 * written once.
 */
public interface ScheduledParameters {
    /** The scenario the model was built from. */
    Scenario scenario();

    /** The model's dimensionless units. */
    Scales scales();

    /** Sets the lipid's permeability to species {@code species}, cm/s (its effective diffusivity P·d/D_max). */
    void setMembranePermeabilityCmPerS(int species, double cmPerS);

    /** Sets the clamp current, dimensionless per membrane area. */
    void setClampCurrent(double current);

    /** Sets the clamp voltage: the inside electrode's potential ψ̂ (the outside one is grounded). */
    void setClampVoltage(double potential);

    /** True with a current clamp between two reservoirs. */
    boolean currentClamped();

    /** True with a voltage clamp between two reservoirs. */
    boolean voltageClamped();
}
