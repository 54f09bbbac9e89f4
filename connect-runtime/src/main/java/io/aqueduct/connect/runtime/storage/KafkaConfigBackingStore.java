package io.aqueduct.connect.runtime.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * The configs of a distributed worker cluster, kept in the config topic ({@code config.storage.topic}): one
 * partition, compacted, read in full by every worker. Records are written and read exactly as Apache Kafka
 * Connect 4.x does (see {@link ConfigRecordCodec}), so a cluster's existing config topic can be adopted.
 *
 * <p>{@link #start()} creates the topic if it is missing (1 partition, {@code cleanup.policy=compact}), refuses
 * an existing topic that is not compacted or has more than one partition, and reads the topic to its end. Each
 * put method returns once the brokers acknowledged all its records ({@code acks=all}); records of one put are
 * written in order, and the commit of a task config generation only after all its task records were
 * acknowledged. The listener runs on the reader thread.
 *
 * <p>The consumer reads with {@code isolation.level=read_committed} unless told otherwise: a config topic written
 * transactionally by an Apache leader with exactly-once source support is read without the records of aborted
 * transactions.
 */
public final class KafkaConfigBackingStore implements ConfigBackingStore {

    /** The worker setting that names the topic; quoted in error messages. */
    public static final String TOPIC_SETTING = "config.storage.topic";
    private static final Logger log = LoggerFactory.getLogger(KafkaConfigBackingStore.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final ConfigStateTracker state;
    private final KafkaBasedLog<String, byte[]> configLog;
    private volatile boolean started;
    private volatile UpdateListener listener;

    /**
     * @param topic             the config topic
     * @param replicationFactor replication factor if the topic is created; -1 for the broker default
     * @param producerConfigs   producer settings (bootstrap servers, security); the settings that keep records in
     *                          order and durable ({@code acks=all}, one request in flight, unlimited retries, no
     *                          idempotence) are always applied
     * @param consumerConfigs   consumer settings (bootstrap servers, security)
     * @param adminConfigs      admin client settings used to create and check the topic
     * @param clientId          client id of the producer and consumer, {@code <group.id>-configs}; the admin
     *                          client gets {@code <clientId>-admin}
     */
    public KafkaConfigBackingStore(String topic, short replicationFactor, Map<String, ?> producerConfigs,
                                   Map<String, ?> consumerConfigs, Map<String, ?> adminConfigs, String clientId) {
        this.topic = Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(clientId, "clientId");
        this.state = new ConfigStateTracker("config topic " + topic);

        Map<String, Object> producer = new HashMap<>(producerConfigs);
        producer.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        producer.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);

        Map<String, Object> consumer = new HashMap<>(consumerConfigs);
        consumer.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        consumer.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

        Map<String, Object> admin = new HashMap<>(adminConfigs);
        admin.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-admin");

        this.configLog = KafkaBasedLog.<String, byte[]>builder(topic)
                .producerConfigs(producer)
                .consumerConfigs(consumer)
                .serializers(new StringSerializer(), new ByteArraySerializer())
                .deserializers(new StringDeserializer(), new ByteArrayDeserializer())
                .onRecord(this::onRecord)
                .initializer(() -> {
                    try (TopicAdmin topicAdmin = new TopicAdmin(admin)) {
                        topicAdmin.ensureCompactedTopic(topic, 1, replicationFactor, TOPIC_SETTING);
                    }
                })
                .build();
    }

    /** The config topic. */
    public String topic() {
        return topic;
    }

    @Override
    public void start() {
        log.info("Reading the config topic {}", topic);
        configLog.start();
        int partitions = configLog.partitions().size();
        if (partitions != 1) {
            configLog.stop();
            throw new ConfigException("Topic '" + topic + "' (" + TOPIC_SETTING + ") has " + partitions
                    + " partitions, but the config topic needs exactly 1 so that every worker reads the config "
                    + "records in the order they were written. Fix: set " + TOPIC_SETTING + " to a topic with one "
                    + "partition, or to a new name so the worker creates one (partitions cannot be removed).");
        }
        started = true;
        ClusterConfigState snapshot = state.snapshot();
        log.info("Read the config topic {} up to offset {}: {} connectors", topic, snapshot.offset(),
                snapshot.connectors().size());
    }

    @Override
    public void stop() {
        started = false;
        configLog.stop();
    }

    @Override
    public ClusterConfigState snapshot() {
        return state.snapshot();
    }

    @Override
    public void putConnectorConfig(String connector, Map<String, String> properties, TargetState targetState) {
        write(ConfigWrites.connectorConfig(connector, properties, targetState));
    }

    @Override
    public void removeConnectorConfig(String connector) {
        write(ConfigWrites.removeConnector(connector));
    }

    /** The commit is sent only once every task record is acknowledged, so a failed write never commits. */
    @Override
    public void putTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        List<ConfigRecord> tasks = ConfigWrites.taskConfigs(connector, taskConfigs);
        write(tasks);
        write(List.of(ConfigWrites.commit(connector, tasks.size())));
    }

    @Override
    public void putTargetState(String connector, TargetState state) {
        write(List.of(ConfigWrites.targetState(connector, state)));
    }

    @Override
    public void putRestartRequest(RestartRequest request) {
        write(List.of(ConfigWrites.restart(request)));
    }

    @Override
    public void putLoggerLevel(String namespace, String level) {
        write(List.of(ConfigWrites.loggerLevel(namespace, level)));
    }

    @Override
    public void putSessionKey(SessionKey sessionKey) {
        write(List.of(ConfigWrites.sessionKey(sessionKey)));
    }

    @Override
    public void refresh(Duration timeout) throws TimeoutException {
        try {
            configLog.readToEnd().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StorageException("Could not read the config topic " + topic + " to its end: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while reading the config topic " + topic, e);
        }
    }

    @Override
    public void setUpdateListener(UpdateListener listener) {
        this.listener = listener;
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        ConfigRecord decoded = null;
        if (record.key() == null) {
            // Apache Kafka Connect never writes keyless records here; someone else did.
            log.warn("Ignoring a record without key at offset {} of the config topic {}", record.offset(), topic);
        } else {
            try {
                decoded = ConfigRecordCodec.decode(record.key(), record.value());
            } catch (SerializationException e) {
                log.error("Ignoring the unreadable record at offset {} of the config topic {}: {}", record.offset(),
                        topic, e.getMessage());
            }
        }
        List<ConfigStateTracker.Update> updates = state.apply(decoded, record.offset() + 1);
        if (started) {
            ConfigStateTracker.deliver(listener, updates);
        }
    }

    /** Sends the records in order and waits until the brokers acknowledged all of them. */
    private void write(List<ConfigRecord> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        List<String> keys = new ArrayList<>(records.size());
        for (ConfigRecord record : records) {
            String key = ConfigRecordCodec.key(record);
            try {
                acks.add(configLog.send(key, ConfigRecordCodec.value(record)));
            } catch (KafkaException e) {
                throw new StorageException("Could not send record " + key + " to the config topic " + topic + ": "
                        + e.getMessage(), e);
            }
            keys.add(key);
        }
        long deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new StorageException("Could not write record " + keys.get(i) + " to the config topic " + topic
                        + ": " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new StorageException("Record " + keys.get(i) + " was not acknowledged by the config topic "
                        + topic + " within " + WRITE_TIMEOUT.toSeconds() + " s; check that the brokers are "
                        + "reachable and that the topic has enough in-sync replicas", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Interrupted while writing record " + keys.get(i) + " to the config "
                        + "topic " + topic, e);
            }
        }
    }
}
