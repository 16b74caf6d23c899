package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** pnp bench reports what it timed; it is not itself a timing test (no assertion on speed). */
class BenchCommandTest {
    @Test
    void jsonReportsEverySizeWithTheSolvedPotential() throws Exception {
        Cli.Outcome o = Cli.run("bench", "--cells", "400,800", "--repeat", "2", "--warmup-s", "0", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode doc = new ObjectMapper().readTree(o.out());
        JsonNode results = doc.get("results");
        assertEquals(2, results.size());
        for (JsonNode row : results) {
            assertTrue(row.get("median_ms").asDouble() >= row.get("best_ms").asDouble());
            assertEquals(-74.16, row.get("membrane_potential_mV").asDouble(), 0.01);
        }
        assertEquals(400, results.get(0).get("cells").asInt(), 20);
        assertEquals(800, results.get(1).get("cells").asInt(), 40);
    }

    @Test
    void badRepeatIsAOneLineError() {
        Cli.Outcome o = Cli.run("bench", "--repeat", "0");
        assertEquals(2, o.code());
        assertEquals(1, o.errLines().size(), o.err());
    }
}
