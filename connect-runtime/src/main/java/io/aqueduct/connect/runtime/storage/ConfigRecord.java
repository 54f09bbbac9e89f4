package io.aqueduct.connect.runtime.storage;

import java.util.Map;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * One record of the config topic, decoded. The Kafka store turns these into key/value bytes with
 * {@link ConfigRecordCodec}; the memory store applies them as they are, so both stores share one set of rules
 * ({@link ConfigStateTracker}).
 */
sealed interface ConfigRecord {

    /** {@code connector-<c>}; null properties is the tombstone written on delete. */
    record ConnectorConfig(String connector, Map<String, String> properties) implements ConfigRecord {
    }

    /** {@code task-<c>-<n>}: one task config of a generation that becomes visible with its commit. */
    record TaskConfig(ConnectorTaskId id, Map<String, String> properties) implements ConfigRecord {
    }

    /** {@code commit-<c>}: makes the task configs written since the previous commit visible. */
    record TaskCommit(String connector, int taskCount) implements ConfigRecord {
    }

    /** {@code target-state-<c>}; a null state is the tombstone written on delete. */
    record TargetStateChange(String connector, TargetState state) implements ConfigRecord {
    }

    /** {@code restart-connector-<c>}. */
    record Restart(RestartRequest request) implements ConfigRecord {
    }

    /** {@code logger-cluster-<namespace>}: a cluster-wide logger level. */
    record LoggerLevel(String namespace, String level) implements ConfigRecord {
    }

    /** {@code session-key}. */
    record SessionKeyUpdate(SessionKey sessionKey) implements ConfigRecord {
    }

    /**
     * A record that is understood but carries nothing this runtime keeps, e.g. {@code tasks-fencing-<c>} or a
     * key written by a newer runtime.
     */
    record Ignored(String key, String reason) implements ConfigRecord {
    }
}
