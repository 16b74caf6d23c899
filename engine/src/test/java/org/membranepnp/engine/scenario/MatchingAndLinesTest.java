package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The helpers behind the messages: close matches and key lines. */
class MatchingAndLinesTest {

    @Test
    void distanceCountsEditsAndSwaps() {
        assertEquals(0, DidYouMean.distance("abc", "abc"));
        assertEquals(1, DidYouMean.distance("temperatur_K", "temperature_K"));
        assertEquals(1, DidYouMean.distance("widht_um", "width_um"));
        assertEquals(2, DidYouMean.distance("cels", "cells_"));
        assertEquals(3, DidYouMean.distance("", "abc"));
    }

    @Test
    void closestPrefersCaseInsensitiveMatchesAndIgnoresFarOnes() {
        assertEquals(List.of("width_um"), DidYouMean.closest("Width_UM", List.of("width_um", "permittivity")));
        assertEquals(List.of("Na", "Cl"), DidYouMean.closest("Ca", List.of("K", "Na", "Cl")));
        assertTrue(DidYouMean.closest("X", List.of("K", "A")).isEmpty(), "one letter does not match every other letter");
        assertTrue(DidYouMean.closest("solver", List.of("mode", "end_time_s")).isEmpty());
        assertEquals("did you mean Na or Cl?", DidYouMean.phrase("Ca", List.of("K", "Na", "Cl")));
    }

    @Test
    void keyLinesFollowTablesArraysDottedAndInlineKeys() {
        String text = """
                title = "x" # a comment with key = 1
                [[species]]
                name = "K"
                [[species]]
                name = "Cl"   # second
                [inside]
                concentrations_mM = { K = 140, "Cl" = 7, sub = { a = [1, 2] } }
                membrane.thickness_nm = 5
                notes = \"""
                fake = 1
                \"""
                after = 2
                """;
        KeyLines k = KeyLines.scan(text);
        assertEquals(Optional.of(1), k.line("title"));
        assertEquals(Optional.of(3), k.line("species[1].name"));
        assertEquals(Optional.of(5), k.line("species[2].name"));
        assertEquals(Optional.of(6), k.line("inside"));
        assertEquals(Optional.of(7), k.line("inside.concentrations_mM.K"));
        assertEquals(Optional.of(7), k.line("inside.concentrations_mM.Cl"));
        assertEquals(Optional.of(7), k.line("inside.concentrations_mM.sub.a"));
        assertEquals(Optional.of(8), k.line("inside.membrane.thickness_nm"));
        assertEquals(Optional.empty(), k.line("inside.fake"));
        assertEquals(Optional.of(12), k.line("inside.after"));
        assertEquals(Optional.of(6), k.lineOrEnclosing("inside.width_um"));
        assertTrue(k.duplicates().isEmpty());
    }

    @Test
    void subTableOfAnArrayItemAndDuplicates() {
        KeyLines k = KeyLines.scan("[[species]]\nname = \"K\"\n[[species]]\n[species.extra]\nx = 1\n[run]\nmode = 1\nmode = 2\n");
        assertEquals(Optional.of(5), k.line("species[2].extra.x"));
        assertEquals(List.of(new KeyLines.Duplicate("run.mode", 8, 7)), k.duplicates());
    }
}
