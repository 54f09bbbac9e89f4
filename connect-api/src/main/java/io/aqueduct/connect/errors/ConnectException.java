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

    public ConnectException(String message) {
        super(message);
    }

    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConnectException(Throwable cause) {
        super(cause);
    }
}
