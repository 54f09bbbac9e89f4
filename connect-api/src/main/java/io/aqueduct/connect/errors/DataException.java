package io.aqueduct.connect.errors;

/**
 * Data does not fit its schema, or cannot be converted, serialized or deserialized.
 *
 * <p>Converters throw it for malformed input; the message names the topic and what is wrong. Under
 * {@code errors.tolerance=all} the runtime skips (and, for sinks, dead-letters) the record instead of
 * failing the task.
 */
public class DataException extends ConnectException {

    /** @param message what went wrong and how to fix it; shown to users verbatim */
    public DataException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it; shown to users verbatim
     * @param cause   the underlying failure, kept for the stack trace
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure; its message becomes this exception's message */
    public DataException(Throwable cause) {
        super(cause);
    }
}
