package io.aqueduct.connect.examples;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.source.SourceRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StaticHeaderTest {

    @Test
    void addsTheHeaderToACopyOfASourceRecord() {
        StaticHeader<SourceRecord> transform = configured();
        SourceRecord original = new SourceRecord(Map.of("p", 1), Map.of("o", 2), "t", Schema.STRING_SCHEMA, "v");

        SourceRecord result = transform.apply(original);

        assertEquals("lab-3", result.headers().lastWithName("origin").value());
        assertEquals("v", result.value());
        assertEquals(Map.of("o", 2), result.sourceOffset());
        assertNull(original.headers().lastWithName("origin"), "the task's own record is left alone");
    }

    @Test
    void worksOnSinkRecordsToo() {
        StaticHeader<SinkRecord> transform = configured();
        SinkRecord original = new SinkRecord("t", 0, null, null, Schema.STRING_SCHEMA, "v", 7L);

        SinkRecord result = transform.apply(original);

        assertEquals("lab-3", result.headers().lastWithName("origin").value());
        assertEquals(7L, result.kafkaOffset());
    }

    @Test
    void refusesAConfigWithoutHeaderName() {
        StaticHeader<SourceRecord> transform = new StaticHeader<>();
        ConfigException e = assertThrows(ConfigException.class, () -> transform.configure(Map.of("value", "x")));
        assertEquals(true, e.getMessage().contains("header"), e.getMessage());
    }

    private static <R extends io.aqueduct.connect.connector.ConnectRecord<R>> StaticHeader<R> configured() {
        StaticHeader<R> transform = new StaticHeader<>();
        transform.configure(Map.of("header", "origin", "value", "lab-3"));
        return transform;
    }
}
