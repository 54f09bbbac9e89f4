package io.aqueduct.connect.sink;

import java.util.concurrent.Future;

/**
 * Lets a sink task hand over a record that it cannot write, instead of failing. The runtime treats it
 * like a conversion or transformation failure of that record: with {@code errors.tolerance=all} it is
 * logged (if {@code errors.log.enable}) and written to the dead letter queue topic (if
 * {@code errors.deadletterqueue.topic.name} is set), and the task goes on; with
 * {@code errors.tolerance=none} the task fails.
 *
 * <p>Obtained from {@link SinkTaskContext#errantRecordReporter()}. Thread-safe: a task may report from
 * {@link SinkTask#put(java.util.Collection)} or from its own writer threads.
 */
public interface ErrantRecordReporter {

    /**
     * Reports a record that could not be written. Reporting is asynchronous: the call returns once the
     * report is queued, which may block briefly when the dead letter queue producer is full.
     *
     * <p>The runtime makes sure that every report made before a consumer offset commit has completed
     * before that commit, so a task does not need to wait on the future for at-least-once handling.
     * Waiting on it is allowed, to be sure a record is stored before acting on it.
     *
     * @param record the record as the task received it; must not be null
     * @param error  why the record could not be written; must not be null
     * @return a future that completes when the report is stored, or fails if storing it failed
     * @throws io.aqueduct.connect.errors.ConnectException if {@code errors.tolerance=none}, which
     *         fails the task
     */
    Future<Void> report(SinkRecord record, Throwable error);
}
