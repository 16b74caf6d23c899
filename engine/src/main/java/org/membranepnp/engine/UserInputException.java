package org.membranepnp.engine;

/**
 * A mistake in what the user gave us (a scenario key, a value, a path). Its message is one line that
 * names the key, the value and what would be valid; the command line prints it without a stack trace.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
