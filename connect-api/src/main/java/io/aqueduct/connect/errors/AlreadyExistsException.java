package io.aqueduct.connect.errors;

/**
 * A resource that should be new already exists, for example a connector name. The REST layer answers 409 for it.
 */
public class AlreadyExistsException extends ConnectException {

    /** @param message what went wrong and how to fix it; shown to users verbatim */
    public AlreadyExistsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it; shown to users verbatim
     * @param cause   the underlying failure, kept for the stack trace
     */
    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure; its message becomes this exception's message */
    public AlreadyExistsException(Throwable cause) {
        super(cause);
    }
}
