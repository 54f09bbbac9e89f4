package io.aqueduct.connect.errors;

/**
 * A connector, task or other named resource does not exist. The REST layer answers 404 for it.
 */
public class NotFoundException extends ConnectException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotFoundException(Throwable cause) {
        super(cause);
    }
}
