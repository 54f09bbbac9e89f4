package io.aqueduct.connect.runtime.errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig.ToleranceType;

/**
 * Runs every per-record operation of a task (conversions, transformations, predicates) and decides what a
 * failure means: retriable exceptions are retried with exponential backoff for up to
 * {@code errors.retry.timeout}; a failure that remains either fails the task
 * ({@code errors.tolerance=none}, a {@link ConnectException} "Tolerance exceeded in error handler") or is
 * reported to the log and dead letter queue and the record skipped ({@code errors.tolerance=all}).
 *
 * <p>Healthy records cost one call through {@link Operation}: nothing is allocated, no clock is read
 * until an operation throws.
 *
 * <p>One operator per task. It keeps no per-record state (that lives in the {@link ProcessingContext}),
 * so it may be used from the task thread, producer callback threads and the task's own threads at once.
 */
public final class RetryWithToleranceOperator implements AutoCloseable {

    /** The first backoff; each further retry waits twice as long, up to {@code errors.retry.delay.max.ms}. */
    static final long FIRST_RETRY_DELAY_MS = 300;

    private static final Logger log = LoggerFactory.getLogger(RetryWithToleranceOperator.class);
    private static final CompletableFuture<Void> NOTHING_TO_REPORT = CompletableFuture.completedFuture(null);

    private final long retryTimeoutMs;
    private final long maxRetryDelayMs;
    private final ToleranceType tolerance;
    private final ErrorHandlingMetrics metrics;
    private final List<ErrorReporter> reporters;
    private final RetryTimer timer;
    private final PendingReports pendingReports = new PendingReports();
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    RetryWithToleranceOperator(long retryTimeoutMs, long maxRetryDelayMs, ToleranceType tolerance,
                               ErrorHandlingMetrics metrics, List<ErrorReporter> reporters, RetryTimer timer) {
        if (retryTimeoutMs < -1) {
            throw new IllegalArgumentException("errors.retry.timeout must be -1, 0 or positive, was " + retryTimeoutMs);
        }
        if (maxRetryDelayMs < 1) {
            throw new IllegalArgumentException("errors.retry.delay.max.ms must be positive, was " + maxRetryDelayMs);
        }
        this.retryTimeoutMs = retryTimeoutMs;
        this.maxRetryDelayMs = maxRetryDelayMs;
        this.tolerance = tolerance;
        this.metrics = metrics;
        this.reporters = List.copyOf(reporters);
        this.timer = timer;
    }

    /**
     * An operator that neither retries nor tolerates anything and reports nowhere: every failure throws,
     * as if the connector had the default {@code errors.*} settings. For pipelines built outside a task.
     */
    public static RetryWithToleranceOperator failFast() {
        return new RetryWithToleranceOperator(0, 1, ToleranceType.NONE, new ErrorHandlingMetrics(), List.of(),
                RetryTimer.SYSTEM);
    }

    /**
     * Runs {@code operation} for the record of {@code context}.
     *
     * <p>A retriable exception ({@link io.aqueduct.connect.errors.RetriableException} or Kafka's
     * {@link org.apache.kafka.common.errors.RetriableException}) is retried until it succeeds or
     * {@code errors.retry.timeout} has passed since the first failure. What still fails then:
     * <ul>
     *   <li>{@code errors.tolerance=none}: throws;</li>
     *   <li>{@code errors.tolerance=all}: the failure is reported, {@code context} becomes
     *       {@link ProcessingContext#failed() failed} and null is returned. The caller must check
     *       {@code context.failed()} (null alone is ambiguous) and skip the record.</li>
     * </ul>
     * In stages that concern a single record (converters, transformations) every exception may be
     * tolerated; in the others only retriable ones, anything else throws.
     *
     * <p>When {@code context} has already failed, the operation is not run and null is returned.
     *
     * @param executingClass the plugin class the operation calls, named in reports
     * @return the operation's result, or null when the record failed
     * @throws ConnectException when the failure is not tolerated, or when the thread is interrupted during a
     *                          retry backoff
     * @throws TaskStoppingException when the task is asked to stop during a retry backoff
     */
    public <V> V execute(ProcessingContext<?> context, Stage stage, Class<?> executingClass, Operation<V> operation) {
        if (context.failed()) {
            return null;
        }
        try {
            return operation.call();
        } catch (Exception e) {
            return retryThenHandle(context, stage, executingClass, operation, e);
        }
    }

