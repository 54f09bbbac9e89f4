package io.aqueduct.connect.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.storage.StringConverter;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;

@KafkaIT
class DeadLetterQueueIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] BINARY_KEY = {0, (byte) 0xff, 7, 42};
    private static final long TIMESTAMP = 1_700_000_123_456L;

    private KafkaCluster cluster;

    private SinkConnectorConfig config(String dlqTopic, short replicationFactor, boolean contextHeaders) {
        Map<String, String> props = new HashMap<>();
        props.put(ConnectorConfig.NAME_CONFIG, "orders-sink");
        props.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, "SomeSinkConnector");
        props.put(SinkConnectorConfig.TOPICS_CONFIG, "orders");
        props.put(ConnectorConfig.ERRORS_TOLERANCE_CONFIG, "all");
        props.put(SinkConnectorConfig.DLQ_TOPIC_NAME_CONFIG, dlqTopic);
        props.put(SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR_CONFIG, Short.toString(replicationFactor));
        props.put(SinkConnectorConfig.DLQ_CONTEXT_HEADERS_ENABLE_CONFIG, Boolean.toString(contextHeaders));
        return new SinkConnectorConfig(props);
    }

    private RetryWithToleranceOperator sinkOperator(SinkConnectorConfig config) {
        return ErrorHandling.forSinkTask(new ConnectorTaskId("orders-sink", 5), config, cluster.producerProps(),
                cluster.adminProps());
    }

    private static ConsumerRecord<byte[], byte[]> consumed() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace-id", "abc-123".getBytes(StandardCharsets.UTF_8));
        headers.add("empty", null);
        return new ConsumerRecord<>("orders", 3, 1234L, TIMESTAMP, TimestampType.CREATE_TIME, BINARY_KEY.length, 9,
                BINARY_KEY, "{not json".getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    private static void failValueConversion(RetryWithToleranceOperator operator, ConsumerRecord<byte[], byte[]> record) {
        ProcessingContext<ConsumerRecord<byte[], byte[]>> context = new ProcessingContext<>(record);
        Object value = operator.execute(context, Stage.VALUE_CONVERTER, StringConverter.class, () -> {
            throw new DataException("Converting byte[] to Kafka Connect data failed due to serialization error");
        });
        assertNull(value);
        assertTrue(context.failed());
        operator.awaitReports(List.of(new TopicPartition(record.topic(), record.partition())));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertTrue(header != null, "missing header " + key);
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheOriginalRecordWithEveryContextHeaderToANewSinglePartitionTopic() throws Exception {
        String dlq = cluster.uniqueName("dlq");
        try (RetryWithToleranceOperator operator = sinkOperator(config(dlq, (short) 1, true))) {
            TopicDescription description = cluster.admin().describeTopics(Set.of(dlq)).allTopicNames().get().get(dlq);
            assertEquals(1, description.partitions().size());
            assertEquals(1, description.partitions().get(0).replicas().size());

            failValueConversion(operator, consumed());

            List<ConsumerRecord<byte[], byte[]>> read = cluster.consumeUntil(dlq, 1, READ_TIMEOUT);
            assertEquals(1, read.size());
            ConsumerRecord<byte[], byte[]> dead = read.get(0);
            assertArrayEquals(BINARY_KEY, dead.key());
            assertArrayEquals("{not json".getBytes(StandardCharsets.UTF_8), dead.value());
            assertEquals(TIMESTAMP, dead.timestamp());
            assertEquals("abc-123", header(dead, "trace-id"));
            assertNull(header(dead, "empty"));

            assertEquals("orders", header(dead, "__connect.errors.topic"));
            assertEquals("3", header(dead, "__connect.errors.partition"));
            assertEquals("1234", header(dead, "__connect.errors.offset"));
            assertEquals("orders-sink", header(dead, "__connect.errors.connector.name"));
            assertEquals("5", header(dead, "__connect.errors.task.id"));
            assertEquals("VALUE_CONVERTER", header(dead, "__connect.errors.stage"));
            assertEquals(StringConverter.class.getName(), header(dead, "__connect.errors.class.name"));
            assertEquals(DataException.class.getName(), header(dead, "__connect.errors.exception.class.name"));
            assertEquals("Converting byte[] to Kafka Connect data failed due to serialization error",
                    header(dead, "__connect.errors.exception.message"));
            String trace = header(dead, "__connect.errors.exception.stacktrace");
            assertTrue(trace.startsWith(DataException.class.getName()
                    + ": Converting byte[] to Kafka Connect data failed"), trace);
            assertTrue(trace.contains("at " + DeadLetterQueueIT.class.getName()), trace);

            List<String> keys = new ArrayList<>();
            dead.headers().forEach(h -> keys.add(h.key()));
            assertEquals(List.of("trace-id", "empty", "__connect.errors.topic", "__connect.errors.partition",
                    "__connect.errors.offset", "__connect.errors.connector.name", "__connect.errors.task.id",
                    "__connect.errors.stage", "__connect.errors.class.name", "__connect.errors.exception.class.name",
                    "__connect.errors.exception.message", "__connect.errors.exception.stacktrace"), keys);

            assertEquals(1, operator.metrics().deadLetterQueueProduceRequests());
            assertEquals(0, operator.metrics().deadLetterQueueProduceFailures());
        }
    }

    @Test
    void withoutContextHeadersOnlyTheOriginalHeadersAreWritten() {
        String dlq = cluster.uniqueName("dlq-plain");
        try (RetryWithToleranceOperator operator = sinkOperator(config(dlq, (short) 1, false))) {
            failValueConversion(operator, consumed());

            ConsumerRecord<byte[], byte[]> dead = cluster.consumeUntil(dlq, 1, READ_TIMEOUT).get(0);
            List<String> keys = new ArrayList<>();
            dead.headers().forEach(h -> keys.add(h.key()));
            assertEquals(List.of("trace-id", "empty"), keys);
            assertArrayEquals(BINARY_KEY, dead.key());
        }
    }

    @Test
    void anExistingTopicIsUsedAsItIs() throws Exception {
        String dlq = cluster.uniqueName("dlq-existing");
        cluster.createTopic(dlq, 3, 1);
        try (RetryWithToleranceOperator operator = sinkOperator(config(dlq, (short) 1, false))) {
            assertEquals(3, cluster.admin().describeTopics(Set.of(dlq)).allTopicNames().get().get(dlq)
                    .partitions().size());
            failValueConversion(operator, consumed());
            assertEquals(1, cluster.consumeUntil(dlq, 1, READ_TIMEOUT).size());
        }
    }

    @Test
    void aReplicationFactorAboveTheBrokerCountFailsNamingTheSetting() {
        String dlq = cluster.uniqueName("dlq-rf");
        ConnectException e = assertThrows(ConnectException.class,
                () -> sinkOperator(config(dlq, (short) (cluster.brokerCount() + 2), true)));
        assertTrue(e.getMessage().contains(dlq), e.getMessage());
        assertTrue(e.getMessage().contains(SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR_CONFIG), e.getMessage());
    }
}
