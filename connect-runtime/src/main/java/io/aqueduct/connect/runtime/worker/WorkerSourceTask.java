package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig.ToleranceType;
import io.aqueduct.connect.runtime.config.SourceConnectorConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.errors.ErrorHandling;
import io.aqueduct.connect.runtime.errors.ProcessingContext;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.Stage;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetCodec;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a {@link SourceTask}: poll, transform, convert, produce; tracks acknowledgements and commits the
 * offsets of acknowledged records every {@code offset.flush.interval.ms} and at stop.
 *
 * <p>Transformations and conversions run through the task's {@link RetryWithToleranceOperator}; a
 * record skipped by it counts like a record a transformation dropped. A record the producer finally
 * fails to send fails the task with {@code errors.tolerance=none}; with {@code all} it is reported,
 * acknowledged as done ({@code commitRecord(record, null)}) and the task goes on.
 */
final class WorkerSourceTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(WorkerSourceTask.class);

    /** Everything a source task needs that is created on its thread (plugin code may run while creating it). */
    record Resources(SourceTask task, TaskConverters converters, TransformationChain<SourceRecord> chain,
                     Producer<byte[], byte[]> producer, TopicCreation topicCreation,
                     RetryWithToleranceOperator operator) {
    }

    /** How long to wait before sending again after the producer refused a send with a retriable error. */
    static final long SEND_RETRY_BACKOFF_MS = 100;

    /**
     * How many records a task may have sent but not yet acknowledged. The producer's own bound is bytes
     * ({@code buffer.memory}); with small records that allows hundreds of thousands of records in flight,
     * each holding callbacks and offsets that garbage collections must copy, while only a few batches per
     * partition are on the wire at a time. This bound keeps the wire busy and the live set small.
     */
    static final long MAX_UNACKNOWLEDGED_RECORDS = 65_536;

    private final Map<String, String> taskProps;
    private final OffsetBackingStore offsetStore;
    private final OffsetStorageReaderImpl offsetReader;
    private final Supplier<Resources> resourceFactory;
    private final long commitIntervalMs;
    private final long flushTimeoutMs;
    private final SubmittedRecords submitted = new SubmittedRecords();
    private final AtomicBoolean taskStopCalled = new AtomicBoolean();
    /** Bound once: a method reference in the per-record loop would be a new object per record. */
    private final BooleanSupplier stopWaitingForAcks = () -> isStopping() || this.producerFailure != null;

    private volatile SourceTask task;
    private volatile Throwable producerFailure;
    private TaskConverters converters;
    private TransformationChain<SourceRecord> chain;
    private volatile RetryWithToleranceOperator operator;
    private SourceRecordPipeline pipeline;
    private Producer<byte[], byte[]> producer;
    private TopicCreation topicCreation;
    /** Read by the producer's I/O thread; written before the first send, which publishes it. */
    private boolean taskCommitsRecords;
    private boolean keepSentRecords;

    private List<SourceRecord> toSend;
    private int sendIndex;
    /** Offsets accepted for writing but not yet written successfully, by source partition. */
    private final Map<Map<String, ?>, Map<String, ?>> unwritten = new HashMap<>();
    private final Map<Map<String, ?>, Map<String, ?>> lastWritten = new HashMap<>();
    private Map<Map<String, ?>, Map<String, ?>> inFlight;
    private CompletableFuture<Void> inFlightWrite;

    WorkerSourceTask(ConnectorTaskId id, ClassLoader loader, TaskStatus.Listener listener, TargetState initialState,
                     Map<String, String> taskProps, OffsetBackingStore offsetStore, WorkerConfig workerConfig,
                     ActiveTopicTracker activeTopics, Supplier<Resources> resourceFactory) {
        super(id, loader, listener, initialState, activeTopics);
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
        RetryWithToleranceOperator operator = ErrorHandling.forSourceTask(id, new SourceConnectorConfig(connectorProps));
        TaskConverters converters = null;
        TransformationChain<SourceRecord> chain = null;
        try {
            SourceTask task = plugins.newInstance(taskClass);
            converters = TaskConverters.create(plugins, worker, connectorProps);
            chain = transforms.build(plugins, operator);
            Producer<byte[], byte[]> producer = new KafkaProducer<>(ClientConfigs.producer(worker, id, connectorProps));
            return new Resources(task, converters, chain, producer, topicCreation, operator);
        } catch (RuntimeException e) {
            if (chain != null) {
                chain.close();
            }
            if (converters != null) {
                converters.close();
            }
            operator.close();
            if (topicCreation != null) {
                topicCreation.close();
            }
            throw e;
        }
    }

    @Override
    String pluginVersion() {
        SourceTask current = task;
        return current == null ? null : current.version();
    }

    @Override
    protected void initializeAndStart() {
        Resources resources = resourceFactory.get();
        operator = resources.operator();
        useErrorHandler(operator);
        task = resources.task();
        converters = resources.converters();
        chain = resources.chain();
        pipeline = new SourceRecordPipeline(converters, chain, operator);
        producer = resources.producer();
        topicCreation = resources.topicCreation();
        taskCommitsRecords = overridesCommitRecord(task.getClass());
        keepSentRecords = taskCommitsRecords || operator.toleranceType() != ToleranceType.NONE;
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

    private void sendRecords() throws InterruptedException {
        List<SourceRecord> batch = toSend;
        for (; sendIndex < batch.size(); sendIndex++) {
            throwIfProducerFailed();
            if (!submitted.awaitCapacity(MAX_UNACKNOWLEDGED_RECORDS, stopWaitingForAcks)) {
                throwIfProducerFailed();
                return; // stopping: the loop ends; unsent records are not committed
            }
            SourceRecord original = batch.get(sendIndex);
            ProducerRecord<byte[], byte[]> record = pipeline.process(original);
            if (record == null) {
                // Dropped by a transformation, or skipped after a tolerated failure: done with at once.
                SubmittedRecords.SubmittedRecord dropped = submitted.submit(original.sourcePartition(), original.sourceOffset());
                if (taskCommitsRecords) {
                    commitRecord(original, null);
                }
                dropped.ack();
                continue;
            }
            if (topicCreation != null) {
                topicCreation.ensureTopic(record.topic());
            }
            if (!send(original, record)) {
                // The producer refused for now: send this record again, freshly transformed, after a pause.
                awaitStopRequest(SEND_RETRY_BACKOFF_MS);
                return;
            }
        }
        toSend = null;
        sendIndex = 0;
    }

    /** @return false when the producer refused the record with a retriable error; it is to be sent again */
    private boolean send(SourceRecord original, ProducerRecord<byte[], byte[]> record) {
        SubmittedRecords.SubmittedRecord handle = submitted.submit(original.sourcePartition(), original.sourceOffset());
        try {
            producer.send(record, new SendCallback(keepSentRecords ? original : null, handle));
            return true;
        } catch (RetriableException e) {
            submitted.retract(original.sourcePartition(), handle);
            log.warn("{}The producer refused a record for {} for now; sending it again in {} ms: {}",
                    LoggingContext.taskPrefix(id), record.topic(), SEND_RETRY_BACKOFF_MS, e.toString());
            return false;
        } catch (KafkaException e) {
            sendFailed(original, handle, e);
            throwIfProducerFailed();
            return true;
        }
    }

    /**
     * Acknowledges one sent record; runs on the producer's I/O thread. Holds the polled record only when the
     * task or the error handling needs it afterwards: a send that is in flight for long keeps whatever its
     * callback holds alive, and with a full producer buffer that is hundreds of thousands of records.
     */
    private final class SendCallback implements Callback {
        private final SourceRecord original;
        private final SubmittedRecords.SubmittedRecord handle;

        SendCallback(SourceRecord original, SubmittedRecords.SubmittedRecord handle) {
            this.original = original;
            this.handle = handle;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error != null) {
                sendFailed(original, handle, error);
                return;
            }
            recordActiveTopic(metadata.topic());
            // commitRecord first: a task sees its record acknowledged before its offset can be committed.
            if (taskCommitsRecords) {
                commitRecord(original, metadata);
            }
            handle.ack();
        }
    }

    /** Whether {@code taskClass} replaces {@link SourceTask#commitRecord}, whose default does nothing. */
    static boolean overridesCommitRecord(Class<? extends SourceTask> taskClass) {
        try {
            return taskClass.getMethod("commitRecord", SourceRecord.class, RecordMetadata.class).getDeclaringClass()
                    != SourceTask.class;
        } catch (NoSuchMethodException e) {
            return true; // cannot happen for a SourceTask; calling it is the safe side
        }
    }

    /**
     * A record that could not be sent, for good. {@code original} is null when neither the task's
     * {@code commitRecord} nor a tolerated failure needs it. May run on the producer's callback thread: the operator's
     * {@code tolerateFailure} never throws.
     */
    private void sendFailed(SourceRecord original, SubmittedRecords.SubmittedRecord handle, Exception error) {
        if (operator.tolerateFailure(new ProcessingContext<>(original), Stage.KAFKA_PRODUCE, WorkerSourceTask.class,
                error)) {
            log.warn("{}Skipping a record that could not be sent to Kafka (errors.tolerance=all): source partition {},"
                    + " offset {}: {}", LoggingContext.taskPrefix(id), original.sourcePartition(), original.sourceOffset(),
                    error.toString());
            if (taskCommitsRecords) {
                commitRecord(original, null);
            }
            handle.ack();
        } else if (producerFailure == null) {
            producerFailure = error;
        }
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
        try {
            closeResources(failed);
        } finally {
            RetryWithToleranceOperator current = operator;
            if (current != null) {
                current.close();
            }
        }
    }

    private void closeResources(boolean failed) {
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
                // With every record acknowledged there is nothing to flush: don't wait for the producer's own
                // housekeeping (e.g. a pending producer id request to an unreachable cluster).
                boolean nothingToFlush = submitted.unacknowledged() == 0;
                producer.close(isCancelled() || failed || nothingToFlush ? Duration.ZERO : Duration.ofMillis(flushTimeoutMs));
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
