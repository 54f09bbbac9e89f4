package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.WorkerErrantRecordReporter;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.sink.SinkTask;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The consumer offsets of one sink task: per assigned partition, the position up to which records were delivered
 * to the task and the offset last committed; and the commit, which asks the task ({@link SinkTask#preCommit}) what
 * may be committed and commits only offsets that changed, after the dead letter queue holds every failed record
 * of the committed partitions. Task thread only (the consumer's commit callbacks run there too).
 */
final class SinkOffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(SinkOffsetCommitter.class);

    /** Told which partitions were rewound, so that their records not yet delivered are dropped. */
    @FunctionalInterface
    interface RewindListener {
        void rewound(Collection<TopicPartition> partitions);
    }

    private final ConnectorTaskId id;
    private final SinkTask task;
    private final Consumer<byte[], byte[]> consumer;
    private final RetryWithToleranceOperator operator;
    private final WorkerErrantRecordReporter errantRecordReporter;
    private final RewindListener rewindListener;
    private final Map<TopicPartition, OffsetAndMetadata> currentOffsets = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> lastCommitted = new HashMap<>();

    /** @param errantRecordReporter the task's reporter; null when there is none */
    SinkOffsetCommitter(ConnectorTaskId id, SinkTask task, Consumer<byte[], byte[]> consumer,
                        RetryWithToleranceOperator operator, WorkerErrantRecordReporter errantRecordReporter,
                        RewindListener rewindListener) {
        this.id = id;
        this.task = task;
        this.consumer = consumer;
        this.operator = operator;
        this.errantRecordReporter = errantRecordReporter;
        this.rewindListener = rewindListener;
    }

    /** A partition (newly assigned or moved by a seek) starts at {@code offset}, which counts as committed. */
    void startAt(TopicPartition partition, long offset) {
        OffsetAndMetadata position = new OffsetAndMetadata(offset);
        currentOffsets.put(partition, position);
        lastCommitted.put(partition, position);
    }

    /** The task took records up to (excluding) these offsets; they become committable for partitions still held. */
    void delivered(Map<TopicPartition, Long> ends) {
        ends.forEach((partition, end) -> {
            if (currentOffsets.containsKey(partition)) {
                currentOffsets.put(partition, new OffsetAndMetadata(end));
            }
        });
    }

    /** Drops partitions this task no longer holds. */
    void forget(Collection<TopicPartition> partitions) {
        currentOffsets.keySet().removeAll(partitions);
        lastCommitted.keySet().removeAll(partitions);
    }

    /** The partitions this task holds, as a copy. */
    Set<TopicPartition> partitions() {
        return new HashSet<>(currentOffsets.keySet());
    }

    /**
     * Asks the task which offsets to commit and commits them.
     *
     * @param only the partitions to commit; null for all assigned ones
     * @throws io.aqueduct.connect.errors.ConnectException if a failed record could not be stored in the dead letter
     *                                                     queue: nothing is committed, the task fails
     */
    void commit(boolean sync, Collection<TopicPartition> only) {
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

    /** Waits until the failed and reported records of {@code partitions} are in the dead letter queue. */
    private void awaitDeadLetters(Collection<TopicPartition> partitions) {
        operator.awaitReports(partitions);
        if (errantRecordReporter != null) {
            errantRecordReporter.awaitFutures(partitions);
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
        rewindListener.rewound(partitions);
    }
}
