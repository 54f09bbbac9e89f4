package io.aqueduct.connect.errors;

/**
 * A failure that may succeed when the same operation is tried again.
 *
 * <p>From {@code SinkTask.put} it makes the runtime redeliver the same batch after the backoff set by
 * {@code SinkTaskContext.timeout}; from {@code SourceTask.poll} the runtime simply polls again. In a
 * converter or transformation it is retried with exponential backoff up to {@code errors.retry.timeout}.
 */
public class RetriableException extends ConnectException {

    /** @param message what went wrong and how to fix it; shown to users verbatim */
    public RetriableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it; shown to users verbatim
     * @param cause   the underlying failure, kept for the stack trace
     */
    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure; its message becomes this exception's message */
    public RetriableException(Throwable cause) {
        super(cause);
    }
}
