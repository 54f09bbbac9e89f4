package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig.ClientOverridePolicy;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings of the Kafka clients a task uses, in layers: runtime defaults, then the worker's
 * {@code producer.*}/{@code consumer.*}/{@code admin.*} settings, then the connector's
 * {@code *.override.*} settings as far as {@code connector.client.config.override.policy} allows. The
 * serializers are always byte arrays: the converters do the real work.
 */
final class ClientConfigs {

    static final String PRODUCER_OVERRIDE_PREFIX = "producer.override.";
    static final String CONSUMER_OVERRIDE_PREFIX = "consumer.override.";
    static final String ADMIN_OVERRIDE_PREFIX = "admin.override.";

    /** What the {@code Principal} policy lets a connector override. */
    private static final Set<String> PRINCIPAL_KEYS = Set.of("sasl.jaas.config", "sasl.mechanism", "security.protocol");

    private ClientConfigs() {
    }

    /** The consumer group of a sink connector. */
    static String consumerGroupId(String connector) {
        return "connect-" + connector;
    }

    static Map<String, Object> producer(WorkerConfig worker, ConnectorTaskId id, Map<String, String> connectorProps) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // Source records are often small: the client's 16 KB batches make many tiny produce requests, whose
        // per-batch work (on the task's I/O thread and the broker) then caps throughput at a fraction of what
        // the producer can do. 256 KB batches and 10 ms linger give about twice the records/s at a third of
        // the CPU per record; a low-rate source waits at most 10 ms longer per batch.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "connector-producer-" + id);
        props.putAll(worker.producerConfigs());
        props.putAll(overrides(worker, PRODUCER_OVERRIDE_PREFIX, connectorProps));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    static Map<String, Object> consumer(WorkerConfig worker, ConnectorTaskId id, Map<String, String> connectorProps) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroupId(id.connector()));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "connector-consumer-" + id);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putAll(worker.consumerConfigs());
        props.putAll(overrides(worker, CONSUMER_OVERRIDE_PREFIX, connectorProps));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    static Map<String, Object> admin(WorkerConfig worker, ConnectorTaskId id, Map<String, String> connectorProps) {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "connector-adminclient-" + id);
        props.putAll(worker.adminConfigs());
        props.putAll(overrides(worker, ADMIN_OVERRIDE_PREFIX, connectorProps));
        return props;
    }

    /** Checks every client override of a connector against the worker's policy; no clients are created. */
    static void validate(WorkerConfig worker, Map<String, String> connectorProps) {
        overrides(worker, PRODUCER_OVERRIDE_PREFIX, connectorProps);
        overrides(worker, CONSUMER_OVERRIDE_PREFIX, connectorProps);
        overrides(worker, ADMIN_OVERRIDE_PREFIX, connectorProps);
    }

    /**
     * The connector's settings under {@code prefix}, prefix removed.
     *
     * @throws ConfigException naming the first key the policy forbids
     */
    static Map<String, Object> overrides(WorkerConfig worker, String prefix, Map<String, String> connectorProps) {
        ClientOverridePolicy policy = worker.clientOverridePolicy();
        Map<String, Object> overrides = new HashMap<>();
        connectorProps.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            String setting = key.substring(prefix.length());
            boolean allowed = switch (policy) {
                case ALL -> true;
                case PRINCIPAL -> PRINCIPAL_KEYS.contains(setting);
                case NONE -> false;
            };
            if (!allowed) {
                throw new ConfigException(key, value, "The worker's " + WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG
                        + "=" + worker.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG)
                        + " does not allow connectors to override this client setting; remove it or change the policy");
            }
            overrides.put(setting, value);
        });
        return overrides;
    }
}
