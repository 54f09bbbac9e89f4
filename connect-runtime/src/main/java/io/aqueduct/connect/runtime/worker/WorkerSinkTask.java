package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.IllegalWorkerStateException;
import io.aqueduct.connect.errors.RetriableException;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.WorkerErrantRecordReporter;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.sink.ErrantRecordReporter;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import io.aqueduct.connect.sink.SinkTaskContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a {@link SinkTask}: consume, convert, transform, {@code put}; commits the consumer offsets that
 * {@link SinkTask#preCommit} returns, every {@code offset.flush.interval.ms}, on request, at revocation
 * and at stop. Everything but {@link #onStopRequested()} and {@link #onTargetStateChanged()} runs on
 * the task thread, including the rebalance callbacks (they run inside {@code poll}).
 *
 * <p>Conversions and transformations run through the task's {@link RetryWithToleranceOperator}; a record
 * it skips is not delivered, but its offset becomes committable with the rest of its batch. Before any
 * offset commit, the loop waits until every record skipped or reported (errant record reporter) on the
 * committed partitions is stored in the dead letter queue; if one could not be stored, the task fails
 * and nothing is committed.
 */
final class WorkerSinkTask extends WorkerTask {

    private static final Logger log = LoggerFactory.getLogger(WorkerSinkTask.class);
    private static final Duration CONSUMER_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** Everything a sink task needs that is created on its thread. */
    record Resources(SinkTask task, TaskConverters converters, TransformationChain<SinkRecord> chain,
                     Consumer<byte[], byte[]> consumer, RetryWithToleranceOperator operator,
                     WorkerErrantRecordReporter errantRecordReporter) {
    }

    private final Map<String, String> taskProps;
    private final Map<String, String> connectorProps;
    private final Supplier<Resources> resourceFactory;
    private final long commitIntervalMs;
    private final Context context = new Context();

    private volatile SinkTask task;
    private volatile Consumer<byte[], byte[]> consumer;
    private TaskConverters converters;
    private TransformationChain<SinkRecord> chain;
    private volatile RetryWithToleranceOperator operator;
    private volatile WorkerErrantRecordReporter errantRecordReporter;
    private SinkRecordPipeline pipeline;
    private boolean started;
    private boolean closedAll;

    private final Map<TopicPartition, OffsetAndMetadata> currentOffsets = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> lastCommitted = new HashMap<>();
    private final Set<TopicPartition> pausedByTask = new HashSet<>();
    private final Map<TopicPartition, Long> pendingSeeks = new HashMap<>();
    private final List<SinkRecord> batch = new ArrayList<>();
    private final Map<TopicPartition, Long> batchEnds = new HashMap<>();
    private boolean retryPending;
    private long retryAt;
    private long retryBackoffMs;
    private boolean allPaused;
    private volatile boolean commitRequested;

    WorkerSinkTask(ConnectorTaskId id, ClassLoader loader, TaskStatus.Listener listener, TargetState initialState,
                   Map<String, String> taskProps, Map<String, String> connectorProps, WorkerConfig workerConfig,
                   Supplier<Resources> resourceFactory) {
        super(id, loader, listener, initialState);
        this.taskProps = Map.copyOf(taskProps);
        this.connectorProps = connectorProps;
        this.resourceFactory = resourceFactory;
        this.commitIntervalMs = workerConfig.getLong(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG);
    }

    @Override
    String pluginVersion() {
        SinkTask current = task;
        return current == null ? null : current.version();
    }

    @Override
    protected void initializeAndStart() {
        Resources resources = resourceFactory.get();
        operator = resources.operator();
        useErrorHandler(operator);
        errantRecordReporter = resources.errantRecordReporter();
        task = resources.task();
        converters = resources.converters();
        chain = resources.chain();
        pipeline = new SinkRecordPipeline(converters, chain, operator);
        consumer = resources.consumer();
        task.initialize(context);
        task.start(taskProps);
        started = true;
        subscribe();
        log.info("{}Sink task {} started", LoggingContext.taskPrefix(id), id);
    }

    private void subscribe() {
        String topics = connectorProps.getOrDefault(SinkConnectorConfig.TOPICS_CONFIG, "").trim();
        Listener listener = new Listener();
        if (!topics.isEmpty()) {
            List<String> list = new ArrayList<>();
            for (String topic : topics.split(",")) {
                if (!topic.isBlank()) {
                    list.add(topic.trim());
                }
            }
            consumer.subscribe(list, listener);
        } else {
            consumer.subscribe(Pattern.compile(connectorProps.get(SinkConnectorConfig.TOPICS_REGEX_CONFIG).trim()), listener);
        }
    }

    @Override
    protected void execute() {
        long nextCommit = System.currentTimeMillis() + commitIntervalMs;
        while (!isStopping()) {
            try {
                boolean paused = checkPaused();
                long now = System.currentTimeMillis();
                if (now >= nextCommit || commitRequested) {
                    commitRequested = false;
                    commitOffsets(false, null);
                    nextCommit = now + commitIntervalMs;
                }
                applyPendingSeeks();
                if (retryPending && !paused && now >= retryAt) {
                    deliver();
                }
                updatePause(paused || retryPending);
                long timeout = Math.max(0, nextCommit - now);
                if (retryPending) {
                    timeout = Math.min(timeout, Math.max(0, retryAt - now));
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(timeout));
                if (!records.isEmpty()) {
                    convert(records);
                    deliver();
                } else if (!paused && !retryPending) {
                    deliver(); // an empty put lets the task do periodic work
                }
            } catch (WakeupException e) {
                // stop request or target state change; the loop looks at both
            }
        }
    }

    private void convert(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> consumed : records) {
            SinkRecord record = pipeline.process(consumed);
            if (record != null) {
                batch.add(record);
            }
        }
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> ofPartition = records.records(partition);
            batchEnds.put(partition, ofPartition.get(ofPartition.size() - 1).offset() + 1);
        }
    }

    /** Hands the batch to the task; on success the consumed positions become committable. */
    private void deliver() {
        try {
            task.put(Collections.unmodifiableList(batch));
        } catch (RetriableException e) {
            retryPending = true;
            retryAt = System.currentTimeMillis() + retryBackoffMs;
            log.warn("{}put() of {} record(s) threw a retriable exception; redelivering them in {} ms: {}",
                    LoggingContext.taskPrefix(id), batch.size(), retryBackoffMs, e.toString());
            return;
        }
        batchEnds.forEach((partition, end) -> {
            if (currentOffsets.containsKey(partition)) {
                currentOffsets.put(partition, new OffsetAndMetadata(end));
            }
        });
        batch.clear();
        batchEnds.clear();
        retryPending = false;
    }

    private void updatePause(boolean pauseAll) {
        if (pauseAll == allPaused) {
            return;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        if (pauseAll) {
            consumer.pause(assigned);
        } else {
            List<TopicPartition> resumed = new ArrayList<>(assigned);
            resumed.removeAll(pausedByTask);
            consumer.resume(resumed);
        }
        allPaused = pauseAll;
    }

    private void applyPendingSeeks() {
        if (pendingSeeks.isEmpty()) {
            return;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        pendingSeeks.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                log.debug("{}Seeking {} to offset {} as the task asked", LoggingContext.taskPrefix(id), partition, offset);
                consumer.seek(partition, offset);
                OffsetAndMetadata position = new OffsetAndMetadata(offset);
                currentOffsets.put(partition, position);
                lastCommitted.put(partition, position);
                dropFromBatch(Set.of(partition));
            }
        });
        pendingSeeks.clear();
    }

    private void dropFromBatch(Collection<TopicPartition> partitions) {
        if (batch.isEmpty() && batchEnds.isEmpty()) {
            return;
        }
        Iterator<SinkRecord> records = batch.iterator();
        while (records.hasNext()) {
            SinkRecord record = records.next();
            if (partitions.contains(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()))) {
                records.remove();
            }
        }
        batchEnds.keySet().removeAll(partitions);
        if (batchEnds.isEmpty()) {
            batch.clear();
            retryPending = false;
        }
    }

    /**
     * Asks the task which offsets to commit and commits them.
     *
     * @param only the partitions to commit; null for all assigned ones
     */
    private void commitOffsets(boolean sync, Collection<TopicPartition> only) {
        Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
        currentOffsets.forEach((partition, offset) -> {
            if (only == null || only.contains(partition)) {
                current.put(partition, offset);
            }
        });
        if (current.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> returned;
        try {
            returned = task.preCommit(current);
        } catch (RuntimeException e) {
            log.error("{}preCommit() failed; rewinding to the last committed offsets so that the records are"
                    + " delivered again", LoggingContext.taskPrefix(id), e);
            rewindToLastCommitted(current.keySet());
            return;
        }
        if (returned == null || returned.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
        returned.forEach((partition, offset) -> {
            if (offset != null && currentOffsets.containsKey(partition) && (only == null || only.contains(partition))
                    && !offset.equals(lastCommitted.get(partition))) {
                toCommit.put(partition, offset);
            }
        });
        if (toCommit.isEmpty()) {
            return;
        }
        awaitDeadLetters(toCommit.keySet());
        if (sync) {
            commitSync(toCommit);
        } else {
            consumer.commitAsync(toCommit, (offsets, error) -> {
                if (error != null) {
                    log.warn("{}Offset commit failed; the next commit retries: {}", LoggingContext.taskPrefix(id),
                            error.toString());
                } else {
                    offsets.forEach((partition, offset) -> {
                        if (currentOffsets.containsKey(partition)) {
                            lastCommitted.put(partition, offset);
                        }
                    });
                }
            });
        }
    }

    /**
     * Waits until the failed and reported records of {@code partitions} are in the dead letter queue.
     *
     * @throws io.aqueduct.connect.errors.ConnectException if one could not be written: the offsets must not
     *                                                     be committed, the task fails
     */
    private void awaitDeadLetters(Collection<TopicPartition> partitions) {
        operator.awaitReports(partitions);
        WorkerErrantRecordReporter reporter = errantRecordReporter;
        if (reporter != null) {
            reporter.awaitFutures(partitions);
        }
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                consumer.commitSync(offsets);
                lastCommitted.putAll(offsets);
                return;
            } catch (WakeupException e) {
                // a stop request raced with the commit; the request is seen by the loop anyway
            } catch (KafkaException e) {
                log.warn("{}Offset commit failed; records after the last committed offsets will be delivered"
                        + " again: {}", LoggingContext.taskPrefix(id), e.toString());
                return;
            }
        }
    }

    private void rewindToLastCommitted(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata committed = lastCommitted.get(partition);
            if (committed != null) {
                consumer.seek(partition, committed.offset());
                currentOffsets.put(partition, committed);
            }
        }
        dropFromBatch(partitions);
    }

    private long positionOf(TopicPartition partition) {
        for (int attempt = 0; ; attempt++) {
            try {
                return consumer.position(partition);
            } catch (WakeupException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** Rebalance callbacks; they run inside {@code consumer.poll} on the task thread. */
    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (closedAll || partitions.isEmpty()) {
                return;
            }
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata position = new OffsetAndMetadata(positionOf(partition));
                currentOffsets.put(partition, position);
                lastCommitted.put(partition, position);
            }
            log.info("{}Assigned partitions {}", LoggingContext.taskPrefix(id), partitions);
            task.open(partitions);
            applyPendingSeeks();
            if (allPaused) {
                consumer.pause(partitions);
            } else {
                List<TopicPartition> paused = new ArrayList<>(partitions);
                paused.retainAll(pausedByTask);
                consumer.pause(paused);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (closedAll || partitions.isEmpty()) {
                return;
            }
            log.info("{}Partitions revoked: {}", LoggingContext.taskPrefix(id), partitions);
            closePartitions(partitions, true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (closedAll || partitions.isEmpty()) {
                return;
            }
            log.warn("{}Partitions lost without a clean revocation: {}", LoggingContext.taskPrefix(id), partitions);
            closePartitions(partitions, false);
        }
    }

    private void closePartitions(Collection<TopicPartition> partitions, boolean commit) {
        dropFromBatch(partitions);
        if (commit) {
            commitOffsets(true, partitions);
        } else {
            // Another task owns these partitions now and will consume the failed records again.
            operator.forgetReports(partitions);
            WorkerErrantRecordReporter reporter = errantRecordReporter;
            if (reporter != null) {
                reporter.cancelFutures(partitions);
            }
        }
        task.close(partitions);
        currentOffsets.keySet().removeAll(partitions);
        lastCommitted.keySet().removeAll(partitions);
    }

    @Override
    protected void onStopRequested() {
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    protected void onTargetStateChanged() {
        onStopRequested();
    }

    @Override
    protected void close(boolean failed) {
        RuntimeException commitFailure = null;
        if (consumer != null && started && !isCancelled()) {
            Set<TopicPartition> assigned = new HashSet<>(currentOffsets.keySet());
            try {
                if (!failed) {
                    commitOffsets(true, assigned);
                }
            } catch (RuntimeException e) {
                commitFailure = e;
            }
            try {
                task.close(assigned);
            } catch (RuntimeException e) {
                log.error("{}Failed to close the partitions at stop", LoggingContext.taskPrefix(id), e);
            }
        }
        try {
            closeResources();
        } finally {
            RetryWithToleranceOperator current = operator;
            if (current != null) {
                current.close();
            }
        }
        if (commitFailure != null) {
            throw commitFailure;
        }
    }

    private void closeResources() {
        closedAll = true;
        if (task != null && started) {
            try {
                task.stop();
            } catch (RuntimeException e) {
                log.error("{}stop() of sink task {} failed", LoggingContext.taskPrefix(id), id, e);
            }
        }
        if (consumer != null) {
            try {
                consumer.close(isCancelled() ? Duration.ZERO : CONSUMER_CLOSE_TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("{}Failed to close the consumer", LoggingContext.taskPrefix(id), e);
            }
        }
        if (chain != null) {
            chain.close();
        }
        if (converters != null) {
            converters.close();
        }
    }

    /** The task's handle on the consumer; called from the task thread (within the task's own methods). */
    private final class Context implements SinkTaskContext {

        @Override
        public Map<String, String> configs() {
            return taskProps;
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            pendingSeeks.putAll(offsets);
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
            pendingSeeks.put(tp, offset);
        }

        @Override
        public void timeout(long timeoutMs) {
            retryBackoffMs = Math.max(0, timeoutMs);
        }

        @Override
        public Set<TopicPartition> assignment() {
            Consumer<byte[], byte[]> current = consumer;
            return current == null ? Set.of() : Collections.unmodifiableSet(current.assignment());
        }

        @Override
        public void pause(TopicPartition... partitions) {
            Set<TopicPartition> assigned = consumer.assignment();
            for (TopicPartition partition : partitions) {
                requireAssigned(assigned, partition, "pause");
            }
            Collections.addAll(pausedByTask, partitions);
            consumer.pause(List.of(partitions));
        }

        @Override
        public void resume(TopicPartition... partitions) {
            Set<TopicPartition> assigned = consumer.assignment();
            for (TopicPartition partition : partitions) {
                requireAssigned(assigned, partition, "resume");
            }
            List.of(partitions).forEach(pausedByTask::remove);
            if (!allPaused) {
                consumer.resume(List.of(partitions));
            }
        }

        private void requireAssigned(Set<TopicPartition> assigned, TopicPartition partition, String action) {
            if (!assigned.contains(partition)) {
                throw new IllegalWorkerStateException("Cannot " + action + " partition " + partition
                        + ": it is not assigned to task " + id + " (assigned: " + assigned + ")");
            }
        }

        @Override
        public void requestCommit() {
            commitRequested = true;
        }

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return errantRecordReporter;
        }
    }
}
