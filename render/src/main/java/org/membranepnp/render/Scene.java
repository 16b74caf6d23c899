package org.membranepnp.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a figure draws: OpenGL shapes, painted in the order added, then text labels on top. Coordinates are picture
 * pixels, (0, 0) the top left corner.
 */
final class Scene {
    private final int width;
    private final int height;
    private final int background;
    private final List<Shape> shapes = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    Scene(int width, int height, int background) {
        this.width = width;
        this.height = height;
        this.background = background;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Background colour 0xRRGGBB. */
    int background() {
        return background;
    }

    Scene add(Shape s) {
        shapes.add(s);
        return this;
    }

    Scene add(Label l) {
        labels.add(l);
        return this;
    }

    List<Shape> shapes() {
        return Collections.unmodifiableList(shapes);
    }

    List<Label> labels() {
        return Collections.unmodifiableList(labels);
    }
}
