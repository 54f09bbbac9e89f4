package io.aqueduct.connect.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The Kafka cluster a {@link KafkaIT} test runs against: an embedded in-JVM KRaft cluster or, when
 * {@value KafkaClusterExtension#EXTERNAL_BOOTSTRAP_ENV} is set, an external one.
 *
 * <p>Safe to use from several threads. The handle and its {@link #admin()} stay valid until the test class has
 * finished; do not close the admin client.
 */
public interface KafkaCluster {

    /** The {@code bootstrap.servers} value of the cluster. */
    String bootstrapServers();

    /** True when the tests run against an external cluster rather than an embedded one. */
    boolean isExternal();

    /** Number of brokers the cluster has (as described by the cluster itself). */
    int brokerCount();

    /** A shared admin client for the cluster. Closed by the harness; callers must not close it. */
    Admin admin();

    /**
     * Returns a topic (or group, or connector) name that no other test run used: {@code prefix} followed by a
     * random suffix. Use it for every topic a test creates, so tests can share an external cluster and rerun.
     */
    String uniqueName(String prefix);

    /**
     * Creates a topic and waits until every partition has a leader and the full replica set in sync, and every
     * broker's metadata knows the topic, so clients can use it right away.
     *
     * @param replicationFactor replicas per partition; must not exceed {@link #brokerCount()}
     * @throws AssertionError if the topic is not ready within one minute, or creation fails
     */
    void createTopic(String name, int partitions, int replicationFactor);

    /** As {@link #createTopic(String, int, int)}, with topic-level configs such as {@code cleanup.policy}. */
    void createTopic(String name, int partitions, int replicationFactor, Map<String, String> topicConfigs);

    /**
     * Sends one record with UTF-8 string key and value (either may be null), waiting for the acknowledgement
     * of all in-sync replicas.
     */
    RecordMetadata produce(String topic, String key, String value);

    /** Sends the records in order with one producer, waiting for every acknowledgement. */
    List<RecordMetadata> produce(List<ProducerRecord<byte[], byte[]>> records);

    /**
     * Reads a topic from the beginning of all its partitions (no consumer group, nothing committed) until at
     * least {@code count} records arrived, and returns every record read, in partition order of arrival.
     *
     * @throws AssertionError naming the topic and the counts if fewer records arrive within {@code timeout}
     */
    List<ConsumerRecord<byte[], byte[]>> consumeUntil(String topic, int count, Duration timeout);

    /** As {@link #consumeUntil(String, int, Duration)}, with keys and values decoded as UTF-8 strings. */
    List<ConsumerRecord<String, String>> consumeStringsUntil(String topic, int count, Duration timeout);

    /**
     * A new mutable map of producer settings for this cluster: {@code bootstrap.servers}, byte-array
     * serializers and {@code acks=all}.
     */
    Map<String, Object> producerProps();

    /**
     * A new mutable map of consumer settings for this cluster: {@code bootstrap.servers}, byte-array
     * deserializers, {@code auto.offset.reset=earliest} and {@code enable.auto.commit=false}; no group id.
     */
    Map<String, Object> consumerProps();

    /** A new mutable map of admin client settings for this cluster ({@code bootstrap.servers}). */
    Map<String, Object> adminProps();
}
