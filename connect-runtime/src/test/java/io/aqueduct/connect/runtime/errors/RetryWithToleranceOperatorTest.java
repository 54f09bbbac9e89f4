package io.aqueduct.connect.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.errors.RetriableException;
import io.aqueduct.connect.runtime.config.ConnectorConfig.ToleranceType;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.storage.StringConverter;

class RetryWithToleranceOperatorTest {

    private static final ConsumerRecord<byte[], byte[]> CONSUMED =
            new ConsumerRecord<>("orders", 2, 42L, "k".getBytes(), "v".getBytes());
    private static final TopicPartition ORDERS_2 = new TopicPartition("orders", 2);

    private final FakeTimer timer = new FakeTimer();
    private final RecordingReporter reporter = new RecordingReporter();
    private final ErrorHandlingMetrics metrics = new ErrorHandlingMetrics();
    private final ProcessingContext<ConsumerRecord<byte[], byte[]>> context = new ProcessingContext<>(CONSUMED);

    private RetryWithToleranceOperator operator(long retryTimeoutMs, long maxDelayMs, ToleranceType tolerance) {
        return new RetryWithToleranceOperator(retryTimeoutMs, maxDelayMs, tolerance, metrics, List.of(reporter), timer);
    }

    /** Fails with the given exceptions in turn, then returns "ok". */
    private static Operation<String> failing(AtomicInteger calls, RuntimeException... failures) {
        return () -> {
            int call = calls.getAndIncrement();
            if (call < failures.length) {
                throw failures[call];
            }
            return "ok";
        };
    }

    private static Operation<String> alwaysFailing(AtomicInteger calls, boolean retriable) {
        return () -> {
            int call = calls.incrementAndGet();
            throw retriable ? new RetriableException("busy " + call) : new DataException("bad " + call);
        };
    }

    @Test
    void successfulOperationReadsNoClockAndCountsNothing() {
        RetryWithToleranceOperator operator = operator(60_000, 60_000, ToleranceType.NONE);

        assertEquals("ok", operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, () -> "ok"));

