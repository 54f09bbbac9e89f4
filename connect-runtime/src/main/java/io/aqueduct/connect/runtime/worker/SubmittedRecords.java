package io.aqueduct.connect.runtime.worker;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Tracks the records a source task has handed to the producer, so that a source offset is committed
 * only once its record and every record before it from the same source partition are acknowledged.
 *
 * <p>Threads: {@link #submit} and {@link #committableOffsets()} are called by the task thread only;
 * {@link SubmittedRecord#ack()} by the producer's callback thread. The two sides share nothing but a
 * volatile flag per record and one counter, so the hot path takes no lock.
 */
final class SubmittedRecords {

    private static final long AWAIT_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Map<Map<String, ?>, ArrayDeque<SubmittedRecord>> byPartition = new HashMap<>();
    private final AtomicLong unacknowledged = new AtomicLong();
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
                unacknowledged.decrementAndGet();
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
        return record;
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
        if (byPartition.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
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
