package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aqueduct.connect.data.Date;
import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.data.SchemaBuilder;
import io.aqueduct.connect.data.Struct;
import io.aqueduct.connect.data.Time;
import io.aqueduct.connect.data.Timestamp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per entry of the JSON wire-format reference (bytes written by Apache Kafka Connect 4.3.1's
 * JsonConverter for topic {@code t}): our bytes must be identical, and reading them must give back an
 * equal schema and value.
 */
class JsonConverterGoldenTest {

    private static final String TOPIC = "t";

    static final Schema ADDRESS = SchemaBuilder.struct().name("com.example.Address").version(2).doc("postal address")
        .field("street", Schema.STRING_SCHEMA)
        .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
        .build();

    static final Schema PERSON = SchemaBuilder.struct().name("com.example.Person").parameter("owner", "team-a")
        .field("id", Schema.INT64_SCHEMA)
        .field("name", Schema.STRING_SCHEMA)
        .field("address", ADDRESS)
        .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
        .build();

    static Struct ada() {
        return new Struct(PERSON)
            .put("id", 1L)
            .put("name", "Ada")
            .put("address", new Struct(ADDRESS).put("street", "Main St 1").put("zip", null))
            .put("tags", List.of("x", "y"));
    }

    /** A written case: configuration, schema and value, expected bytes, and what reading them gives. */
    record Case(String name, Map<String, Object> config, Schema schema, Object value, String json,
                SchemaAndValue readBack) {

        Case(String name, Schema schema, Object value, String json) {
            this(name, Map.of(), schema, value, json, new SchemaAndValue(schema, value));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Schema optionalStringWithDefault = SchemaBuilder.string().optional().defaultValue("dflt").build();
        Schema decimal = Decimal.schema(2);
        Map<String, Object> schemalessMap = new LinkedHashMap<>();
        schemalessMap.put("k", 1L);
        schemalessMap.put("l", List.of(true, "s"));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "Main St 1");
        address.put("zip", null);
        Map<String, Object> adaAsMap = new LinkedHashMap<>();
        adaAsMap.put("id", 1L);
        adaAsMap.put("name", "Ada");
        adaAsMap.put("address", address);
        adaAsMap.put("tags", List.of("x", "y"));
        Map<Integer, String> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "x");
        intKeys.put(2, "y");
        Map<String, Long> stringKeys = new LinkedHashMap<>();
        stringKeys.put("a", 1L);
        stringKeys.put("b", 2L);
        Map<String, Object> schemasOff = Map.of("schemas.enable", false);

