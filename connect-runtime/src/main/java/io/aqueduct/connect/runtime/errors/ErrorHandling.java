package io.aqueduct.connect.runtime.errors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.storage.Converter;
import io.aqueduct.connect.storage.HeaderConverter;

/**
 * Builds a task's error handling from its connector's {@code errors.*} settings: the
 * {@link RetryWithToleranceOperator} with its reporters (log, and for sinks the dead letter queue) and,
 * for sinks, the errant record reporter.
 */
public final class ErrorHandling {

    /** How long creating the dead letter queue topic may take. */
    static final Duration TOPIC_SETUP_TIMEOUT = Duration.ofSeconds(60);

    private ErrorHandling() {
    }

    /** The operator of a source task: retries, tolerance and the error log. */
    public static RetryWithToleranceOperator forSourceTask(ConnectorTaskId id, ConnectorConfig config) {
        ErrorHandlingMetrics metrics = new ErrorHandlingMetrics();
        return operator(config, metrics, logReporters(id, config, metrics));
    }

    /**
     * The operator of a sink task: as for a source task, plus the dead letter queue when
     * {@code errors.deadletterqueue.topic.name} is set. Creates that topic if it is missing, so this call
     * may block for up to a minute; the worker makes it while building the task, and a failure fails the task.
     *
     * @param producerConfigs the producer settings of the task (worker {@code producer.*} plus allowed
     *                        connector {@code producer.override.*}); serializers and client id are set here
     * @param adminConfigs    the admin client settings of the task, used once to create the topic
     * @throws ConnectException if the dead letter queue topic cannot be created
     */
    public static RetryWithToleranceOperator forSinkTask(ConnectorTaskId id, SinkConnectorConfig config,
                                                         Map<String, Object> producerConfigs,
                                                         Map<String, Object> adminConfigs) {
        ErrorHandlingMetrics metrics = new ErrorHandlingMetrics();
        List<ErrorReporter> reporters = logReporters(id, config, metrics);
        String topic = config.dlqTopic();
        if (!topic.isEmpty()) {
            short replicationFactor = config.getShort(SinkConnectorConfig.DLQ_TOPIC_REPLICATION_FACTOR_CONFIG);
            try (Admin admin = Admin.create(adminConfigs)) {
                DeadLetterQueueTopic.ensure(admin, topic, replicationFactor, TOPIC_SETUP_TIMEOUT);
            }
            KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(deadLetterQueueProducerConfigs(id, producerConfigs));
            boolean contextHeaders = config.getBoolean(SinkConnectorConfig.DLQ_CONTEXT_HEADERS_ENABLE_CONFIG);
            reporters.add(new DeadLetterQueueReporter(producer, topic, id, contextHeaders, metrics));
        }
        return operator(config, metrics, reporters);
    }

    /**
     * The reporter for {@code SinkTaskContext.errantRecordReporter()}, or null when the connector has
     * neither a dead letter queue nor error logging (as Apache Kafka Connect: then the task gets null and
     * handles bad records itself).
     *
     * @param keyConverter    the task's key converter, for records the task built itself
     * @param valueConverter  the task's value converter
     * @param headerConverter the task's header converter
     */
    public static WorkerErrantRecordReporter errantRecordReporter(SinkConnectorConfig config,
                                                                  RetryWithToleranceOperator operator,
                                                                  Converter keyConverter, Converter valueConverter,
                                                                  HeaderConverter headerConverter) {
        if (config.dlqTopic().isEmpty() && !config.getBoolean(ConnectorConfig.ERRORS_LOG_ENABLE_CONFIG)) {
            return null;
        }
        return new WorkerErrantRecordReporter(operator, keyConverter, valueConverter, headerConverter);
    }

    /** Client id {@code connector-dlq-producer-<connector>-<task>}, byte arrays, acks=all unless set. */
    static Map<String, Object> deadLetterQueueProducerConfigs(ConnectorTaskId id, Map<String, Object> producerConfigs) {
        Map<String, Object> configs = new HashMap<>(producerConfigs);
        configs.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        configs.put(ProducerConfig.CLIENT_ID_CONFIG, "connector-dlq-producer-" + id.connector() + "-" + id.task());
        return configs;
    }

    private static List<ErrorReporter> logReporters(ConnectorTaskId id, ConnectorConfig config, ErrorHandlingMetrics metrics) {
        List<ErrorReporter> reporters = new ArrayList<>(2);
        if (config.getBoolean(ConnectorConfig.ERRORS_LOG_ENABLE_CONFIG)) {
            boolean includeMessages = config.getBoolean(ConnectorConfig.ERRORS_LOG_INCLUDE_MESSAGES_CONFIG);
            reporters.add(new LogReporter(id, includeMessages, metrics));
        }
        return reporters;
    }

    private static RetryWithToleranceOperator operator(ConnectorConfig config, ErrorHandlingMetrics metrics,
                                                       List<ErrorReporter> reporters) {
        return new RetryWithToleranceOperator(
                config.getLong(ConnectorConfig.ERRORS_RETRY_TIMEOUT_CONFIG),
                config.getLong(ConnectorConfig.ERRORS_RETRY_MAX_DELAY_CONFIG),
                config.errorTolerance(), metrics, reporters, RetryTimer.SYSTEM);
    }
}
