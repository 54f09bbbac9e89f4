package io.aqueduct.connect.runtime.rest.errors;

/** The request can never succeed as sent (400); the message says what to change. */
public class BadRequestException extends ConnectRestException {

    public BadRequestException(String message) {
        super(400, message);
    }
}
