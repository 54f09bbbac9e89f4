package io.aqueduct.connect.runtime.errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.TopicPartition;

import io.aqueduct.connect.errors.ConnectException;

/**
 * Dead letter queue writes not yet acknowledged, per consumed partition, so a sink task can hold back an
 * offset commit until every record it skipped before that offset is stored. Only the failure path adds
 * here; the lock is never taken while processing healthy records.
 */
final class PendingReports {

    private final Map<TopicPartition, List<CompletableFuture<Void>>> pending = new HashMap<>();

    void add(TopicPartition partition, CompletableFuture<Void> future) {
        if (future.isDone() && !future.isCompletedExceptionally()) {
            return;
        }
        synchronized (pending) {
            List<CompletableFuture<Void>> futures = pending.computeIfAbsent(partition, tp -> new ArrayList<>());
            futures.removeIf(f -> f.isDone() && !f.isCompletedExceptionally());
            futures.add(future);
        }
    }

    /**
     * Waits for every report on {@code partitions} made so far.
     *
     * @throws ConnectException if a report could not be stored (its record would be lost if the offset
     *                          were committed) or the wait was interrupted
     */
    void await(Collection<TopicPartition> partitions) {
        for (CompletableFuture<Void> future : take(partitions)) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new ConnectException("A failed record could not be written to the dead letter queue, so the"
                        + " offsets of its partition are not committed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while waiting for dead letter queue writes", e);
            }
        }
    }

    /** Forgets the reports on {@code partitions}, e.g. when the partitions were lost. */
    void forget(Collection<TopicPartition> partitions) {
        take(partitions);
    }

    int size() {
        synchronized (pending) {
            return pending.values().stream().mapToInt(List::size).sum();
        }
    }

    private List<CompletableFuture<Void>> take(Collection<TopicPartition> partitions) {
        List<CompletableFuture<Void>> taken = new ArrayList<>();
        synchronized (pending) {
            if (pending.isEmpty()) {
                return taken;
            }
            Iterator<TopicPartition> it = partitions.iterator();
            while (it.hasNext()) {
                List<CompletableFuture<Void>> futures = pending.remove(it.next());
                if (futures != null) {
                    taken.addAll(futures);
                }
            }
        }
        return taken;
    }
}
