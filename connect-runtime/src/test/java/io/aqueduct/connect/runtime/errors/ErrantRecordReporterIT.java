package io.aqueduct.connect.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import io.aqueduct.connect.storage.StringConverter;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;

@KafkaIT
class ErrantRecordReporterIT {

    private KafkaCluster cluster;

    private RetryWithToleranceOperator operator(String dlqTopic, Map<String, Object> producerProps) {
        Map<String, String> props = new HashMap<>();
        props.put(ConnectorConfig.NAME_CONFIG, "orders-sink");
        props.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, "SomeSinkConnector");
        props.put(SinkConnectorConfig.TOPICS_CONFIG, "orders");
        props.put(ConnectorConfig.ERRORS_TOLERANCE_CONFIG, "all");
        props.put(SinkConnectorConfig.DLQ_TOPIC_NAME_CONFIG, dlqTopic);
        props.put(SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR_CONFIG, "1");
        props.put(SinkConnectorConfig.DLQ_CONTEXT_HEADERS_ENABLE_CONFIG, "true");
        return ErrorHandling.forSinkTask(new ConnectorTaskId("orders-sink", 0), new SinkConnectorConfig(props),
                producerProps, cluster.adminProps());
    }

    private static WorkerErrantRecordReporter reporter(RetryWithToleranceOperator operator) {
        StringConverter converter = new StringConverter();
        converter.configure(Map.of(), false);
        return new WorkerErrantRecordReporter(operator, converter, converter, converter);
    }

    private static SinkRecord delivered(int partition, long offset, String value) {
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>("orders", partition, offset,
                ("key-" + offset).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        return new InternalSinkRecord(consumed, Schema.STRING_SCHEMA, "key-" + offset, Schema.STRING_SCHEMA, value, null);
    }

    @Test
    void theReportFutureCompletesOnceTheRecordIsReadableInTheDeadLetterQueue() throws Exception {
        String dlq = cluster.uniqueName("errant");
        try (RetryWithToleranceOperator operator = operator(dlq, cluster.producerProps())) {
            Future<Void> future = reporter(operator).report(delivered(0, 7, "rejected row"),
                    new IllegalStateException("table is read-only"));

            assertNull(future.get(30, TimeUnit.SECONDS));
            // Acknowledged with acks=all: a reader sees it at once, no waiting for replication.
            List<ConsumerRecord<byte[], byte[]>> read = cluster.consumeUntil(dlq, 1, Duration.ofSeconds(5));
            ConsumerRecord<byte[], byte[]> dead = read.get(0);
            assertArrayEquals("rejected row".getBytes(StandardCharsets.UTF_8), dead.value());
            assertArrayEquals("key-7".getBytes(StandardCharsets.UTF_8), dead.key());
            assertEquals("TASK_PUT", new String(dead.headers().lastHeader("__connect.errors.stage").value(),
                    StandardCharsets.UTF_8));
            assertEquals(SinkTask.class.getName(), new String(
                    dead.headers().lastHeader("__connect.errors.class.name").value(), StandardCharsets.UTF_8));
            assertEquals("table is read-only", new String(
                    dead.headers().lastHeader("__connect.errors.exception.message").value(), StandardCharsets.UTF_8));
            assertEquals("7", new String(dead.headers().lastHeader("__connect.errors.offset").value(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void awaitFuturesReturnsOnlyAfterTheReportsOfThosePartitionsAreStored() throws Exception {
        String dlq = cluster.uniqueName("errant-await");
        Map<String, Object> slowProducer = cluster.producerProps();
        // Holds each send in the producer for a while, so the report is still in flight when we wait for it.
        slowProducer.put(ProducerConfig.LINGER_MS_CONFIG, "1500");
        try (RetryWithToleranceOperator operator = operator(dlq, slowProducer)) {
            WorkerErrantRecordReporter reporter = reporter(operator);
            Future<Void> first = reporter.report(delivered(1, 10, "a"), new IllegalStateException("a"));
            Future<Void> second = reporter.report(delivered(1, 11, "b"), new IllegalStateException("b"));
            assertFalse(first.isDone());

            reporter.awaitFutures(List.of(new TopicPartition("orders", 1)));

            assertTrue(first.isDone());
            assertTrue(second.isDone());
            assertNull(second.get());
            List<ConsumerRecord<byte[], byte[]>> read = cluster.consumeUntil(dlq, 2, Duration.ofSeconds(5));
            assertEquals("a", new String(read.get(0).value(), StandardCharsets.UTF_8));
            assertEquals("b", new String(read.get(1).value(), StandardCharsets.UTF_8));
            assertNotNull(read.get(1).headers().lastHeader("__connect.errors.exception.stacktrace"));
            assertEquals(2, operator.metrics().deadLetterQueueProduceRequests());
            assertEquals(2, operator.metrics().recordsSkipped());
        }
    }
}
