package io.aqueduct.connect.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.header.ConnectHeaders;
import io.aqueduct.connect.runtime.config.ConnectorConfig.ToleranceType;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.StringConverter;

class WorkerErrantRecordReporterTest {

    private final RecordingReporter dlq = new RecordingReporter();
    private final StringConverter converter = new StringConverter();

    WorkerErrantRecordReporterTest() {
        converter.configure(Map.of(), false);
    }

    private WorkerErrantRecordReporter reporter(ToleranceType tolerance) {
        RetryWithToleranceOperator operator = new RetryWithToleranceOperator(0, 1_000, tolerance,
                new ErrorHandlingMetrics(), List.of(dlq), new FakeTimer());
        return new WorkerErrantRecordReporter(operator, converter, converter, converter);
    }

    private static ConsumerRecord<byte[], byte[]> consumed() {
        return new ConsumerRecord<>("orders", 4, 17L, "raw-key".getBytes(StandardCharsets.UTF_8),
                "raw-value".getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private ConsumerRecord<byte[], byte[]> reportedConsumerRecord() {
        assertEquals(1, dlq.reports.size());
        return (ConsumerRecord<byte[], byte[]>) dlq.reports.get(0).original();
    }

    @Test
    void recordsDeliveredByTheLoopReachTheQueueWithTheirOriginalBytesEvenAfterCopies() {
        ConsumerRecord<byte[], byte[]> consumed = consumed();
        SinkRecord delivered = new InternalSinkRecord(consumed, Schema.STRING_SCHEMA, "parsed-key",
                Schema.STRING_SCHEMA, "parsed-value", null);
        SinkRecord rerouted = delivered.newRecord("orders-table", 0, null, "other", null, "other", 5L);
        IllegalStateException error = new IllegalStateException("row rejected");

        reporter(ToleranceType.ALL).report(rerouted, error);

        assertSame(consumed, reportedConsumerRecord());
        RecordingReporter.Report report = dlq.reports.get(0);
        assertEquals(Stage.TASK_PUT, report.stage());
        assertSame(SinkTask.class, report.executingClass());
        assertSame(error, report.error());
    }

    @Test
    void recordsBuiltByTheTaskAreConvertedBackWithTheTasksConverters() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("source", "crm");
        SinkRecord built = new SinkRecord("orders-table", 0, Schema.STRING_SCHEMA, "key-1", Schema.STRING_SCHEMA,
                "value-1", 99L, 1_700_000_000_000L, TimestampType.CREATE_TIME, headers, "orders", 3, 98L);

        reporter(ToleranceType.ALL).report(built, new IllegalStateException("row rejected"));

        ConsumerRecord<byte[], byte[]> record = reportedConsumerRecord();
        assertEquals("orders", record.topic());
        assertEquals(3, record.partition());
        assertEquals(98L, record.offset());
        assertEquals(1_700_000_000_000L, record.timestamp());
        assertArrayEquals("key-1".getBytes(StandardCharsets.UTF_8), record.key());
        assertArrayEquals("value-1".getBytes(StandardCharsets.UTF_8), record.value());
        assertArrayEquals("crm".getBytes(StandardCharsets.UTF_8), record.headers().lastHeader("source").value());
    }

    @Test
    void aRecordThatCannotBeConvertedBackFailsTheReportNamingTheRecord() {
        Converter broken = new StringConverter() {
            @Override
            public byte[] fromConnectData(String topic, Schema schema, Object value) {
                throw new IllegalArgumentException("unsupported type");
            }
        };
        RetryWithToleranceOperator operator = new RetryWithToleranceOperator(0, 1_000, ToleranceType.ALL,
                new ErrorHandlingMetrics(), List.of(dlq), new FakeTimer());
        WorkerErrantRecordReporter reporter = new WorkerErrantRecordReporter(operator, broken, converter, converter);

        ConnectException e = assertThrows(ConnectException.class, () -> reporter.report(
                new SinkRecord("orders", 1, null, "k", null, "v", 5L), new IllegalStateException()));
        assertTrue(e.getMessage().contains("orders-1 offset 5"), e.getMessage());
        assertTrue(dlq.reports.isEmpty());
    }

    @Test
    void toleranceNoneFailsTheTask() {
        SinkRecord delivered = new InternalSinkRecord(consumed(), null, "k", null, "v", null);
        ConnectException e = assertThrows(ConnectException.class,
                () -> reporter(ToleranceType.NONE).report(delivered, new IllegalStateException("row rejected")));
        assertEquals("Tolerance exceeded in error handler", e.getMessage());
        assertTrue(dlq.reports.isEmpty());
    }

    @Test
    void awaitFuturesWaitsForReportsOfTheGivenPartitions() throws Exception {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        dlq.result = () -> stored;
        WorkerErrantRecordReporter reporter = reporter(ToleranceType.ALL);
        Future<Void> future = reporter.report(new InternalSinkRecord(consumed(), null, "k", null, "v", null),
                new IllegalStateException());

        CompletableFuture<Void> awaiting = CompletableFuture.runAsync(
                () -> reporter.awaitFutures(List.of(new TopicPartition("orders", 4))));
        assertThrows(TimeoutException.class, () -> awaiting.get(200, TimeUnit.MILLISECONDS));
        assertFalse(future.isDone());

        stored.complete(null);
        awaiting.get(10, TimeUnit.SECONDS);
        assertTrue(future.isDone());
    }

    @Test
    void cancelledPartitionsAreNotWaitedFor() {
        dlq.result = CompletableFuture::new;
        WorkerErrantRecordReporter reporter = reporter(ToleranceType.ALL);
        reporter.report(new InternalSinkRecord(consumed(), null, "k", null, "v", null), new IllegalStateException());

        reporter.cancelFutures(List.of(new TopicPartition("orders", 4)));

        reporter.awaitFutures(List.of(new TopicPartition("orders", 4)));
    }

    @Test
    void internalRecordsKeepSinkRecordFieldsAndEqualOnlyTheirOwnKind() {
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>("orders", 4, 17L, 1234L,
                TimestampType.LOG_APPEND_TIME, 0, 0, null, null, new org.apache.kafka.common.header.internals.RecordHeaders(),
                java.util.Optional.empty());
        InternalSinkRecord record = new InternalSinkRecord(consumed, null, "k", null, "v", null);

        assertEquals("orders", record.topic());
        assertEquals(4, record.kafkaPartition());
        assertEquals(17L, record.kafkaOffset());
        assertEquals(1234L, record.timestamp());
        assertEquals(TimestampType.LOG_APPEND_TIME, record.timestampType());
        SinkRecord copy = record.newRecord("t2", 1, null, "k2", null, "v2", 1L);
        assertSame(consumed, ((InternalSinkRecord) copy).consumerRecord());
        assertEquals("orders", copy.originalTopic());
        assertEquals(17L, copy.originalKafkaOffset());
        assertEquals(record, new InternalSinkRecord(consumed, null, "k", null, "v", null));
        assertNotEquals(record, new SinkRecord("orders", 4, null, "k", null, "v", 17L, 1234L,
                TimestampType.LOG_APPEND_TIME));
    }
}
