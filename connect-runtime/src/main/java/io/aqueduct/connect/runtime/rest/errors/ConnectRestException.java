package io.aqueduct.connect.runtime.rest.errors;

import io.aqueduct.connect.errors.ConnectException;

/**
 * A failure that carries the HTTP status REST must answer with. Herders may throw it (or complete a future with
 * it) when the status matters to clients, e.g. 400 for a request that can never succeed, 409 for a conflict that
 * may clear on retry.
 */
public class ConnectRestException extends ConnectException {

    private final int statusCode;

    public ConnectRestException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public ConnectRestException(int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status, also sent as {@code error_code} in the error body. */
    public int statusCode() {
        return statusCode;
    }
}
