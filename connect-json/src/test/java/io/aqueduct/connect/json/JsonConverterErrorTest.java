package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Date;
import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaBuilder;
import io.aqueduct.connect.data.Struct;
import io.aqueduct.connect.errors.DataException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed input and unfit values: always a DataException naming the topic and what is wrong. */
class JsonConverterErrorTest {

    private static final String TOPIC = "payments-7";
    private static final String INT32 = "{\"type\":\"int32\",\"optional\":false}";

    static Stream<Arguments> malformedRecords() {
        return Stream.of(
            Arguments.of("{\"schema\":" + INT32 + ",\"payload\":", "not valid JSON"),
            Arguments.of("{\"schema\":" + INT32 + ",\"payload\":1} trailing", "not valid JSON"),
            Arguments.of("{\"schema\":" + INT32 + ",\"payload\":1} 2", "unexpected content after the JSON value"),
            Arguments.of("\u00ff\u00fe", "not valid JSON"),
            Arguments.of("{\"schema\":\"int32\",\"payload\":1}", "\"schema\" must be a JSON object or null"),
            Arguments.of("{\"schema\":{\"optional\":true},\"payload\":1}", "no \"type\" member"),
            Arguments.of("{\"schema\":{\"type\":\"int128\"},\"payload\":1}", "unknown schema type \"int128\""),
            Arguments.of("{\"schema\":{\"type\":\"float32\"},\"payload\":1}", "unknown schema type \"float32\""),
            Arguments.of("{\"schema\":{\"type\":7},\"payload\":1}", "\"type\" must be a string"),
            Arguments.of("{\"schema\":{\"type\":\"array\"},\"payload\":[]}", "no \"items\" member"),
            Arguments.of("{\"schema\":{\"type\":\"map\",\"keys\":" + INT32 + "},\"payload\":[]}", "no \"values\" member"),
            Arguments.of("{\"schema\":{\"type\":\"struct\"},\"payload\":{}}", "no \"fields\" member"),
            Arguments.of("{\"schema\":{\"type\":\"struct\",\"fields\":[" + INT32 + "]},\"payload\":{}}",
                "needs a \"field\" string member"),
            Arguments.of("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"x\",\"field\":\"f\"}]},\"payload\":{}}",
                "at schema.f: unknown schema type \"x\""),
            Arguments.of("{\"schema\":{\"type\":\"int32\",\"optional\":\"yes\"},\"payload\":1}",
                "\"optional\" must be true or false"),
            Arguments.of("{\"schema\":{\"type\":\"int32\",\"version\":1.5},\"payload\":1}", "\"version\" must be an integer"),
            Arguments.of("{\"schema\":{\"type\":\"int32\",\"parameters\":{\"a\":1}},\"payload\":1}",
                "\"parameters.a\" must be a string"),
            Arguments.of("{\"schema\":{\"type\":\"int32\",\"default\":\"x\"},\"payload\":1}",
                "at schema.default: the INT32 schema needs an integer"),
            Arguments.of("{\"schema\":" + INT32 + ",\"payload\":\"1\"}", "at payload: the INT32 schema needs an integer"),
            Arguments.of("{\"schema\":" + INT32 + ",\"payload\":4294967296}", "from -2147483648 to 2147483647"),
            Arguments.of("{\"schema\":{\"type\":\"int8\"},\"payload\":128}", "from -128 to 127"),
            Arguments.of("{\"schema\":{\"type\":\"int64\"},\"payload\":99999999999999999999}", "64-bit range"),
            Arguments.of("{\"schema\":" + INT32 + ",\"payload\":null}", "null value for a required INT32 schema"),
            Arguments.of("{\"schema\":{\"type\":\"boolean\"},\"payload\":1}", "true or false"),
            Arguments.of("{\"schema\":{\"type\":\"string\"},\"payload\":1}", "needs a string"),
            Arguments.of("{\"schema\":{\"type\":\"bytes\"},\"payload\":\"%%%\"}", "not valid Base64"),
            Arguments.of("{\"schema\":{\"type\":\"double\"},\"payload\":\"1.5\"}", "needs a number"),
            Arguments.of("{\"schema\":{\"type\":\"array\",\"items\":" + INT32 + "},\"payload\":[1,\"b\"]}",
                "at payload[1]: the INT32 schema needs an integer"),
            Arguments.of("{\"schema\":{\"type\":\"map\",\"keys\":" + INT32 + ",\"values\":" + INT32 + "},\"payload\":{}}",
                "an array of [key, value] pairs"),
            Arguments.of("{\"schema\":{\"type\":\"map\",\"keys\":" + INT32 + ",\"values\":" + INT32 + "},"
                + "\"payload\":[[1,2,3]]}", "at payload[0]: a map entry must be a [key, value] array"),
            Arguments.of("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"struct\",\"fields\":[" + INT32
                .replace("}", ",\"field\":\"b\"}") + "],\"field\":\"a\"}]},\"payload\":{\"a\":{\"b\":true}}}",
                "at payload.a.b: the INT32 schema needs an integer"),
            Arguments.of("{\"schema\":{\"type\":\"struct\",\"fields\":[" + INT32.replace("}", ",\"field\":\"b\"}")
                + "]},\"payload\":{}}", "at payload.b: missing value for a required INT32 schema"),
            Arguments.of("{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Date\"},"
                + "\"payload\":\"2024-01-02\"}", "needs an integer"),
            Arguments.of("{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Time\"},"
                + "\"payload\":-1}", "out of range"),
            Arguments.of("{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\"},"
                + "\"payload\":1.5}", "no 'scale' parameter"),
            Arguments.of("{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"1\"}},\"payload\":1.55}", "more digits after the point than"),
            Arguments.of("{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"1\"}},\"payload\":1e999999999}", "too far from the schema's scale 1"),
            Arguments.of("{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"1\"}},\"payload\":true}", "needs a Base64 string")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRecords")
    void rejectsMalformedRecordsNamingTheTopicAndTheProblem(String json, String problem) {
        JsonConverter converter = JsonConverterGoldenTest.converter(Map.of());
        DataException e = assertThrows(DataException.class,
            () -> converter.toConnectData(TOPIC, json.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().contains("topic '" + TOPIC + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    static Stream<Arguments> unfitValues() {
        Schema struct = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
            .field("amount", Decimal.schema(2)).build();
        Schema otherStruct = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        return Stream.of(
            Arguments.of(Schema.INT32_SCHEMA, 5L, "the INT32 schema needs a value of type Integer, but got a java.lang.Long"),
            Arguments.of(Schema.STRING_SCHEMA, null, "null value for a required STRING schema"),
            Arguments.of(Schema.BYTES_SCHEMA, "abc", "needs a value of type byte[] or ByteBuffer"),
            Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Set.of("x"), "at [0]: the INT32 schema"),
            Arguments.of(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), Map.of("k", "v"),
                "at k: the INT32 schema needs a value of type Integer"),
            Arguments.of(SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA, Schema.INT32_SCHEMA).build(), nullKey,
                "null map key"),
            Arguments.of(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), Arrays.asList("a", null),
                "at [1]: null value for a required STRING schema"),
            Arguments.of(struct, new Struct(struct).put("id", 1L).put("amount", new BigDecimal("1.5")),
                "at amount: Decimal 1.5 has scale 1 but the schema has scale 2"),
            Arguments.of(struct, new Struct(otherStruct).put("id", 1L), "differs from the record's schema"),
            Arguments.of(Decimal.schema(2), new BigDecimal("1.5"), "has scale 1 but the schema has scale 2"),
            Arguments.of(Decimal.schema(2), 1.5d, "needs a value of type BigDecimal"),
            Arguments.of(Date.SCHEMA, new java.util.Date(1), "not at midnight"),
            Arguments.of(null, new Object(), "cannot write a java.lang.Object without a schema"),
            Arguments.of(null, List.of(new BigDecimal("1")), "at [0]: cannot write a java.math.BigDecimal")
        );
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("unfitValues")
    void rejectsValuesThatDoNotFitTheirSchemaNamingTheTopic(Schema schema, Object value, String problem) {
        JsonConverter converter = JsonConverterGoldenTest.converter(Map.of());
        DataException e = assertThrows(DataException.class, () -> converter.fromConnectData(TOPIC, schema, value));
        assertTrue(e.getMessage().contains("topic '" + TOPIC + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
