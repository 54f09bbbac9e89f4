package io.aqueduct.connect.errors;

/**
 * A failure that may succeed when the same operation is tried again.
 *
 * <p>From {@code SinkTask.put} it makes the runtime redeliver the same batch after the backoff set by
 * {@code SinkTaskContext.timeout}; from {@code SourceTask.poll} the runtime simply polls again. In a
 * converter or transformation it is retried with exponential backoff up to {@code errors.retry.timeout}.
 */
public class RetriableException extends ConnectException {

    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetriableException(Throwable cause) {
        super(cause);
    }
}
