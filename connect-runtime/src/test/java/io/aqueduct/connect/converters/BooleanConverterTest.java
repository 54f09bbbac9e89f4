package io.aqueduct.connect.converters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.errors.DataException;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BooleanConverterTest {

    private final BooleanConverter converter = new BooleanConverter();

    @BeforeEach
    void configure() {
        converter.configure(Map.of(), false);
    }

    @Test
    void writesOneByteAndReadsItBack() {
        assertArrayEquals(new byte[] {1}, converter.fromConnectData("t", Schema.BOOLEAN_SCHEMA, true));
        assertArrayEquals(new byte[] {0}, converter.fromConnectData("t", null, false));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, true), converter.toConnectData("t", new byte[] {1}));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, false), converter.toConnectData("t", new byte[] {0}));
    }

    @Test
    void keepsNullsNull() {
        assertNull(converter.fromConnectData("t", Schema.OPTIONAL_BOOLEAN_SCHEMA, null));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, null), converter.toConnectData("t", null));
    }

    @Test
    void rejectsOtherSchemasValuesAndBytesNamingTheTopic() {
        for (Runnable bad : new Runnable[] {
            () -> converter.fromConnectData("flags", Schema.INT8_SCHEMA, true),
            () -> converter.fromConnectData("flags", null, 1),
            () -> converter.toConnectData("flags", new byte[] {2}),
            () -> converter.toConnectData("flags", new byte[] {1, 0}),
            () -> converter.toConnectData("flags", new byte[0])}) {
            DataException e = assertThrows(DataException.class, bad::run);
            assertTrue(e.getMessage().contains("topic 'flags'"), e.getMessage());
        }
    }

    @Test
    void worksAsHeaderConverter() {
        BooleanConverter header = new BooleanConverter();
        header.configure(Map.of("converter.type", "header"));
        assertArrayEquals(new byte[] {1}, header.fromConnectHeader("t", "h", Schema.BOOLEAN_SCHEMA, true));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, false), header.toConnectHeader("t", "h", new byte[] {0}));
        DataException e = assertThrows(DataException.class, () -> header.toConnectHeader("t", "ok", new byte[] {5}));
        assertTrue(e.getMessage().contains("header 'ok'"), e.getMessage());
        assertThrows(ConfigException.class, () -> new BooleanConverter().configure(Map.of()));
    }
}
