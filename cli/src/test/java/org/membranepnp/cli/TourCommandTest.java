package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TourCommandTest {
    @Test
    void storyTellsEveryChapterAndEveryClaimAgrees() {
        Cli.Outcome o = Cli.run("tour");
        assertEquals(0, o.code(), o.err());
        for (String chapter : new String[]{"1. Equilibrium", "2. Driving forces", "3. The resting potential",
            "4. The membrane is a capacitor", "5. Where the charge sits", "6. The Na+/K+ pump", "7. The sodium surge",
            "8. One channel charges the whole membrane (2-D)"}) {
            assertTrue(o.out().contains(chapter), chapter + " missing:\n" + o.out());
        }
        assertTrue(o.out().contains("14 of 14 claims agree"), o.out());
    }

    @Test
    void jsonListsStepsWithAnalyticAndSimulatedValues() throws Exception {
        Cli.Outcome o = Cli.run("tour", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode steps = new ObjectMapper().readTree(o.out());
        assertEquals(14, steps.size());
        for (JsonNode s : steps) {
            assertEquals(s.get("simulated").asDouble() - s.get("analytic").asDouble(), s.get("difference").asDouble(),
                    1e-9 * (1 + Math.abs(s.get("analytic").asDouble())));
            assertTrue(s.get("agrees").asBoolean(), s.toString());
        }
    }

    @Test
    void renderWritesEachStepsResultsAndFigures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path dir = tmp.resolve("figs");
        Cli.Outcome o = Cli.run("tour", "--render", dir.toString());
        assertEquals(0, o.code(), o.err());
        try (var steps = java.nio.file.Files.list(dir)) {
            java.util.List<java.nio.file.Path> folders = steps.sorted().toList();
            assertEquals(14, folders.size(), folders.toString());
            for (java.nio.file.Path f : folders) {
                assertTrue(java.nio.file.Files.exists(f.resolve("summary.json")), f.toString());
                assertTrue(java.nio.file.Files.size(f.resolve("profile.png")) > 10_000, f.toString());
            }
            assertTrue(java.nio.file.Files.exists(folders.get(11).resolve("timeseries.png")), "the surge's V_m(t)");
            assertTrue(java.nio.file.Files.exists(folders.get(12).resolve("field-charge.png")), "the channel's map");
        }
        assertEquals(2, Cli.run("tour", "--render", dir.toString()).code(), "an existing folder needs --force");
    }
}
