package io.aqueduct.connect.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.header.ConnectHeaders;
import io.aqueduct.connect.header.Header;
import io.aqueduct.connect.header.Headers;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.source.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ConnectRecordTest {

    private static SourceRecord sourceRecord(Iterable<Header> headers) {
        return new SourceRecord(null, null, "topic", 0, null, null, Schema.STRING_SCHEMA, "v", 1L, headers);
    }

    @Test
    void nullHeadersBecomeAnEmptyModifiableList() {
        SourceRecord record = sourceRecord(null);

        assertNotNull(record.headers());
        assertTrue(record.headers().isEmpty());
        record.headers().addString("added", "later");
        assertEquals("later", record.headers().lastWithName("added").value());
    }

    @Test
    void connectHeadersAreUsedAsGiven() {
        ConnectHeaders headers = new ConnectHeaders();

        SourceRecord record = sourceRecord(headers);

        assertSame(headers, record.headers());
    }

    @Test
    void otherHeaderIterablesAreCopied() {
        Headers source = new ConnectHeaders().addString("a", "1").addString("b", "2");
        List<Header> list = new ArrayList<>();
        source.forEach(list::add);

        SourceRecord record = sourceRecord(list);
        list.clear();

        assertEquals(2, record.headers().size());
        assertEquals("2", record.headers().lastWithName("b").value());
    }

    @Test
    void newRecordWithoutHeadersCopiesTheHeadersSoChangesDoNotLeak() {
        SourceRecord original = sourceRecord(new ConnectHeaders().addString("h", "x"));

        SourceRecord copy = original.newRecord("other", 1, null, null, Schema.STRING_SCHEMA, "w", 2L);
        copy.headers().addString("only-on-copy", "y");

        assertEquals(1, original.headers().size());
        assertEquals(2, copy.headers().size());
        assertEquals("x", copy.headers().lastWithName("h").value());
    }

    @Test
    void recordsOfDifferentClassesAreNotEqualEvenWithTheSameCoreFields() {
        SourceRecord source = new SourceRecord(null, null, "t", 0, null, null, null, null, null, null);
        SinkRecord sink = new SinkRecord("t", 0, null, null, null, null, 0L, null, TimestampType.NO_TIMESTAMP_TYPE);

        assertNotEquals(source, sink);
        assertNotEquals(sink, source);
    }

    @Test
    void headersTakePartInEquality() {
        SourceRecord plain = sourceRecord(new ConnectHeaders());
        SourceRecord withHeader = sourceRecord(new ConnectHeaders().addString("h", "x"));

        assertNotEquals(plain, withHeader);
        assertEquals(withHeader, sourceRecord(new ConnectHeaders().addString("h", "x")));
    }

    @Test
    void toStringNamesTheTypeAndFields() {
        SourceRecord record = new SourceRecord(Map.of("file", "a"), Map.of("pos", 3), "t", 2,
            null, "k", null, "v", 9L, null);

        String text = record.toString();

        assertTrue(text.startsWith("SourceRecord{"), text);
        assertTrue(text.contains("topic='t'"), text);
        assertTrue(text.contains("kafkaPartition=2"), text);
        assertTrue(text.contains("sourceOffset={pos=3}"), text);
        assertTrue(text.contains("timestamp=9"), text);
    }
}
