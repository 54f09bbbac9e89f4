package io.aqueduct.connect.runtime.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a distributed worker cluster, stored in a compacted topic ({@code offset.storage.topic},
 * 25 partitions by default) that every worker reads in full. Record key and value are the {@link OffsetCodec}
 * bytes as given; a record goes to the partition its key hashes to with murmur2, as Apache Kafka Connect's
 * records do, so an existing offsets topic can be shared or adopted.
 *
 * <p>{@link #get} first reads the topic to its end, so it sees every write acknowledged before it was called, by
 * any worker. {@link #set} completes when the broker has acknowledged every record; its callback runs on the
 * producer's I/O thread.
 */
public final class KafkaOffsetBackingStore implements OffsetBackingStore {

    /** Default partition count of a new offsets topic (worker setting {@code offset.storage.partitions}). */
    public static final int DEFAULT_PARTITIONS = 25;
    static final String TOPIC_SETTING = "offset.storage.topic";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaOffsetBackingStore.class);

    private final OffsetMap offsets = new OffsetMap();
    private final KafkaBasedLog<byte[], byte[]> offsetLog;

    /**
     * @param topic             the offsets topic
     * @param partitions        partitions if the topic is created; -1 for the broker default
     * @param replicationFactor replication factor if the topic is created; -1 for the broker default
     * @param clientConfigs     settings shared by the producer, consumer and admin client (bootstrap servers,
     *                          security)
     * @param clientId          client id of the producer and consumer, e.g. {@code <group.id>-offsets}
     */
    public KafkaOffsetBackingStore(String topic, int partitions, short replicationFactor,
                                   Map<String, Object> clientConfigs, String clientId) {
        Map<String, Object> clients = new HashMap<>(clientConfigs);
        clients.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        Map<String, Object> adminConfigs = new HashMap<>(clientConfigs);
        adminConfigs.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-admin");
        this.offsetLog = KafkaBasedLog.<byte[], byte[]>builder(topic)
                .producerConfigs(clients)
                .consumerConfigs(clients)
                .serializers(new ByteArraySerializer(), new ByteArraySerializer())
                .deserializers(new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .onRecord(this::onRecord)
                .initializer(() -> {
                    try (TopicAdmin admin = new TopicAdmin(adminConfigs)) {
                        admin.ensureCompactedTopic(topic, partitions, replicationFactor, TOPIC_SETTING);
                    }
                })
                .build();
    }

    private void onRecord(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            // Apache Kafka Connect never writes keyless records here; someone else did.
            LOG.warn("Ignoring a record without key at offset {} of partition {} of the offsets topic {}",
                    record.offset(), record.partition(), record.topic());
            return;
        }
        offsets.apply(ByteBuffer.wrap(record.key()), record.value() == null ? null : ByteBuffer.wrap(record.value()));
    }

    /** Creates the topic if needed (checking an existing one is compacted) and reads it to its end. */
    @Override
    public void start() {
        offsetLog.start();
    }

    @Override
    public void stop() {
        offsetLog.stop();
    }

    /** The underlying log; the runtime's offset readers and tests use it to catch up. */
    public KafkaBasedLog<byte[], byte[]> log() {
        return offsetLog;
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        List<ByteBuffer> wanted = new ArrayList<>(keys);
        return offsetLog.readToEnd().thenApply(ignored -> offsets.get(wanted));
    }

    @Override
    public CompletableFuture<Map<Map<String, Object>, Map<String, Object>>> connectorOffsets(String connector) {
        return offsetLog.readToEnd().thenApply(ignored -> offsets.connectorOffsets(connector));
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, Callback<Void> callback) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (values.isEmpty()) {
            OffsetMap.notify(callback, null, null);
            done.complete(null);
            return done;
        }
        WriteTracker tracker = new WriteTracker(values.size(), done, callback);
        for (Map.Entry<ByteBuffer, ByteBuffer> entry : values.entrySet()) {
            try {
                offsetLog.send(OffsetMap.bytes(entry.getKey()), OffsetMap.bytes(entry.getValue()),
                        (metadata, error) -> tracker.completed(error));
            } catch (RuntimeException e) {
                tracker.completed(e);
            }
        }
        return done;
    }

    /** Completes the future and callback of one {@link #set} once every record in it was acknowledged or failed. */
    private static final class WriteTracker {
        private final CompletableFuture<Void> done;
        private final Callback<Void> callback;
        private int outstanding;
        private Throwable firstError;

        WriteTracker(int records, CompletableFuture<Void> done, Callback<Void> callback) {
            this.outstanding = records;
            this.done = done;
            this.callback = callback;
        }

        void completed(Throwable error) {
            Throwable failure;
            synchronized (this) {
                if (error != null && firstError == null) {
                    firstError = error;
                }
                if (--outstanding > 0) {
                    return;
                }
                failure = firstError;
            }
            if (failure == null) {
                OffsetMap.notify(callback, null, null);
                done.complete(null);
            } else {
                StorageException wrapped = new StorageException("Could not write source offsets to the offsets "
                        + "topic: " + failure.getMessage(), failure);
                OffsetMap.notify(callback, wrapped, null);
                done.completeExceptionally(wrapped);
            }
        }
    }
}
