package io.aqueduct.connect.errors;

/**
 * A resource that should be new already exists, for example a connector name. The REST layer answers 409 for it.
 */
public class AlreadyExistsException extends ConnectException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }

    public AlreadyExistsException(Throwable cause) {
        super(cause);
    }
}
