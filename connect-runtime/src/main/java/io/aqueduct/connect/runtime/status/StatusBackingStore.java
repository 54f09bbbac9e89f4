package io.aqueduct.connect.runtime.status;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.Collection;
import java.util.Set;

/**
 * Where the statuses of connectors and tasks are kept: in memory for standalone mode, on the status
 * topic in distributed mode. A status with state {@link AbstractStatus.State#DESTROYED} removes the
 * entry. The store also keeps the active topics of each connector ({@link TopicStatus}). Implementations are
 * thread-safe.
 */
public interface StatusBackingStore {

    /** Prepares the store (for a topic: reads it to the end). */
    void start();

    /** Releases the store's resources. */
    void stop();

    /** Records a connector status, replacing the previous one. */
    void put(ConnectorStatus status);

    /**
     * Records a connector status unless the store holds a newer one from another worker (a higher
     * generation); used for UNASSIGNED records that must not overwrite the new owner's status.
     */
    void putSafe(ConnectorStatus status);

    /** Records a task status, replacing the previous one. */
    void put(TaskStatus status);

    /** As {@link #putSafe(ConnectorStatus)} for a task. */
    void putSafe(TaskStatus status);

    /** The status of a connector, or null if none is stored. */
    ConnectorStatus get(String connector);

    /** The status of a task, or null if none is stored. */
    TaskStatus get(ConnectorTaskId id);

    /** The statuses of all tasks of a connector stored; empty if none. */
    Collection<TaskStatus> getAll(String connector);

    /** The names of the connectors that have a connector or task status. */
    Set<String> connectors();

    /**
     * Records that task {@code task} of {@code connector} used {@code topic}, unless the store already knows the
     * topic as active for that connector (the first discovery is kept). Never blocks on I/O.
     *
     * @param discoverTimestamp when the task first used the topic, in epoch milliseconds
     */
    void putTopicState(String topic, String connector, int task, long discoverTimestamp);

    /** The active-topic entry of {@code topic} for {@code connector}, or null if none is stored. */
    TopicStatus getTopic(String connector, String topic);

    /** The active topics of {@code connector}, ordered by topic name; empty if none (also for unknown connectors). */
    Collection<TopicStatus> getAllTopics(String connector);

    /** Removes {@code topic} from the active topics of {@code connector}; nothing happens if it is not there. */
    void deleteTopic(String connector, String topic);

    /** Makes the writes done so far durable; blocks until then. */
    void flush();
}
