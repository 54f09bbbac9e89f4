package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.RetriableException;
import io.aqueduct.connect.runtime.config.SinkConnectorConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.WorkerErrantRecordReporter;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
 *
 * <p>This class is the loop, the batch and its redelivery, pauses and the rebalance callbacks; the offsets and
 * their commits are kept by a {@link SinkOffsetCommitter}, and what the task asks of the framework is noted by its
 * {@link WorkerSinkTaskContext}.
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
    private final WorkerSinkTaskContext context;

    private volatile SinkTask task;
    private volatile Consumer<byte[], byte[]> consumer;
    private TaskConverters converters;
    private TransformationChain<SinkRecord> chain;
    private volatile RetryWithToleranceOperator operator;
    private volatile WorkerErrantRecordReporter errantRecordReporter;
    private SinkRecordPipeline pipeline;
    private SinkOffsetCommitter offsets;
    private boolean started;
    private boolean closedAll;

    private final List<SinkRecord> batch = new ArrayList<>();
    private final Map<TopicPartition, Long> batchEnds = new HashMap<>();
    private boolean retryPending;
    private long retryAt;
    private boolean allPaused;

    WorkerSinkTask(ConnectorTaskId id, ClassLoader loader, TaskStatus.Listener listener, TargetState initialState,
                   Map<String, String> taskProps, Map<String, String> connectorProps, WorkerConfig workerConfig,
                   ActiveTopicTracker activeTopics, Supplier<Resources> resourceFactory) {
        super(id, loader, listener, initialState, activeTopics);
        this.taskProps = Map.copyOf(taskProps);
        this.connectorProps = connectorProps;
        this.resourceFactory = resourceFactory;
        this.commitIntervalMs = workerConfig.getLong(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG);
        this.context = new WorkerSinkTaskContext(id, this.taskProps, () -> consumer, () -> allPaused,
                () -> errantRecordReporter);
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
        offsets = new SinkOffsetCommitter(id, task, consumer, operator, errantRecordReporter, this::dropFromBatch);
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
                boolean commitRequested = context.takeCommitRequest();
                if (now >= nextCommit || commitRequested) {
                    offsets.commit(false, null);
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
            recordActiveTopic(partition.topic()); // every partition in a poll result has consumed records
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
            retryAt = System.currentTimeMillis() + context.retryBackoffMs();
            log.warn("{}put() of {} record(s) threw a retriable exception; redelivering them in {} ms: {}",
                    LoggingContext.taskPrefix(id), batch.size(), context.retryBackoffMs(), e.toString());
            return;
        }
        offsets.delivered(batchEnds);
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
            resumed.removeAll(context.pausedByTask());
            consumer.resume(resumed);
        }
        allPaused = pauseAll;
    }

    private void applyPendingSeeks() {
        Map<TopicPartition, Long> pendingSeeks = context.pendingSeeks();
        if (pendingSeeks.isEmpty()) {
            return;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        pendingSeeks.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                log.debug("{}Seeking {} to offset {} as the task asked", LoggingContext.taskPrefix(id), partition, offset);
                consumer.seek(partition, offset);
                offsets.startAt(partition, offset);
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
                offsets.startAt(partition, positionOf(partition));
            }
            log.info("{}Assigned partitions {}", LoggingContext.taskPrefix(id), partitions);
            task.open(partitions);
            applyPendingSeeks();
            if (allPaused) {
                consumer.pause(partitions);
            } else {
                List<TopicPartition> paused = new ArrayList<>(partitions);
                paused.retainAll(context.pausedByTask());
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
            offsets.commit(true, partitions);
        } else {
            // Another task owns these partitions now and will consume the failed records again.
            operator.forgetReports(partitions);
            WorkerErrantRecordReporter reporter = errantRecordReporter;
            if (reporter != null) {
                reporter.cancelFutures(partitions);
            }
        }
        task.close(partitions);
        offsets.forget(partitions);
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
            Set<TopicPartition> assigned = offsets.partitions();
            try {
                if (!failed) {
                    offsets.commit(true, assigned);
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
}
