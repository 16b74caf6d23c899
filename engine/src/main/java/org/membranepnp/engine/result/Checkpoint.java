package org.membranepnp.engine.result;

/**
 * The complete state of an unfinished transient run, from which it can continue bit-for-bit as if it had not
 * stopped.
 *
 * @param timeS            simulated time reached, s
 * @param solverTime       the same in the solver's own (dimensionless) time, kept exactly for the resume
 * @param nodes            mesh nodes (must match the resumed scenario's mesh)
 * @param unknownsPerNode  unknowns per node (1 + species)
 * @param state            the solver's state vector (dimensionless ψ̂ and ĉ per node), length nodes × unknownsPerNode
 * @param previousState    the state one accepted step earlier (for the step predictor), same length
 * @param previousStep     the last accepted time step, solver time (0 before the first)
 * @param nextStep         the time step the integrator will try next, solver time
 * @param series           the time series recorded so far
 * @param newtonIterations Newton iterations so far
 * @param timeSteps        accepted time steps so far
 * @param wallTimeS        wall-clock time spent so far, s
 */
public record Checkpoint(double timeS, double solverTime, int nodes, int unknownsPerNode, double[] state,
                         double[] previousState, double previousStep, double nextStep, TimeSeries series,
                         int newtonIterations,
                         int timeSteps, double wallTimeS) {
}
