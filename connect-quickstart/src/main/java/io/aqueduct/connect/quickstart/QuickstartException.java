package io.aqueduct.connect.quickstart;

/** A failure whose message tells the user what went wrong and what to do; printed without a stack trace. */
final class QuickstartException extends RuntimeException {

    QuickstartException(String message) {
        super(message);
    }

    QuickstartException(String message, Throwable cause) {
        super(message, cause);
    }
}
