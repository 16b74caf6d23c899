package org.membranepnp.engine.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aWrittenFileHasThePermissionsOfAnyNewFile() throws IOException {
        Path plain = Files.createFile(tmp.resolve("plain"));
        Path written = AtomicFiles.write(tmp, "result.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
        assertArrayEquals("a,b\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(written));
        AtomicFiles.write(tmp, "result.csv", out -> out.write('x')); // over the old one
        assertEquals("x", Files.readString(written));
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Files.writeString(Files.createDirectories(tmp.resolve("result.csv")).resolve("in-the-way"), "x");
        FileWriteException e = assertThrows(FileWriteException.class,
                () -> AtomicFiles.write(tmp, "result.csv", new byte[] {1}));
        assertTrue(e.getMessage().startsWith("cannot write " + tmp.resolve("result.csv") + ": "), e.getMessage());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(1, left.count(), "only the folder in the way");
        }
    }
}
