package io.aqueduct.connect.sink;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The context of a {@link SinkTask}, handed to {@link SinkTask#initialize(SinkTaskContext)} before the
 * task starts. It lets the task steer the consumer that the runtime runs on its behalf.
 *
 * <p>All methods are meant to be called from the task thread, that is from within the task's own
 * lifecycle methods; none of them blocks. Requests (offset resets, pauses, commits) take effect when
 * the runtime next regains control, before its next consumer poll.
 */
public interface SinkTaskContext {

    /**
     * The configuration the task was started with.
     *
     * @return the task configuration; never null, not modifiable
     */
    Map<String, String> configs();

    /**
     * Rewinds or advances the consumer: the next records delivered for each given partition start at
     * the given offset. Used by tasks that keep their own offsets in the external system, typically in
     * {@link SinkTask#open(java.util.Collection)}. Partitions not assigned to the task are ignored.
     *
     * @param offsets the next offset to consume by partition; never null
     */
    void offset(Map<TopicPartition, Long> offsets);

    /**
     * Like {@link #offset(Map)} for a single partition.
     *
     * @param tp     the partition; never null
     * @param offset the next offset to consume
     */
    void offset(TopicPartition tp, long offset);

    /**
     * Sets how long the runtime waits before redelivering a batch after
     * {@link SinkTask#put(java.util.Collection)} threw a
     * {@link io.aqueduct.connect.errors.RetriableException}. The consumer keeps polling (paused) during
     * the wait, so the task's group membership is not lost.
     *
     * @param timeoutMs the back-off in milliseconds
     */
    void timeout(long timeoutMs);

    /**
     * The partitions currently assigned to this task.
     *
     * @return the assignment; never null, not modifiable
     */
    Set<TopicPartition> assignment();

    /**
     * Stops delivery from the given partitions until {@link #resume(TopicPartition...)} is called, for
     * example while the destination of those partitions is unavailable. Pausing survives until the
     * partition is resumed or revoked.
     *
     * @param partitions the partitions to pause; they must be assigned to this task
     * @throws io.aqueduct.connect.errors.IllegalWorkerStateException if a partition is not assigned to
     *         this task
     */
    void pause(TopicPartition... partitions);

    /**
     * Resumes delivery from partitions paused with {@link #pause(TopicPartition...)}.
     *
     * @param partitions the partitions to resume; they must be assigned to this task
     * @throws io.aqueduct.connect.errors.IllegalWorkerStateException if a partition is not assigned to
     *         this task
     */
    void resume(TopicPartition... partitions);

    /**
     * Asks for an offset commit ({@link SinkTask#preCommit(Map)} followed by a consumer commit) as soon
     * as possible instead of waiting for {@code offset.commit.interval.ms}.
     */
    void requestCommit();

    /**
     * The reporter for records that cannot be written.
     *
     * @return the reporter, or null (the default) when the runtime offers none, for example because
     *         the connector has no error handling configured; tasks must handle null. Tasks that want to run
     *         on older runtimes should also catch {@link NoSuchMethodError} and
     *         {@link NoClassDefFoundError} when calling this
     */
    default ErrantRecordReporter errantRecordReporter() {
        return null;
    }
}
