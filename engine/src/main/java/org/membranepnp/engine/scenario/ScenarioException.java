package org.membranepnp.engine.scenario;

import org.membranepnp.engine.UserInputException;

/**
 * A scenario file (or a {@code --set} override) that cannot be turned into a valid
 * {@link org.membranepnp.engine.model.Scenario}. The message is always one line of the form
 * {@code FILE:LINE: key.path = value: what is wrong; what would be valid}; the line is left out where
 * it is not known, and {@code FILE (--set)} stands in for it where the value came from an override.
 */
public class ScenarioException extends UserInputException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message, folded onto one line. */
    public ScenarioException(String message) {
        super(oneLine(message));
    }

    /** An exception with the given message, folded onto one line, and its cause. */
    public ScenarioException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
