/**
 * The Brownian particle mode: ions drawn as individual particles from a computed concentration field and moved by
 * overdamped Langevin dynamics (Euler–Maruyama) in the frozen computed potential, with reflecting domain edges and
 * an impermeable membrane that only its pores let the permitted species through. Lengths are in nm, the potential is
 * the dimensionless ψ̂ = φ/V_T, times are in s. Entry point: {@link org.membranepnp.solver.particles.ParticleRun}.
 */
package org.membranepnp.solver.particles;
