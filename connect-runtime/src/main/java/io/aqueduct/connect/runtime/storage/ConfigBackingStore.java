package io.aqueduct.connect.runtime.storage;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * Durable storage of the cluster's desired state: connector configs, task configs, target states, restart
 * requests, cluster-wide logger levels and the session key. The Kafka implementation keeps them in the config
 * topic in Apache Kafka Connect's record format (see {@code internal-topics.md} §3), so a cluster's config topic
 * can be adopted in place; the memory implementation serves standalone mode.
 *
 * <p>Lifecycle: {@link #setUpdateListener} (optional), then {@link #start()}, then any other call from any
 * thread, then {@link #stop()}.
 *
 * <p>Writes: each {@code put}/{@code remove} method returns once the store has accepted every record it writes
 * (for Kafka: acknowledged by the brokers), and throws {@link StorageException} if it could not. A write
 * becomes visible in {@link #snapshot()} once the store has read it back: at once for the memory store, after
 * {@link #refresh(Duration)} (or a little later, on its own) for the Kafka store. The listener hears of every
 * change read after {@link #start()} returned, whichever worker wrote it, this one included.
 */
public interface ConfigBackingStore {

    /** Reads the stored state completely (creating the topic if needed); blocks until done. */
    void start();

    /** Stops reading and releases resources. Safe to call more than once. */
    void stop();

    /** The state read so far. Never null; cheap when nothing changed since the last call. */
    ClusterConfigState snapshot();

    /**
     * Writes a connector's config, also when it is unchanged. With {@code targetState} (a connector created with
     * an initial state), the target state is written first, then the config.
     *
     * @param properties the complete connector config, stored as given (unresolved); not null
     * @param targetState the initial target state, or null to leave the target state alone
     */
    void putConnectorConfig(String connector, Map<String, String> properties, TargetState targetState);

    /** Deletes a connector: removes its config, then its target state. Its task configs stay in the topic. */
    void removeConnectorConfig(String connector);

    /**
     * Writes a new generation of task configs: one record per task, then the commit record that makes them
     * visible, with the task count. Tasks beyond the new count from older generations are no longer visible.
     * An empty list only writes a commit for 0 tasks.
     *
     * @param taskConfigs the config of task 0, 1, ... in order; not null
     */
    void putTaskConfigs(String connector, List<Map<String, String>> taskConfigs);

    /**
     * Writes a connector's target state; redundant writes are written again. Stopping a connector takes two
     * writes by the herder, in this order: {@code putTaskConfigs(connector, List.of())} (drops its tasks), then
     * {@code putTargetState(connector, TargetState.STOPPED)}.
     */
    void putTargetState(String connector, TargetState state);

    /** Asks the worker that runs the connector to restart it (and its tasks, as the request says). */
    void putRestartRequest(RestartRequest request);

    /**
     * Writes a cluster-wide logger level.
     *
     * @param namespace a logger name or prefix, e.g. {@code org.apache.kafka.connect}
     * @param level     the level exactly as the user gave it (not normalised)
     */
    void putLoggerLevel(String namespace, String level);

    /** Writes the session key that workers sign their requests to each other with. */
    void putSessionKey(SessionKey sessionKey);

    /**
     * Reads everything written so far, by any worker, into the snapshot.
     *
     * @throws TimeoutException if that takes longer than {@code timeout}
     * @throws StorageException if reading failed
     */
    void refresh(Duration timeout) throws TimeoutException;

    /**
     * Sets who hears of changes (at most one listener; null removes it). Call before {@link #start()}.
     */
    void setUpdateListener(UpdateListener listener);

    /**
     * Hears of changes to the stored state, one call per record read. The Kafka store calls it on its reader
     * thread, the memory store on the thread that wrote; either way the change is already in
     * {@link ConfigBackingStore#snapshot()}. Calls must return quickly: the store reads no further until they
     * do. An exception thrown is logged and otherwise ignored. Records read while {@link #start()} runs are not
     * reported: the snapshot after start-up has them.
     */
    interface UpdateListener {

        /** A connector's config was written (created, updated or rewritten unchanged). */
        default void onConnectorConfigUpdate(String connector) {
        }

        /** A connector was deleted; its config, tasks and restart requests are gone from the snapshot. */
        default void onConnectorConfigRemove(String connector) {
        }

        /**
         * A task config generation was committed. {@code tasks} holds the tasks whose configs were (re)written
         * and the tasks that are gone because the count shrank or the commit was inconsistent; it may be empty
         * (e.g. the commit for 0 tasks of a connector that had none).
         */
        default void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
        }

        /** A connector's target state was written (also when unchanged); not called for its deletion. */
        default void onConnectorTargetStateChange(String connector) {
        }

        /** A restart of a connector was requested. */
        default void onRestartRequest(RestartRequest request) {
        }

        /** A cluster-wide logger level was written. */
        default void onLoggingLevelUpdate(String namespace, String level) {
        }

        /** A new session key was written. */
        default void onSessionKeyUpdate(SessionKey sessionKey) {
        }
    }
}
