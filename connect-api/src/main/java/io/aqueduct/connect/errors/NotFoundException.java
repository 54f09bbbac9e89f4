package io.aqueduct.connect.errors;

/**
 * A connector, task or other named resource does not exist. The REST layer answers 404 for it.
 */
public class NotFoundException extends ConnectException {

    /** @param message what went wrong and how to fix it; shown to users verbatim */
    public NotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it; shown to users verbatim
     * @param cause   the underlying failure, kept for the stack trace
     */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure; its message becomes this exception's message */
    public NotFoundException(Throwable cause) {
        super(cause);
    }
}
