package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.IllegalWorkerStateException;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.sink.ErrantRecordReporter;
import io.aqueduct.connect.sink.SinkTaskContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A sink task's handle on its consumer. Pauses and resumes act on the consumer at once; seeks, the redelivery
 * backoff and commit requests are noted here for the task loop to act on. Called on the task thread only (from
 * within the task's own methods), except {@link #requestCommit()}, which may come from any thread.
 */
final class WorkerSinkTaskContext implements SinkTaskContext {

    private final ConnectorTaskId id;
    private final Map<String, String> taskProps;
    private final Supplier<Consumer<byte[], byte[]>> consumer;
    private final BooleanSupplier loopPausedAll;
    private final Supplier<ErrantRecordReporter> errantRecordReporter;
    private final Map<TopicPartition, Long> pendingSeeks = new HashMap<>();
    private final Set<TopicPartition> pausedByTask = new HashSet<>();
    private long retryBackoffMs;
    private volatile boolean commitRequested;

    /**
     * @param consumer             the task's consumer; null until it is created
     * @param loopPausedAll        whether the loop has paused every partition (target state PAUSED or a pending
     *                             redelivery); a resume by the task then waits for the loop
     * @param errantRecordReporter the task's reporter; null when there is none
     */
    WorkerSinkTaskContext(ConnectorTaskId id, Map<String, String> taskProps,
                          Supplier<Consumer<byte[], byte[]>> consumer, BooleanSupplier loopPausedAll,
                          Supplier<ErrantRecordReporter> errantRecordReporter) {
        this.id = id;
        this.taskProps = taskProps;
        this.consumer = consumer;
        this.loopPausedAll = loopPausedAll;
        this.errantRecordReporter = errantRecordReporter;
    }

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
        Consumer<byte[], byte[]> current = consumer.get();
        return current == null ? Set.of() : Collections.unmodifiableSet(current.assignment());
    }

    @Override
    public void pause(TopicPartition... partitions) {
        Consumer<byte[], byte[]> current = consumer.get();
        Set<TopicPartition> assigned = current.assignment();
        for (TopicPartition partition : partitions) {
            requireAssigned(assigned, partition, "pause");
        }
        Collections.addAll(pausedByTask, partitions);
        current.pause(List.of(partitions));
    }

    @Override
    public void resume(TopicPartition... partitions) {
        Consumer<byte[], byte[]> current = consumer.get();
        Set<TopicPartition> assigned = current.assignment();
        for (TopicPartition partition : partitions) {
            requireAssigned(assigned, partition, "resume");
        }
        List.of(partitions).forEach(pausedByTask::remove);
        if (!loopPausedAll.getAsBoolean()) {
            current.resume(List.of(partitions));
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
        return errantRecordReporter.get();
    }

    // ---- for the task loop ----

    /** The seeks the task asked for and the loop has not applied yet; the loop removes what it applies. */
    Map<TopicPartition, Long> pendingSeeks() {
        return pendingSeeks;
    }

    /** The partitions the task paused itself; they stay paused when the loop resumes everything else. */
    Set<TopicPartition> pausedByTask() {
        return pausedByTask;
    }

    /** How long to wait before redelivering a batch after a retriable failure of {@code put}. */
    long retryBackoffMs() {
        return retryBackoffMs;
    }

    /** Whether the task asked for a commit since the last call; clears the request. */
    boolean takeCommitRequest() {
        if (!commitRequested) {
            return false;
        }
        commitRequested = false;
        return true;
    }
}
