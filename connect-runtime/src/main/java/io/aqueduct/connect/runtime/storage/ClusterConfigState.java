package io.aqueduct.connect.runtime.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * An immutable snapshot of the desired state of a Connect cluster, as read from the config topic up to
 * {@link #offset()}: connector configs, target states, committed task configs, restart requests, cluster-wide
 * logger levels and the session key.
 *
 * <p>Task configs are visible only once committed: the {@code task-<c>-<n>} records of a generation count from
 * the moment its {@code commit-<c>} record {@code {"tasks":N}} is read, and then only tasks 0..N-1. Task records
 * without a valid commit (a commit whose task records are missing) make the connector
 * {@linkplain #inconsistentConnectors() inconsistent}: it shows no tasks until a new set of task configs is
 * committed for it.
 *
 * <p>Configs are returned exactly as stored (config provider references such as {@code ${file:...}} are not
 * resolved) and unmodifiable. Safe to share between threads.
 */
public final class ClusterConfigState {

    /** The state of an empty config topic. */
    public static final ClusterConfigState EMPTY = new ClusterConfigState(-1, null, Map.of(), Map.of(), Map.of(),
            Map.of(), Set.of(), Map.of(), Map.of());

    private final long offset;
    private final SessionKey sessionKey;
    private final Map<String, Map<String, String>> connectorConfigs;
    private final Map<String, TargetState> targetStates;
    private final Map<String, List<Map<String, String>>> taskConfigs;
    private final Map<String, Integer> taskCounts;
    private final Set<String> inconsistentConnectors;
    private final Map<String, RestartRequest> restartRequests;
    private final Map<String, String> loggerLevels;

    /** Takes ownership of the (already unmodifiable) inner maps and lists; copies the outer collections. */
    ClusterConfigState(long offset, SessionKey sessionKey, Map<String, Map<String, String>> connectorConfigs,
                       Map<String, TargetState> targetStates, Map<String, List<Map<String, String>>> taskConfigs,
                       Map<String, Integer> taskCounts, Set<String> inconsistentConnectors,
                       Map<String, RestartRequest> restartRequests, Map<String, String> loggerLevels) {
        this.offset = offset;
        this.sessionKey = sessionKey;
        this.connectorConfigs = Collections.unmodifiableMap(new TreeMap<>(connectorConfigs));
        this.targetStates = Map.copyOf(targetStates);
        this.taskConfigs = Map.copyOf(taskConfigs);
        this.taskCounts = Map.copyOf(taskCounts);
        this.inconsistentConnectors = Collections.unmodifiableSet(new TreeSet<>(inconsistentConnectors));
        this.restartRequests = Collections.unmodifiableMap(new TreeMap<>(restartRequests));
        this.loggerLevels = Collections.unmodifiableMap(new TreeMap<>(loggerLevels));
    }

    /**
     * The position in the config topic this snapshot was read up to: the offset after the last record applied,
     * or -1 if no record was read. Workers compare it to agree on who has seen the newest configs.
     */
    public long offset() {
        return offset;
    }

    /** The latest session key of the cluster, or null if the leader has not written one yet. */
    public SessionKey sessionKey() {
        return sessionKey;
    }

    /** The names of all connectors that have a config, sorted. */
    public Set<String> connectors() {
        return connectorConfigs.keySet();
    }

    public boolean contains(String connector) {
        return connectorConfigs.containsKey(connector);
    }

    /** The connector's config as stored (never resolved), or null if there is no such connector. */
    public Map<String, String> connectorConfig(String connector) {
        return connectorConfigs.get(connector);
    }

    /**
     * The connector's target state; {@link TargetState#STARTED} when no {@code target-state-<c>} record says
     * otherwise, as for every connector created without an initial state.
     */
    public TargetState targetState(String connector) {
        return targetStates.getOrDefault(connector, TargetState.STARTED);
    }

    /** The ids of the connector's committed tasks, sorted by task number; empty if none or inconsistent. */
    public List<ConnectorTaskId> tasks(String connector) {
        List<Map<String, String>> configs = taskConfigs.get(connector);
        if (configs == null) {
            return List.of();
        }
        List<ConnectorTaskId> ids = new ArrayList<>(configs.size());
        for (int task = 0; task < configs.size(); task++) {
            ids.add(new ConnectorTaskId(connector, task));
        }
        return Collections.unmodifiableList(ids);
    }

    /** The committed config of one task, or null if that task is not part of the committed generation. */
    public Map<String, String> taskConfig(ConnectorTaskId task) {
        List<Map<String, String>> configs = taskConfigs.get(task.connector());
        return configs == null || task.task() < 0 || task.task() >= configs.size() ? null : configs.get(task.task());
    }

    /** The committed task configs of the connector in task order; empty if none or inconsistent. */
    public List<Map<String, String>> allTaskConfigs(String connector) {
        return taskConfigs.getOrDefault(connector, List.of());
    }

    /**
     * The task count of the connector's latest {@code commit-<c>} record, 0 if there is none. For an
     * {@linkplain #inconsistentConnectors() inconsistent} connector this is the count that commit claimed, though
     * {@link #tasks(String)} is empty.
     */
    public int taskCount(String connector) {
        return taskCounts.getOrDefault(connector, 0);
    }

    /**
     * Connectors whose latest task commit did not match the task records before it (e.g. a leader failed while
     * writing them). Their task configs must be generated and written again.
     */
    public Set<String> inconsistentConnectors() {
        return inconsistentConnectors;
    }

    /**
     * The latest restart request read for each existing connector, by connector name. Requests are never
     * deleted from the topic; the herder decides which of them it has already carried out.
     */
    public Map<String, RestartRequest> restartRequests() {
        return restartRequests;
    }

    /** Cluster-wide logger levels ({@code PUT /admin/loggers/<namespace>?scope=cluster}), by namespace. */
    public Map<String, String> loggerLevels() {
        return loggerLevels;
    }

    /** Names and counts only: configs may hold secrets. */
    @Override
    public String toString() {
        return "ClusterConfigState[offset=" + offset + ", sessionKey=" + (sessionKey != null)
                + ", connectors=" + connectors() + ", taskCounts=" + new TreeMap<>(taskCounts)
                + ", targetStates=" + new TreeMap<>(targetStates) + ", inconsistent=" + inconsistentConnectors + "]";
    }
}
