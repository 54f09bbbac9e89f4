package io.aqueduct.connect.errors;

/**
 * An operation was invoked in a state of the worker that does not allow it, for example on a task
 * that has been stopped.
 */
public class IllegalWorkerStateException extends ConnectException {

    public IllegalWorkerStateException(String message) {
        super(message);
    }

    public IllegalWorkerStateException(String message, Throwable cause) {
        super(message, cause);
    }

    public IllegalWorkerStateException(Throwable cause) {
        super(cause);
    }
}