        return Stream.of(
            new Case("int8 5", Schema.INT8_SCHEMA, (byte) 5,
                "{\"schema\":{\"type\":\"int8\",\"optional\":false},\"payload\":5}"),
            new Case("optional int16 null", Schema.OPTIONAL_INT16_SCHEMA, null,
                "{\"schema\":{\"type\":\"int16\",\"optional\":true},\"payload\":null}"),
            new Case("int32 42", Schema.INT32_SCHEMA, 42,
                "{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":42}"),
            new Case("int64 with default 7, value 9", SchemaBuilder.int64().defaultValue(7L).build(), 9L,
                "{\"schema\":{\"type\":\"int64\",\"optional\":false,\"default\":7},\"payload\":9}"),
            new Case("float32 1.5", Schema.FLOAT32_SCHEMA, 1.5f,
                "{\"schema\":{\"type\":\"float\",\"optional\":false},\"payload\":1.5}"),
            new Case("float64 2.25", Schema.FLOAT64_SCHEMA, 2.25d,
                "{\"schema\":{\"type\":\"double\",\"optional\":false},\"payload\":2.25}"),
            new Case("boolean true", Schema.BOOLEAN_SCHEMA, true,
                "{\"schema\":{\"type\":\"boolean\",\"optional\":false},\"payload\":true}"),
            new Case("string", Schema.STRING_SCHEMA, "héllo \"q\"",
                "{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"héllo \\\"q\\\"\"}"),
            new Case("bytes", Schema.BYTES_SCHEMA, new byte[] {1, 2, 3, (byte) 0xff},
                "{\"schema\":{\"type\":\"bytes\",\"optional\":false},\"payload\":\"AQID/w==\"}"),
            new Case("array of int32", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of(1, 2, 3),
                "{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"int32\",\"optional\":false},\"optional\":false},"
                    + "\"payload\":[1,2,3]}"),
            new Case("map string->int64", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(),
                stringKeys,
                "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"string\",\"optional\":false},\"values\":{\"type\":"
                    + "\"int64\",\"optional\":false},\"optional\":false},\"payload\":{\"a\":1,\"b\":2}}"),
            new Case("map int32->string (non-string keys)",
                SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build(), intKeys,
                "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\",\"optional\":false},\"values\":{\"type\":"
                    + "\"string\",\"optional\":false},\"optional\":false},\"payload\":[[1,\"x\"],[2,\"y\"]]}"),
            new Case("nested struct", PERSON, ada(),
                "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"},"
                    + "{\"type\":\"string\",\"optional\":false,\"field\":\"name\"},{\"type\":\"struct\",\"fields\":"
                    + "[{\"type\":\"string\",\"optional\":false,\"field\":\"street\"},{\"type\":\"string\","
                    + "\"optional\":true,\"field\":\"zip\"}],\"optional\":false,\"name\":\"com.example.Address\","
                    + "\"version\":2,\"doc\":\"postal address\",\"field\":\"address\"},{\"type\":\"array\",\"items\":"
                    + "{\"type\":\"string\",\"optional\":false},\"optional\":true,\"field\":\"tags\"}],"
                    + "\"optional\":false,\"name\":\"com.example.Person\",\"parameters\":{\"owner\":\"team-a\"}},"
                    + "\"payload\":{\"id\":1,\"name\":\"Ada\",\"address\":{\"street\":\"Main St 1\",\"zip\":null},"
                    + "\"tags\":[\"x\",\"y\"]}}"),
            new Case("nested struct, schemas.enable=false", schemasOff, PERSON, ada(),
                "{\"id\":1,\"name\":\"Ada\",\"address\":{\"street\":\"Main St 1\",\"zip\":null},\"tags\":[\"x\",\"y\"]}",
                new SchemaAndValue(null, adaAsMap)),
            new Case("Decimal scale 2 = 12.34 (default BASE64)", decimal, new BigDecimal("12.34"),
                "{\"schema\":{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                    + "\"version\":1,\"parameters\":{\"scale\":\"2\"}},\"payload\":\"BNI=\"}"),
            new Case("Decimal scale 2 = 12.34 NUMERIC", Map.of("decimal.format", "NUMERIC"), decimal,
                new BigDecimal("12.34"),
                "{\"schema\":{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                    + "\"version\":1,\"parameters\":{\"scale\":\"2\"}},\"payload\":12.34}",
                new SchemaAndValue(decimal, new BigDecimal("12.34"))),
            new Case("Date 2024-01-02", Date.SCHEMA, new java.util.Date(19724L * 86_400_000L),
                "{\"schema\":{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Date\","
                    + "\"version\":1},\"payload\":19724}"),
            new Case("Time 01:02:03.004", Time.SCHEMA, new java.util.Date(3_723_004L),
                "{\"schema\":{\"type\":\"int32\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Time\","
                    + "\"version\":1},\"payload\":3723004}"),
            new Case("Timestamp 1700000000123", Timestamp.SCHEMA, new java.util.Date(1_700_000_000_123L),
                "{\"schema\":{\"type\":\"int64\",\"optional\":false,\"name\":"
                    + "\"org.apache.kafka.connect.data.Timestamp\",\"version\":1},\"payload\":1700000000123}"),
            new Case("optional struct null",
                SchemaBuilder.struct().name("N").optional().field("a", Schema.INT32_SCHEMA).build(), null,
                "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"a\"}],"
                    + "\"optional\":true,\"name\":\"N\"},\"payload\":null}"),
            new Case("null schema, null value (tombstone)", Map.of(), null, null, null, SchemaAndValue.NULL),
            new Case("schemaless map", null, schemalessMap,
                "{\"schema\":null,\"payload\":{\"k\":1,\"l\":[true,\"s\"]}}"),
            new Case("schemaless map, schemas.enable=false", schemasOff, null, schemalessMap,
                "{\"k\":1,\"l\":[true,\"s\"]}", new SchemaAndValue(null, schemalessMap)),
            new Case("string with default 'dflt', optional, null value", Map.of(), optionalStringWithDefault, null,
                "{\"schema\":{\"type\":\"string\",\"optional\":true,\"default\":\"dflt\"},\"payload\":\"dflt\"}",
                new SchemaAndValue(optionalStringWithDefault, "dflt")),
            new Case("same, replace.null.with.default=false", Map.of("replace.null.with.default", false),
                optionalStringWithDefault, null,
                "{\"schema\":{\"type\":\"string\",\"optional\":true,\"default\":\"dflt\"},\"payload\":null}",
                new SchemaAndValue(optionalStringWithDefault, null))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheReferenceBytes(Case golden) {
        byte[] written = converter(golden.config()).fromConnectData(TOPIC, golden.schema(), golden.value());
        if (golden.json() == null) {
            assertNull(written);
        } else {
            assertEquals(golden.json(), new String(written, StandardCharsets.UTF_8));
            assertEquals(Arrays.toString(golden.json().getBytes(StandardCharsets.UTF_8)), Arrays.toString(written));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheReferenceBytesBack(Case golden) {
        byte[] bytes = golden.json() == null ? null : golden.json().getBytes(StandardCharsets.UTF_8);
        SchemaAndValue read = converter(golden.config()).toConnectData(TOPIC, bytes);
        assertEquals(golden.readBack().schema(), read.schema());
        assertEquals(golden.readBack(), read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesWhatItReadsIdentically(Case golden) {
        JsonConverter converter = converter(golden.config());
        byte[] bytes = golden.json() == null ? null : golden.json().getBytes(StandardCharsets.UTF_8);
        SchemaAndValue read = converter.toConnectData(TOPIC, bytes);
        if (golden.config().equals(Map.of("schemas.enable", false)) || read.schema() == null && read.value() == null) {
            return;
        }
        byte[] rewritten = converter.fromConnectData(TOPIC, read.schema(), read.value());
        assertEquals(golden.json(), new String(rewritten, StandardCharsets.UTF_8));
    }

    @Test
    void readsADecimalInEitherFormWhateverTheConfiguredFormat() {
        String base64 = "{\"schema\":{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
            + "\"version\":1,\"parameters\":{\"scale\":\"2\"}},\"payload\":\"BNI=\"}";
        String numeric = base64.replace("\"BNI=\"", "12.34");
        for (Map<String, Object> config : List.of(Map.<String, Object>of(), Map.<String, Object>of("decimal.format", "NUMERIC"))) {
            JsonConverter converter = converter(config);
            assertEquals(new BigDecimal("12.34"), converter.toConnectData(TOPIC, base64.getBytes(StandardCharsets.UTF_8)).value());
            assertEquals(new BigDecimal("12.34"), converter.toConnectData(TOPIC, numeric.getBytes(StandardCharsets.UTF_8)).value());
        }
    }

    static JsonConverter converter(Map<String, Object> config) {
        JsonConverter converter = new JsonConverter();
        converter.configure(config, false);
        return converter;
    }
}
