package io.aqueduct.connect.runtime.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compacted topic used as a replicated log of key/value state: a producer appends records, and a consumer
 * assigned to every partition of the topic (no consumer group, nothing committed) replays the whole topic from
 * the beginning and then follows it, handing every record to a callback.
 *
 * <p>Threads: the callback runs on the log's own reader thread, one record at a time, in offset order per
 * partition. It must not block on {@link #readToEnd()} (that would wait for itself). An exception thrown by the
 * callback is logged with the record's position and the reader goes on with the next record.
 *
 * <p>Ordering: the producer keeps one request in flight and retries, so records one log instance sends to a
 * partition are stored, and read back, in the order they were sent.
 *
 * <p>{@link #send} and {@link #flush} may be called from any thread after {@link #start()}.
 *
 * @param <K> record key type
 * @param <V> record value type (null values are tombstones)
 */
public final class KafkaBasedLog<K, V> {

    private static final Logger log = LoggerFactory.getLogger(KafkaBasedLog.class);
    private static final Duration ERROR_BACKOFF = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> producerConfigs;
    private final Map<String, Object> consumerConfigs;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final Consumer<ConsumerRecord<K, V>> onRecord;
    private final Runnable initializer;
    private final Duration startTimeout;

    private final Object lock = new Object();
    private State state = State.NEW;
    private KafkaProducer<K, V> producer;
    private LogReader<K, V> reader;

    private enum State { NEW, STARTING, RUNNING, STOPPED }

    private KafkaBasedLog(Builder<K, V> builder) {
        this.topic = Objects.requireNonNull(builder.topic, "topic");
        this.producerConfigs = builder.producerConfigs == null ? null : producerDefaults(builder.producerConfigs);
        this.consumerConfigs = consumerDefaults(Objects.requireNonNull(builder.consumerConfigs, "consumerConfigs"));
        this.keySerializer = builder.keySerializer;
        this.valueSerializer = builder.valueSerializer;
        this.keyDeserializer = Objects.requireNonNull(builder.keyDeserializer, "keyDeserializer");
        this.valueDeserializer = Objects.requireNonNull(builder.valueDeserializer, "valueDeserializer");
        this.onRecord = Objects.requireNonNull(builder.onRecord, "onRecord");
        this.initializer = builder.initializer;
        this.startTimeout = builder.startTimeout;
        if (producerConfigs != null && (keySerializer == null || valueSerializer == null)) {
            throw new IllegalArgumentException("A log that writes to topic " + topic
                    + " needs a key and a value serializer");
        }
    }

    /** Starts describing a log on {@code topic}. */
    public static <K, V> Builder<K, V> builder(String topic) {
        return new Builder<>(topic);
    }

    /** The topic this log reads and writes. */
    public String topic() {
        return topic;
    }

    /**
     * Runs the initializer (typically: create the topic), starts the clients and the reader thread, and returns
     * once the reader has consumed everything that was in the topic when reading began: by then the callback
     * has seen every record.
     *
     * @throws KafkaException if the topic does not show up, the initial read fails or does not finish in time;
     *                        the log is stopped then
     */
    public void start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("The log on topic " + topic + " was already started once");
            }
            state = State.STARTING;
        }
        long startNanos = System.nanoTime();
        try {
            if (initializer != null) {
                initializer.run();
            }
            KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfigs, keyDeserializer, valueDeserializer);
            List<TopicPartition> partitions;
            try {
                partitions = awaitPartitions(consumer);
            } catch (RuntimeException e) {
                consumer.close(Duration.ZERO);
                throw e;
            }
            if (producerConfigs != null) {
                producer = new KafkaProducer<>(producerConfigs, keySerializer, valueSerializer);
            }
            LogReader<K, V> newReader = new LogReader<>(topic, consumer, partitions, onRecord, ERROR_BACKOFF);
            synchronized (lock) {
                reader = newReader;
            }
            newReader.start();
            awaitInitialRead(newReader.readToEnd());
            synchronized (lock) {
                if (state == State.STARTING) {
                    state = State.RUNNING;
                }
            }
            log.info("Log on topic {} ({} partitions) started after reading it to its end in {} ms", topic,
                    partitions.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void awaitInitialRead(CompletableFuture<Void> initialRead) {
        try {
            initialRead.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Could not read topic " + topic + " to its end while starting: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Reading topic " + topic + " to its end did not finish within "
                    + startTimeout.toSeconds() + " s while starting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while reading topic " + topic + " to its end", e);
        }
    }

    /** A just-created topic can take a moment to appear in the metadata the consumer gets. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<K, V> consumer) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>(infos.size());
                for (PartitionInfo info : infos) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
                return partitions;
            }
            if (System.nanoTime() >= deadline) {
                throw new KafkaException("Topic " + topic + " does not exist or has no partitions (waited "
                        + startTimeout.toSeconds() + " s); create it or let the worker create it");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while waiting for topic " + topic, e);
            }
        }
    }

    /** The partitions the reader is assigned, all of the topic's partitions; empty before {@link #start()}. */
    public Set<TopicPartition> partitions() {
        synchronized (lock) {
            return reader == null ? Set.of() : reader.partitions();
        }
    }

    /**
     * Returns a future that completes once the reader has handed every record up to the topic's end offsets,
     * as looked up after this call, to the callback. Writes acknowledged before this call are therefore seen,
     * whoever made them. Fails if the log is not running or stops before that point.
     */
    public CompletableFuture<Void> readToEnd() {
        LogReader<K, V> current;
        synchronized (lock) {
            current = state == State.STARTING || state == State.RUNNING ? reader : null;
        }
        if (current == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("The log on topic " + topic + " is not running"));
        }
        return current.readToEnd();
    }

    /** Appends a record; see {@link #send(Object, Object, Callback)}. */
    public Future<RecordMetadata> send(K key, V value) {
        return send(key, value, null);
    }

    /**
     * Appends a record to the partition its key hashes to (the producer's default partitioner).
     *
     * @param value    null writes a tombstone
     * @param callback may be null; runs on the producer's I/O thread once the write is acknowledged or failed,
     *                 so it must be quick
     * @throws IllegalStateException if the log is read-only or not running
     */
    public Future<RecordMetadata> send(K key, V value, Callback callback) {
        return producer().send(new ProducerRecord<>(topic, key, value), callback);
    }

    /** Blocks until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer().flush();
    }

    private KafkaProducer<K, V> producer() {
        synchronized (lock) {
            if (producerConfigs == null) {
                throw new IllegalStateException("The log on topic " + topic + " was built without producer "
                        + "configs and is read-only");
            }
            if (state != State.RUNNING || producer == null) {
                throw new IllegalStateException("The log on topic " + topic + " is " + state
                        + "; writes need a running log");
            }
            return producer;
        }
    }

    /**
     * Closes the producer (waiting for records in flight), then stops the reader thread and closes the consumer.
     * Pending {@link #readToEnd()} futures fail. Safe to call more than once and from any thread but the reader.
     */
    public void stop() {
        KafkaProducer<K, V> producerToClose;
        LogReader<K, V> readerToStop;
        synchronized (lock) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            producerToClose = producer;
            readerToStop = reader;
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        if (producerToClose != null) {
            try {
                producerToClose.close(STOP_TIMEOUT);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }
        if (readerToStop != null) {
            readerToStop.stop(STOP_TIMEOUT);
        }
        log.info("Log on topic {} stopped", topic);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static Map<String, Object> producerDefaults(Map<String, Object> configs) {
        Map<String, Object> props = new HashMap<>(configs);
        // Readers must see a writer's records in the order it wrote them: one request in flight, retried.
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.putIfAbsent(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return props;
    }

    private static Map<String, Object> consumerDefaults(Map<String, Object> configs) {
        Map<String, Object> props = new HashMap<>(configs);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Never let a lookup of our own topic create it with the broker's (non-compacted) defaults.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        props.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return props;
    }

    /** Describes a {@link KafkaBasedLog}. Consumer configs, deserializers and the record callback are required. */
    public static final class Builder<K, V> {
        private final String topic;
        private Map<String, Object> producerConfigs;
        private Map<String, Object> consumerConfigs;
        private Serializer<K> keySerializer;
        private Serializer<V> valueSerializer;
        private Deserializer<K> keyDeserializer;
        private Deserializer<V> valueDeserializer;
        private Consumer<ConsumerRecord<K, V>> onRecord;
        private Runnable initializer;
        private Duration startTimeout = Duration.ofMinutes(2);

        private Builder(String topic) {
            this.topic = topic;
        }

        /**
         * Producer settings (bootstrap servers, security, client id...). Without them the log is read-only.
         * Unless given, {@code acks=all}, {@code enable.idempotence=false}, one request in flight and unlimited
         * retries are used. Serializer class settings are ignored: pass instances to {@link #serializers}.
         */
        public Builder<K, V> producerConfigs(Map<String, ?> configs) {
            this.producerConfigs = new HashMap<>(configs);
            return this;
        }

        /**
         * Consumer settings (bootstrap servers, security, client id, isolation level...). {@code group.id} is
         * dropped and auto-commit and topic auto-creation are turned off: the log assigns itself all partitions.
         */
        public Builder<K, V> consumerConfigs(Map<String, ?> configs) {
            this.consumerConfigs = new HashMap<>(configs);
            return this;
        }

        public Builder<K, V> serializers(Serializer<K> keySerializer, Serializer<V> valueSerializer) {
            this.keySerializer = keySerializer;
            this.valueSerializer = valueSerializer;
            return this;
        }

        public Builder<K, V> deserializers(Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
            this.keyDeserializer = keyDeserializer;
            this.valueDeserializer = valueDeserializer;
            return this;
        }

        /** Called on the reader thread for every record read, tombstones included. */
        public Builder<K, V> onRecord(Consumer<ConsumerRecord<K, V>> onRecord) {
            this.onRecord = onRecord;
            return this;
        }

        /** Runs at the start of {@link KafkaBasedLog#start()}, on the caller's thread; e.g. creates the topic. */
        public Builder<K, V> initializer(Runnable initializer) {
            this.initializer = initializer;
            return this;
        }

        /** How long {@link KafkaBasedLog#start()} waits for the topic to appear and for the initial read. */
        public Builder<K, V> startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        public KafkaBasedLog<K, V> build() {
            return new KafkaBasedLog<>(this);
        }
    }
}
