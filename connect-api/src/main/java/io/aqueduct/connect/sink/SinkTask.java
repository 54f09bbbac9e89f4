package io.aqueduct.connect.sink;

import io.aqueduct.connect.connector.Task;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A task that receives records consumed from Kafka and writes them to an external system.
 *
 * <h2>Lifecycle and threads</h2>
 * Every method of a sink task is called on the one thread dedicated to it, never concurrently: first
 * {@link #initialize(SinkTaskContext)} and {@link #start(Map)}, then {@link #open(Collection)} for the
 * partitions assigned to it, then {@link #put(Collection)} for each batch interleaved with
 * {@link #preCommit(Map)} at every offset commit, {@link #close(Collection)} and {@link #open(Collection)}
 * at every rebalance, and finally {@link #close(Collection)} for all partitions followed by
 * {@link #stop()}. A task that uses threads of its own must synchronize them with these calls itself.
 *
 * <h2>Delivery</h2>
 * Delivery is at least once. The runtime commits consumer offsets only as far as
 * {@link #preCommit(Map)} returns them, so a task that writes asynchronously reports only what it has
 * made durable, and after a failure everything after the last committed offset is delivered again. A
 * task that stores its own offsets in the external system can reposition the consumer with
 * {@link SinkTaskContext#offset(Map)} for exactly-once results.
 */
public abstract class SinkTask implements Task {

    /**
     * The configuration key that lists the topics to consume, comma separated. Exactly one of this and
     * {@link #TOPICS_REGEX_CONFIG} must be set.
     */
    public static final String TOPICS_CONFIG = "topics";

    /**
     * The configuration key with a regular expression of the topics to consume, including topics
     * created later. Exactly one of this and {@link #TOPICS_CONFIG} must be set.
     */
    public static final String TOPICS_REGEX_CONFIG = "topics.regex";

    /**
     * The context given to {@link #initialize(SinkTaskContext)}; null until then.
     */
    protected SinkTaskContext context;

    /**
     * Gives the task its context. Called once, before {@link #start(Map)}. Subclasses that override it
     * must call {@code super}.
     *
     * @param context the context; never null
     */
    public void initialize(SinkTaskContext context) {
        this.context = context;
    }

    /**
     * Starts the task. Called once, before any partition is assigned. May block while connecting to
     * the external system.
     *
     * @param props the task configuration produced by the connector; never null
     */
    @Override
    public abstract void start(Map<String, String> props);

    /**
     * Writes a batch of records, or hands them to an asynchronous writer. Records of one partition are
     * in offset order within the batch and across batches; records of different partitions may be
     * interleaved. The batch may be empty, which gives a task a chance to do periodic work.
     *
     * <p>The call may block, but for no longer than the consumer's {@code max.poll.interval.ms} allows,
     * or the task loses its partitions. A task that cannot keep up should throw a
     * {@link io.aqueduct.connect.errors.RetriableException}: the runtime pauses consumption, waits for
     * {@link SinkTaskContext#timeout(long)}, and delivers the same batch again, unchanged and in the
     * same order. Any other exception fails the task.
     *
     * @param records the batch; never null, may be empty. Do not keep the collection itself after
     *                returning: the runtime may reuse it
     */
    public abstract void put(Collection<SinkRecord> records);

    /**
     * Makes everything passed to {@link #put(Collection)} so far durable. Called from the default
     * {@link #preCommit(Map)} before the runtime commits consumer offsets; may block until the data is
     * written. The default does nothing, which suits tasks that write synchronously in {@code put}.
     *
     * @param currentOffsets for each assigned partition, the offset after the last record delivered
     *                       through {@code put}; never null
     */
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // Tasks that write synchronously in put() have nothing left to flush.
    }

    /**
     * Decides which consumer offsets may be committed. Called at every offset commit
     * ({@code offset.commit.interval.ms}, or after {@link SinkTaskContext#requestCommit()}) and before
     * partitions are closed.
     *
     * <p>The default calls {@link #flush(Map)} and returns {@code currentOffsets} unchanged. Tasks that
     * write asynchronously override it to return, per partition, the offset after the last record they
     * have made durable: the runtime commits exactly the returned offsets, ignores partitions that are no
     * longer assigned, and commits nothing for partitions left out.
     *
     * @param currentOffsets for each assigned partition, the offset after the last record delivered
     *                       through {@code put}, keyed by the original topic partition
     *                       ({@link SinkRecord#originalTopic()}); never null
     * @return the offsets to commit; an empty map or null commits nothing
     */
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        flush(currentOffsets);
        return currentOffsets;
    }

    /**
     * Prepares writers for newly assigned partitions. Called after a rebalance, before the first
     * {@link #put(Collection)} that carries records of these partitions; the first time right after
     * {@link #start(Map)}. A task that keeps its own offsets may call
     * {@link SinkTaskContext#offset(Map)} here. The default does nothing.
     *
     * @param partitions the partitions now assigned to this task; never null
     */
    public void open(Collection<TopicPartition> partitions) {
        // Nothing to prepare by default.
    }

    /**
     * Closes writers for partitions that are taken away from this task, after a rebalance or before
     * {@link #stop()}. The runtime has already run a final offset commit for them when possible; the
     * task must drop any buffered records of these partitions, which another task will receive again.
     * The default does nothing.
     *
     * @param partitions the partitions no longer assigned to this task; never null
     */
    public void close(Collection<TopicPartition> partitions) {
        // Nothing to release by default.
    }

    /**
     * Stops the task and releases its resources. Called once, on the task thread, after
     * {@link #close(Collection)} for all remaining partitions. Should not block for long.
     */
    @Override
    public abstract void stop();
}
