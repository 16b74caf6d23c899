package org.membranepnp.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.FileWriteException;

/**
 * A folder written under a temporary name beside its target, {@code .NAME.partial-PID} (same file system), and
 * renamed into place when it is done: the target is then never a half-made folder, only absent, the old folder or
 * the whole new one. Folders are created like any new folder, so the umask sets their permissions.
 */
final class StagedFolder {
    private final Path target;
    private final Path dir;
    /** The outermost parent folder that {@link #begin} had to create, or null. */
    private final Path createdParent;

    private StagedFolder(Path target, Path dir, Path createdParent) {
        this.target = target;
        this.dir = dir;
        this.createdParent = createdParent;
    }

    /**
     * Creates the temporary folder of {@code target} (and the missing parents of both).
     *
     * @throws UserInputException if {@code target} has no name (e.g. "/")
     * @throws FileWriteException if the folder cannot be created
     */
    static StagedFolder begin(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new UserInputException("cannot write a run into " + target + "; choose another --out");
        }
        Path dir = sibling(absolute, "partial");
        Path parent = absolute.getParent();
        Path createdParent = null;
        for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
            createdParent = p;
        }
        try {
            Files.createDirectories(parent);
            if (Files.exists(dir)) {
                deleteTree(dir); // left by an earlier process of the same id, which has ended
            }
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new FileWriteException("cannot create the output folder " + dir + ": "
                    + ErrorHandler.oneLine(e.toString()), e);
        }
        return new StagedFolder(target, dir, createdParent);
    }

    /** {@code .NAME.WHAT-PID} beside {@code target}. */
    private static Path sibling(Path target, String what) {
        return target.resolveSibling("." + target.getFileName() + "." + what + "-" + ProcessHandle.current().pid());
    }

    /** Where the files go until {@link #promote}. */
    Path dir() {
        return dir;
    }

    /** Where the folder will be. */
    Path target() {
        return target;
    }

    /**
     * Renames the folder to its target; a folder already there is moved aside first and removed once the new one is
     * in place (put back if the rename fails).
     *
     * @throws FileWriteException if the folder cannot be moved into place (it then stays under its temporary name)
     */
    void promote() {
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = sibling(target.toAbsolutePath().normalize(), "old");
                move(target, old);
            }
            try {
                move(dir, target);
            } catch (IOException e) {
                if (old != null) {
                    move(old, target);
                    old = null;
                }
                throw e;
            }
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new FileWriteException("cannot move " + dir + " to " + target + ": " + ErrorHandler.oneLine(e.toString()),
                    e);
        }
    }

    /** Removes the temporary folder, and the parent folders {@link #begin} created if nothing else is in them now. */
    void discard() {
        try {
            deleteTree(dir);
            for (Path p = dir.getParent(); createdParent != null && p != null && p.startsWith(createdParent);
                 p = p.getParent()) {
                Files.deleteIfExists(p);
            }
        } catch (DirectoryNotEmptyException inUse) {
            // another run writes there too: leave it
        } catch (IOException e) {
            throw new FileWriteException("cannot remove " + dir + ": " + ErrorHandler.oneLine(e.toString()), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes {@code root} and everything in it (symbolic links are removed, not followed). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = new ArrayList<>(walk.toList());
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
