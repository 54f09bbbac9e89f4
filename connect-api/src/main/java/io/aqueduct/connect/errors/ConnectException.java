package io.aqueduct.connect.errors;

import org.apache.kafka.common.KafkaException;

/**
 * Base class of every exception that connectors, converters, transformations and the runtime throw
 * to signal a Connect-level failure.
 *
 * <p>Thrown from a task method it fails the task unless a subclass says otherwise
 * ({@link RetriableException}). The message should name what went wrong and how to fix it, since the
 * runtime reports it verbatim in the task status and in REST error bodies.
 */
public class ConnectException extends KafkaException {

    /** @param message what went wrong and how to fix it; shown to users verbatim */
    public ConnectException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it; shown to users verbatim
     * @param cause   the underlying failure, kept for the stack trace
     */
    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure; its message becomes this exception's message */
    public ConnectException(Throwable cause) {
        super(cause);
    }
}