    private <V> V retryThenHandle(ProcessingContext<?> context, Stage stage, Class<?> executingClass,
                                  Operation<V> operation, Exception firstFailure) {
        metrics.recordFailure();
        Exception failure = firstFailure;
        int attempts = 1;
        long start = timer.nowMs();
        long deadline = retryTimeoutMs < 0 ? Long.MAX_VALUE : start + retryTimeoutMs;
        while (isRetriable(failure) && timer.nowMs() < deadline) {
            long delay = backoffDelay(attempts, deadline);
            log.debug("{} with class {} failed (attempt {}), retrying in {} ms: {}",
                    stage, executingClass.getName(), attempts, delay, failure.toString());
            waitBeforeRetry(delay, stage, executingClass, attempts, failure);
            metrics.recordRetry();
            attempts++;
            try {
                return operation.call();
            } catch (Exception e) {
                metrics.recordFailure();
                failure = e;
            }
        }
        return handleFinalFailure(context, stage, executingClass, failure, attempts);
    }

    private <V> V handleFinalFailure(ProcessingContext<?> context, Stage stage, Class<?> executingClass,
                                     Exception failure, int attempts) {
        context.fail(stage, executingClass, failure, attempts);
        metrics.recordError(timer.nowMs());
        if (!stage.isPerRecord() && !isRetriable(failure)) {
            throw new ConnectException("Unhandled exception in error handler", failure);
        }
        if (tolerance == ToleranceType.NONE) {
            throw new ConnectException("Tolerance exceeded in error handler", failure);
        }
        metrics.recordSkipped();
        report(context);
        return null;
    }

    /**
     * Handles a failure that happened outside {@link #execute}, such as a producer send that failed in its
     * callback. Never throws, so it is safe on a producer's callback thread.
     *
     * <p>With {@code errors.tolerance=all} the failure is reported and true returned: the caller skips the
     * record (a source loop then treats it as acknowledged and calls {@code commitRecord(record, null)}).
     * With {@code none} nothing is reported and false returned: the caller must fail the task with
     * {@code error}.
     *
     * @param context        the record's context; becomes failed
     * @param executingClass the class whose work failed, named in reports
     * @return whether the failure is tolerated
     */
    public boolean tolerateFailure(ProcessingContext<?> context, Stage stage, Class<?> executingClass, Throwable error) {
        context.fail(stage, executingClass, error, 1);
        metrics.recordFailure();
        metrics.recordError(timer.nowMs());
        if (tolerance == ToleranceType.NONE) {
            return false;
        }
        metrics.recordSkipped();
        report(context);
        return true;
    }

    /**
     * As {@link #tolerateFailure}, but throws when the failure is not tolerated and hands back the report.
     * Used for records that a sink task reports through its {@code ErrantRecordReporter}.
     *
     * @return completes when every reporter stored the report; fails if the dead letter queue write failed
     * @throws ConnectException "Tolerance exceeded in error handler" with {@code errors.tolerance=none}
     */
    public Future<Void> executeFailed(ProcessingContext<?> context, Stage stage, Class<?> executingClass,
                                      Throwable error) {
        context.fail(stage, executingClass, error, 1);
        metrics.recordFailure();
        metrics.recordError(timer.nowMs());
        if (tolerance == ToleranceType.NONE) {
            throw new ConnectException("Tolerance exceeded in error handler", error);
        }
        metrics.recordSkipped();
        return report(context);
    }

