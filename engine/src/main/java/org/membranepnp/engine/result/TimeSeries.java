package org.membranepnp.engine.result;

/**
 * Samples of a transient run.
 *
 * @param timeS                 simulated time of each sample, s
 * @param membranePotentialMv   V_m = φ(inside bulk) − φ(outside bulk) at each sample, mV
 * @param currentsAPerM2        [species][sample] outward ionic current density through the membrane, A/m²
 */
public record TimeSeries(double[] timeS, double[] membranePotentialMv, double[][] currentsAPerM2) {

    /** Number of samples. */
    public int sampleCount() {
        return timeS.length;
    }
}
