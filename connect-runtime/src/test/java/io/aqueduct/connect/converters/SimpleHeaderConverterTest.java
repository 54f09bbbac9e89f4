package io.aqueduct.connect.converters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aqueduct.connect.data.Date;
import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.data.SchemaBuilder;
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
 * Round trips through the text form. Reading infers the schema from the text, so integers come back in the
 * smallest type that holds them and lists in their elements' common type.
 */
class SimpleHeaderConverterTest {

    private final SimpleHeaderConverter converter = new SimpleHeaderConverter();

    static Stream<Arguments> roundTrips() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("a", 1L);
        map.put("b", 300L);
        java.util.Date day = new java.util.Date(19724L * 86_400_000L);
        java.util.Date time = new java.util.Date(3_723_004L);
        java.util.Date instant = new java.util.Date(1_700_000_000_123L);
        BigDecimal huge = new BigDecimal("123456789012345678901234567890");
        return Stream.of(
            Arguments.of(Schema.BOOLEAN_SCHEMA, true, "true", Schema.BOOLEAN_SCHEMA, true),
            Arguments.of(Schema.INT8_SCHEMA, (byte) -5, "-5", Schema.INT8_SCHEMA, (byte) -5),
            Arguments.of(Schema.INT16_SCHEMA, (short) 300, "300", Schema.INT16_SCHEMA, (short) 300),
            Arguments.of(Schema.INT32_SCHEMA, 100_000, "100000", Schema.INT32_SCHEMA, 100_000),
            Arguments.of(Schema.INT32_SCHEMA, 42, "42", Schema.INT8_SCHEMA, (byte) 42),
            Arguments.of(Schema.INT64_SCHEMA, 5_000_000_000L, "5000000000", Schema.INT64_SCHEMA, 5_000_000_000L),
            Arguments.of(Schema.FLOAT32_SCHEMA, 1.5f, "1.5", Schema.FLOAT32_SCHEMA, 1.5f),
            Arguments.of(Schema.FLOAT64_SCHEMA, 0.1d, "0.1", Schema.FLOAT64_SCHEMA, 0.1d),
            Arguments.of(Schema.STRING_SCHEMA, "hello world", "hello world", Schema.STRING_SCHEMA, "hello world"),
            Arguments.of(Schema.STRING_SCHEMA, "", "", Schema.STRING_SCHEMA, ""),
            Arguments.of(Schema.BYTES_SCHEMA, new byte[] {1, 2, 3}, "AQID", Schema.STRING_SCHEMA, "AQID"),
            Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of(1, 2, 300), "[1,2,300]",
                SchemaBuilder.array(Schema.INT16_SCHEMA).build(), List.of((short) 1, (short) 2, (short) 300)),
            Arguments.of(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of("a", "b c"), "[\"a\",\"b c\"]",
                SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of("a", "b c")),
            Arguments.of(null, Arrays.asList(1, "x", true), "[1,\"x\",true]", null, Arrays.asList((byte) 1, "x", true)),
            Arguments.of(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(), map,
                "{\"a\":1,\"b\":300}", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT16_SCHEMA).build(),
                Map.of("a", (short) 1, "b", (short) 300)),
            Arguments.of(Date.SCHEMA, day, "2024-01-02", Date.SCHEMA, day),
            Arguments.of(Time.SCHEMA, time, "01:02:03.004Z", Time.SCHEMA, time),
            Arguments.of(Timestamp.SCHEMA, instant, "2023-11-14T22:13:20.123Z", Timestamp.SCHEMA, instant),
            Arguments.of(Decimal.schema(0), huge, huge.toPlainString(), Decimal.schema(0), huge),
            Arguments.of(Decimal.schema(2), new BigDecimal("12.34"), "12.34", Schema.FLOAT64_SCHEMA, 12.34d)
        );
    }

    @ParameterizedTest(name = "{index}: \"{2}\"")
    @MethodSource("roundTrips")
    void writesTextAndReadsTheInferredValueBack(Schema schema, Object value, String text, Schema readSchema,
                                               Object readValue) {
        byte[] bytes = converter.fromConnectHeader("t", "h", schema, value);
        assertEquals(text, new String(bytes, StandardCharsets.UTF_8));
        SchemaAndValue read = converter.toConnectHeader("t", "h", bytes);
        assertEquals(readSchema, read.schema());
        assertEquals(readValue, read.value());
    }

    @Test
    void keepsNullsNull() {
        assertNull(converter.fromConnectHeader("t", "h", Schema.OPTIONAL_STRING_SCHEMA, null));
        assertNull(converter.fromConnectHeader("t", "h", null, null));
        assertEquals(SchemaAndValue.NULL, converter.toConnectHeader("t", "h", null));
    }

    @Test
    void readsTextThatIsNoLiteralAsAString() {
        byte[] bytes = "[1, 2".getBytes(StandardCharsets.UTF_8);
        assertEquals(new SchemaAndValue(Schema.STRING_SCHEMA, "[1, 2"), converter.toConnectHeader("t", "h", bytes));
    }

    @Test
    void hasNoSettings() {
        converter.configure(Map.of("anything", "ignored"));
        assertEquals(0, converter.config().names().size());
    }
}
