package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MembershipProtocolTest {

    private static final Set<ConnectorTaskId> TASKS = Set.of(new ConnectorTaskId("orders", 0),
            new ConnectorTaskId("orders", 7), new ConnectorTaskId("ünïcödé-sink", 2));

    private static WorkerMetadata metadata() {
        return new WorkerMetadata(-42L, "http://worker-1:8083/", 1234L, 17, Set.of("orders", "ünïcödé-sink"), TASKS);
    }

    private static WorkerAssignment assignment() {
        return new WorkerAssignment(WorkerAssignment.Error.NONE, "connect-1-abc", "http://leader:8083/", 99L,
                Set.of("orders"), TASKS, Set.of("old"), Set.of(new ConnectorTaskId("old", 3)), 2_500L);
    }

    @Test
    void metadataRoundTrips() {
        assertEquals(metadata(), MembershipProtocol.decodeMetadata(MembershipProtocol.encodeMetadata(metadata())));
        WorkerMetadata nothing = new WorkerMetadata(0, "http://x/", -1, -1, Set.of(), Set.of());
        assertEquals(nothing, MembershipProtocol.decodeMetadata(MembershipProtocol.encodeMetadata(nothing)));
    }

    @Test
    void aLeavingWorkerSaysSoAndVersionOneMetadataIsNeverLeaving() {
        WorkerMetadata leaving = new WorkerMetadata(5, "http://x/", 3, 2, Set.of(), Set.of(), true);
        assertEquals(leaving, MembershipProtocol.decodeMetadata(MembershipProtocol.encodeMetadata(leaving)));

        ByteBuffer v2 = MembershipProtocol.encodeMetadata(metadata());
        ByteBuffer v1 = ByteBuffer.allocate(v2.remaining() - 1); // a version 1 writer has no leaving flag
        v1.put(v2.array(), 0, v2.remaining() - 1).flip();
        v1.putShort(0, (short) 1);
        WorkerMetadata decoded = MembershipProtocol.decodeMetadata(v1);
        assertEquals(metadata(), decoded);
        assertEquals(false, decoded.leaving());
    }

    @Test
    void assignmentRoundTrips() {
        assertEquals(assignment(), MembershipProtocol.decodeAssignment(MembershipProtocol.encodeAssignment(assignment())));
        WorkerAssignment failed = WorkerAssignment.failed(WorkerAssignment.Error.CONFIG_MISMATCH, null, "http://l/", 7);
        WorkerAssignment decoded = MembershipProtocol.decodeAssignment(MembershipProtocol.encodeAssignment(failed));
        assertEquals(failed, decoded);
        assertNull(decoded.leaderId());
        assertTrue(decoded.failed());
    }

    @Test
    void aFollowUpRoundIsAnnouncedAndVersionOneAssignmentsNeverAnnounceOne() {
        WorkerAssignment a = assignment();
        WorkerAssignment followUp = new WorkerAssignment(a.error(), a.leaderId(), a.leaderUrl(), a.configOffset(),
                a.connectors(), a.tasks(), a.revokedConnectors(), a.revokedTasks(), a.delayMs(), true);
        assertEquals(followUp, MembershipProtocol.decodeAssignment(MembershipProtocol.encodeAssignment(followUp)));

        ByteBuffer v2 = MembershipProtocol.encodeAssignment(followUp);
        ByteBuffer v1 = ByteBuffer.allocate(v2.remaining() - 1); // a version 1 leader sends no follow-up flag
        v1.put(v2.array(), 0, v2.remaining() - 1).flip();
        v1.putShort(0, (short) 1);
        assertEquals(a, MembershipProtocol.decodeAssignment(v1));
    }

    @Test
    void decodingDoesNotConsumeTheCallersBuffer() {
        ByteBuffer encoded = MembershipProtocol.encodeMetadata(metadata());
        int remaining = encoded.remaining();
        MembershipProtocol.decodeMetadata(encoded);
        assertEquals(remaining, encoded.remaining());
        assertEquals(metadata(), MembershipProtocol.decodeMetadata(encoded));
    }

    @Test
    void tasksOfOneConnectorAreStoredCompactly() {
        Set<ConnectorTaskId> many = new java.util.TreeSet<>();
        for (int i = 0; i < 100; i++) {
            many.add(new ConnectorTaskId("a-connector-with-a-long-name", i));
        }
        int size = MembershipProtocol.encodeMetadata(new WorkerMetadata(1, "http://w/", 0, 0, Set.of(), many)).remaining();
        assertTrue(size < 100 * 4 + 100, "100 tasks took " + size + " bytes");
    }

    /** A newer worker appends fields and raises the version; this one reads what it knows and ignores the rest. */
    @Test
    void newerVersionsWithExtraFieldsAreRead() {
        assertEquals(metadata(), MembershipProtocol.decodeMetadata(fromVersion(MembershipProtocol.encodeMetadata(metadata()), 3)));
        assertEquals(assignment(), MembershipProtocol.decodeAssignment(
                fromVersion(MembershipProtocol.encodeAssignment(assignment()), 2)));
    }

    @Test
    void unknownErrorCodesFromANewerLeaderAreKeptAsUnknown() {
        ByteBuffer encoded = MembershipProtocol.encodeAssignment(assignment());
        encoded.putShort(2, (short) 9);
        WorkerAssignment decoded = MembershipProtocol.decodeAssignment(encoded);
        assertEquals(WorkerAssignment.Error.UNKNOWN, decoded.error());
        assertTrue(decoded.failed());
    }

    @Test
    void versionZeroTruncatedAndCorruptMessagesAreRefusedClearly() {
        ByteBuffer zero = MembershipProtocol.encodeMetadata(metadata());
        zero.putShort(0, (short) 0);
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
                () -> MembershipProtocol.decodeMetadata(zero));
        assertTrue(version.getMessage().contains("version 0"), version.getMessage());

        ByteBuffer whole = MembershipProtocol.encodeAssignment(assignment());
        ByteBuffer truncated = ByteBuffer.wrap(whole.array(), 0, whole.remaining() - 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MembershipProtocol.decodeAssignment(truncated))
                .getMessage().contains("truncated"));

        ByteBuffer corrupt = MembershipProtocol.encodeMetadata(metadata());
        corrupt.putInt(2 + 8, Integer.MAX_VALUE); // the URL's length
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MembershipProtocol.decodeMetadata(corrupt))
                .getMessage().contains("Corrupt"));
    }

    private static ByteBuffer fromVersion(ByteBuffer v1, int version) {
        ByteBuffer newer = ByteBuffer.allocate(v1.remaining() + 12);
        newer.put(v1.duplicate());
        newer.putInt(123).putLong(456L); // fields this worker does not know
        newer.flip();
        newer.putShort(0, (short) version);
        return newer;
    }
}
