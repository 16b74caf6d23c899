package org.membranepnp.engine.result;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Writes a file so that no reader ever sees it half written: into a temporary file in the same folder, then
 * renamed over the target (atomically where the file system can). The file gets the permissions of any new file
 * (0666 less the umask), not those of a private temporary file.
 */
public final class AtomicFiles {
    private static final int NAME_ATTEMPTS = 16;
    private static final Random NAMES = new SecureRandom();

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code dir/name} atomically.
     *
     * @return the target path
     * @throws FileWriteException with one line naming the file if it cannot be written
     */
    public static Path write(Path dir, String name, byte[] bytes) {
        return write(dir, name, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} produces (streamed) to {@code dir/name} atomically.
     *
     * @return the target path
     * @throws FileWriteException with one line naming the file if it cannot be written
     */
    public static Path write(Path dir, String name, Content content) {
        Path target = dir.resolve(name);
        Path tmp = null;
        try {
            tmp = newTemporaryFile(dir, name);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new FileWriteException(target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see
                }
            }
        }
    }

    /** A new empty {@code dir/.NAME.RANDOM.tmp}, created like any new file (so the umask sets its permissions). */
    private static Path newTemporaryFile(Path dir, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(NAMES.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
