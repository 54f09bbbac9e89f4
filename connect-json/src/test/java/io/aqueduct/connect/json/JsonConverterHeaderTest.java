package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.data.SchemaBuilder;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.storage.HeaderConverter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JsonConverter configured and used as a header converter, as the runtime does. */
class JsonConverterHeaderTest {

    private final HeaderConverter converter = headerConverter(Map.of());

    private static HeaderConverter headerConverter(Map<String, Object> extra) {
        JsonConverter converter = new JsonConverter();
        Map<String, Object> config = new java.util.HashMap<>(extra);
        config.put("converter.type", "header");
        converter.configure(config);
        return converter;
    }

    @Test
    void writesHeadersAsEnvelopesAndReadsThemBack() {
        Schema schema = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
        byte[] bytes = converter.fromConnectHeader("t", "trace", schema, List.of("a", "b"));
        assertEquals("{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"optional\":false},"
            + "\"optional\":false},\"payload\":[\"a\",\"b\"]}", new String(bytes, StandardCharsets.UTF_8));
        assertEquals(new SchemaAndValue(schema, List.of("a", "b")), converter.toConnectHeader("t", "trace", bytes));
    }

    @Test
    void writesPlainJsonWhenSchemasAreDisabled() {
        HeaderConverter plain = headerConverter(Map.of("schemas.enable", "false"));
        byte[] bytes = plain.fromConnectHeader("t", "n", Schema.INT32_SCHEMA, 7);
        assertEquals("7", new String(bytes, StandardCharsets.UTF_8));
        assertEquals(new SchemaAndValue(null, 7L), plain.toConnectHeader("t", "n", bytes));
    }

    @Test
    void keepsNullHeadersNull() {
        assertNull(converter.fromConnectHeader("t", "h", null, null));
        assertEquals(SchemaAndValue.NULL, converter.toConnectHeader("t", "h", null));
    }

    @Test
    void namesTheHeaderAndTopicInErrors() {
        DataException e = assertThrows(DataException.class,
            () -> converter.toConnectHeader("audit", "user", "not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("header 'user'"), e.getMessage());
        assertTrue(e.getMessage().contains("topic 'audit'"), e.getMessage());
        DataException write = assertThrows(DataException.class,
            () -> converter.fromConnectHeader("audit", "user", Schema.STRING_SCHEMA, 5));
        assertTrue(write.getMessage().contains("header 'user'") && write.getMessage().contains("topic 'audit'"),
            write.getMessage());
    }
}
