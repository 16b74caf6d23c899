package org.membranepnp.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One colour per ion species, the same in every figure: the common ions have fixed colours (K⁺ blue, Na⁺ vermilion,
 * Cl⁻ green, Ca²⁺ purple, Mg²⁺ orange, an impermeant anion "A" grey), the others take the next free colour of a
 * colour-blind-safe palette in species order. A name is matched without its charge ("Ca2+" as "Ca").
 */
final class SpeciesColors {
    private static final Map<String, Integer> FIXED = Map.of(
            "k", 0x0072b2, "na", 0xd55e00, "cl", 0x009e73, "ca", 0xa9489b, "mg", 0xe69f00, "a", 0x6e6e6e);
    private static final int[] SPARE = {0x56b4e9, 0x882255, 0x999933, 0x44aa99, 0x332288, 0xcc6677, 0x117733};

    private final Map<String, Integer> colors = new HashMap<>();

    /** The colours of {@code species} (in scenario order). */
    SpeciesColors(List<String> species) {
        List<Integer> used = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String s : species) {
            Integer c = FIXED.get(base(s));
            if (c != null && !used.contains(c)) {
                colors.put(s, c);
                used.add(c);
            } else {
                rest.add(s);
            }
        }
        int next = 0;
        for (String s : rest) {
            int c = next < SPARE.length ? SPARE[next] : Colormap.sequential().rgb((next * 0.618) % 1.0);
            next++;
            colors.put(s, c);
        }
    }

    /** The colour 0xRRGGBB of a species (dark grey for a name not in the list). */
    int rgb(String species) {
        return colors.getOrDefault(species, 0x444444);
    }

    /** The name without a charge suffix, lower case: "Ca2+" → "ca". */
    static String base(String name) {
        return name.replaceAll("[0-9]*[+\\-]+$", "").replaceAll("[0-9]+$", "").toLowerCase(Locale.ROOT);
    }
}
