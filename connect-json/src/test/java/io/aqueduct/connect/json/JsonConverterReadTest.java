package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.data.SchemaBuilder;
import io.aqueduct.connect.data.Struct;
import io.aqueduct.connect.errors.DataException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading: schemaless inference, envelopes and the details of typed payloads. */
class JsonConverterReadTest {

    private static final String TOPIC = "orders";

    private final JsonConverter withSchemas = JsonConverterGoldenTest.converter(Map.of());
    private final JsonConverter schemaless = JsonConverterGoldenTest.converter(Map.of("schemas.enable", false));

    @Test
    void infersTypesFromPlainJson() {
        SchemaAndValue read = read(schemaless, "{\"i\":7,\"f\":1.5,\"s\":\"x\",\"b\":false,\"n\":null,"
            + "\"a\":[1,[2]],\"o\":{\"k\":{}}}");
        assertNull(read.schema());
        Map<?, ?> map = (Map<?, ?>) read.value();
        assertEquals(7L, map.get("i"));
        assertEquals(1.5d, map.get("f"));
        assertEquals("x", map.get("s"));
        assertEquals(false, map.get("b"));
        assertTrue(map.containsKey("n"));
        assertNull(map.get("n"));
        assertEquals(List.of(1L, List.of(2L)), map.get("a"));
        assertEquals(Map.of("k", Map.of()), map.get("o"));
    }

    @Test
    void readsBareScalarsWithoutSchema() {
        assertEquals(new SchemaAndValue(null, 42L), read(schemaless, "42"));
        assertEquals(new SchemaAndValue(null, "x"), read(schemaless, "\"x\""));
        assertEquals(new SchemaAndValue(null, -0.25d), read(schemaless, "-2.5e-1"));
        assertEquals(SchemaAndValue.NULL, read(schemaless, "null"));
        assertEquals(SchemaAndValue.NULL, read(schemaless, "  "));
    }

    @Test
    void keepsTombstonesNull() {
        assertSame(SchemaAndValue.NULL, withSchemas.toConnectData(TOPIC, null));
        assertSame(SchemaAndValue.NULL, schemaless.toConnectData(TOPIC, null));
        assertNull(withSchemas.fromConnectData(TOPIC, null, null));
        assertNull(schemaless.fromConnectData(TOPIC, null, null));
    }

    @Test
    void readsANullSchemaEnvelopeLikePlainJson() {
        assertEquals(new SchemaAndValue(null, List.of(1L, "a")),
            read(withSchemas, "{\"payload\":[1,\"a\"],\"schema\":null}"));
    }

    @Test
    void acceptsEnvelopeMembersInAnyOrderAndWithWhitespace() {
        SchemaAndValue read = read(withSchemas, " {\n \"payload\" : 5 ,\n \"schema\" : { \"type\" : \"int32\" } }\n");
        assertEquals(new SchemaAndValue(Schema.INT32_SCHEMA, 5), read);
    }

    @Test
    void fillsAbsentStructFieldsFromDefaultsOrNull() {
        Schema schema = SchemaBuilder.struct()
            .field("a", SchemaBuilder.int32().defaultValue(3).build())
            .field("b", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
        String json = "{\"schema\":" + withSchemas.asJsonSchema(schema) + ",\"payload\":{\"extra\":1}}";
        Struct struct = (Struct) read(withSchemas, json).value();
        assertEquals(3, struct.getWithoutDefault("a"));
        assertNull(struct.getWithoutDefault("b"));
    }

    @Test
    void keepsNullsWhenNotReplacingWithDefaults() {
        JsonConverter keepNulls = JsonConverterGoldenTest.converter(Map.of("replace.null.with.default", "false"));
        Schema schema = SchemaBuilder.struct()
            .field("a", SchemaBuilder.int32().optional().defaultValue(3).build())
            .build();
        String json = "{\"schema\":" + keepNulls.asJsonSchema(schema) + ",\"payload\":{\"a\":null}}";
        Struct struct = (Struct) read(keepNulls, json).value();
        assertNull(struct.getWithoutDefault("a"));
        byte[] written = keepNulls.fromConnectData(TOPIC, schema, struct);
        assertEquals(json, new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void readsFloatsAndTheirNonFiniteForms() {
        JsonConverter converter = withSchemas;
        assertEquals(Double.NaN, read(converter, "{\"schema\":{\"type\":\"double\"},\"payload\":\"NaN\"}").value());
        assertEquals(Float.NEGATIVE_INFINITY,
            read(converter, "{\"schema\":{\"type\":\"float\"},\"payload\":\"-Infinity\"}").value());
        assertEquals(3.0d, read(converter, "{\"schema\":{\"type\":\"double\"},\"payload\":3}").value());
        byte[] nan = converter.fromConnectData(TOPIC, Schema.FLOAT64_SCHEMA, Double.NaN);
        assertEquals(Double.NaN, converter.toConnectData(TOPIC, nan).value());
    }

    @Test
    void rescalesNumericDecimalsToTheSchemaScale() {
        String json = "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1,"
            + "\"parameters\":{\"scale\":\"2\"}},\"payload\":12.3}";
        assertEquals(new java.math.BigDecimal("12.30"), read(withSchemas, json).value());
    }

    @Test
    void readsTheSchemaDefaultsOfComplexTypes() {
        Schema schema = SchemaBuilder.map(Schema.INT8_SCHEMA, Schema.BYTES_SCHEMA)
            .defaultValue(Map.of((byte) 1, new byte[] {9}))
            .build();
        byte[] json = withSchemas.fromConnectData(TOPIC, schema, null);
        assertEquals("{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int8\",\"optional\":false},\"values\":"
            + "{\"type\":\"bytes\",\"optional\":false},\"optional\":false,\"default\":[[1,\"CQ==\"]]},"
            + "\"payload\":[[1,\"CQ==\"]]}", new String(json, StandardCharsets.UTF_8));
        SchemaAndValue read = withSchemas.toConnectData(TOPIC, json);
        Map<?, ?> defaultValue = (Map<?, ?>) read.schema().defaultValue();
        assertArrayEquals(new byte[] {9}, (byte[]) defaultValue.get((byte) 1));
    }

    @Test
    void rejectsPlainJsonWhenSchemasAreEnabledAndSaysHowToFixIt() {
        for (String plain : List.of("{\"id\":1}", "[1]", "42", "null", "{\"schema\":null}",
            "{\"schema\":null,\"payload\":1,\"extra\":2}", "")) {
            DataException e = assertThrows(DataException.class, () -> read(withSchemas, plain), plain);
            assertTrue(e.getMessage().contains("'" + TOPIC + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("\"schema\" and \"payload\""), e.getMessage());
            assertTrue(e.getMessage().contains("schemas.enable=false"), e.getMessage());
        }
    }

    private static SchemaAndValue read(JsonConverter converter, String json) {
        return converter.toConnectData(TOPIC, json.getBytes(StandardCharsets.UTF_8));
    }
}
