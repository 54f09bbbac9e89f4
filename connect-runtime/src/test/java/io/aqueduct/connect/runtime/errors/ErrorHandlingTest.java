package io.aqueduct.connect.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.config.ConnectorConfig.ToleranceType;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.storage.StringConverter;

class ErrorHandlingTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("orders-sink", 2);

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(ConnectorConfig.NAME_CONFIG, TASK.connector());
        props.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, "SomeConnector");
        props.put(SinkConnectorConfig.TOPICS_CONFIG, "orders");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void toleranceComesFromTheConnectorConfigAndDefaultsToNone() {
        try (RetryWithToleranceOperator operator = ErrorHandling.forSourceTask(TASK, new ConnectorConfig(props()))) {
            assertEquals(ToleranceType.NONE, operator.toleranceType());
            assertThrows(ConnectException.class, () -> operator.execute(new ProcessingContext<>(null),
                    Stage.TRANSFORMATION, String.class, () -> {
                        throw new DataException("bad");
                    }));
        }
        try (RetryWithToleranceOperator operator = ErrorHandling.forSourceTask(TASK,
                new ConnectorConfig(props(ConnectorConfig.ERRORS_TOLERANCE_CONFIG, "ALL")))) {
            assertEquals(ToleranceType.ALL, operator.toleranceType());
        }
    }

    @Test
    void sinkWithoutDeadLetterQueueNeedsNoKafkaClients() {
        Map<String, Object> unreachable = Map.of("bootstrap.servers", "localhost:1");
        try (RetryWithToleranceOperator operator = ErrorHandling.forSinkTask(TASK,
                new SinkConnectorConfig(props(ConnectorConfig.ERRORS_TOLERANCE_CONFIG, "all")), unreachable, unreachable)) {
            ProcessingContext<Object> context = new ProcessingContext<>(null);
            operator.execute(context, Stage.KEY_CONVERTER, StringConverter.class, () -> {
                throw new DataException("bad");
            });
            assertEquals(1, operator.metrics().recordsSkipped());
        }
    }

    @Test
    void errantRecordReporterExistsOnlyWithADeadLetterQueueOrErrorLog() {
        StringConverter converter = new StringConverter();
        try (RetryWithToleranceOperator operator = ErrorHandling.forSourceTask(TASK, new ConnectorConfig(props()))) {
            assertNull(ErrorHandling.errantRecordReporter(new SinkConnectorConfig(props()), operator,
                    converter, converter, converter));
            assertNotNull(ErrorHandling.errantRecordReporter(
                    new SinkConnectorConfig(props(ConnectorConfig.ERRORS_LOG_ENABLE_CONFIG, "true")), operator,
                    converter, converter, converter));
            assertNotNull(ErrorHandling.errantRecordReporter(
                    new SinkConnectorConfig(props(SinkConnectorConfig.DLQ_TOPIC_NAME_CONFIG, "orders-dlq")), operator,
                    converter, converter, converter));
        }
    }

    @Test
    void deadLetterQueueProducerHasItsOwnClientIdByteArraysAndAcksAllUnlessSet() {
        Map<String, Object> worker = new HashMap<>();
        worker.put("bootstrap.servers", "broker:9092");
        worker.put(ProducerConfig.CLIENT_ID_CONFIG, "worker-producer");
        worker.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        worker.put(ProducerConfig.LINGER_MS_CONFIG, "20");

        Map<String, Object> configs = ErrorHandling.deadLetterQueueProducerConfigs(TASK, worker);

        assertEquals("connector-dlq-producer-orders-sink-2", configs.get(ProducerConfig.CLIENT_ID_CONFIG));
        assertEquals(ByteArraySerializer.class.getName(), configs.get(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG));
        assertEquals(ByteArraySerializer.class.getName(), configs.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
        assertEquals("all", configs.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("20", configs.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("broker:9092", configs.get("bootstrap.servers"));

        worker.put(ProducerConfig.ACKS_CONFIG, "1");
        assertEquals("1", ErrorHandling.deadLetterQueueProducerConfigs(TASK, worker).get(ProducerConfig.ACKS_CONFIG));
    }
}
