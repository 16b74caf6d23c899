package org.membranepnp.engine.model;

/**
 * An ion species: its name, integer valence z and diffusion coefficient D in water.
 *
 * @param name              the name used in scenario tables (e.g. "K")
 * @param charge            valence z (±1, ±2, …; never 0)
 * @param diffusionM2PerS   diffusion coefficient in water, m²/s
 */
public record Species(String name, int charge, double diffusionM2PerS) {
}
