package io.aqueduct.connect.runtime.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * The rules that turn the sequence of config records into a {@link ClusterConfigState}, shared by the Kafka and
 * the memory store. Each {@link #apply} returns the listener calls the record causes; callers make them outside
 * this object's lock, so a listener may take a snapshot or block on its own locks without deadlock.
 * Thread-safe.
 */
final class ConfigStateTracker {

    private static final Logger log = LoggerFactory.getLogger(ConfigStateTracker.class);

    /** One listener call. */
    interface Update extends Consumer<ConfigBackingStore.UpdateListener> {
    }

    private final String source;
    private final Map<String, Map<String, String>> connectorConfigs = new HashMap<>();
    private final Map<String, TargetState> targetStates = new HashMap<>();
    private final Map<String, List<Map<String, String>>> taskConfigs = new HashMap<>();
    private final Map<String, Integer> taskCounts = new HashMap<>();
    /** Task configs written since the connector's last commit, by task number. */
    private final Map<String, Map<Integer, Map<String, String>>> uncommittedTasks = new HashMap<>();
    private final Set<String> inconsistent = new HashSet<>();
    private final Map<String, RestartRequest> restartRequests = new HashMap<>();
    private final Map<String, String> loggerLevels = new HashMap<>();
    private SessionKey sessionKey;
    private long offset = -1;
    private ClusterConfigState snapshot = ClusterConfigState.EMPTY;
    private boolean snapshotStale;

    /** @param source names where the records come from in log messages, e.g. "config topic connect-configs" */
    ConfigStateTracker(String source) {
        this.source = source;
    }

    /**
     * Applies one record.
     *
     * @param record     the record; null for one that could not be read (only the offset moves)
     * @param nextOffset the offset after the record
     * @return the listener calls to make, in order
     */
    synchronized List<Update> apply(ConfigRecord record, long nextOffset) {
        offset = nextOffset;
        snapshotStale = true;
        if (record instanceof ConfigRecord.ConnectorConfig r) {
            return connectorConfig(r.connector(), r.properties());
        } else if (record instanceof ConfigRecord.TaskConfig r) {
            uncommittedTasks.computeIfAbsent(r.id().connector(), c -> new TreeMap<>())
                    .put(r.id().task(), copy(r.properties()));
            return List.of();
        } else if (record instanceof ConfigRecord.TaskCommit r) {
            return commit(r.connector(), r.taskCount(), nextOffset - 1);
        } else if (record instanceof ConfigRecord.TargetStateChange r) {
            if (r.state() == null) {
                targetStates.remove(r.connector());
                return List.of();
            }
            targetStates.put(r.connector(), r.state());
            return List.of(listener -> listener.onConnectorTargetStateChange(r.connector()));
        } else if (record instanceof ConfigRecord.Restart r) {
            restartRequests.put(r.request().connectorName(), r.request());
            return List.of(listener -> listener.onRestartRequest(r.request()));
        } else if (record instanceof ConfigRecord.LoggerLevel r) {
            loggerLevels.put(r.namespace(), r.level());
            return List.of(listener -> listener.onLoggingLevelUpdate(r.namespace(), r.level()));
        } else if (record instanceof ConfigRecord.SessionKeyUpdate r) {
            sessionKey = r.sessionKey();
            return List.of(listener -> listener.onSessionKeyUpdate(r.sessionKey()));
        } else if (record instanceof ConfigRecord.Ignored r) {
            log.debug("Ignoring record {} of {}: {}", r.key(), source, r.reason());
        }
        return List.of();
    }

    private List<Update> connectorConfig(String connector, Map<String, String> properties) {
        if (properties != null) {
            connectorConfigs.put(connector, copy(properties));
            return List.of(listener -> listener.onConnectorConfigUpdate(connector));
        }
        boolean existed = connectorConfigs.remove(connector) != null;
        taskConfigs.remove(connector);
        taskCounts.remove(connector);
        uncommittedTasks.remove(connector);
        inconsistent.remove(connector);
        restartRequests.remove(connector);
        if (!existed) {
            log.debug("Ignoring the deletion of connector {} in {}: it has no config", connector, source);
            return List.of();
        }
        return List.of(listener -> listener.onConnectorConfigRemove(connector));
    }

    /**
     * A commit for N tasks is valid when the task configs 0..N-1 were all written since the previous commit;
     * records with higher task numbers belong to an abandoned generation and are dropped.
     */
    private List<Update> commit(String connector, int taskCount, long commitOffset) {
        Map<Integer, Map<String, String>> written = uncommittedTasks.remove(connector);
        if (written == null) {
            written = Map.of();
        }
        List<Map<String, String>> previous = taskConfigs.getOrDefault(connector, List.of());
        List<Map<String, String>> committed = new ArrayList<>(taskCount);
        for (int task = 0; task < taskCount && written.containsKey(task); task++) {
            committed.add(written.get(task));
        }
        // Listeners hear of the tasks now committed and of the tasks that stopped being visible.
        Set<ConnectorTaskId> changed = new TreeSet<>();
        if (committed.size() == taskCount) {
            taskConfigs.put(connector, Collections.unmodifiableList(committed));
            inconsistent.remove(connector);
            addTaskIds(changed, connector, 0, Math.max(taskCount, previous.size()));
        } else {
            log.error("The commit of {} task configs for connector {} at offset {} of {} does not follow a "
                    + "complete set of task records (found task numbers {}). The connector has no tasks until "
                    + "its task configs are written again", taskCount, connector, commitOffset, source,
                    written.keySet());
            taskConfigs.remove(connector);
            inconsistent.add(connector);
            addTaskIds(changed, connector, 0, previous.size());
        }
        taskCounts.put(connector, taskCount);
        List<ConnectorTaskId> tasks = List.copyOf(changed);
        return List.of(listener -> listener.onTaskConfigUpdate(tasks));
    }

    private static void addTaskIds(Set<ConnectorTaskId> ids, String connector, int from, int to) {
        for (int task = from; task < to; task++) {
            ids.add(new ConnectorTaskId(connector, task));
        }
    }

    synchronized ClusterConfigState snapshot() {
        if (snapshotStale) {
            Map<String, RestartRequest> pendingRestarts = new HashMap<>(restartRequests);
            pendingRestarts.keySet().retainAll(connectorConfigs.keySet());
            snapshot = new ClusterConfigState(offset, sessionKey, connectorConfigs, targetStates, taskConfigs,
                    taskCounts, inconsistent, pendingRestarts, loggerLevels);
            snapshotStale = false;
        }
        return snapshot;
    }

    /** Makes the listener calls, shielding the caller from a listener that throws. */
    static void deliver(ConfigBackingStore.UpdateListener listener, List<Update> updates) {
        if (listener == null) {
            return;
        }
        for (Update update : updates) {
            try {
                update.accept(listener);
            } catch (RuntimeException e) {
                log.error("The config update listener failed; the change stays in the stored state", e);
            }
        }
    }

    private static Map<String, String> copy(Map<String, String> properties) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