        assertFalse(context.failed());
        assertEquals(0, timer.clockReads);
        assertEquals(0, metrics.recordFailures());
        assertEquals(-1, metrics.lastErrorTimestamp());
    }

    @Test
    void retriesConnectAndKafkaRetriableExceptionsWithDoublingBackoffThenSucceeds() {
        RetryWithToleranceOperator operator = operator(60_000, 60_000, ToleranceType.NONE);
        AtomicInteger calls = new AtomicInteger();

        String result = operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, failing(calls,
                new RetriableException("first"),
                new org.apache.kafka.common.errors.TimeoutException("second"),
                new RetriableException("third")));

        assertEquals("ok", result);
        assertEquals(4, calls.get());
        assertEquals(List.of(300L, 600L, 1200L), timer.waits);
        assertFalse(context.failed());
        assertEquals(3, metrics.recordFailures());
        assertEquals(3, metrics.retries());
        assertEquals(0, metrics.recordErrors());
        assertTrue(reporter.reports.isEmpty());
    }

    @Test
    void retryTimeoutEndsRetriesAndTheLastWaitStopsAtTheDeadline() {
        RetryWithToleranceOperator operator = operator(1_000, 60_000, ToleranceType.ALL);
        AtomicInteger calls = new AtomicInteger();
        long start = timer.now;

        assertNull(operator.execute(context, Stage.TRANSFORMATION, String.class, alwaysFailing(calls, true)));

        assertEquals(List.of(300L, 600L, 100L), timer.waits);
        assertEquals(4, calls.get());
        assertTrue(context.failed());
        assertEquals(4, context.attempts());
        assertEquals("busy 4", context.error().getMessage());
        assertEquals(4, metrics.recordFailures());
        assertEquals(3, metrics.retries());
        assertEquals(1, metrics.recordErrors());
        assertEquals(1, metrics.recordsSkipped());
        assertEquals(start + 1_000, metrics.lastErrorTimestamp());
    }

    @Test
    void exhaustedRetriesWithToleranceNoneFailWithTheLastError() {
        RetryWithToleranceOperator operator = operator(1_000, 60_000, ToleranceType.NONE);
        AtomicInteger calls = new AtomicInteger();

        ConnectException e = assertThrows(ConnectException.class,
                () -> operator.execute(context, Stage.KEY_CONVERTER, StringConverter.class, alwaysFailing(calls, true)));

        assertEquals("Tolerance exceeded in error handler", e.getMessage());
        assertEquals("busy 4", e.getCause().getMessage());
        assertTrue(reporter.reports.isEmpty());
        assertEquals(0, metrics.recordsSkipped());
        assertEquals(1, metrics.recordErrors());
    }

    @Test
    void zeroRetryTimeoutMeansNoRetries() {
        RetryWithToleranceOperator operator = operator(0, 60_000, ToleranceType.ALL);
        AtomicInteger calls = new AtomicInteger();

        assertNull(operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, alwaysFailing(calls, true)));

        assertEquals(1, calls.get());
        assertTrue(timer.waits.isEmpty());
        assertEquals(1, context.attempts());
    }

    @Test
    void nonRetriableFailureWithToleranceNoneThrowsAtOnceWithoutReporting() {
        RetryWithToleranceOperator operator = operator(60_000, 60_000, ToleranceType.NONE);
        AtomicInteger calls = new AtomicInteger();

        ConnectException e = assertThrows(ConnectException.class,
                () -> operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, alwaysFailing(calls, false)));

        assertEquals("Tolerance exceeded in error handler", e.getMessage());
        assertInstanceOf(DataException.class, e.getCause());
        assertEquals(1, calls.get());
        assertTrue(timer.waits.isEmpty());
        assertTrue(reporter.reports.isEmpty());
        assertEquals(1, metrics.recordFailures());
        assertEquals(1, metrics.recordErrors());
        assertEquals(0, metrics.recordsSkipped());
    }

    @Test
    void nonRetriableFailureWithToleranceAllSkipsTheRecordAndReportsIt() {
        RetryWithToleranceOperator operator = operator(60_000, 60_000, ToleranceType.ALL);
        AtomicInteger calls = new AtomicInteger();

        assertNull(operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, alwaysFailing(calls, false)));

        assertEquals(1, calls.get());
        assertTrue(context.failed());
        assertEquals(Stage.VALUE_CONVERTER, context.stage());
        assertSame(StringConverter.class, context.executingClass());
        assertEquals(1, reporter.reports.size());
        RecordingReporter.Report report = reporter.reports.get(0);
        assertSame(CONSUMED, report.original());
        assertEquals(Stage.VALUE_CONVERTER, report.stage());
        assertSame(StringConverter.class, report.executingClass());
        assertEquals("bad 1", report.error().getMessage());
        assertEquals(1, metrics.recordErrors());
        assertEquals(1, metrics.recordsSkipped());
        assertEquals(0, metrics.retries());
    }

    @Test
    void minusOneRetriesForeverWithBackoffCappedAtTheMaximumDelay() {
        RetryWithToleranceOperator operator = operator(-1, 5_000, ToleranceType.NONE);
        AtomicInteger calls = new AtomicInteger();
        RuntimeException[] failures = new RuntimeException[12];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new RetriableException("not yet " + i);
        }

        assertEquals("ok", operator.execute(context, Stage.HEADER_CONVERTER, StringConverter.class, failing(calls, failures)));

        assertEquals(List.of(300L, 600L, 1200L, 2400L, 4800L, 5000L, 5000L, 5000L, 5000L, 5000L, 5000L, 5000L),
                timer.waits);
        assertEquals(13, calls.get());
        assertEquals(12, metrics.retries());
    }

    @Test
    void doesNotRunOperationsOnAFailedRecordUntilTheContextIsReset() {
        RetryWithToleranceOperator operator = operator(0, 60_000, ToleranceType.ALL);
        operator.execute(context, Stage.KEY_CONVERTER, StringConverter.class, alwaysFailing(new AtomicInteger(), false));
        AtomicInteger calls = new AtomicInteger();

        assertNull(operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, () -> "v" + calls.incrementAndGet()));
        assertEquals(0, calls.get());

        context.reset(CONSUMED);
        assertFalse(context.failed());
        assertEquals("v1", operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, () -> "v" + calls.incrementAndGet()));
    }

    @Test
    void outsideThePerRecordStagesOnlyRetriableFailuresAreTolerated() {
        RetryWithToleranceOperator operator = operator(0, 60_000, ToleranceType.ALL);

        ConnectException e = assertThrows(ConnectException.class, () -> operator.execute(context, Stage.KAFKA_PRODUCE,
                String.class, alwaysFailing(new AtomicInteger(), false)));
        assertEquals("Unhandled exception in error handler", e.getMessage());

        ProcessingContext<ConsumerRecord<byte[], byte[]>> other = new ProcessingContext<>(CONSUMED);
        assertNull(operator.execute(other, Stage.KAFKA_PRODUCE, String.class, alwaysFailing(new AtomicInteger(), true)));
        assertTrue(other.failed());
    }

    @Test
    void triggerStopEndsAnEndlessRetryWithoutSkippingTheRecord() {
        RetryWithToleranceOperator operator = operator(-1, 1_000, ToleranceType.ALL);
        AtomicInteger calls = new AtomicInteger();
        timer.onWait = () -> {
            if (timer.waits.size() == 3) {
                operator.triggerStop();
            }
        };

        ConnectException e = assertThrows(ConnectException.class,
                () -> operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, alwaysFailing(calls, true)));

        assertTrue(e.getMessage().startsWith("Task is stopping: gave up retrying VALUE_CONVERTER"), e.getMessage());
        assertEquals(3, calls.get());
        assertFalse(context.failed());
        assertTrue(reporter.reports.isEmpty());

        // Once stopping, a retriable failure is not waited on at all.
        timer.waits.clear();
        assertThrows(ConnectException.class, () -> operator.execute(new ProcessingContext<>(CONSUMED),
                Stage.VALUE_CONVERTER, StringConverter.class, alwaysFailing(new AtomicInteger(), true)));
        assertTrue(timer.waits.isEmpty());
    }

    @Test
    void interruptDuringBackoffFailsTheOperationAndKeepsTheInterruptFlag() {
        RetryTimer interrupting = new RetryTimer() {
            @Override
            public long nowMs() {
                return 0;
            }

            @Override
            public boolean await(CountDownLatch stop, long delayMs) throws InterruptedException {
                throw new InterruptedException();
            }
        };
        RetryWithToleranceOperator operator = new RetryWithToleranceOperator(-1, 1_000, ToleranceType.ALL, metrics,
                List.of(reporter), interrupting);
        try {
            ConnectException e = assertThrows(ConnectException.class, () -> operator.execute(context,
                    Stage.TRANSFORMATION, String.class, alwaysFailing(new AtomicInteger(), true)));
            assertTrue(e.getMessage().startsWith("Interrupted while waiting to retry TRANSFORMATION"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void tolerateFailureDecidesForProducerCallbacksWithoutThrowing() {
        SourceRecord polled = new SourceRecord(null, null, "out", null, "value");
        IllegalStateException sendFailure = new IllegalStateException("record too large");

        ProcessingContext<SourceRecord> tolerated = new ProcessingContext<>(polled);
        assertTrue(operator(0, 1_000, ToleranceType.ALL)
                .tolerateFailure(tolerated, Stage.KAFKA_PRODUCE, String.class, sendFailure));
        assertTrue(tolerated.failed());
        assertEquals(1, reporter.reports.size());
        assertEquals(Stage.KAFKA_PRODUCE, reporter.reports.get(0).stage());
        assertSame(polled, reporter.reports.get(0).original());
        assertEquals(1, metrics.recordsSkipped());

        assertFalse(operator(0, 1_000, ToleranceType.NONE)
                .tolerateFailure(new ProcessingContext<>(polled), Stage.KAFKA_PRODUCE, String.class, sendFailure));
        assertEquals(1, reporter.reports.size());
        assertEquals(1, metrics.recordsSkipped());
        assertEquals(2, metrics.recordErrors());
    }

    @Test
    void executeFailedThrowsWithToleranceNoneAndHandsBackTheReportWithAll() throws Exception {
        IllegalStateException error = new IllegalStateException("cannot write");
        ConnectException e = assertThrows(ConnectException.class, () -> operator(0, 1_000, ToleranceType.NONE)
                .executeFailed(new ProcessingContext<>(CONSUMED), Stage.TASK_PUT, String.class, error));
        assertEquals("Tolerance exceeded in error handler", e.getMessage());
        assertSame(error, e.getCause());

        CompletableFuture<Void> stored = new CompletableFuture<>();
        reporter.result = () -> stored;
        Future<Void> future = operator(0, 1_000, ToleranceType.ALL)
                .executeFailed(new ProcessingContext<>(CONSUMED), Stage.TASK_PUT, String.class, error);
        assertFalse(future.isDone());
        stored.complete(null);
        assertNull(future.get(1, TimeUnit.SECONDS));
    }

    @Test
    void aRecordIsStoredOnlyWhenEveryReporterStoredIt() {
        RecordingReporter second = new RecordingReporter();
        CompletableFuture<Void> slow = new CompletableFuture<>();
        second.result = () -> slow;
        RetryWithToleranceOperator operator = new RetryWithToleranceOperator(0, 1_000, ToleranceType.ALL, metrics,
                List.of(reporter, second), timer);

        Future<Void> future = operator.executeFailed(context, Stage.TASK_PUT, String.class, new IllegalStateException());

        assertEquals(1, reporter.reports.size());
        assertEquals(1, second.reports.size());
        assertFalse(future.isDone());
        slow.complete(null);
        assertTrue(future.isDone());

        operator.close();
        assertTrue(reporter.closed);
        assertTrue(second.closed);
    }

    @Test
    void awaitReportsWaitsForTheDeadLetterWritesOfTheGivenPartitionsOnly() throws Exception {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        reporter.result = () -> stored;
        RetryWithToleranceOperator operator = operator(0, 1_000, ToleranceType.ALL);
        operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, alwaysFailing(new AtomicInteger(), false));
        assertEquals(1, operator.pendingReportCount());

        operator.awaitReports(List.of(new TopicPartition("orders", 0)));
        CompletableFuture<Void> awaiting = CompletableFuture.runAsync(() -> operator.awaitReports(List.of(ORDERS_2)));
        assertThrows(TimeoutException.class, () -> awaiting.get(200, TimeUnit.MILLISECONDS));

        stored.complete(null);
        awaiting.get(10, TimeUnit.SECONDS);
        assertEquals(0, operator.pendingReportCount());
    }

    @Test
    void awaitReportsFailsWhenADeadLetterWriteFailed() {
        reporter.result = () -> CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
        RetryWithToleranceOperator operator = operator(0, 1_000, ToleranceType.ALL);
        operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, alwaysFailing(new AtomicInteger(), false));

        ConnectException e = assertThrows(ConnectException.class, () -> operator.awaitReports(List.of(ORDERS_2)));
        assertTrue(e.getMessage().contains("broker gone"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void forgottenPartitionsAreNotWaitedFor() throws ExecutionException {
        reporter.result = CompletableFuture::new;
        RetryWithToleranceOperator operator = operator(0, 1_000, ToleranceType.ALL);
        operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, alwaysFailing(new AtomicInteger(), false));

        operator.forgetReports(List.of(ORDERS_2));

        assertEquals(0, operator.pendingReportCount());
        operator.awaitReports(List.of(ORDERS_2));
    }
}
