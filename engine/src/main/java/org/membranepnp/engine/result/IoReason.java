package org.membranepnp.engine.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The cause of a file error in words, on one line, for the messages of the result files. */
final class IoReason {
    private IoReason() {
    }

    static String of(Exception e) {
        String msg;
        if (e instanceof AccessDeniedException ex) {
            msg = "permission denied (" + ex.getFile() + ")";
        } else if (e instanceof NoSuchFileException ex) {
            msg = "no such file or folder (" + ex.getFile() + ")";
        } else if (e instanceof FileAlreadyExistsException ex) {
            msg = "a file is in the way (" + ex.getFile() + ")";
        } else if (e instanceof NotDirectoryException ex) {
            msg = "not a folder (" + ex.getFile() + ")";
        } else if (e instanceof FileSystemException ex && ex.getReason() != null) {
            msg = ex.getReason() + (ex.getFile() != null ? " (" + ex.getFile() + ")" : "");
        } else if (e instanceof JsonProcessingException ex) {
            msg = "not valid JSON: " + ex.getOriginalMessage()
                    + (ex.getLocation() != null ? " at line " + ex.getLocation().getLineNr() : "");
        } else {
            msg = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        }
        return msg.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
