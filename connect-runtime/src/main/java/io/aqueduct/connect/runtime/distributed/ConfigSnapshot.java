package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What should run in the cluster according to the config topic, as read up to {@code offset}: every connector
 * that exists and every task id of those connectors. Immutable; the sets are sorted copies.
 *
 * @param offset     the config topic offset this snapshot has read to (the next offset to read), -1 if none
 * @param connectors names of the connectors that should run somewhere
 * @param tasks      ids of the tasks that should run somewhere
 */
public record ConfigSnapshot(long offset, Set<String> connectors, Set<ConnectorTaskId> tasks) {

    /** Nothing read yet: offset -1, no work. */
    public static final ConfigSnapshot EMPTY = new ConfigSnapshot(-1, Set.of(), Set.of());

    public ConfigSnapshot {
        connectors = sorted(Objects.requireNonNull(connectors, "connectors"));
        tasks = sorted(Objects.requireNonNull(tasks, "tasks"));
    }

    static <T extends Comparable<T>> SortedSet<T> sorted(Collection<T> items) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(items));
    }
}
