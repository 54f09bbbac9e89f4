package io.aqueduct.connect.runtime.storage;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.StatusBackingStore;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.status.TopicStatus;

/**
 * Statuses of a distributed worker cluster, kept in a compacted topic ({@code status.storage.topic}, 5 partitions
 * by default) that every worker reads in full. Keys and values are those of Apache Kafka Connect
 * ({@link StatusCodec}), and records go to the murmur2 partition of their key, so an existing status topic can be
 * shared or adopted.
 *
 * <p>Reads ({@code get*}, {@link #connectors()}) answer from what this store has read from the topic so far: a
 * status written by any worker, this one included, shows up once the reader has caught up with it (usually within
 * milliseconds; {@link #readToEnd()} waits for it). A record that an older generation of the worker group wrote
 * after a newer one took over is ignored (see {@link StatusCache}).
 *
 * <p>Writes are best effort and never block on I/O: the producer does not retry by itself; a write that fails with
 * a retriable error is sent again by the store, with backoff, as long as this store has written nothing newer
 * for that key and the cached status does not forbid it. {@link #putSafe} writes nothing when the cached status
 * is a newer generation's from another worker.
 *
 * <p>Thread-safe.
 */
public final class KafkaStatusBackingStore implements StatusBackingStore {

    /** Default partition count of a new status topic (worker setting {@code status.storage.partitions}). */
    public static final int DEFAULT_PARTITIONS = 5;
    static final String TOPIC_SETTING = "status.storage.topic";
    private static final Logger log = LoggerFactory.getLogger(KafkaStatusBackingStore.class);
    private static final long FIRST_RETRY_BACKOFF_MS = 100;
    private static final long MAX_RETRY_BACKOFF_MS = 5_000;

    private final String topic;
    private final StatusCache cache = new StatusCache();
    /** Per key, how many writes this store has started: a failed write is retried only while it is the last one. */
    private final Map<String, Long> writeSequences = new ConcurrentHashMap<>();
    /** Active-topic keys written but not read back yet, so repeated discoveries do not write again. */
    private final Set<String> topicWritesInFlight = ConcurrentHashMap.newKeySet();
    private final KafkaBasedLog<String, byte[]> statusLog;
    private volatile ScheduledExecutorService retryExecutor;
    private volatile boolean running;

    /**
     * @param topic             the status topic
     * @param partitions        partitions if the topic is created; -1 for the broker default
     * @param replicationFactor replication factor if the topic is created; -1 for the broker default
     * @param producerConfigs   producer settings (bootstrap servers, security...); acks, idempotence, in-flight
     *                          requests and retries are set by the store
     * @param consumerConfigs   consumer settings (bootstrap servers, security...)
     * @param adminConfigs      admin client settings, used once at start to create or check the topic
     * @param clientId          client id of the producer and consumer, e.g. {@code <group.id>-statuses}
     */
    public KafkaStatusBackingStore(String topic, int partitions, short replicationFactor,
                                   Map<String, Object> producerConfigs, Map<String, Object> consumerConfigs,
                                   Map<String, Object> adminConfigs, String clientId) {
        this.topic = Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(clientId, "clientId");
        Map<String, Object> producer = new HashMap<>(producerConfigs);
        producer.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        // Statuses are best effort and retried by the store (see put), so the producer must not retry itself.
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        producer.put(ProducerConfig.RETRIES_CONFIG, 0);
        Map<String, Object> consumer = new HashMap<>(consumerConfigs);
        consumer.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        Map<String, Object> admin = new HashMap<>(adminConfigs);
        admin.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-admin");
        this.statusLog = KafkaBasedLog.<String, byte[]>builder(topic)
                .producerConfigs(producer)
                .consumerConfigs(consumer)
                .serializers(new StringSerializer(), new ByteArraySerializer())
                .deserializers(new StringDeserializer(), new ByteArrayDeserializer())
                .onRecord(this::onRecord)
                .initializer(() -> {
                    try (TopicAdmin topicAdmin = new TopicAdmin(admin)) {
                        topicAdmin.ensureCompactedTopic(topic, partitions, replicationFactor, TOPIC_SETTING);
                    }
                })
                .build();
    }

