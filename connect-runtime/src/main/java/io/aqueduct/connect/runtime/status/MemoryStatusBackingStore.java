package io.aqueduct.connect.runtime.status;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Statuses kept in this process only: the store of a standalone worker, and of tests. */
public final class MemoryStatusBackingStore implements StatusBackingStore {

    private final Map<String, ConnectorStatus> connectors = new ConcurrentHashMap<>();
    private final Map<ConnectorTaskId, TaskStatus> tasks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TopicStatus>> topics = new ConcurrentHashMap<>();

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public void put(ConnectorStatus status) {
        if (status.state() == AbstractStatus.State.DESTROYED) {
            connectors.remove(status.id());
        } else {
            connectors.put(status.id(), status);
        }
    }

    @Override
    public void putSafe(ConnectorStatus status) {
        connectors.compute(status.id(), (id, current) -> {
            if (current != null && current.generation() > status.generation()
                    && !current.workerId().equals(status.workerId())) {
                return current;
            }
            return status.state() == AbstractStatus.State.DESTROYED ? null : status;
        });
    }

    @Override
    public void put(TaskStatus status) {
        if (status.state() == AbstractStatus.State.DESTROYED) {
            tasks.remove(status.id());
        } else {
            tasks.put(status.id(), status);
        }
    }

    @Override
    public void putSafe(TaskStatus status) {
        tasks.compute(status.id(), (id, current) -> {
            if (current != null && current.generation() > status.generation()
                    && !current.workerId().equals(status.workerId())) {
                return current;
            }
            return status.state() == AbstractStatus.State.DESTROYED ? null : status;
        });
    }

    @Override
    public ConnectorStatus get(String connector) {
        return connectors.get(connector);
    }

    @Override
    public TaskStatus get(ConnectorTaskId id) {
        return tasks.get(id);
    }

    @Override
    public Collection<TaskStatus> getAll(String connector) {
        List<TaskStatus> result = new ArrayList<>();
        tasks.forEach((id, status) -> {
            if (id.connector().equals(connector)) {
                result.add(status);
            }
        });
        result.sort(Comparator.comparing(TaskStatus::id));
        return result;
    }

    @Override
    public Set<String> connectors() {
        Set<String> names = new HashSet<>(connectors.keySet());
        tasks.keySet().forEach(id -> names.add(id.connector()));
        return names;
    }

    @Override
    public void putTopicState(String topic, String connector, int task, long discoverTimestamp) {
        // compute (not computeIfAbsent + put) so a concurrent deleteTopic cannot drop the map we add to
        topics.compute(connector, (c, active) -> {
            Map<String, TopicStatus> result = active == null ? new ConcurrentHashMap<>() : active;
            result.putIfAbsent(topic, new TopicStatus(topic, connector, task, discoverTimestamp));
            return result;
        });
    }

    @Override
    public TopicStatus getTopic(String connector, String topic) {
        Map<String, TopicStatus> active = topics.get(connector);
        return active == null ? null : active.get(topic);
    }

    @Override
    public Collection<TopicStatus> getAllTopics(String connector) {
        Map<String, TopicStatus> active = topics.get(connector);
        if (active == null) {
            return List.of();
        }
        List<TopicStatus> result = new ArrayList<>(active.values());
        result.sort(Comparator.comparing(TopicStatus::topic));
        return result;
    }

    @Override
    public void deleteTopic(String connector, String topic) {
        topics.computeIfPresent(connector, (c, active) -> {
            active.remove(topic);
            return active.isEmpty() ? null : active;
        });
    }

    @Override
    public void flush() {
    }
}
