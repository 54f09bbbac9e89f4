package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectSchemaTest {

    @Test
    void typeNamesAreLowerCaseEnumNames() {
        assertEquals("int8", Schema.Type.INT8.getName());
        assertEquals("float32", Schema.Type.FLOAT32.getName());
        assertEquals("float64", Schema.Type.FLOAT64.getName());
        assertEquals("struct", Schema.Type.STRUCT.getName());
        for (Schema.Type type : Schema.Type.values()) {
            assertEquals(type.name().toLowerCase(java.util.Locale.ROOT), type.getName());
        }
    }

    @Test
    void onlyContainersAreNotPrimitive() {
        for (Schema.Type type : Schema.Type.values()) {
            boolean container = type == Schema.Type.ARRAY || type == Schema.Type.MAP || type == Schema.Type.STRUCT;
            assertEquals(!container, type.isPrimitive(), type.toString());
        }
    }

    @Test
    void constantsHaveTheirTypeAndOptionality() {
        Schema[] required = {Schema.INT8_SCHEMA, Schema.INT16_SCHEMA, Schema.INT32_SCHEMA, Schema.INT64_SCHEMA,
            Schema.FLOAT32_SCHEMA, Schema.FLOAT64_SCHEMA, Schema.BOOLEAN_SCHEMA, Schema.STRING_SCHEMA, Schema.BYTES_SCHEMA};
        Schema[] optional = {Schema.OPTIONAL_INT8_SCHEMA, Schema.OPTIONAL_INT16_SCHEMA, Schema.OPTIONAL_INT32_SCHEMA,
            Schema.OPTIONAL_INT64_SCHEMA, Schema.OPTIONAL_FLOAT32_SCHEMA, Schema.OPTIONAL_FLOAT64_SCHEMA,
            Schema.OPTIONAL_BOOLEAN_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA, Schema.OPTIONAL_BYTES_SCHEMA};
        for (int i = 0; i < required.length; i++) {
            Schema.Type type = Schema.Type.values()[i];
            assertEquals(type, required[i].type());
            assertFalse(required[i].isOptional());
            assertEquals(type, optional[i].type());
            assertTrue(optional[i].isOptional());
            assertNull(required[i].name());
            assertNull(required[i].defaultValue());
            assertSame(required[i], required[i].schema());
        }
    }

    static Stream<Arguments> validValues() {
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, (byte) 1),
                Arguments.of(Schema.INT16_SCHEMA, (short) 1),
                Arguments.of(Schema.INT32_SCHEMA, 1),
                Arguments.of(Schema.INT64_SCHEMA, 1L),
                Arguments.of(Schema.FLOAT32_SCHEMA, 1.5f),
                Arguments.of(Schema.FLOAT64_SCHEMA, 1.5d),
                Arguments.of(Schema.BOOLEAN_SCHEMA, true),
                Arguments.of(Schema.STRING_SCHEMA, "s"),
                Arguments.of(Schema.BYTES_SCHEMA, new byte[] {1}),
                Arguments.of(Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {1})),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Arrays.asList(1, 2)),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), new LinkedList<>(List.of(1))),
                Arguments.of(SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build(), Arrays.asList(1, null)),
                Arguments.of(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(), Map.of("a", 1L)),
                Arguments.of(Decimal.schema(2), new BigDecimal("1.23")),
                Arguments.of(Date.SCHEMA, new java.util.Date(0)),
                Arguments.of(Time.SCHEMA, new java.util.Date(1000)),
                Arguments.of(Timestamp.SCHEMA, new java.util.Date(1700000000123L)),
                Arguments.of(Schema.OPTIONAL_STRING_SCHEMA, null));
    }

    @ParameterizedTest
    @MethodSource("validValues")
    void acceptsValuesOfTheRightClass(Schema schema, Object value) {
        assertDoesNotThrow(() -> ConnectSchema.validateValue(schema, value));
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, 1),
                Arguments.of(Schema.INT16_SCHEMA, 1),
                Arguments.of(Schema.INT32_SCHEMA, 1L),
                Arguments.of(Schema.INT32_SCHEMA, "1"),
                Arguments.of(Schema.INT64_SCHEMA, 1),
                Arguments.of(Schema.FLOAT32_SCHEMA, 1.5d),
                Arguments.of(Schema.FLOAT64_SCHEMA, 1.5f),
                Arguments.of(Schema.BOOLEAN_SCHEMA, "true"),
                Arguments.of(Schema.STRING_SCHEMA, 'c'),
                Arguments.of(Schema.BYTES_SCHEMA, "bytes"),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), new int[] {1}),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Arrays.asList(1, null)),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Arrays.asList(1, "2")),
                Arguments.of(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(), Map.of("a", 1)),
                Arguments.of(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(), Map.of(1, 1L)),
                Arguments.of(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build(), List.of()),
                Arguments.of(Decimal.schema(2), new byte[] {1}),
                Arguments.of(Date.SCHEMA, 19724),
                Arguments.of(Time.SCHEMA, 1000),
                Arguments.of(Timestamp.SCHEMA, 1700000000123L),
                Arguments.of(SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build(), Map.of("a", 1)),
                Arguments.of(Schema.STRING_SCHEMA, null));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void rejectsValuesOfTheWrongClass(Schema schema, Object value) {
        assertThrows(DataException.class, () -> ConnectSchema.validateValue(schema, value));
    }

    @Test
    void errorNamesFieldExpectedClassAndValue() {
        DataException e = assertThrows(DataException.class,
                () -> ConnectSchema.validateValue("age", Schema.INT32_SCHEMA, "forty"));
        assertTrue(e.getMessage().contains("\"age\""), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.String forty"), e.getMessage());
    }

    @Test
    void nullForRequiredSchemaNamesTheField() {
        DataException e = assertThrows(DataException.class,
                () -> ConnectSchema.validateValue("name", Schema.STRING_SCHEMA, null));
        assertTrue(e.getMessage().contains("\"name\""), e.getMessage());
        assertTrue(e.getMessage().contains("optional"), e.getMessage());
    }

    @Test
    void arrayAndMapErrorsNameTheElementPath() {
        Schema tags = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
        DataException e = assertThrows(DataException.class,
                () -> ConnectSchema.validateValue("tags", tags, Arrays.asList("a", "b", 3)));
        assertTrue(e.getMessage().contains("\"tags[2]\""), e.getMessage());

        Schema counts = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build();
        e = assertThrows(DataException.class,
                () -> ConnectSchema.validateValue("counts", counts, Map.of("x", "notanint")));
        assertTrue(e.getMessage().contains("\"counts[x]\""), e.getMessage());

        e = assertThrows(DataException.class, () -> ConnectSchema.validateValue(counts, Map.of(5, 1)));
        assertTrue(e.getMessage().contains("[key 5]"), e.getMessage());
    }

    @Test
    void logicalTypeErrorNamesTheLogicalClass() {
        DataException e = assertThrows(DataException.class,
                () -> ConnectSchema.validateValue("price", Decimal.schema(2), 1.5d));
        assertTrue(e.getMessage().contains("java.math.BigDecimal"), e.getMessage());
        assertTrue(e.getMessage().contains(Decimal.LOGICAL_NAME), e.getMessage());
    }

    @Test
    void structMustHaveTheSameSchema() {
        Schema a = SchemaBuilder.struct().name("A").field("x", Schema.INT32_SCHEMA).build();
        Schema b = SchemaBuilder.struct().name("B").field("x", Schema.INT32_SCHEMA).build();
        Struct value = new Struct(b).put("x", 1);
        DataException e = assertThrows(DataException.class, () -> ConnectSchema.validateValue("s", a, value));
        assertTrue(e.getMessage().contains("\"s\""), e.getMessage());
        assertDoesNotThrow(() -> ConnectSchema.validateValue(b, value));
    }

    @Test
    void structValidationIsRecursiveThroughArrays() {
        Schema inner = SchemaBuilder.struct().field("street", Schema.STRING_SCHEMA).build();
        Schema addresses = SchemaBuilder.array(inner).build();
        List<Struct> value = List.of(new Struct(inner).put("street", "x"), new Struct(inner));
        DataException e = assertThrows(DataException.class, () -> ConnectSchema.validateValue("addresses", addresses, value));
        assertTrue(e.getMessage().contains("\"addresses[1].street\""), e.getMessage());
    }

    @Test
    void schemaTypeMapsJavaClassesIncludingSubclasses() {
        assertEquals(Schema.Type.INT8, ConnectSchema.schemaType(Byte.class));
        assertEquals(Schema.Type.INT16, ConnectSchema.schemaType(Short.class));
        assertEquals(Schema.Type.INT32, ConnectSchema.schemaType(Integer.class));
        assertEquals(Schema.Type.INT64, ConnectSchema.schemaType(Long.class));
        assertEquals(Schema.Type.FLOAT32, ConnectSchema.schemaType(Float.class));
        assertEquals(Schema.Type.FLOAT64, ConnectSchema.schemaType(Double.class));
        assertEquals(Schema.Type.BOOLEAN, ConnectSchema.schemaType(Boolean.class));
        assertEquals(Schema.Type.STRING, ConnectSchema.schemaType(String.class));
        assertEquals(Schema.Type.BYTES, ConnectSchema.schemaType(byte[].class));
        assertEquals(Schema.Type.BYTES, ConnectSchema.schemaType(ByteBuffer.wrap(new byte[0]).getClass()));
        assertEquals(Schema.Type.ARRAY, ConnectSchema.schemaType(ArrayList.class));
        assertEquals(Schema.Type.MAP, ConnectSchema.schemaType(HashMap.class));
        assertEquals(Schema.Type.STRUCT, ConnectSchema.schemaType(Struct.class));
        assertNull(ConnectSchema.schemaType(BigDecimal.class));
        assertNull(ConnectSchema.schemaType(Object.class));
    }

    @Test
    void accessorsForOtherTypesThrow() {
        assertThrows(DataException.class, Schema.INT32_SCHEMA::fields);
        assertThrows(DataException.class, () -> Schema.INT32_SCHEMA.field("x"));
        assertThrows(DataException.class, Schema.INT32_SCHEMA::keySchema);
        assertThrows(DataException.class, Schema.INT32_SCHEMA::valueSchema);
        Schema array = SchemaBuilder.array(Schema.INT8_SCHEMA).build();
        assertThrows(DataException.class, array::keySchema);
        assertEquals(Schema.INT8_SCHEMA, array.valueSchema());
        Schema struct = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build();
        assertNull(struct.field("missing"));
        assertEquals(0, struct.field("a").index());
    }

    @Test
    void constructorRejectsPartsThatTheTypeDoesNotHave() {
        List<Field> fields = List.of(new Field("a", 0, Schema.INT32_SCHEMA));
        assertThrows(DataException.class,
                () -> new ConnectSchema(Schema.Type.INT32, false, null, null, null, null, null, fields, null, null));
        assertThrows(DataException.class, () -> new ConnectSchema(Schema.Type.ARRAY, false, null, null, null, null,
                null, null, Schema.INT8_SCHEMA, Schema.INT8_SCHEMA));
        assertThrows(DataException.class, () -> new ConnectSchema(Schema.Type.STRING, false, null, null, null, null,
                null, null, null, Schema.INT8_SCHEMA));
        DataException e = assertThrows(DataException.class, () -> new ConnectSchema(Schema.Type.STRUCT, false, null,
                null, null, null, null, List.of(new Field("a", 0, Schema.INT8_SCHEMA), new Field("a", 1, Schema.INT8_SCHEMA)),
                null, null));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        assertThrows(DataException.class, () -> new ConnectSchema(Schema.Type.STRUCT, false, null, null, null, null,
                null, List.of(new Field("a", 3, Schema.INT8_SCHEMA)), null, null));
    }

    @Test
    void builtSchemaIsUnmodifiable() {
        Schema struct = SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).parameter("k", "v").build();
        assertThrows(UnsupportedOperationException.class, () -> struct.fields().add(new Field("b", 1, Schema.INT8_SCHEMA)));
        assertThrows(UnsupportedOperationException.class, () -> struct.parameters().put("x", "y"));
    }

    @Test
    void constructorCopiesItsInputs() {
        Map<String, String> params = new HashMap<>(Map.of("k", "v"));
        List<Field> fields = new ArrayList<>(List.of(new Field("a", 0, Schema.INT8_SCHEMA)));
        Schema schema = new ConnectSchema(Schema.Type.STRUCT, false, null, "n", 1, "d", params, fields, null, null);
        params.put("k2", "v2");
        fields.add(new Field("b", 1, Schema.INT8_SCHEMA));
        assertEquals(Map.of("k", "v"), schema.parameters());
        assertEquals(1, schema.fields().size());
    }

    @Test
    void equalsComparesEveryProperty() {
        Schema base = SchemaBuilder.int32().name("n").version(1).doc("d").parameter("k", "v").defaultValue(5).build();
        assertEquals(base, SchemaBuilder.int32().name("n").version(1).doc("d").parameter("k", "v").defaultValue(5).build());
        assertEquals(base.hashCode(),
                SchemaBuilder.int32().name("n").version(1).doc("d").parameter("k", "v").defaultValue(5).build().hashCode());
        assertNotEquals(base, SchemaBuilder.int64().name("n").version(1).doc("d").parameter("k", "v").build());
        assertNotEquals(base, SchemaBuilder.int32().name("m").version(1).doc("d").parameter("k", "v").defaultValue(5).build());
        assertNotEquals(base, SchemaBuilder.int32().name("n").version(2).doc("d").parameter("k", "v").defaultValue(5).build());
        assertNotEquals(base, SchemaBuilder.int32().name("n").version(1).doc("e").parameter("k", "v").defaultValue(5).build());
        assertNotEquals(base, SchemaBuilder.int32().name("n").version(1).doc("d").parameter("k", "w").defaultValue(5).build());
        assertNotEquals(base, SchemaBuilder.int32().name("n").version(1).doc("d").parameter("k", "v").defaultValue(6).build());
        assertNotEquals(base, SchemaBuilder.int32().name("n").version(1).doc("d").parameter("k", "v").defaultValue(5)
                .optional().build());
        assertNotEquals(SchemaBuilder.array(Schema.INT8_SCHEMA).build(), SchemaBuilder.array(Schema.INT16_SCHEMA).build());
        assertNotEquals(SchemaBuilder.map(Schema.INT8_SCHEMA, Schema.INT8_SCHEMA).build(),
                SchemaBuilder.map(Schema.INT16_SCHEMA, Schema.INT8_SCHEMA).build());
        assertNotEquals(SchemaBuilder.struct().field("a", Schema.INT8_SCHEMA).build(),
                SchemaBuilder.struct().field("b", Schema.INT8_SCHEMA).build());
        assertNotEquals(Schema.INT32_SCHEMA, SchemaBuilder.int32());
    }

    @Test
    void byteArrayDefaultsCompareByContent() {
        Schema a = SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build();
        Schema b = SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void toStringShowsNameAndType() {
        assertEquals("Schema{INT32}", Schema.INT32_SCHEMA.toString());
        assertEquals("Schema{com.example.P:STRUCT}", SchemaBuilder.struct().name("com.example.P").build().toString());
    }

    @Test
    void fieldEqualityAndAccessors() {
        Field f = new Field("a", 2, Schema.STRING_SCHEMA);
        assertEquals("a", f.name());
        assertEquals(2, f.index());
        assertSame(Schema.STRING_SCHEMA, f.schema());
        assertEquals(f, new Field("a", 2, Schema.STRING_SCHEMA));
        assertEquals(f.hashCode(), new Field("a", 2, Schema.STRING_SCHEMA).hashCode());
        assertNotEquals(f, new Field("b", 2, Schema.STRING_SCHEMA));
        assertNotEquals(f, new Field("a", 1, Schema.STRING_SCHEMA));
        assertNotEquals(f, new Field("a", 2, Schema.OPTIONAL_STRING_SCHEMA));
        assertTrue(f.toString().contains("name=a"));
    }

    @Test
    void schemaAndValueEquality() {
        SchemaAndValue a = new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1});
        SchemaAndValue b = new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {1}));
        assertNotEquals(a, new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {2}));
        assertNull(SchemaAndValue.NULL.schema());
        assertNull(SchemaAndValue.NULL.value());
        assertEquals(SchemaAndValue.NULL, new SchemaAndValue(null, null));
        assertTrue(a.toString().contains("[1]"), a.toString());
        assertEquals(Collections.emptyList(), new SchemaAndValue(null, Collections.emptyList()).value());
    }
}
