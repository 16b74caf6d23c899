package org.membranepnp.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.membranepnp.engine.result.AtomicFiles;

/** Writes pictures as PNG files, atomically (no reader sees half a file). */
final class PngFiles {
    private PngFiles() {
    }

    /**
     * Writes {@code image} to {@code dir/name}.
     *
     * @return the file written
     * @throws org.membranepnp.engine.UserInputException with one line if the file cannot be written
     */
    static Path write(Path dir, String name, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer in this Java");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return AtomicFiles.write(dir, name, bytes.toByteArray());
    }
}
