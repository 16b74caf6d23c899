package org.membranepnp.engine.result;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.membranepnp.engine.UserInputException;

/**
 * Writes a file so that no reader ever sees it half written: into a temporary file in the same folder, then
 * renamed over the target (atomically where the file system can).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code dir/name} atomically.
     *
     * @return the target path
     * @throws UserInputException with one line naming the file if it cannot be written
     */
    public static Path write(Path dir, String name, byte[] bytes) {
        Path target = dir.resolve(name);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see
                }
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserInputException("cannot write " + target + ": " + why);
        }
    }
}
