package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.test.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmittedRecordsTest {

    private static final Map<String, String> P1 = Map.of("file", "a");
    private static final Map<String, String> P2 = Map.of("file", "b");

    private final SubmittedRecords records = new SubmittedRecords();

    private static Map<String, Long> offset(long position) {
        return Map.of("position", position);
    }

    @Test
    void aRetractedRecordIsNeitherWaitedForNorCommitted() {
        SubmittedRecords.SubmittedRecord first = records.submit(P1, offset(1));
        SubmittedRecords.SubmittedRecord refused = records.submit(P1, offset(2));
        records.retract(P1, refused);
        first.ack();
        assertEquals(0, records.unacknowledged());
        assertEquals(Map.of(P1, offset(1)), records.committableOffsets());

        SubmittedRecords.SubmittedRecord again = records.submit(P1, offset(2));
        assertEquals(Map.of(), records.committableOffsets(), "the resubmitted record is not acknowledged yet");
        again.ack();
        assertEquals(Map.of(P1, offset(2)), records.committableOffsets());
    }

    @Test
    void nothingIsCommittableBeforeAnAck() {
        records.submit(P1, offset(1));
        records.submit(P1, offset(2));
        assertEquals(Map.of(), records.committableOffsets());
        assertEquals(2, records.unacknowledged());
    }

    @Test
    void commitsTheNewestOffsetOfTheContiguouslyAcknowledgedPrefix() {
        SubmittedRecords.SubmittedRecord first = records.submit(P1, offset(1));
        SubmittedRecords.SubmittedRecord second = records.submit(P1, offset(2));
        records.submit(P1, offset(3));
        first.ack();
        second.ack();
        assertEquals(Map.of(P1, offset(2)), records.committableOffsets());
        assertEquals(Map.of(), records.committableOffsets(), "the prefix was consumed");
    }

    @Test
    void anOutOfOrderAckWaitsForTheRecordsBeforeIt() {
        SubmittedRecords.SubmittedRecord first = records.submit(P1, offset(1));
        SubmittedRecords.SubmittedRecord second = records.submit(P1, offset(2));
        SubmittedRecords.SubmittedRecord third = records.submit(P1, offset(3));
        third.ack();
        second.ack();
        assertEquals(Map.of(), records.committableOffsets());
        first.ack();
        assertEquals(Map.of(P1, offset(3)), records.committableOffsets());
        assertEquals(0, records.unacknowledged());
    }

    @Test
    void partitionsAreTrackedIndependently() {
        SubmittedRecords.SubmittedRecord a1 = records.submit(P1, offset(1));
        SubmittedRecords.SubmittedRecord b1 = records.submit(P2, offset(10));
        SubmittedRecords.SubmittedRecord a2 = records.submit(P1, offset(2));
        SubmittedRecords.SubmittedRecord b2 = records.submit(P2, offset(20));
        b1.ack();
        a2.ack();
        assertEquals(Map.of(P2, offset(10)), records.committableOffsets(), "P1 waits for its first record");
        a1.ack();
        b2.ack();
        assertEquals(Map.of(P1, offset(2), P2, offset(20)), records.committableOffsets());
    }

    @Test
    void aDroppedRecordAcknowledgedAtOnceLetsItsOffsetBeCommitted() {
        records.submit(P1, offset(1)).ack(); // dropped by a transformation
        assertEquals(Map.of(P1, offset(1)), records.committableOffsets());
    }

    @Test
    void recordsWithoutPartitionOrOffsetCountForAwaitingButHaveNoOffset() {
        SubmittedRecords.SubmittedRecord untracked = records.submit(null, null);
        SubmittedRecords.SubmittedRecord noOffset = records.submit(P1, null);
        assertFalse(records.awaitAllAcknowledged(1));
        untracked.ack();
        noOffset.ack();
        assertTrue(records.awaitAllAcknowledged(1));
        assertEquals(Map.of(), records.committableOffsets());
    }

    @Test
    void acknowledgingTwiceCountsOnce() {
        SubmittedRecords.SubmittedRecord record = records.submit(P1, offset(1));
        records.submit(P1, offset(2));
        record.ack();
        record.ack();
        assertEquals(1, records.unacknowledged());
    }

    @Test
    void awaitReturnsOnceAcksArriveFromAnotherThread() throws Exception {
        SubmittedRecords.SubmittedRecord record = records.submit(P1, offset(1));
        Thread acker = new Thread(record::ack);
        acker.start();
        assertTrue(records.awaitAllAcknowledged(10_000));
        acker.join();
        assertEquals(Map.of(P1, offset(1)), records.committableOffsets());
    }

    @Test
    void aPartitionMapEqualButNotIdenticalSharesTheQueue() {
        SubmittedRecords.SubmittedRecord first = records.submit(Map.of("file", "a"), offset(1));
        records.submit(P2, offset(5));
        SubmittedRecords.SubmittedRecord second = records.submit(Map.of("file", "a"), offset(2));
        second.ack();
        assertEquals(Map.of(), records.committableOffsets());
        first.ack();
        assertEquals(Map.of(P1, offset(2)), records.committableOffsets());
    }

    @Test
    void recordsAcknowledgedWhileMoreArriveAreFoldedWithoutLosingTheOrder() {
        SubmittedRecords.SubmittedRecord straggler = null;
        for (long i = 1; i <= 5_000; i++) {
            SubmittedRecords.SubmittedRecord record = records.submit(P1, offset(i));
            if (i == 3_000) {
                straggler = record;
            } else {
                record.ack();
            }
        }
        assertEquals(Map.of(P1, offset(2_999)), records.committableOffsets(),
                "folded records before the unacknowledged one count, none after it");
        straggler.ack();
        assertEquals(Map.of(P1, offset(5_000)), records.committableOffsets());
        assertEquals(Map.of(), records.committableOffsets());
        assertEquals(0, records.unacknowledged());
    }

    @Test
    void awaitCapacityReturnsAtOnceBelowTheLimit() {
        records.submit(P1, offset(1));
        assertTrue(records.awaitCapacity(2, () -> false));
    }

    @Test
    void awaitCapacityBlocksUntilAcknowledgementsMakeRoom() throws Exception {
        List<SubmittedRecords.SubmittedRecord> sent = new ArrayList<>();
        for (long i = 1; i <= 4; i++) {
            sent.add(records.submit(P1, offset(i)));
        }
        CompletableFuture<Boolean> waited = new CompletableFuture<>();
        Thread taskThread = new Thread(() -> waited.complete(records.awaitCapacity(4, () -> false)), "task");
        taskThread.start();
        Await.until("the task thread waits for room", Duration.ofSeconds(10),
                () -> taskThread.getState() == Thread.State.TIMED_WAITING);
        sent.get(0).ack();
        // 3 unacknowledged: still not below three quarters of the limit.
        assertThrows(TimeoutException.class, () -> waited.get(50, TimeUnit.MILLISECONDS));
        sent.get(1).ack();
        assertTrue(waited.get(10, TimeUnit.SECONDS));
    }

    @Test
    void awaitCapacityGivesUpWhenTheTaskStops() throws Exception {
        records.submit(P1, offset(1));
        AtomicBoolean stopping = new AtomicBoolean();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> records.awaitCapacity(1, stopping::get));
        stopping.set(true);
        assertFalse(waited.get(10, TimeUnit.SECONDS));
    }
}
