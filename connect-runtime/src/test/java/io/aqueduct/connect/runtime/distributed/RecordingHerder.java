package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stands in for a herder in tests: "runs" whatever it is assigned, stops what is revoked at once, confirms the
 * revocation to its member, and records every start and stop with its time. All herders of a test share one
 * registry of what runs where, which records every start of work that another herder was still running.
 */
final class RecordingHerder implements WorkerRebalanceListener {

    /** What runs where across one test's herders, and every start that found its work running elsewhere. */
    static final class Registry {
        private final Map<Object, RecordingHerder> running = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> doubleStarts = java.util.Collections.synchronizedList(new ArrayList<>());

        List<String> doubleStarts() {
            return List.copyOf(doubleStarts);
        }
    }

    private final String name;
    private final Registry registry;

    private final Set<String> connectors = new TreeSet<>();
    private final Set<ConnectorTaskId> tasks = new TreeSet<>();
    private final Map<Object, Long> startedAtMs = new HashMap<>();
    private final List<Object> starts = new ArrayList<>();
    private final List<Object> stops = new ArrayList<>();
    private volatile WorkerGroupMember member;
    private boolean stopped;
    private final List<Assigned> assigned = new ArrayList<>();

    /** An assignment as this herder received it, with the time. */
    record Assigned(long atMs, WorkerAssignment assignment) {
    }

    RecordingHerder(String name, Registry registry) {
        this.name = name;
        this.registry = registry;
    }

    void attach(WorkerGroupMember member) {
        this.member = member;
    }

    @Override
    public synchronized void onRevoked(String leaderUrl, Set<String> revokedConnectors, Set<ConnectorTaskId> revokedTasks) {
        revokedConnectors.forEach(c -> stop(c, connectors.remove(c)));
        revokedTasks.forEach(t -> stop(t, tasks.remove(t)));
        member.revocationCompleted(revokedConnectors, revokedTasks);
    }

    @Override
    public synchronized void onAssigned(WorkerAssignment assignment, int generation) {
        assigned.add(new Assigned(System.currentTimeMillis(), assignment));
        if (stopped) { // as the real herder: once shutting down, nothing new starts
            return;
        }
        if (assignment.failed()) {
            member.requestRejoin();
            return;
        }
        // Anything not in the full set is no longer ours (revocations arrive first, so this is only a safety net).
        connectors.removeIf(c -> !assignment.connectors().contains(c) && stop(c, true));
        tasks.removeIf(t -> !assignment.tasks().contains(t) && stop(t, true));
        assignment.connectors().forEach(c -> start(c, connectors.add(c)));
        assignment.tasks().forEach(t -> start(t, tasks.add(t)));
    }

    private boolean stop(Object item, boolean wasRunning) {
        if (wasRunning) {
            stops.add(item);
            registry.running.remove(item, this);
        }
        return true;
    }

    private void start(Object item, boolean isNew) {
        if (isNew) {
            starts.add(item);
            startedAtMs.put(item, System.currentTimeMillis());
            RecordingHerder other = registry.running.putIfAbsent(item, this);
            if (other != null && other != this) {
                registry.doubleStarts.add(item + " started on " + name + " while " + other.name + " runs it");
            }
        }
    }

    /** A graceful shutdown: stop everything (before the member leaves the group). */
    synchronized void stopAll() {
        stopped = true;
        connectors.forEach(c -> stop(c, true));
        tasks.forEach(t -> stop(t, true));
        connectors.clear();
        tasks.clear();
    }

    /** The process died: whatever it ran is gone, without any orderly stop. */
    synchronized void die() {
        registry.running.values().removeIf(owner -> owner == this);
    }

    synchronized Set<String> connectors() {
        return new TreeSet<>(connectors);
    }

    synchronized Set<ConnectorTaskId> tasks() {
        return new TreeSet<>(tasks);
    }

    synchronized List<Object> starts() {
        return new ArrayList<>(starts);
    }

    /** Every assignment received, oldest first. */
    synchronized List<Assigned> assigned() {
        return new ArrayList<>(assigned);
    }

    synchronized List<Object> stops() {
        return new ArrayList<>(stops);
    }

    /** When {@code item} (a connector name or task id) was last started here; null if never. */
    synchronized Long startedAtMs(Object item) {
        return startedAtMs.get(item);
    }
}
