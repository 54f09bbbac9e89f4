package io.aqueduct.connect.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.header.ConnectHeaders;
import io.aqueduct.connect.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class SinkRecordTest {

    private static SinkRecord consumed() {
        return new SinkRecord("orders", 2, Schema.STRING_SCHEMA, "k", Schema.STRING_SCHEMA, "v", 100L,
            1234L, TimestampType.CREATE_TIME, new ConnectHeaders().addString("h", "x"));
    }

    @Test
    void shortConstructorHasNoTimestamp() {
        SinkRecord record = new SinkRecord("t", 1, null, "k", null, "v", 7L);

        assertNull(record.timestamp());
        assertEquals(TimestampType.NO_TIMESTAMP_TYPE, record.timestampType());
        assertEquals(7L, record.kafkaOffset());
        assertTrue(record.headers().isEmpty());
    }

    @Test
    void originalsDefaultToTheConsumedCoordinates() {
        SinkRecord record = consumed();

        assertEquals("orders", record.originalTopic());
        assertEquals(2, record.originalKafkaPartition());
        assertEquals(100L, record.originalKafkaOffset());
        assertEquals(100L, record.kafkaOffset());
        assertEquals(TimestampType.CREATE_TIME, record.timestampType());
    }

    @Test
    void newRecordKeepsOffsetTimestampTypeAndOriginals() {
        SinkRecord routed = consumed().newRecord("orders-eu", 7, null, "k2", Schema.INT32_SCHEMA, 5, 99L);
        SinkRecord routedTwice = routed.newRecord("orders-eu-archive", 0, null, null, null, null, null,
            new ConnectHeaders());

        for (SinkRecord copy : new SinkRecord[] {routed, routedTwice}) {
            assertEquals("orders", copy.originalTopic());
            assertEquals(2, copy.originalKafkaPartition());
            assertEquals(100L, copy.originalKafkaOffset());
            assertEquals(100L, copy.kafkaOffset());
            assertEquals(TimestampType.CREATE_TIME, copy.timestampType());
        }
        assertEquals("orders-eu", routed.topic());
        assertEquals(7, routed.kafkaPartition());
        assertEquals(5, routed.value());
        assertEquals(99L, routed.timestamp());
        assertEquals("x", routed.headers().lastWithName("h").value());
        assertEquals("orders-eu-archive", routedTwice.topic());
        assertTrue(routedTwice.headers().isEmpty());
    }

    @Test
    void newRecordWithoutHeadersDuplicatesThem() {
        SinkRecord original = consumed();

        SinkRecord copy = original.newRecord("t", 0, null, null, null, null, null);
        copy.headers().addString("extra", "y");

        assertEquals(1, original.headers().size());
        assertEquals(2, copy.headers().size());
    }

    @Test
    void newRecordWithHeadersUsesExactlyThoseHeaders() {
        Headers replacement = new ConnectHeaders().addString("r", "1");

        SinkRecord copy = consumed().newRecord("t", 0, null, null, null, null, null, replacement);

        assertSame(replacement, copy.headers());
    }

    @Test
    void newRecordRejectsANullPartitionWithAMessage() {
        NullPointerException e = assertThrows(NullPointerException.class,
            () -> consumed().newRecord("t", null, null, null, null, null, null));

        assertTrue(e.getMessage().contains("kafkaPartition"), e.getMessage());
    }

    @Test
    void equalRecordsHaveEqualHashCodes() {
        assertEquals(consumed(), consumed());
        assertEquals(consumed().hashCode(), consumed().hashCode());
    }

    @Test
    void sinkSpecificFieldsTakePartInEquality() {
        SinkRecord base = consumed();
        SinkRecord otherOffset = new SinkRecord("orders", 2, Schema.STRING_SCHEMA, "k", Schema.STRING_SCHEMA, "v", 101L,
            1234L, TimestampType.CREATE_TIME, new ConnectHeaders().addString("h", "x"));
        SinkRecord otherType = new SinkRecord("orders", 2, Schema.STRING_SCHEMA, "k", Schema.STRING_SCHEMA, "v", 100L,
            1234L, TimestampType.LOG_APPEND_TIME, new ConnectHeaders().addString("h", "x"));
        SinkRecord otherOriginal = new SinkRecord("orders", 2, Schema.STRING_SCHEMA, "k", Schema.STRING_SCHEMA, "v",
            100L, 1234L, TimestampType.CREATE_TIME, new ConnectHeaders().addString("h", "x"), "raw-orders", 2, 100L);

        assertNotEquals(base, otherOffset);
        assertNotEquals(base, otherType);
        assertNotEquals(base, otherOriginal);
    }

    @Test
    void toStringShowsOffsetAndOriginals() {
        String text = consumed().newRecord("routed", 0, null, null, null, null, null).toString();

        assertTrue(text.startsWith("SinkRecord{"), text);
        assertTrue(text.contains("kafkaOffset=100"), text);
        assertTrue(text.contains("originalTopic='orders'"), text);
        assertTrue(text.contains("topic='routed'"), text);
    }
}
