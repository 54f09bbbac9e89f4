package io.aqueduct.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.header.ConnectHeaders;
import io.aqueduct.connect.header.Headers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceRecordTest {

    private static final Map<String, ?> PARTITION = Map.of("file", "input.txt");
    private static final Map<String, ?> OFFSET = Map.of("position", 42L);

    private static SourceRecord full() {
        return new SourceRecord(PARTITION, OFFSET, "topic", 3, Schema.STRING_SCHEMA, "key",
            Schema.INT32_SCHEMA, 7, 1000L, new ConnectHeaders().addString("h", "x"));
    }

    @Test
    void shortConstructorsLeaveTheMissingFieldsNull() {
        SourceRecord valueOnly = new SourceRecord(PARTITION, OFFSET, "t", Schema.STRING_SCHEMA, "v");
        SourceRecord withPartition = new SourceRecord(PARTITION, OFFSET, "t", 5, Schema.STRING_SCHEMA, "v");
        SourceRecord withKey = new SourceRecord(PARTITION, OFFSET, "t", Schema.STRING_SCHEMA, "k",
            Schema.STRING_SCHEMA, "v");

        assertNull(valueOnly.kafkaPartition());
        assertNull(valueOnly.key());
        assertNull(valueOnly.keySchema());
        assertNull(valueOnly.timestamp());
        assertTrue(valueOnly.headers().isEmpty());
        assertEquals(5, withPartition.kafkaPartition());
        assertEquals("k", withKey.key());
        assertNull(withKey.kafkaPartition());
        assertEquals("v", withKey.value());
        assertSame(PARTITION, withKey.sourcePartition());
        assertSame(OFFSET, withKey.sourceOffset());
    }

    @Test
    void equalRecordsHaveEqualHashCodes() {
        SourceRecord a = full();
        SourceRecord b = full();

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void sourcePartitionAndOffsetTakePartInEquality() {
        SourceRecord base = full();
        SourceRecord otherOffset = new SourceRecord(PARTITION, Map.of("position", 43L), "topic", 3,
            Schema.STRING_SCHEMA, "key", Schema.INT32_SCHEMA, 7, 1000L, new ConnectHeaders().addString("h", "x"));
        SourceRecord otherPartition = new SourceRecord(Map.of("file", "other.txt"), OFFSET, "topic", 3,
            Schema.STRING_SCHEMA, "key", Schema.INT32_SCHEMA, 7, 1000L, new ConnectHeaders().addString("h", "x"));

        assertNotEquals(base, otherOffset);
        assertNotEquals(base, otherPartition);
    }

    @Test
    void coreFieldsTakePartInEquality() {
        SourceRecord base = full();

        assertNotEquals(base, base.newRecord("other", 3, Schema.STRING_SCHEMA, "key", Schema.INT32_SCHEMA, 7, 1000L));
        assertNotEquals(base, base.newRecord("topic", 4, Schema.STRING_SCHEMA, "key", Schema.INT32_SCHEMA, 7, 1000L));
        assertNotEquals(base, base.newRecord("topic", 3, null, "key", Schema.INT32_SCHEMA, 7, 1000L));
        assertNotEquals(base, base.newRecord("topic", 3, Schema.STRING_SCHEMA, "k2", Schema.INT32_SCHEMA, 7, 1000L));
        assertNotEquals(base, base.newRecord("topic", 3, Schema.STRING_SCHEMA, "key", Schema.INT64_SCHEMA, 7, 1000L));
        assertNotEquals(base, base.newRecord("topic", 3, Schema.STRING_SCHEMA, "key", Schema.INT32_SCHEMA, 8, 1000L));
        assertNotEquals(base, base.newRecord("topic", 3, Schema.STRING_SCHEMA, "key", Schema.INT32_SCHEMA, 7, null));
        assertEquals(base, base.newRecord("topic", 3, Schema.STRING_SCHEMA, "key", Schema.INT32_SCHEMA, 7, 1000L));
    }

    @Test
    void newRecordKeepsSourcePartitionAndOffset() {
        SourceRecord copy = full().newRecord("routed", null, null, null, Schema.STRING_SCHEMA, "new", 5L);

        assertSame(PARTITION, copy.sourcePartition());
        assertSame(OFFSET, copy.sourceOffset());
        assertEquals("routed", copy.topic());
        assertNull(copy.kafkaPartition());
        assertEquals("new", copy.value());
        assertEquals(5L, copy.timestamp());
        assertEquals("x", copy.headers().lastWithName("h").value());
    }

    @Test
    void newRecordWithHeadersUsesExactlyThoseHeaders() {
        Headers replacement = new ConnectHeaders().addString("other", "y");

        SourceRecord copy = full().newRecord("t", 1, null, null, null, null, null, replacement);

        assertSame(replacement, copy.headers());
        assertNull(copy.headers().lastWithName("h"));
        assertSame(PARTITION, copy.sourcePartition());
        assertSame(OFFSET, copy.sourceOffset());
    }
}
