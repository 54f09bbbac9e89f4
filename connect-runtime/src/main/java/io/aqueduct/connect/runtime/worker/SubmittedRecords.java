package io.aqueduct.connect.runtime.worker;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Tracks the records a source task has handed to the producer, so that a source offset is committed
 * only once its record and every record before it from the same source partition are acknowledged.
 *
 * <p>Threads: {@link #submit}, {@link #awaitCapacity} and {@link #committableOffsets()} are called by the
 * task thread only; {@link SubmittedRecord#ack()} by the producer's callback thread. The two sides share
 * nothing but a volatile flag per record, one counter and the parked task thread, so the hot path takes no
 * lock.
 *
 * <p>Memory: every record between submit and commit holds a few small objects here and in the producer.
 * Records acknowledged in order are folded into one pending offset per partition as new records arrive, so
 * they die young instead of waiting for the next commit; and {@link #awaitCapacity} lets the task bound how
 * many records are unacknowledged at once. Both keep young garbage collections from copying hundreds of
 * thousands of live records (measured: most of a fast source task's CPU went to that).
 */
final class SubmittedRecords {

    private static final long AWAIT_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long CAPACITY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** How often (in submitted records) the acknowledged prefix of the current partition is folded. */
    private static final int PRUNE_EVERY = 1024;

    private final Map<Map<String, ?>, ArrayDeque<SubmittedRecord>> byPartition = new HashMap<>();
    /** The newest offset per partition whose record and all before it were acknowledged, not yet returned. */
    private final Map<Map<String, ?>, Map<String, ?>> folded = new HashMap<>();
    private final AtomicLong unacknowledged = new AtomicLong();
    private int submitsSincePrune;
    /** The task thread while it waits in {@link #awaitCapacity}; acknowledgements wake it. */
    private volatile Thread capacityWaiter;
    private volatile long resumeBelow;
    // Sources usually hand out the same partition map instance for a run of records: skip the hash lookup.
    private Map<String, ?> lastPartition;
    private ArrayDeque<SubmittedRecord> lastQueue;

    /** One submitted record; acknowledge it exactly once. */
    final class SubmittedRecord {
        private final Map<String, ?> offset;
        private volatile boolean acked;

        private SubmittedRecord(Map<String, ?> offset) {
            this.offset = offset;
        }

        /** Marks the record acknowledged (or done with, e.g. dropped). Idempotent; any thread. */
        void ack() {
            if (!acked) {
                acked = true;
                long remaining = unacknowledged.decrementAndGet();
                Thread waiter = capacityWaiter;
                if (waiter != null && remaining < resumeBelow) {
                    LockSupport.unpark(waiter);
                }
            }
        }

        boolean acked() {
            return acked;
        }
    }

    /**
     * Registers a record about to be sent. A record without a source partition or offset is tracked only
     * for {@link #awaitAllAcknowledged}: it has no offset to commit.
     *
     * @return the handle to {@link SubmittedRecord#ack()} when the record is acknowledged
     */
    SubmittedRecord submit(Map<String, ?> partition, Map<String, ?> offset) {
        SubmittedRecord record = new SubmittedRecord(offset);
        unacknowledged.incrementAndGet();
        if (partition == null || offset == null) {
            return record;
        }
        ArrayDeque<SubmittedRecord> queue;
        if (partition == lastPartition) {
            queue = lastQueue;
        } else {
            queue = byPartition.computeIfAbsent(partition, p -> new ArrayDeque<>());
            lastPartition = partition;
            lastQueue = queue;
        }
        queue.addLast(record);
        if (++submitsSincePrune >= PRUNE_EVERY) {
            submitsSincePrune = 0;
            fold(partition, queue);
        }
        return record;
    }

    /** Moves the acknowledged prefix of {@code queue} into {@link #folded}; keeps the queue in the map. */
    private void fold(Map<String, ?> partition, ArrayDeque<SubmittedRecord> queue) {
        SubmittedRecord newest = null;
        while (queue.size() > 1 && queue.peekFirst().acked) {
            newest = queue.pollFirst();
        }
        if (newest != null) {
            folded.put(partition, newest.offset);
        }
    }

    /**
     * Blocks while {@code limit} or more submitted records are unacknowledged, until fewer than three
     * quarters of {@code limit} are, or {@code stopping} says to give up. Task thread only.
     *
     * @return false if it gave up because of {@code stopping} or an interrupt
     */
    boolean awaitCapacity(long limit, BooleanSupplier stopping) {
        if (unacknowledged.get() < limit) {
            return true;
        }
        resumeBelow = limit - limit / 4;
        capacityWaiter = Thread.currentThread();
        try {
            while (unacknowledged.get() >= resumeBelow) {
                if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                // The timeout only covers a wake-up lost between the check above and the park.
                LockSupport.parkNanos(this, CAPACITY_PARK_NANOS);
            }
            return true;
        } finally {
            capacityWaiter = null;
        }
    }

    /**
     * Takes back the record just {@link #submit submitted} because the producer refused it before sending;
     * it will be submitted again. Task thread only.
     */
    void retract(Map<String, ?> partition, SubmittedRecord record) {
        if (partition != null) {
            ArrayDeque<SubmittedRecord> queue = partition == lastPartition ? lastQueue : byPartition.get(partition);
            if (queue != null) {
                queue.removeLastOccurrence(record);
                if (queue.isEmpty()) {
                    byPartition.remove(partition);
                    if (queue == lastQueue) {
                        lastQueue = null;
                        lastPartition = null;
                    }
                }
            }
        }
        record.ack();
    }

    /**
     * Removes the acknowledged prefix of every partition's records and returns, for each partition where
     * that prefix was not empty, the offset of its last record. Partitions with nothing new are absent.
     */
    Map<Map<String, ?>, Map<String, ?>> committableOffsets() {
        if (byPartition.isEmpty() && folded.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>(folded);
        folded.clear();
        Iterator<Map.Entry<Map<String, ?>, ArrayDeque<SubmittedRecord>>> entries = byPartition.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Map<String, ?>, ArrayDeque<SubmittedRecord>> entry = entries.next();
            ArrayDeque<SubmittedRecord> queue = entry.getValue();
            SubmittedRecord newest = null;
            while (!queue.isEmpty() && queue.peekFirst().acked) {
                newest = queue.pollFirst();
            }
            if (newest != null) {
                offsets.put(entry.getKey(), newest.offset);
            }
            if (queue.isEmpty()) {
                entries.remove();
                if (queue == lastQueue) {
                    lastQueue = null;
                    lastPartition = null;
                }
            }
        }
        return offsets;
    }

    /** How many submitted records are not acknowledged yet. */
    long unacknowledged() {
        return unacknowledged.get();
    }

    /**
     * Waits until every submitted record is acknowledged, or the timeout passes.
     *
     * @return whether all were acknowledged
     */
    boolean awaitAllAcknowledged(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (unacknowledged.get() > 0) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(AWAIT_PARK_NANOS);
        }
        return true;
    }
}
