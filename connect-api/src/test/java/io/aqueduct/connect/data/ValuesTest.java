package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesTest {

    private static final java.util.Date DAY = LogicalTypesTest.utcMidnight(2024, 1, 2);
    private static final java.util.Date TIME = new java.util.Date(3723004);
    private static final java.util.Date INSTANT = new java.util.Date(1700000000123L);

    // --- parseString -----------------------------------------------------------------------------

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("true", Schema.BOOLEAN_SCHEMA, true),
                Arguments.of("false", Schema.BOOLEAN_SCHEMA, false),
                Arguments.of("0", Schema.INT8_SCHEMA, (byte) 0),
                Arguments.of("-128", Schema.INT8_SCHEMA, (byte) -128),
                Arguments.of("127", Schema.INT8_SCHEMA, (byte) 127),
                Arguments.of("128", Schema.INT16_SCHEMA, (short) 128),
                Arguments.of("-32769", Schema.INT32_SCHEMA, -32769),
                Arguments.of("2147483648", Schema.INT64_SCHEMA, 2147483648L),
                Arguments.of("9223372036854775807", Schema.INT64_SCHEMA, Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Schema.INT64_SCHEMA, Long.MIN_VALUE),
                Arguments.of("9223372036854775808", Decimal.schema(0), new BigDecimal("9223372036854775808")),
                Arguments.of("1.5", Schema.FLOAT32_SCHEMA, 1.5f),
                Arguments.of("-0.0", Schema.FLOAT32_SCHEMA, -0.0f),
                Arguments.of("2e3", Schema.FLOAT32_SCHEMA, 2000f),
                Arguments.of("0.1", Schema.FLOAT64_SCHEMA, 0.1d),
                Arguments.of("1.0E-300", Schema.FLOAT64_SCHEMA, 1.0E-300),
                Arguments.of("NaN", Schema.FLOAT32_SCHEMA, Float.NaN),
                Arguments.of("-Infinity", Schema.FLOAT32_SCHEMA, Float.NEGATIVE_INFINITY),
                Arguments.of("0.12345678901234567890", Decimal.schema(20), new BigDecimal("0.12345678901234567890")),
                Arguments.of("1e400", Decimal.schema(-400), new BigDecimal("1e400")),
                Arguments.of("2024-01-02", Date.SCHEMA, DAY),
                Arguments.of("01:02:03.004Z", Time.SCHEMA, TIME),
                Arguments.of("2023-11-14T22:13:20.123Z", Timestamp.SCHEMA, INSTANT),
                Arguments.of("hello", Schema.STRING_SCHEMA, "hello"),
                Arguments.of("", Schema.STRING_SCHEMA, ""),
                Arguments.of(" 12", Schema.STRING_SCHEMA, " 12"),
                Arguments.of("007", Schema.STRING_SCHEMA, "007"),
                Arguments.of("1.", Schema.STRING_SCHEMA, "1."),
                Arguments.of("TRUE", Schema.STRING_SCHEMA, "TRUE"),
                Arguments.of("null", Schema.STRING_SCHEMA, "null"),
                Arguments.of("\"quoted\"", Schema.STRING_SCHEMA, "\"quoted\""),
                Arguments.of("2024-02-30", Schema.STRING_SCHEMA, "2024-02-30"),
                Arguments.of("25:00:00.000Z", Schema.STRING_SCHEMA, "25:00:00.000Z"),
                Arguments.of("[1,2", Schema.STRING_SCHEMA, "[1,2"),
                Arguments.of("[a, b]", Schema.STRING_SCHEMA, "[a, b]"),
                Arguments.of("{\"a\" 1}", Schema.STRING_SCHEMA, "{\"a\" 1}"),
                Arguments.of("[1] x", Schema.STRING_SCHEMA, "[1] x"));
    }

    @ParameterizedTest
    @MethodSource("literals")
    void parsesLiteralsToTheirType(String text, Schema schema, Object value) {
        SchemaAndValue parsed = Values.parseString(text);
        assertEquals(schema, parsed.schema(), text);
        assertEquals(value, parsed.value(), text);
    }

    @Test
    void parsesNullTextToNull() {
        assertSame(SchemaAndValue.NULL, Values.parseString(null));
    }

    @Test
    void parsesArraysWithACommonElementSchema() {
        SchemaAndValue ints = Values.parseString("[1, 2 ,3]");
        assertEquals(SchemaBuilder.array(Schema.INT8_SCHEMA).build(), ints.schema());
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), ints.value());

        SchemaAndValue widened = Values.parseString("[1,1000,100000]");
        assertEquals(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), widened.schema());
        assertEquals(List.of(1, 1000, 100000), widened.value());

        SchemaAndValue mixedNumbers = Values.parseString("[1,0.1]");
        assertEquals(SchemaBuilder.array(Schema.FLOAT64_SCHEMA).build(), mixedNumbers.schema());
        assertEquals(List.of(1.0d, 0.1d), mixedNumbers.value());

        SchemaAndValue withNull = Values.parseString("[\"a\",null]");
        assertEquals(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build(), withNull.schema());
        assertEquals(Arrays.asList("a", null), withNull.value());

        SchemaAndValue nested = Values.parseString("[[1],[2,3]]");
        assertEquals(SchemaBuilder.array(SchemaBuilder.array(Schema.INT8_SCHEMA).build()).build(), nested.schema());

        SchemaAndValue temporal = Values.parseString("[2024-01-02,2024-01-02]");
        assertEquals(SchemaBuilder.array(Date.SCHEMA).build(), temporal.schema());
        assertEquals(List.of(DAY, DAY), temporal.value());
    }

    @Test
    void parsesArraysOfMixedKindsWithoutSchema() {
        SchemaAndValue mixed = Values.parseString("[true,\"s\",1]");
        assertNull(mixed.schema());
        assertEquals(List.of(true, "s", (byte) 1), mixed.value());
        SchemaAndValue empty = Values.parseString("[]");
        assertNull(empty.schema());
        assertEquals(List.of(), empty.value());
    }

    @Test
    void parsesMaps() {
        SchemaAndValue map = Values.parseString("{\"a\":1, \"b\" : 300}");
        assertEquals(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT16_SCHEMA).build(), map.schema());
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("a", (short) 1);
        expected.put("b", (short) 300);
        assertEquals(expected, map.value());

        SchemaAndValue timeKeys = Values.parseString("{01:02:03.004Z:\"t\"}");
        assertEquals(SchemaBuilder.map(Time.SCHEMA, Schema.STRING_SCHEMA).build(), timeKeys.schema());
        assertEquals(Map.of(TIME, "t"), timeKeys.value());

        SchemaAndValue mixed = Values.parseString("{\"k\":1,\"l\":[true,\"s\"]}");
        assertNull(mixed.schema());
        assertEquals(List.of(true, "s"), ((Map<?, ?>) mixed.value()).get("l"));
        assertNull(Values.parseString("{}").schema());
    }

    @Test
    void parsesQuotedStringsWithEscapes() {
        SchemaAndValue parsed = Values.parseString("[\"a \\\"b\\\" \\\\ c\",\"x,y]\"]");
        assertEquals(List.of("a \"b\" \\ c", "x,y]"), parsed.value());
    }

    // --- convertToString / round trips -----------------------------------------------------------

    @Test
    void formatsValues() {
        assertNull(Values.convertToString(Schema.OPTIONAL_STRING_SCHEMA, null));
        assertEquals("plain \"text\"", Values.convertToString(Schema.STRING_SCHEMA, "plain \"text\""));
        assertEquals("42", Values.convertToString(Schema.INT32_SCHEMA, 42));
        assertEquals("AQI=", Values.convertToString(Schema.BYTES_SCHEMA, new byte[] {1, 2}));
        assertEquals("AQI=", Values.convertToString(Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {1, 2})));
        assertEquals("2024-01-02", Values.convertToString(Date.SCHEMA, DAY));
        assertEquals("01:02:03.004Z", Values.convertToString(Time.SCHEMA, TIME));
        assertEquals("2023-11-14T22:13:20.123Z", Values.convertToString(Timestamp.SCHEMA, INSTANT));
        assertEquals("2023-11-14T22:13:20.123Z", Values.convertToString(null, INSTANT));
        assertEquals("1969-12-31", Values.convertToString(Date.SCHEMA, new java.util.Date(-Date.MILLIS_PER_DAY)));
        assertEquals("[\"a\",null,\"b\\\"\"]", Values.convertToString(null, Arrays.asList("a", null, "b\"")));
        assertEquals("{\"k\":[1,2]}", Values.convertToString(null, Map.of("k", List.of(1, 2))));
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.OPTIONAL_STRING_SCHEMA).build();
        assertEquals("{\"a\":1,\"b\":null}", Values.convertToString(schema, new Struct(schema).put("a", 1)));
    }

    static Stream<Arguments> roundTrips() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b\"q", -70000);
        return Stream.of(
                roundTrip(Schema.INT8_SCHEMA, (byte) -7, Values::convertToByte),
                roundTrip(Schema.INT16_SCHEMA, (short) 30000, Values::convertToShort),
                roundTrip(Schema.INT16_SCHEMA, (short) 5, Values::convertToShort),
                roundTrip(Schema.INT32_SCHEMA, Integer.MIN_VALUE, Values::convertToInteger),
                roundTrip(Schema.INT32_SCHEMA, 7, Values::convertToInteger),
                roundTrip(Schema.INT64_SCHEMA, Long.MAX_VALUE, Values::convertToLong),
                roundTrip(Schema.INT64_SCHEMA, 9L, Values::convertToLong),
                roundTrip(Schema.FLOAT32_SCHEMA, 1.1f, Values::convertToFloat),
                roundTrip(Schema.FLOAT32_SCHEMA, 1.5f, Values::convertToFloat),
                roundTrip(Schema.FLOAT32_SCHEMA, Float.MAX_VALUE, Values::convertToFloat),
                roundTrip(Schema.FLOAT32_SCHEMA, 1.0E-10f, Values::convertToFloat),
                roundTrip(Schema.FLOAT32_SCHEMA, Float.NaN, Values::convertToFloat),
                roundTrip(Schema.FLOAT64_SCHEMA, 0.1d, Values::convertToDouble),
                roundTrip(Schema.FLOAT64_SCHEMA, Math.PI, Values::convertToDouble),
                roundTrip(Schema.FLOAT64_SCHEMA, 2.25d, Values::convertToDouble),
                roundTrip(Schema.FLOAT64_SCHEMA, Double.MIN_VALUE, Values::convertToDouble),
                roundTrip(Schema.FLOAT64_SCHEMA, -Double.MAX_VALUE, Values::convertToDouble),
                roundTrip(Schema.FLOAT64_SCHEMA, Double.POSITIVE_INFINITY, Values::convertToDouble),
                roundTrip(Schema.FLOAT64_SCHEMA, 1e20d, Values::convertToDouble),
                roundTrip(Schema.BOOLEAN_SCHEMA, true, Values::convertToBoolean),
                roundTrip(Schema.BOOLEAN_SCHEMA, false, Values::convertToBoolean),
                roundTrip(Schema.STRING_SCHEMA, "héllo world", Values::convertToString),
                roundTrip(Schema.STRING_SCHEMA, "123", Values::convertToString),
                roundTrip(Schema.STRING_SCHEMA, "true", Values::convertToString),
                roundTrip(Schema.STRING_SCHEMA, "[x", Values::convertToString),
                roundTrip(Decimal.schema(2), new BigDecimal("12.34"), (s, v) -> Values.convertToDecimal(s, v, 2)),
                roundTrip(Decimal.schema(3), new BigDecimal("1.500"), (s, v) -> Values.convertToDecimal(s, v, 3)),
                roundTrip(Decimal.schema(0), new BigDecimal("123456789012345678901234567890"),
                        (s, v) -> Values.convertToDecimal(s, v, 0)),
                roundTrip(Decimal.schema(4), new BigDecimal("-98765432109876543.2101"),
                        (s, v) -> Values.convertToDecimal(s, v, 4)),
                roundTrip(Decimal.schema(-3), new BigDecimal("1E+3"), (s, v) -> Values.convertToDecimal(s, v, -3)),
                roundTrip(Date.SCHEMA, DAY, Values::convertToDate),
                roundTrip(Date.SCHEMA, LogicalTypesTest.utcMidnight(1900, 2, 28), Values::convertToDate),
                roundTrip(Time.SCHEMA, TIME, Values::convertToTime),
                roundTrip(Time.SCHEMA, new java.util.Date(0), Values::convertToTime),
                roundTrip(Timestamp.SCHEMA, INSTANT, Values::convertToTimestamp),
                roundTrip(Timestamp.SCHEMA, new java.util.Date(-1), Values::convertToTimestamp),
                roundTrip(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of("a", "b,c", "[d]", "e\\\""),
                        Values::convertToList),
                roundTrip(SchemaBuilder.array(Schema.BOOLEAN_SCHEMA).build(), List.of(true, false), Values::convertToList),
                roundTrip(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build(), Arrays.asList("x", null),
                        Values::convertToList),
                roundTrip(SchemaBuilder.array(SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build(),
                        List.of(List.of("a"), List.of("b", "c")), Values::convertToList),
                roundTrip(SchemaBuilder.array(Timestamp.SCHEMA).build(), List.of(INSTANT, new java.util.Date(0)),
                        Values::convertToList),
                roundTrip(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of(), Values::convertToList),
                roundTrip(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build(),
                        Map.of("k:1", "v,2", "{", "}"), Values::convertToMap),
                roundTrip(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.BOOLEAN_SCHEMA).build(),
                        Map.of("a", true), Values::convertToMap),
                roundTrip(SchemaBuilder.map(Date.SCHEMA, Time.SCHEMA).build(), Map.of(DAY, TIME), Values::convertToMap));
    }

    private static Arguments roundTrip(Schema schema, Object value, BiFunction<Schema, Object, Object> back) {
        return Arguments.of(schema, value, back);
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void convertToStringThenParseStringRoundTrips(Schema schema, Object value, BiFunction<Schema, Object, Object> back) {
        String text = Values.convertToString(schema, value);
        SchemaAndValue parsed = Values.parseString(text);
        assertEquals(value, back.apply(parsed.schema(), parsed.value()), "text: " + text);
    }

    @Test
    void numericListsRoundTripElementByElement() {
        List<Object> original = List.of(1, -40000, 127, 100000);
        SchemaAndValue parsed = Values.parseString(Values.convertToString(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), original));
        assertEquals(original, parsed.value());

        List<Float> floats = List.of(1.1f, 0.5f, -3.25e-5f);
        parsed = Values.parseString(Values.convertToString(SchemaBuilder.array(Schema.FLOAT32_SCHEMA).build(), floats));
        List<Float> back = new ArrayList<>();
        for (Object element : (List<?>) parsed.value()) {
            back.add(Values.convertToFloat(parsed.schema().valueSchema(), element));
        }
        assertEquals(floats, back);

        Map<String, Long> longs = Map.of("big", Long.MIN_VALUE);
        parsed = Values.parseString(Values.convertToString(null, longs));
        assertEquals(longs, parsed.value());
    }

    // --- conversions -----------------------------------------------------------------------------

    @Test
    void convertsBetweenNumbers() {
        assertEquals((byte) 5, Values.convertToByte(Schema.INT64_SCHEMA, 5L));
        assertEquals((short) -5, Values.convertToShort(null, (byte) -5));
        assertEquals(12, Values.convertToInteger(null, 12.9d));
        assertEquals(12L, Values.convertToLong(null, new BigDecimal("12.5")));
        assertEquals(1.5f, Values.convertToFloat(null, 1.5d));
        assertEquals(3.0d, Values.convertToDouble(null, 3));
        assertEquals(1, Values.convertToInteger(null, true));
        assertEquals(0L, Values.convertToLong(null, false));
        assertEquals(42, Values.convertToInteger(Schema.STRING_SCHEMA, "42"));
        assertEquals(4.5d, Values.convertToDouble(Schema.STRING_SCHEMA, " 4.5 "));
        assertNull(Values.convertToInteger(Schema.OPTIONAL_INT32_SCHEMA, null));
    }

    @Test
    void integralOverflowThrowsInsteadOfWrapping() {
        DataException e = assertThrows(DataException.class, () -> Values.convertToByte(null, 300));
        assertTrue(e.getMessage().contains("300") && e.getMessage().contains("INT8"), e.getMessage());
        assertThrows(DataException.class, () -> Values.convertToShort(null, 40000));
        assertThrows(DataException.class, () -> Values.convertToInteger(null, 1L << 40));
        assertThrows(DataException.class, () -> Values.convertToLong(null, 1e19));
        assertThrows(DataException.class, () -> Values.convertToLong(null, Double.NaN));
        assertThrows(DataException.class, () -> Values.convertToLong(null, new BigDecimal("1e30")));
    }

    @Test
    void impossibleConversionsNameValueAndTarget() {
        DataException e = assertThrows(DataException.class, () -> Values.convertToInteger(Schema.STRING_SCHEMA, "abc"));
        assertTrue(e.getMessage().contains("abc") && e.getMessage().contains("INT32"), e.getMessage());
        assertThrows(DataException.class, () -> Values.convertToBoolean(null, "maybe"));
        assertThrows(DataException.class, () -> Values.convertToList(null, 5));
        assertThrows(DataException.class, () -> Values.convertToList(null, "{\"a\":1}"));
        assertThrows(DataException.class, () -> Values.convertToMap(null, "[1]"));
        assertThrows(DataException.class, () -> Values.convertToStruct(null, Map.of()));
        assertThrows(DataException.class, () -> Values.convertToDouble(null, List.of()));
    }

    @Test
    void convertsBooleans() {
        assertEquals(true, Values.convertToBoolean(null, "TRUE"));
        assertEquals(false, Values.convertToBoolean(null, "false"));
        assertEquals(true, Values.convertToBoolean(null, 2));
        assertEquals(false, Values.convertToBoolean(null, 0L));
        assertEquals(true, Values.convertToBoolean(null, "1"));
    }

    @Test
    void convertsListsMapsAndStructs() {
        List<Integer> list = List.of(1);
        assertSame(list, Values.convertToList(null, list));
        assertEquals(List.of((byte) 1, (byte) 2), Values.convertToList(null, "[1,2]"));
        Map<String, Integer> map = Map.of("a", 1);
        assertSame(map, Values.convertToMap(null, map));
        assertEquals(Map.of("a", (byte) 1), Values.convertToMap(null, "{\"a\":1}"));
        Struct struct = new Struct(SchemaBuilder.struct().build());
        assertSame(struct, Values.convertToStruct(struct.schema(), struct));
    }

    @Test
    void convertsBetweenTemporalTypes() {
        java.util.Date instant = new java.util.Date(DAY.getTime() + 3723004);
        assertEquals(DAY, Values.convertToDate(Timestamp.SCHEMA, instant));
        assertEquals(TIME, Values.convertToTime(Timestamp.SCHEMA, instant));
        assertEquals(instant, Values.convertToTimestamp(Timestamp.SCHEMA, instant));
        assertEquals(DAY, Values.convertToDate(null, 19724));
        assertEquals(TIME, Values.convertToTime(null, 3723004));
        assertEquals(INSTANT, Values.convertToTimestamp(null, 1700000000123L));
        assertEquals(DAY, Values.convertToDate(Schema.STRING_SCHEMA, "2024-01-02"));
        assertEquals(DAY, Values.convertToDate(Schema.STRING_SCHEMA, "2024-01-02T01:02:03.004Z"));
        assertEquals(TIME, Values.convertToTime(Schema.STRING_SCHEMA, "2024-01-02T01:02:03.004Z"));
        assertEquals(instant, Values.convertToTimestamp(Schema.STRING_SCHEMA, "2024-01-02T01:02:03.004Z"));
        assertEquals(DAY, Values.convertToTimestamp(Schema.STRING_SCHEMA, "2024-01-02"));
        assertEquals(19724, Values.convertToInteger(Date.SCHEMA, DAY));
        assertEquals(3723004, Values.convertToInteger(Time.SCHEMA, TIME));
        assertEquals(1700000000123L, Values.convertToLong(Timestamp.SCHEMA, INSTANT));
        assertThrows(DataException.class, () -> Values.convertToDate(Time.SCHEMA, TIME));
        assertThrows(DataException.class, () -> Values.convertToTime(Date.SCHEMA, DAY));
        assertThrows(DataException.class, () -> Values.convertToTime(null, -1));
        assertThrows(DataException.class, () -> Values.convertToTimestamp(null, "yesterday"));
        assertNull(Values.convertToDate(null, null));
    }

    @Test
    void convertsToDecimalsOfTheRequestedScale() {
        assertEquals(new BigDecimal("12.30"), Values.convertToDecimal(null, new BigDecimal("12.3"), 2));
        assertEquals(new BigDecimal("7.00"), Values.convertToDecimal(null, 7, 2));
        assertEquals(new BigDecimal("1.10"), Values.convertToDecimal(null, 1.1f, 2));
        assertEquals(new BigDecimal("0.1"), Values.convertToDecimal(null, 0.1d, 1));
        assertEquals(new BigDecimal("12.34"), Values.convertToDecimal(Schema.STRING_SCHEMA, "12.34", 2));
        assertEquals(new BigDecimal("12.34"), Values.convertToDecimal(Decimal.schema(2), new byte[] {4, (byte) 0xD2}, 2));
        assertEquals(new BigDecimal("1"), Values.convertToDecimal(null, true, 0));
        DataException e = assertThrows(DataException.class, () -> Values.convertToDecimal(null, new BigDecimal("1.234"), 2));
        assertTrue(e.getMessage().contains("scale 2"), e.getMessage());
        assertThrows(DataException.class, () -> Values.convertToDecimal(null, Double.NaN, 2));
        assertThrows(DataException.class, () -> Values.convertToDecimal(null, "twelve", 2));
        assertNull(Values.convertToDecimal(null, null, 2));
    }

    // --- inferSchema -----------------------------------------------------------------------------

    @Test
    void infersSchemasOfPrimitives() {
        assertEquals(Schema.STRING_SCHEMA, Values.inferSchema("s"));
        assertEquals(Schema.BOOLEAN_SCHEMA, Values.inferSchema(true));
        assertEquals(Schema.INT8_SCHEMA, Values.inferSchema((byte) 1));
        assertEquals(Schema.INT16_SCHEMA, Values.inferSchema((short) 1));
        assertEquals(Schema.INT32_SCHEMA, Values.inferSchema(1));
        assertEquals(Schema.INT64_SCHEMA, Values.inferSchema(1L));
        assertEquals(Schema.FLOAT32_SCHEMA, Values.inferSchema(1f));
        assertEquals(Schema.FLOAT64_SCHEMA, Values.inferSchema(1d));
        assertEquals(Schema.BYTES_SCHEMA, Values.inferSchema(new byte[0]));
        assertEquals(Schema.BYTES_SCHEMA, Values.inferSchema(ByteBuffer.allocate(1)));
        assertEquals(Decimal.schema(3), Values.inferSchema(new BigDecimal("1.000")));
        Struct struct = new Struct(SchemaBuilder.struct().build());
        assertSame(struct.schema(), Values.inferSchema(struct));
        assertNull(Values.inferSchema(null));
        assertNull(Values.inferSchema(new Object()));
        assertNull(Values.inferSchema(new java.util.Date()));
    }

    @Test
    void infersSchemasOfUniformContainers() {
        assertEquals(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Values.inferSchema(List.of(1, 2)));
        assertEquals(SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build(), Values.inferSchema(Arrays.asList(1, null)));
        assertEquals(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(), Values.inferSchema(Map.of("a", 1L)));
        assertNull(Values.inferSchema(List.of()));
        assertNull(Values.inferSchema(List.of(1, 1L)));
        assertNull(Values.inferSchema(Map.of("a", 1, "b", "c")));
        assertNull(Values.inferSchema(Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "{\"a\":[1,2]}", "[[true],[false,null]]", "2024-01-02", "{\"x\":\"y\"}"})
    void parsedValuesAreValidForTheirSchema(String text) {
        SchemaAndValue parsed = Values.parseString(text);
        if (parsed.schema() != null) {
            ConnectSchema.validateValue(parsed.schema(), parsed.value());
        }
        assertEquals(text, Values.convertToString(parsed.schema(), parsed.value()));
    }
}
