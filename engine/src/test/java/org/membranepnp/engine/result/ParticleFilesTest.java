package org.membranepnp.engine.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;

/** particles.csv: written, read back exactly, and malformed files rejected with one line. */
class ParticleFilesTest {

    /** Three particles (Na, Na, Cl) at two times. */
    static ParticleSnapshots small() {
        return new ParticleSnapshots(List.of("Na", "Cl"), new double[] {0, 1e-9}, new int[] {0, 0, 1},
                new double[][] {{1.5, 2.0 / 3.0, 30}, {1.25, 0.1, 29.999999999999996}},
                new double[][] {{0, 5, 9.5}, {0.5, 4.75, 1e-300}});
    }

    @Test
    void textHasTheColumnsAndOneRowPerParticlePerSnapshot() {
        String text = ParticleFiles.csv(small());
        List<String> lines = text.lines().toList();
        assertEquals("snapshot,time_s,species,x_nm,y_nm", lines.get(0));
        assertEquals(1 + 2 * 3, lines.size());
        assertEquals("0,0.0,Na,1.5,0.0", lines.get(1));
        assertEquals("0,0.0,Cl,30.0,9.5", lines.get(3));
        assertEquals("1,1.0E-9,Na,1.25,0.5", lines.get(4));
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void writtenFileReadsBackBitForBit(@TempDir Path dir) {
        Path f = ParticleFiles.write(dir, small());
        assertEquals(dir.resolve("particles.csv"), f);
        assertTrue(ParticleFiles.present(dir));
        ParticleSnapshots back = ParticleFiles.read(dir);
        ParticleSnapshots s = small();
        assertEquals(s.species(), back.species());
        assertArrayEquals(s.timeS(), back.timeS(), 0);
        assertArrayEquals(s.speciesIndex(), back.speciesIndex());
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(s.xNm()[k], back.xNm()[k], 0);
            assertArrayEquals(s.yNm()[k], back.yNm()[k], 0);
        }
        assertEquals(2, back.count(0));
        assertEquals(1, back.count(1));
        try (var entries = assertDoesNotThrowList(dir)) {
            assertEquals(List.of("particles.csv"), entries.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left");
        }
        ParticleFiles.deleteStale(dir);
        assertFalse(ParticleFiles.present(dir));
    }

    private static java.util.stream.Stream<Path> assertDoesNotThrowList(Path dir) {
        try {
            return Files.list(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String fails(String text) {
        UserInputException e = assertThrows(UserInputException.class, () -> ParticleFiles.parse(text, "p.csv"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot read p.csv: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void malformedFilesAreRejected() {
        String h = "snapshot,time_s,species,x_nm,y_nm\n";
        assertTrue(fails("snapshot,time,species,x_nm,y_nm\n0,0,K,1,1\n").contains("expected the columns snapshot, "
                + "time_s, species, x_nm, y_nm, got snapshot, time, species, x_nm, y_nm"));
        assertTrue(fails(h).contains("it holds no particles"));
        assertTrue(fails(h + "1,0,K,1,1\n").contains("line 2: the first snapshot is numbered 1, expected 0"));
        assertTrue(fails(h + "0,0,K,1,1\n0,0,K,2,2\n1,1e-9,K,1,1\n").contains("3 rows are not whole snapshots of 2"));
        assertTrue(fails(h + "0,0,K,1,1\n0,0,Cl,2,2\n2,1e-9,K,1,1\n2,1e-9,Cl,1,1\n").contains("line 4: snapshot 2, expected 1"));
        assertTrue(fails(h + "0,0,K,1,1\n0,0,Cl,2,2\n1,1e-9,Cl,1,1\n1,1e-9,K,1,1\n")
                .contains("line 4: species Cl, but particle 0 is K in snapshot 0"));
        assertTrue(fails(h + "0,0,K,1,1\n0,1e-9,K,2,2\n").contains("line 3: time_s 1e-9 differs from the 0 of snapshot 0"));
        assertTrue(fails(h + "0,1e-9,K,1,1\n1,0,K,2,2\n").contains("line 3: snapshot 1 is at t = 0 s, before snapshot 0"));
        assertTrue(fails(h + "0,0,K,NaN,1\n").contains("line 2: a particle position must be finite, got x_nm = NaN"));
        assertTrue(fails(h + "0,0,K,abc,1\n").contains("line 2, column x_nm: 'abc' is not a number"));
    }

    @Test
    void missingFileIsOneLine(@TempDir Path dir) {
        UserInputException e = assertThrows(UserInputException.class, () -> ParticleFiles.read(dir));
        assertEquals("cannot read " + dir.resolve("particles.csv") + ": no such file", e.getMessage());
    }

    @Test
    void recordChecksItsShape() {
        assertThrows(IllegalArgumentException.class, () -> new ParticleSnapshots(List.of("K"), new double[] {0},
                new int[] {0, 0}, new double[][] {{1}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> new ParticleSnapshots(List.of("K"), new double[] {0},
                new int[] {1}, new double[][] {{1}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> new ParticleSnapshots(List.of("K"), new double[] {1, 0},
                new int[] {0}, new double[][] {{1}, {1}}, new double[][] {{1}, {1}}));
    }
}
