package org.membranepnp.engine.model;

import java.util.List;

/**
 * The second dimension of a 2-D scenario: the slab's extent along the membrane (y) and the pores in it.
 * The walls at y = 0 and y = height are planes of mirror symmetry (no flux, no field across them).
 *
 * @param heightNm  extent along the membrane, nm (0 in 1-D scenarios)
 * @param channels  the pores through the membrane (may be empty)
 */
public record Lateral(double heightNm, List<Channel> channels) {
    /** No second dimension (1-D scenarios). */
    public static final Lateral NONE = new Lateral(0.0, List.of());

    public Lateral {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
