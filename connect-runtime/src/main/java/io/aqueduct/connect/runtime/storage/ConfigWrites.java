package io.aqueduct.connect.runtime.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * The records each {@link ConfigBackingStore} write consists of, in the order Apache Kafka Connect writes them,
 * with the arguments checked once for both stores.
 */
final class ConfigWrites {

    private ConfigWrites() {
    }

    /** {@code target-state-<c>} (only with an initial state), then {@code connector-<c>}. */
    static List<ConfigRecord> connectorConfig(String connector, Map<String, String> properties,
                                              TargetState targetState) {
        checkName(connector);
        checkProperties(properties, "config of connector " + connector);
        List<ConfigRecord> records = new ArrayList<>(2);
        if (targetState != null) {
            records.add(new ConfigRecord.TargetStateChange(connector, targetState));
        }
        records.add(new ConfigRecord.ConnectorConfig(connector, properties));
        return records;
    }

    /** Tombstones for {@code connector-<c>}, then {@code target-state-<c>}. */
    static List<ConfigRecord> removeConnector(String connector) {
        checkName(connector);
        return List.of(new ConfigRecord.ConnectorConfig(connector, null),
                new ConfigRecord.TargetStateChange(connector, null));
    }

    /** {@code task-<c>-0} .. {@code task-<c>-(N-1)}; the commit comes from {@link #commit}. */
    static List<ConfigRecord> taskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        checkName(connector);
        Objects.requireNonNull(taskConfigs, () -> "The task configs of connector " + connector + " must not be "
                + "null; pass an empty list to commit zero tasks");
        List<ConfigRecord> records = new ArrayList<>(taskConfigs.size());
        for (int task = 0; task < taskConfigs.size(); task++) {
            checkProperties(taskConfigs.get(task), "config of task " + task + " of connector " + connector);
            records.add(new ConfigRecord.TaskConfig(new ConnectorTaskId(connector, task), taskConfigs.get(task)));
        }
        return records;
    }

    static ConfigRecord commit(String connector, int taskCount) {
        return new ConfigRecord.TaskCommit(connector, taskCount);
    }

    static ConfigRecord targetState(String connector, TargetState state) {
        checkName(connector);
        Objects.requireNonNull(state, () -> "The target state of connector " + connector + " must not be null; "
                + "use removeConnectorConfig to delete the connector");
        return new ConfigRecord.TargetStateChange(connector, state);
    }

    static ConfigRecord restart(RestartRequest request) {
        Objects.requireNonNull(request, "The restart request must not be null");
        checkName(request.connectorName());
        return new ConfigRecord.Restart(request);
    }

    static ConfigRecord loggerLevel(String namespace, String level) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("The logger namespace must not be null or empty (got "
                    + (namespace == null ? "null" : "''") + ")");
        }
        Objects.requireNonNull(level, () -> "The level of logger " + namespace + " must not be null");
        return new ConfigRecord.LoggerLevel(namespace, level);
    }

    static ConfigRecord sessionKey(SessionKey sessionKey) {
        Objects.requireNonNull(sessionKey, "The session key must not be null");
        return new ConfigRecord.SessionKeyUpdate(sessionKey);
    }

    private static void checkName(String connector) {
        if (connector == null || connector.isEmpty()) {
            throw new IllegalArgumentException("The connector name must not be null or empty (got "
                    + (connector == null ? "null" : "''") + ")");
        }
    }

    private static void checkProperties(Map<String, String> properties, String what) {
        Objects.requireNonNull(properties, () -> "The " + what + " must not be null");
        for (String key : properties.keySet()) {
            if (key == null) {
                throw new IllegalArgumentException("The " + what + " has a null key; every config key needs a name");
            }
        }
    }
}
