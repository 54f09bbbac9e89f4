package io.aqueduct.connect.errors;

/**
 * An operation was invoked in a state of the worker that does not allow it, for example on a task
 * that has been stopped.
 */
public class IllegalWorkerStateException extends ConnectException {

    /** @param message what went wrong and how to fix it; shown to users verbatim */
    public IllegalWorkerStateException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it; shown to users verbatim
     * @param cause   the underlying failure, kept for the stack trace
     */
    public IllegalWorkerStateException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure; its message becomes this exception's message */
    public IllegalWorkerStateException(Throwable cause) {
        super(cause);
    }
}