    /** As the full constructor, with {@code clientConfigs} (bootstrap servers, security) used for all clients. */
    public KafkaStatusBackingStore(String topic, int partitions, short replicationFactor,
                                   Map<String, Object> clientConfigs, String clientId) {
        this(topic, partitions, replicationFactor, clientConfigs, clientConfigs, clientConfigs, clientId);
    }

    /** The status topic. */
    public String topic() {
        return topic;
    }

    /**
     * Creates the topic if needed (checking an existing one is compacted), then reads it to its end: once this
     * returns, every status in the topic is visible.
     */
    @Override
    public void start() {
        retryExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "status-store-retry-" + topic);
            thread.setDaemon(true);
            return thread;
        });
        try {
            statusLog.start();
        } catch (RuntimeException e) {
            retryExecutor.shutdownNow();
            throw e;
        }
        running = true;
    }

    /** Stops the clients after the writes in flight are done; retries still pending are dropped. */
    @Override
    public void stop() {
        running = false;
        try {
            statusLog.stop();
        } finally {
            ScheduledExecutorService executor = retryExecutor;
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    /**
     * Returns a future that completes once this store has read every status written before this call, by any
     * worker, so that the getters reflect them.
     */
    public CompletableFuture<Void> readToEnd() {
        return statusLog.readToEnd();
    }

    @Override
    public void put(ConnectorStatus status) {
        write(StatusCodec.connectorKey(status.id()), status, () -> cache.connector(status.id()), false);
    }

    @Override
    public void putSafe(ConnectorStatus status) {
        write(StatusCodec.connectorKey(status.id()), status, () -> cache.connector(status.id()), true);
    }

    @Override
    public void put(TaskStatus status) {
        write(StatusCodec.taskKey(status.id()), status, () -> cache.task(status.id()), false);
    }

    @Override
    public void putSafe(TaskStatus status) {
        write(StatusCodec.taskKey(status.id()), status, () -> cache.task(status.id()), true);
    }

    @Override
    public ConnectorStatus get(String connector) {
        return cache.connector(connector);
    }

    @Override
    public TaskStatus get(ConnectorTaskId id) {
        return cache.task(id);
    }

    @Override
    public Collection<TaskStatus> getAll(String connector) {
        return cache.tasks(connector);
    }

    @Override
    public Set<String> connectors() {
        return cache.connectors();
    }

    @Override
    public void putTopicState(String topic, String connector, int task, long discoverTimestamp) {
        String key = StatusCodec.topicKey(connector, topic);
        if (cache.topic(connector, topic) != null || !topicWritesInFlight.add(key)) {
            return;
        }
        byte[] value = StatusCodec.encodeTopic(new TopicStatus(topic, connector, task, discoverTimestamp));
        send(new StatusWrite(key, value, nextSequence(key), 0, () -> true, "active topic " + topic
                + " of connector " + connector, () -> topicWritesInFlight.remove(key)));
    }

    @Override
    public TopicStatus getTopic(String connector, String topic) {
        return cache.topic(connector, topic);
    }

    @Override
    public Collection<TopicStatus> getAllTopics(String connector) {
        return cache.topics(connector);
    }

    /** Writes a tombstone for the entry, also when this store has not seen it (another worker may have written it). */
    @Override
    public void deleteTopic(String connector, String topic) {
        String key = StatusCodec.topicKey(connector, topic);
        topicWritesInFlight.remove(key);
        send(new StatusWrite(key, null, nextSequence(key), 0, () -> true, "removal of active topic " + topic
                + " of connector " + connector, () -> { }));
    }

    /**
     * Blocks until every status sent so far is acknowledged or failed.
     *
     * @throws IllegalStateException if the store is not running
     */
    @Override
    public void flush() {
        statusLog.flush();
    }

    private void write(String key, AbstractStatus<?> status, CachedStatus current, boolean safe) {
        if (safe && !StatusCache.mayReplace(current.get(), status)) {
            log.debug("Not writing {}: the status topic holds a newer generation's status {}", status, current.get());
            return;
        }
        byte[] value = status.state() == State.DESTROYED ? null : StatusCodec.encodeStatus(status);
        // A retry must not overwrite a status another worker reported meanwhile under a newer generation.
        BooleanSupplier stillWanted = () -> StatusCache.mayReplace(current.get(), status);
        send(new StatusWrite(key, value, nextSequence(key), 0, stillWanted, status.toString(), () -> { }));
    }

    private long nextSequence(String key) {
        return writeSequences.merge(key, 1L, Long::sum);
    }

    private void send(StatusWrite write) {
        try {
            statusLog.send(write.key(), write.value(), (metadata, error) -> {
                if (error != null) {
                    onFailure(write, error);
                }
            });
        } catch (IllegalStateException e) {
            log.warn("Dropping the write of {} to status topic {}: {}", write.what(), topic, e.getMessage());
            write.onAbandon().run();
        } catch (RuntimeException e) {
            onFailure(write, e);
        }
    }

    /** Runs on the producer's I/O thread (or the caller's): hands the retry to the retry thread. */
    private void onFailure(StatusWrite write, Throwable error) {
        if (!(error instanceof RetriableException)) {
            log.warn("Could not write {} to status topic {} and giving up, the error is not retriable: {}",
                    write.what(), topic, error.toString());
            write.onAbandon().run();
            return;
        }
        long backoff = Math.min(MAX_RETRY_BACKOFF_MS, FIRST_RETRY_BACKOFF_MS << Math.min(write.attempt(), 16));
        log.warn("Could not write {} to status topic {} ({}); retrying in {} ms unless a newer status comes first",
                write.what(), topic, error.toString(), backoff);
        try {
            retryExecutor.schedule(() -> retry(write), backoff, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            write.onAbandon().run();
        }
    }

    private void retry(StatusWrite write) {
        if (!running) {
            write.onAbandon().run();
            return;
        }
        if (!Objects.equals(writeSequences.get(write.key()), write.sequence()) || !write.stillWanted().getAsBoolean()) {
            log.debug("Not retrying the write of {}: a newer status for key {} was written since", write.what(),
                    write.key());
            write.onAbandon().run();
            return;
        }
        send(write.nextAttempt());
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        StatusCodec.StatusKey key = StatusCodec.parseKey(record.key());
        if (key == null) {
            log.warn("Ignoring the record with unknown key '{}' at offset {} of partition {} of status topic {}",
                    record.key(), record.offset(), record.partition(), record.topic());
            return;
        }
        try {
            apply(key, record.value());
        } catch (SerializationException | IllegalArgumentException e) {
            log.warn("Ignoring the unreadable status record with key '{}' at offset {} of partition {} of status "
                    + "topic {}: {}", record.key(), record.offset(), record.partition(), record.topic(),
                    e.getMessage());
        }
    }

    private void apply(StatusCodec.StatusKey key, byte[] value) {
        if (key instanceof StatusCodec.ConnectorKey connectorKey) {
            String connector = connectorKey.connector();
            ConnectorStatus status = value == null ? null : StatusCodec.decodeConnectorStatus(connector, value);
            cache.applyConnector(connector, status);
        } else if (key instanceof StatusCodec.TaskKey taskKey) {
            ConnectorTaskId id = taskKey.id();
            TaskStatus status = value == null ? null : StatusCodec.decodeTaskStatus(id, value);
            cache.applyTask(id, status);
        } else if (key instanceof StatusCodec.TopicKey topicKey) {
            cache.applyTopic(topicKey.connector(), topicKey.topic(),
                    value == null ? null : StatusCodec.decodeTopic(topicKey, value));
            topicWritesInFlight.remove(StatusCodec.topicKey(topicKey.connector(), topicKey.topic()));
        }
    }

    @FunctionalInterface
    private interface CachedStatus {
        AbstractStatus<?> get();
    }

    /** One record to write, with what decides whether a failed attempt is worth another. */
    private record StatusWrite(String key, byte[] value, long sequence, int attempt, BooleanSupplier stillWanted,
                               String what, Runnable onAbandon) {
        StatusWrite nextAttempt() {
            return new StatusWrite(key, value, sequence, attempt + 1, stillWanted, what, onAbandon);
        }
    }
}
