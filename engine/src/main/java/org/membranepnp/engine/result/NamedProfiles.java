package org.membranepnp.engine.result;

import java.util.List;

/**
 * Profiles read back from a result folder, with the species names of their concentration rows.
 *
 * @param species  species names in column order ({@code c_<name>_mM})
 * @param profiles the profiles; {@code concentrationsMm[i]} belongs to {@code species.get(i)}
 */
public record NamedProfiles(List<String> species, Profiles profiles) {
    public NamedProfiles {
        species = List.copyOf(species);
    }
}
