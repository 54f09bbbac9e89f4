package io.aqueduct.connect.runtime.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.status.TopicStatus;

/**
 * The latest status per key as read from the status topic. Updates come from the log's reader thread, reads
 * from any thread.
 *
 * <p>The latest record of a key wins on read, as in Apache Kafka Connect. Generations guard the writes
 * instead ({@link #mayReplace} for {@code putSafe}): a read-side rule would hide every status of a re-created
 * worker group, whose generations start again at 1 under new worker ids. A tombstone removes the entry.
 */
final class StatusCache {

    private final Map<String, ConnectorStatus> connectors = new ConcurrentHashMap<>();
    private final Map<ConnectorTaskId, TaskStatus> tasks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TopicStatus>> topics = new ConcurrentHashMap<>();

    /**
     * Whether {@code incoming} may replace {@code current}: yes if nothing is stored, if the same worker wrote
     * both, or if {@code incoming} is of the same or a newer generation.
     */
    static boolean mayReplace(AbstractStatus<?> current, AbstractStatus<?> incoming) {
        return current == null || current.workerId().equals(incoming.workerId())
                || current.generation() <= incoming.generation();
    }

    /** Applies a connector status read from the topic; null (a tombstone) or DESTROYED removes it. */
    void applyConnector(String connector, ConnectorStatus status) {
        if (status == null || status.state() == AbstractStatus.State.DESTROYED) {
            connectors.remove(connector);
        } else {
            connectors.put(connector, status);
        }
    }

    /** As {@link #applyConnector} for a task. */
    void applyTask(ConnectorTaskId id, TaskStatus status) {
        if (status == null || status.state() == AbstractStatus.State.DESTROYED) {
            tasks.remove(id);
        } else {
            tasks.put(id, status);
        }
    }

    /** Applies an active-topic entry read from the topic; null (a tombstone) removes it. */
    void applyTopic(String connector, String topic, TopicStatus status) {
        if (status == null) {
            topics.computeIfPresent(connector, (c, active) -> {
                active.remove(topic);
                return active.isEmpty() ? null : active;
            });
        } else {
            topics.compute(connector, (c, active) -> {
                Map<String, TopicStatus> result = active == null ? new ConcurrentHashMap<>() : active;
                result.put(topic, status);
                return result;
            });
        }
    }

    ConnectorStatus connector(String connector) {
        return connectors.get(connector);
    }

    TaskStatus task(ConnectorTaskId id) {
        return tasks.get(id);
    }

    /** The task statuses of a connector, by task number. */
    List<TaskStatus> tasks(String connector) {
        List<TaskStatus> result = new ArrayList<>();
        tasks.forEach((id, status) -> {
            if (id.connector().equals(connector)) {
                result.add(status);
            }
        });
        result.sort(Comparator.comparing(TaskStatus::id));
        return result;
    }

    /** Connectors with a connector or task status. */
    Set<String> connectors() {
        Set<String> names = new HashSet<>(connectors.keySet());
        tasks.keySet().forEach(id -> names.add(id.connector()));
        return names;
    }

    TopicStatus topic(String connector, String topic) {
        Map<String, TopicStatus> active = topics.get(connector);
        return active == null ? null : active.get(topic);
    }

    /** The active topics of a connector, by topic name. */
    Collection<TopicStatus> topics(String connector) {
        Map<String, TopicStatus> active = topics.get(connector);
        if (active == null) {
            return List.of();
        }
        List<TopicStatus> result = new ArrayList<>(active.values());
        result.sort(Comparator.comparing(TopicStatus::topic));
        return result;
    }
}
