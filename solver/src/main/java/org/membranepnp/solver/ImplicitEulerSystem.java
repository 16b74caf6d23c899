package org.membranepnp.solver;

import org.membranepnp.solver.newton.NewtonResult;

/**
 * A discrete PNP system that {@link TransientSolver} steps in time: the state is laid out as (ψ̂, ĉ_1 … ĉ_s) per
 * node, and one implicit Euler step is a Newton solve of R(u) + vol (u − u_old)/Δt̂ = 0.
 */
public interface ImplicitEulerSystem {
    /**
     * The size and scales of a system.
     *
     * @param nodes              nodes of the mesh
     * @param unknownsPerNode    unknowns per node (1 + species)
     * @param concentrationScale the largest bulk concentration, dimensionless: the absolute scale of the error test
     * @param timeScaleS         seconds per unit of dimensionless time
     */
    record Layout(int nodes, int unknownsPerNode, double concentrationScale, double timeScaleS) {
    }

    /** Its size and scales. */
    Layout layout();

    /** Sets the outward clamp current density (dimensionless) for the following steps. */
    void setClampCurrent(double current);

    /**
     * Solves one implicit Euler step in place: from the guess {@code u} for the state a step 1/{@code invDt} after
     * {@code uOld}.
     */
    NewtonResult step(double[] u, double[] uOld, double invDt, int maxIterations, double tolerance);
}
