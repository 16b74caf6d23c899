package org.membranepnp.engine.result;

import java.io.IOException;
import java.nio.file.Path;
import org.membranepnp.engine.UserInputException;

/**
 * A result file could not be written (disk full, no permission, something in the way): unlike the other
 * {@link UserInputException}s it may come after the work is done, so a run that gets it has failed, not been refused.
 */
public final class FileWriteException extends UserInputException {
    private static final long serialVersionUID = 1L;

    /** "cannot write TARGET: why", on one line. */
    public FileWriteException(Path target, IOException cause) {
        this("cannot write " + target + ": " + IoReason.of(cause), cause);
    }

    public FileWriteException(String message, IOException cause) {
        super(message, cause);
    }
}
