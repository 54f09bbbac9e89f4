package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.SchemaProjectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaProjectorTest {

    static Stream<Arguments> promotions() {
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, (byte) 7, Schema.INT16_SCHEMA, (short) 7),
                Arguments.of(Schema.INT8_SCHEMA, (byte) 7, Schema.INT32_SCHEMA, 7),
                Arguments.of(Schema.INT8_SCHEMA, (byte) 7, Schema.INT64_SCHEMA, 7L),
                Arguments.of(Schema.INT8_SCHEMA, (byte) 7, Schema.FLOAT32_SCHEMA, 7f),
                Arguments.of(Schema.INT8_SCHEMA, (byte) 7, Schema.FLOAT64_SCHEMA, 7d),
                Arguments.of(Schema.INT16_SCHEMA, (short) 300, Schema.INT32_SCHEMA, 300),
                Arguments.of(Schema.INT16_SCHEMA, (short) 300, Schema.INT64_SCHEMA, 300L),
                Arguments.of(Schema.INT16_SCHEMA, (short) 300, Schema.FLOAT32_SCHEMA, 300f),
                Arguments.of(Schema.INT16_SCHEMA, (short) 300, Schema.FLOAT64_SCHEMA, 300d),
                Arguments.of(Schema.INT32_SCHEMA, 70000, Schema.INT64_SCHEMA, 70000L),
                Arguments.of(Schema.INT32_SCHEMA, 70000, Schema.FLOAT32_SCHEMA, 70000f),
                Arguments.of(Schema.INT32_SCHEMA, 70000, Schema.FLOAT64_SCHEMA, 70000d),
                Arguments.of(Schema.INT64_SCHEMA, 1L << 40, Schema.FLOAT32_SCHEMA, (float) (1L << 40)),
                Arguments.of(Schema.INT64_SCHEMA, 1L << 40, Schema.FLOAT64_SCHEMA, (double) (1L << 40)),
                Arguments.of(Schema.FLOAT32_SCHEMA, 1.5f, Schema.FLOAT64_SCHEMA, 1.5d),
                Arguments.of(Schema.STRING_SCHEMA, "s", Schema.STRING_SCHEMA, "s"),
                Arguments.of(Schema.INT32_SCHEMA, 5, Schema.OPTIONAL_INT32_SCHEMA, 5));
    }

    @ParameterizedTest
    @MethodSource("promotions")
    void widensNumbers(Schema source, Object value, Schema target, Object expected) {
        assertEquals(expected, SchemaProjector.project(source, value, target));
    }

    static Stream<Arguments> narrowings() {
        return Stream.of(
                Arguments.of(Schema.INT16_SCHEMA, (short) 1, Schema.INT8_SCHEMA),
                Arguments.of(Schema.INT64_SCHEMA, 1L, Schema.INT32_SCHEMA),
                Arguments.of(Schema.FLOAT64_SCHEMA, 1d, Schema.FLOAT32_SCHEMA),
                Arguments.of(Schema.FLOAT32_SCHEMA, 1f, Schema.INT64_SCHEMA),
                Arguments.of(Schema.INT32_SCHEMA, 1, Schema.STRING_SCHEMA),
                Arguments.of(Schema.BOOLEAN_SCHEMA, true, Schema.INT8_SCHEMA),
                Arguments.of(Schema.STRING_SCHEMA, "1", Schema.BYTES_SCHEMA));
    }

    @ParameterizedTest
    @MethodSource("narrowings")
    void refusesOtherTypeChanges(Schema source, Object value, Schema target) {
        SchemaProjectorException e = assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(source, value, target));
        assertTrue(e.getMessage().contains(source.type().toString()) && e.getMessage().contains(target.type().toString()),
                e.getMessage());
    }

    @Test
    void logicalTypesKeepTheirValue() {
        java.util.Date day = new java.util.Date(0);
        assertSame(day, SchemaProjector.project(Date.SCHEMA, day, Date.SCHEMA));
        BigDecimal decimal = new BigDecimal("1.23");
        assertSame(decimal, SchemaProjector.project(Decimal.schema(2), decimal, Decimal.schema(2)));
    }

    @Test
    void refusesDifferentNamesOrParameters() {
        SchemaProjectorException e = assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(Date.SCHEMA, new java.util.Date(0), Schema.INT32_SCHEMA));
        assertTrue(e.getMessage().contains("names"), e.getMessage());
        e = assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(Decimal.schema(2), new BigDecimal("1.23"), Decimal.schema(3)));
        assertTrue(e.getMessage().contains("parameters"), e.getMessage());
    }

    @Test
    void versionsMayDiffer() {
        Schema v1 = SchemaBuilder.struct().name("P").version(1).field("a", Schema.INT32_SCHEMA).build();
        Schema v2 = SchemaBuilder.struct().name("P").version(2).field("a", Schema.INT64_SCHEMA)
                .field("b", SchemaBuilder.string().defaultValue("x").build()).build();
        Struct projected = (Struct) SchemaProjector.project(v1, new Struct(v1).put("a", 1), v2);
        assertEquals(1L, projected.get("a"));
        assertEquals("x", projected.get("b"));
        assertSame(v2, projected.schema());
    }

    @Test
    void optionality() {
        assertNull(SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, null, Schema.OPTIONAL_INT64_SCHEMA));
        Schema withDefault = SchemaBuilder.int64().defaultValue(9L).build();
        assertEquals(9L, SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, null, withDefault));
        assertEquals(3L, SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, 3, withDefault));
        SchemaProjectorException e = assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, 3, Schema.INT32_SCHEMA));
        assertTrue(e.getMessage().contains("optional"), e.getMessage());
        assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(Schema.INT32_SCHEMA, null, Schema.INT32_SCHEMA));
    }

    @Test
    void projectsStructsByFieldName() {
        Schema source = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("dropped", Schema.STRING_SCHEMA)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema target = SchemaBuilder.struct().field("note", Schema.OPTIONAL_STRING_SCHEMA).field("id", Schema.INT64_SCHEMA)
                .field("added", Schema.OPTIONAL_INT32_SCHEMA)
                .field("flag", SchemaBuilder.bool().defaultValue(true).build()).build();
        Struct record = new Struct(source).put("id", 5).put("dropped", "x").put("note", "n");
        Struct projected = (Struct) SchemaProjector.project(source, record, target);
        Struct expected = new Struct(target).put("note", "n").put("id", 5L).put("flag", true);
        assertEquals(expected, projected);
    }

    @Test
    void missingRequiredFieldIsNamedWithItsPath() {
        Schema innerSource = SchemaBuilder.struct().field("street", Schema.STRING_SCHEMA).build();
        Schema innerTarget = SchemaBuilder.struct().field("street", Schema.STRING_SCHEMA)
                .field("city", Schema.STRING_SCHEMA).build();
        Schema source = SchemaBuilder.struct().field("address", innerSource).build();
        Schema target = SchemaBuilder.struct().field("address", innerTarget).build();
        Struct record = new Struct(source).put("address", new Struct(innerSource).put("street", "Main"));
        SchemaProjectorException e = assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(source, record, target));
        assertTrue(e.getMessage().contains("\"address.city\""), e.getMessage());
    }

    @Test
    void incompatibleNestedFieldIsNamedWithItsPath() {
        Schema source = SchemaBuilder.struct().field("n", Schema.INT64_SCHEMA).build();
        Schema target = SchemaBuilder.struct().field("n", Schema.INT32_SCHEMA).build();
        SchemaProjectorException e = assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(source, new Struct(source).put("n", 1L), target));
        assertTrue(e.getMessage().contains("\"n\""), e.getMessage());
    }

    @Test
    void projectsArraysAndMapsRecursively() {
        Schema sourceArray = SchemaBuilder.array(Schema.INT8_SCHEMA).build();
        Schema targetArray = SchemaBuilder.array(Schema.INT64_SCHEMA).build();
        assertEquals(List.of(1L, 2L), SchemaProjector.project(sourceArray, List.of((byte) 1, (byte) 2), targetArray));

        Schema sourceMap = SchemaBuilder.map(Schema.INT16_SCHEMA, Schema.FLOAT32_SCHEMA).build();
        Schema targetMap = SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.FLOAT64_SCHEMA).build();
        assertEquals(Map.of(1, 0.5d), SchemaProjector.project(sourceMap, Map.of((short) 1, 0.5f), targetMap));

        Schema optionalElements = SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build();
        Schema requiredElements = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
        SchemaProjectorException e = assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(optionalElements, Arrays.asList(1, null), requiredElements));
        assertTrue(e.getMessage().contains("[0]"), e.getMessage());
    }

    @Test
    void projectedStructIsValid() {
        Schema source = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build();
        Schema target = SchemaBuilder.struct().field("a", Schema.INT16_SCHEMA).build();
        Struct projected = (Struct) SchemaProjector.project(source, new Struct(source).put("a", (byte) 1), target);
        projected.validate();
        assertEquals((short) 1, projected.getInt16("a"));
    }
}
