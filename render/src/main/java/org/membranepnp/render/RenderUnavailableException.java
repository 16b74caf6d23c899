package org.membranepnp.render;

import org.membranepnp.engine.UserInputException;

/** No OpenGL for drawing: JOGL 2.3.2 needs an X display. Its message is the one line the user sees. */
public final class RenderUnavailableException extends UserInputException {
    private static final long serialVersionUID = 1L;

    /** The message, with what to do about it. */
    public static final String MESSAGE =
            "rendering needs an X display (JOGL): run under xvfb-run -a, e.g. xvfb-run -a ./pnp render DIR";

    public RenderUnavailableException() {
        super(MESSAGE);
    }

    public RenderUnavailableException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
