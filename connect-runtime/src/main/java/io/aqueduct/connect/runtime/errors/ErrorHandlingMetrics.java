package io.aqueduct.connect.runtime.errors;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Error counters of one task, kept for the task error metrics (Apache's {@code task-error-metrics}
 * group). Thread-safe: the task thread, producer callback threads and a task's own writer threads
 * (through the errant record reporter) all count here.
 */
public final class ErrorHandlingMetrics {

    private final LongAdder recordFailures = new LongAdder();
    private final LongAdder recordErrors = new LongAdder();
    private final LongAdder recordsSkipped = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder errorsLogged = new LongAdder();
    private final LongAdder deadLetterQueueProduceRequests = new LongAdder();
    private final LongAdder deadLetterQueueProduceFailures = new LongAdder();
    private final AtomicLong lastErrorTimestamp = new AtomicLong(-1);

    /** Counts one failed attempt of an operation, retried or not. */
    void recordFailure() {
        recordFailures.increment();
    }

    /** Counts one operation that failed for good (after any retries), at {@code nowMs}. */
    void recordError(long nowMs) {
        recordErrors.increment();
        lastErrorTimestamp.accumulateAndGet(nowMs, Math::max);
    }

    void recordSkipped() {
        recordsSkipped.increment();
    }

    void recordRetry() {
        retries.increment();
    }

    void recordErrorLogged() {
        errorsLogged.increment();
    }

    void recordDeadLetterQueueProduceRequest() {
        deadLetterQueueProduceRequests.increment();
    }

    void recordDeadLetterQueueProduceFailed() {
        deadLetterQueueProduceFailures.increment();
    }

    /** Failed attempts, each retry that failed included ({@code total-record-failures}). */
    public long recordFailures() {
        return recordFailures.sum();
    }

    /** Operations that failed for good, after retries ({@code total-record-errors}). */
    public long recordErrors() {
        return recordErrors.sum();
    }

    /** Records skipped because {@code errors.tolerance=all} ({@code total-records-skipped}). */
    public long recordsSkipped() {
        return recordsSkipped.sum();
    }

    /** Retries made ({@code total-retries}). */
    public long retries() {
        return retries.sum();
    }

    /** Failures written to the log ({@code total-errors-logged}). */
    public long errorsLogged() {
        return errorsLogged.sum();
    }

    /** Records sent to the dead letter queue ({@code deadletterqueue-produce-requests}). */
    public long deadLetterQueueProduceRequests() {
        return deadLetterQueueProduceRequests.sum();
    }

    /** Dead letter queue writes that failed ({@code deadletterqueue-produce-failures}). */
    public long deadLetterQueueProduceFailures() {
        return deadLetterQueueProduceFailures.sum();
    }

    /** Epoch milliseconds of the newest final failure, or -1 if none ({@code last-error-timestamp}). */
    public long lastErrorTimestamp() {
        return lastErrorTimestamp.get();
    }
}
