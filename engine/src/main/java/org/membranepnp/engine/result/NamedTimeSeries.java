package org.membranepnp.engine.result;

import java.util.List;

/**
 * A time series read back from a result folder, with the species names of its current rows.
 *
 * @param species species names in column order ({@code I_<name>_A_m2})
 * @param series  the samples; {@code currentsAPerM2[i]} belongs to {@code species.get(i)}
 */
public record NamedTimeSeries(List<String> species, TimeSeries series) {
    public NamedTimeSeries {
        species = List.copyOf(species);
    }
}
