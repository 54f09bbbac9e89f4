package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.storage.ClusterConfigState;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What this worker owns in the group and how far the group has settled: written on the herder thread, read on
 * any thread (REST, membership). Also answers the group's question about the work that should run
 * ({@link #inputs()}), from the config store's snapshot.
 */
final class Assignments {

    private final Supplier<ClusterConfigState> configs;
    private volatile Set<String> connectors = Set.of();
    private volatile Set<ConnectorTaskId> tasks = Set.of();
    private volatile boolean ready;
    private volatile boolean rebalancing = true;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile ConfigSnapshot lastInputs = ConfigSnapshot.EMPTY;

    Assignments(Supplier<ClusterConfigState> configs) {
        this.configs = configs;
    }

    boolean ownsConnector(String connector) {
        return connectors.contains(connector);
    }

    boolean ownsTask(ConnectorTaskId task) {
        return tasks.contains(task);
    }

    Set<String> connectors() {
        return connectors;
    }

    Set<ConnectorTaskId> tasks() {
        return tasks;
    }

    void assigned(Set<String> connectors, Set<ConnectorTaskId> tasks) {
        this.connectors = Set.copyOf(connectors);
        this.tasks = Set.copyOf(tasks);
    }

    void revoked(Collection<String> revokedConnectors, Collection<ConnectorTaskId> revokedTasks) {
        Set<String> c = new TreeSet<>(connectors);
        c.removeAll(revokedConnectors);
        Set<ConnectorTaskId> t = new TreeSet<>(tasks);
        t.removeAll(revokedTasks);
        assigned(c, t);
    }

    /** An assignment was applied: the herder serves requests and writes no longer wait. */
    void settled() {
        ready = true;
        rebalancing = false;
    }

    void rebalancing(boolean value) {
        rebalancing = value;
    }

    boolean rebalancing() {
        return rebalancing;
    }

    boolean ready() {
        return ready && !stopping.get();
    }

    /** @return false if stopping had begun already */
    boolean beginStopping() {
        ready = false;
        return stopping.compareAndSet(false, true);
    }

    boolean stopping() {
        return stopping.get();
    }

    /** The work that should run, for the group (membership thread); cheap when nothing changed. */
    ConfigSnapshot inputs() {
        ClusterConfigState state = configs.get();
        ConfigSnapshot last = lastInputs;
        if (last.offset() == state.offset() && last != ConfigSnapshot.EMPTY) {
            return last;
        }
        ConfigSnapshot current = snapshotOf(state);
        lastInputs = current;
        return current;
    }

    /** Whether the connectors or tasks of {@code state} differ from those last given to the group. */
    boolean workChangedSinceLastInputs(ClusterConfigState state) {
        ConfigSnapshot last = lastInputs;
        ConfigSnapshot now = snapshotOf(state);
        return !now.connectors().equals(last.connectors()) || !now.tasks().equals(last.tasks());
    }

    private static ConfigSnapshot snapshotOf(ClusterConfigState state) {
        Set<ConnectorTaskId> all = new TreeSet<>();
        for (String connector : state.connectors()) {
            all.addAll(state.tasks(connector));
        }
        return new ConfigSnapshot(state.offset(), state.connectors(), all);
    }
}