    private CompletableFuture<Void> report(ProcessingContext<?> context) {
        if (reporters.isEmpty()) {
            return NOTHING_TO_REPORT;
        }
        CompletableFuture<Void> stored;
        if (reporters.size() == 1) {
            stored = reportTo(reporters.get(0), context);
        } else {
            List<CompletableFuture<Void>> futures = new ArrayList<>(reporters.size());
            for (ErrorReporter reporter : reporters) {
                futures.add(reportTo(reporter, context));
            }
            stored = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        }
        ConsumerRecord<byte[], byte[]> consumed = context.consumerRecord();
        if (consumed != null) {
            pendingReports.add(new TopicPartition(consumed.topic(), consumed.partition()), stored);
        }
        return stored;
    }

    private static CompletableFuture<Void> reportTo(ErrorReporter reporter, ProcessingContext<?> context) {
        try {
            return reporter.report(context);
        } catch (RuntimeException e) {
            // A broken reporter must not hide the original failure, but its record must not be taken as stored.
            log.error("Error reporter {} failed to report a failed record", reporter.getClass().getSimpleName(), e);
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits until every failed record of {@code partitions} reported so far (by {@link #execute} or the
     * errant record reporter) is stored in the dead letter queue. A sink loop calls it before committing
     * the offsets of those partitions.
     *
     * @throws ConnectException if a dead letter queue write failed (the offsets must then not be
     *                          committed: the task fails) or the thread was interrupted
     */
    public void awaitReports(Collection<TopicPartition> partitions) {
        pendingReports.await(partitions);
    }

    /** Stops tracking the reports of {@code partitions}, for partitions this task lost. */
    public void forgetReports(Collection<TopicPartition> partitions) {
        pendingReports.forget(partitions);
    }

    /**
     * Ends any retry backoff now and makes later failures stop retrying, so a task whose operation is
     * retried forever can still stop. May be called from any thread.
     */
    public void triggerStop() {
        stopRequested.countDown();
    }

    /** The configured {@code errors.tolerance}. */
    public ToleranceType toleranceType() {
        return tolerance;
    }

    /** The task's error counters. */
    public ErrorHandlingMetrics metrics() {
        return metrics;
    }

    /** Closes the reporters (the dead letter queue producer). */
    @Override
    public void close() {
        for (ErrorReporter reporter : reporters) {
            try {
                reporter.close();
            } catch (RuntimeException e) {
                log.warn("Failed to close error reporter {}", reporter.getClass().getSimpleName(), e);
            }
        }
    }

    int pendingReportCount() {
        return pendingReports.size();
    }

    /** 300 ms, doubling per attempt, never above the maximum nor past the deadline. */
    private long backoffDelay(int attempts, long deadline) {
        int shift = Math.min(attempts - 1, 32);
        long delay = Math.min(FIRST_RETRY_DELAY_MS << shift, maxRetryDelayMs);
        long untilDeadline = deadline - timer.nowMs();
        return Math.max(0, Math.min(delay, untilDeadline));
    }

    private void waitBeforeRetry(long delayMs, Stage stage, Class<?> executingClass, int attempts, Exception failure) {
        boolean stopping;
        try {
            stopping = stopRequested.getCount() == 0 || timer.await(stopRequested, delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ConnectException interrupted = new ConnectException("Interrupted while waiting to retry " + stage
                    + " with class " + executingClass.getName() + " after " + attempts + " attempts", failure);
            interrupted.addSuppressed(e);
            throw interrupted;
        }
        if (stopping) {
            // Not a tolerated skip: the record stays uncommitted and is processed again after a restart.
            throw new TaskStoppingException("Task is stopping: gave up retrying " + stage + " with class "
                    + executingClass.getName() + " after " + attempts + " attempts", failure);
        }
    }

    static boolean isRetriable(Throwable error) {
        return error instanceof io.aqueduct.connect.errors.RetriableException
                || error instanceof org.apache.kafka.common.errors.RetriableException;
    }
}
