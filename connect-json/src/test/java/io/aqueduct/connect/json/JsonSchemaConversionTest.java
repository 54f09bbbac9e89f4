package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.aqueduct.connect.data.Date;
import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaBuilder;
import io.aqueduct.connect.data.Struct;
import io.aqueduct.connect.data.Timestamp;
import io.aqueduct.connect.errors.DataException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public schema conversions asJsonSchema / asConnectSchema and round trips of richer schemas. */
class JsonSchemaConversionTest {

    private final JsonConverter converter = JsonConverterGoldenTest.converter(Map.of());

    @Test
    void convertsSchemasBothWays() throws Exception {
        JsonNode json = converter.asJsonSchema(JsonConverterGoldenTest.PERSON);
        assertEquals("com.example.Person", json.get("name").textValue());
        assertEquals("address", json.get("fields").get(2).get("field").textValue());
        assertEquals(JsonConverterGoldenTest.PERSON, converter.asConnectSchema(json));
        JsonNode reparsed = new ObjectMapper().readTree(json.toString());
        assertEquals(JsonConverterGoldenTest.PERSON, converter.asConnectSchema(reparsed));
    }

    @Test
    void mapsNullToNull() {
        assertNull(converter.asJsonSchema(null));
        assertNull(converter.asConnectSchema(null));
        assertNull(converter.asConnectSchema(NullNode.getInstance()));
    }

    @Test
    void rejectsInvalidJsonSchemas() throws Exception {
        JsonNode bad = new ObjectMapper().readTree("{\"type\":\"tuple\"}");
        assertThrows(DataException.class, () -> converter.asConnectSchema(bad));
    }

    @Test
    void roundTripsEveryTypeWithDefaultsDocsAndParameters() {
        Schema inner = SchemaBuilder.struct().name("In").field("d", Date.SCHEMA).build();
        Struct innerDefault = new Struct(inner).put("d", new java.util.Date(0));
        Schema schema = SchemaBuilder.struct().name("Everything").version(3).doc("all \"types\"")
            .parameter("p1", "v1").parameter("p0", "v0")
            .field("i8", SchemaBuilder.int8().defaultValue((byte) -1).build())
            .field("i16", SchemaBuilder.int16().optional().build())
            .field("f32", SchemaBuilder.float32().defaultValue(0.5f).build())
            .field("f64", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("bool", SchemaBuilder.bool().defaultValue(true).build())
            .field("bytes", SchemaBuilder.bytes().optional().defaultValue(new byte[] {0}).build())
            .field("dec", Decimal.builder(3).optional().defaultValue(new BigDecimal("-1.000")).build())
            .field("ts", Timestamp.builder().optional().build())
            .field("list", SchemaBuilder.array(Schema.OPTIONAL_INT64_SCHEMA).defaultValue(List.of(1L)).build())
            .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, inner).optional().build())
            .field("inner", inner)
            .build();
        Struct value = new Struct(schema)
            .put("i8", (byte) 4)
            .put("f32", 1.25f)
            .put("bool", false)
            .put("dec", new BigDecimal("3.142"))
            .put("ts", new java.util.Date(1_700_000_000_000L))
            .put("map", Map.of("k", innerDefault))
            .put("inner", innerDefault);
        for (String format : List.of("BASE64", "NUMERIC")) {
            JsonConverter formatted = JsonConverterGoldenTest.converter(Map.of("decimal.format", format));
            byte[] bytes = formatted.fromConnectData("t", schema, value);
            var read = formatted.toConnectData("t", bytes);
            assertEquals(schema, read.schema(), format);
            Struct readValue = (Struct) read.value();
            assertEquals(new BigDecimal("3.142"), readValue.get("dec"));
            assertNull(readValue.get("i16"));
            assertEquals(1.25f, readValue.get("f32"));
            assertEquals(List.of(1L), readValue.get("list"));
            assertEquals(innerDefault, readValue.get("inner"));
            assertEquals(new String(bytes), new String(formatted.fromConnectData("t", read.schema(), readValue)));
        }
    }
}
