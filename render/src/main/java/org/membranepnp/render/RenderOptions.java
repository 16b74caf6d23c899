package org.membranepnp.render;

import org.membranepnp.engine.UserInputException;

/**
 * How figures are drawn.
 *
 * @param width             picture width, pixels ({@value #MIN_WIDTH} to {@value #MAX_WIDTH})
 * @param height            picture height, pixels ({@value #MIN_HEIGHT} to {@value #MAX_HEIGHT})
 * @param logConcentrations concentrations on a log axis
 */
public record RenderOptions(int width, int height, boolean logConcentrations) {
    public static final int DEFAULT_WIDTH = 1600;
    public static final int DEFAULT_HEIGHT = 1000;
    public static final int MIN_WIDTH = 320;
    public static final int MAX_WIDTH = 3840;
    public static final int MIN_HEIGHT = 200;
    public static final int MAX_HEIGHT = 2160;

    /**
     * @throws UserInputException with one line if a size is out of range
     */
    public RenderOptions {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new UserInputException("--width must be from " + MIN_WIDTH + " to " + MAX_WIDTH + " pixels, got " + width);
        }
        if (height < MIN_HEIGHT || height > MAX_HEIGHT) {
            throw new UserInputException("--height must be from " + MIN_HEIGHT + " to " + MAX_HEIGHT + " pixels, got " + height);
        }
    }

    /** 1600×1000, linear concentrations. */
    public static RenderOptions defaults() {
        return new RenderOptions(DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
    }

    FigureStyle style() {
        return FigureStyle.of(width, height);
    }
}
