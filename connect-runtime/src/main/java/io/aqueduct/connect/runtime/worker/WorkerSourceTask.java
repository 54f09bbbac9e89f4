package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.header.Header;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetCodec;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs a {@link SourceTask}: poll, transform, convert, produce; tracks acknowledgements and commits the
 * offsets of acknowledged records every {@code offset.flush.interval.ms} and at stop.
 */
final class WorkerSourceTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(WorkerSourceTask.class);

    /** Everything a source task needs that is created on its thread (plugin code may run while creating it). */
    record Resources(SourceTask task, TaskConverters converters, TransformationChain<SourceRecord> chain,
                     Producer<byte[], byte[]> producer, TopicCreation topicCreation) {
    }

    private final Map<String, String> taskProps;
    private final OffsetBackingStore offsetStore;
    private final OffsetStorageReaderImpl offsetReader;
    private final Supplier<Resources> resourceFactory;
    private final long commitIntervalMs;
    private final long flushTimeoutMs;
    private final SubmittedRecords submitted = new SubmittedRecords();
    private final AtomicBoolean taskStopCalled = new AtomicBoolean();

    private volatile SourceTask task;
    private volatile Throwable producerFailure;
    private TaskConverters converters;
    private TransformationChain<SourceRecord> chain;
    private Producer<byte[], byte[]> producer;
    private TopicCreation topicCreation;

    private List<SourceRecord> toSend;
    private int sendIndex;
    /** Offsets accepted for writing but not yet written successfully, by source partition. */
    private final Map<Map<String, ?>, Map<String, ?>> unwritten = new HashMap<>();
    private final Map<Map<String, ?>, Map<String, ?>> lastWritten = new HashMap<>();
    private Map<Map<String, ?>, Map<String, ?>> inFlight;
    private CompletableFuture<Void> inFlightWrite;

    WorkerSourceTask(ConnectorTaskId id, ClassLoader loader, TaskStatus.Listener listener, TargetState initialState,
                     Map<String, String> taskProps, OffsetBackingStore offsetStore, WorkerConfig workerConfig,
                     Supplier<Resources> resourceFactory) {
        super(id, loader, listener, initialState);
        this.taskProps = Map.copyOf(taskProps);
        this.offsetStore = offsetStore;
        this.offsetReader = new OffsetStorageReaderImpl(id.connector(), offsetStore);
        this.resourceFactory = resourceFactory;
        this.commitIntervalMs = workerConfig.getLong(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG);
        this.flushTimeoutMs = workerConfig.getLong(WorkerConfig.OFFSET_COMMIT_TIMEOUT_MS_CONFIG);
    }

    /** The usual resources: plugins from {@code plugins}, a real producer. */
    static Resources createResources(Plugins plugins, WorkerConfig worker, Class<? extends SourceTask> taskClass,
                                     ConnectorTaskId id, Map<String, String> connectorProps,
                                     TransformationChainFactory transforms, TopicCreation topicCreation) {
        SourceTask task = plugins.newInstance(taskClass);
        TaskConverters converters = TaskConverters.create(plugins, worker, connectorProps);
        TransformationChain<SourceRecord> chain;
        try {
            chain = transforms.build(plugins);
        } catch (RuntimeException e) {
            converters.close();
            throw e;
        }
        Producer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(ClientConfigs.producer(worker, id, connectorProps));
        } catch (RuntimeException e) {
            converters.close();
            chain.close();
            throw e;
        }
        return new Resources(task, converters, chain, producer, topicCreation);
    }

    @Override
    String version() {
        SourceTask current = task;
        return current == null ? null : current.version();
    }

    @Override
    protected void initializeAndStart() {
        Resources resources = resourceFactory.get();
        task = resources.task();
        converters = resources.converters();
        chain = resources.chain();
        producer = resources.producer();
        topicCreation = resources.topicCreation();
        task.initialize(new WorkerSourceTaskContext(taskProps, offsetReader));
        task.start(taskProps);
        log.info("{}Source task {} started", LoggingContext.taskPrefix(id), id);
    }

    @Override
    protected void execute() throws InterruptedException {
        long nextCommit = System.currentTimeMillis() + commitIntervalMs;
        while (!isStopping()) {
            throwIfProducerFailed();
            if (checkPaused()) {
                awaitUnpause(Math.max(1, nextCommit - System.currentTimeMillis()));
            } else {
                if (toSend == null) {
                    toSend = poll();
                    sendIndex = 0;
                }
                if (toSend != null) {
                    sendRecords();
                }
            }
            long now = System.currentTimeMillis();
            if (now >= nextCommit) {
                commitOffsets(false);
                nextCommit = now + commitIntervalMs;
            }
        }
    }

    private List<SourceRecord> poll() {
        try {
            List<SourceRecord> records = task.poll();
            return records == null || records.isEmpty() ? null : records;
        } catch (InterruptedException e) {
            // Treated like an empty poll: the loop checks for stop requests next.
            return null;
        } catch (io.aqueduct.connect.errors.RetriableException e) {
            log.warn("{}poll() threw a retriable exception; polling again: {}", LoggingContext.taskPrefix(id), e.toString());
            return null;
        }
    }

    private void sendRecords() {
        List<SourceRecord> batch = toSend;
        for (; sendIndex < batch.size(); sendIndex++) {
            throwIfProducerFailed();
            SourceRecord original = batch.get(sendIndex);
            SourceRecord transformed = chain.apply(original);
            if (transformed == null) {
                SubmittedRecords.SubmittedRecord dropped = submitted.submit(original.sourcePartition(), original.sourceOffset());
                commitRecord(original, null);
                dropped.ack();
                continue;
            }
            ProducerRecord<byte[], byte[]> record = convert(transformed);
            if (topicCreation != null) {
                topicCreation.ensureTopic(record.topic());
            }
            SubmittedRecords.SubmittedRecord handle = submitted.submit(original.sourcePartition(), original.sourceOffset());
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    if (producerFailure == null) {
                        producerFailure = error;
                    }
                    return;
                }
                // commitRecord first: a task sees its record acknowledged before its offset can be committed.
                commitRecord(original, metadata);
                handle.ack();
            });
        }
        toSend = null;
        sendIndex = 0;
    }

    private ProducerRecord<byte[], byte[]> convert(SourceRecord record) {
        String topic = Objects.requireNonNull(record.topic(), "a source record has no topic");
        byte[] key = converters.key().fromConnectData(topic, record.headers(), record.keySchema(), record.key());
        byte[] value = converters.value().fromConnectData(topic, record.headers(), record.valueSchema(), record.value());
        RecordHeaders headers = null;
        if (!record.headers().isEmpty()) {
            headers = new RecordHeaders();
            for (Header header : record.headers()) {
                headers.add(header.key(),
                        converters.header().fromConnectHeader(topic, header.key(), header.schema(), header.value()));
            }
        }
        return new ProducerRecord<>(topic, record.kafkaPartition(), record.timestamp(), key, value, headers);
    }

    /** May run on the producer's callback thread. */
    private void commitRecord(SourceRecord record, RecordMetadata metadata) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            task.commitRecord(record, metadata);
        } catch (Throwable t) {
            log.error("{}commitRecord() failed; going on", LoggingContext.taskPrefix(id), t);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private void throwIfProducerFailed() {
        Throwable failure = producerFailure;
        if (failure != null) {
            throw new ConnectException("Task " + id + " could not send a record to Kafka: " + failure, failure);
        }
    }

    /**
     * Writes the offsets of newly acknowledged records. At most one write is in flight; a periodic commit
     * that finds one still running leaves its offsets for the next one.
     */
    private void commitOffsets(boolean finalCommit) {
        if (inFlightWrite != null) {
            if (!inFlightWrite.isDone()) {
                if (!finalCommit) {
                    return;
                }
                awaitQuietly(inFlightWrite);
            }
            completeInFlight();
        }
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : submitted.committableOffsets().entrySet()) {
            unwritten.put(entry.getKey(), entry.getValue());
        }
        Map<ByteBuffer, ByteBuffer> writes = new HashMap<>();
        Map<Map<String, ?>, Map<String, ?>> batch = new HashMap<>();
        unwritten.forEach((partition, offset) -> {
            if (!offset.equals(lastWritten.get(partition))) {
                batch.put(partition, offset);
                writes.put(ByteBuffer.wrap(OffsetCodec.serializeKey(id.connector(), partition)),
                        ByteBuffer.wrap(OffsetCodec.serializeOffset(offset)));
            }
        });
        unwritten.clear();
        if (writes.isEmpty()) {
            return;
        }
        inFlight = batch;
        try {
            inFlightWrite = offsetStore.set(writes, null);
        } catch (RuntimeException e) {
            inFlightWrite = CompletableFuture.failedFuture(e);
        }
        inFlightWrite.whenComplete((ignored, error) -> {
            if (error == null) {
                notifyCommit();
            }
        });
        if (finalCommit) {
            awaitQuietly(inFlightWrite);
            completeInFlight();
        }
    }

    private void completeInFlight() {
        CompletableFuture<Void> write = inFlightWrite;
        if (write == null || !write.isDone()) {
            return;
        }
        if (write.isCompletedExceptionally()) {
            // Keep the failed offsets unless newer ones arrived meanwhile; they are written next time.
            inFlight.forEach(unwritten::putIfAbsent);
            Throwable cause = write.handle((v, e) -> e).join();
            log.error("{}Could not commit source offsets; will retry at the next commit: {}",
                    LoggingContext.taskPrefix(id), String.valueOf(cause));
        } else {
            lastWritten.putAll(inFlight);
            log.debug("{}Committed offsets of {} source partition(s)", LoggingContext.taskPrefix(id), inFlight.size());
        }
        inFlight = null;
        inFlightWrite = null;
    }

    private void awaitQuietly(CompletableFuture<Void> write) {
        try {
            write.get(flushTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // reported by completeInFlight
        }
    }

    private void notifyCommit() {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try (LoggingContext context = LoggingContext.forTask(id)) {
            task.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("{}commit() failed; going on", LoggingContext.taskPrefix(id), t);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    @Override
    protected void onStopRequested() {
        stopTaskPlugin();
    }

    private void stopTaskPlugin() {
        SourceTask current = task;
        if (current == null || !taskStopCalled.compareAndSet(false, true)) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (LoggingContext context = LoggingContext.forTask(id)) {
            current.stop();
        } catch (Throwable t) {
            log.error("{}stop() of source task {} failed", LoggingContext.taskPrefix(id), id, t);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected void close(boolean failed) {
        if (task != null) {
            stopTaskPlugin();
        }
        if (producer != null && !isCancelled()) {
            if (!failed || producerFailure == null) {
                if (!submitted.awaitAllAcknowledged(flushTimeoutMs)) {
                    log.warn("{}{} record(s) were not acknowledged within {} ms; their offsets are not committed",
                            LoggingContext.taskPrefix(id), submitted.unacknowledged(), flushTimeoutMs);
                }
            }
            commitOffsets(true);
        }
        if (producer != null) {
            try {
                producer.close(isCancelled() || failed ? Duration.ZERO : Duration.ofMillis(flushTimeoutMs));
            } catch (RuntimeException e) {
                log.warn("{}Failed to close the producer", LoggingContext.taskPrefix(id), e);
            }
        }
        if (topicCreation != null) {
            topicCreation.close();
        }
        if (chain != null) {
            chain.close();
        }
        if (converters != null) {
            converters.close();
        }
    }
}
