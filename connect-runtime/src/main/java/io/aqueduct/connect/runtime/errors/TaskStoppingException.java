package io.aqueduct.connect.runtime.errors;

import io.aqueduct.connect.errors.ConnectException;

/**
 * Thrown by {@link RetryWithToleranceOperator#execute} when the task was asked to stop while an
 * operation waited to be retried. It is not a failure of the task: the record stays unprocessed and
 * uncommitted, and a task loop that sees it while stopping simply shuts down.
 */
public final class TaskStoppingException extends ConnectException {

    TaskStoppingException(String message, Throwable lastFailure) {
        super(message, lastFailure);
    }
}
