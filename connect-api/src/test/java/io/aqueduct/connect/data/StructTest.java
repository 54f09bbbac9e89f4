package io.aqueduct.connect.data;

import io.aqueduct.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructTest {

    private static final Schema ADDRESS = SchemaBuilder.struct().name("Address")
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static final Schema ALL = SchemaBuilder.struct().name("All")
            .field("i8", Schema.INT8_SCHEMA)
            .field("i16", Schema.INT16_SCHEMA)
            .field("i32", Schema.INT32_SCHEMA)
            .field("i64", Schema.INT64_SCHEMA)
            .field("f32", Schema.FLOAT32_SCHEMA)
            .field("f64", Schema.FLOAT64_SCHEMA)
            .field("bool", Schema.BOOLEAN_SCHEMA)
            .field("str", Schema.STRING_SCHEMA)
            .field("bytes", Schema.BYTES_SCHEMA)
            .field("array", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
            .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
            .field("address", ADDRESS)
            .field("decimal", Decimal.schema(2))
            .field("date", Date.SCHEMA)
            .field("withDefault", SchemaBuilder.int32().defaultValue(42).build())
            .build();

    private static Struct fullStruct() {
        return new Struct(ALL)
                .put("i8", (byte) 1).put("i16", (short) 2).put("i32", 3).put("i64", 4L)
                .put("f32", 5.5f).put("f64", 6.5d).put("bool", true).put("str", "s")
                .put("bytes", new byte[] {1, 2}).put("array", List.of(1, 2)).put("map", Map.of("k", 1))
                .put("address", new Struct(ADDRESS).put("street", "Main"))
                .put("decimal", new BigDecimal("1.23")).put("date", new java.util.Date(0));
    }

    @Test
    void typedGettersReturnWhatWasPut() {
        Struct s = fullStruct();
        assertEquals((byte) 1, s.getInt8("i8"));
        assertEquals((short) 2, s.getInt16("i16"));
        assertEquals(3, s.getInt32("i32"));
        assertEquals(4L, s.getInt64("i64"));
        assertEquals(5.5f, s.getFloat32("f32"));
        assertEquals(6.5d, s.getFloat64("f64"));
        assertEquals(true, s.getBoolean("bool"));
        assertEquals("s", s.getString("str"));
        assertArrayEquals(new byte[] {1, 2}, s.getBytes("bytes"));
        assertEquals(List.of(1, 2), s.getArray("array"));
        assertEquals(Map.of("k", 1), s.getMap("map"));
        assertEquals("Main", s.getStruct("address").getString("street"));
        assertEquals(new BigDecimal("1.23"), s.get("decimal"));
        assertEquals(new java.util.Date(0), s.get("date"));
        assertSame(ALL, s.schema());
        assertDoesNotThrow(() -> s.validate());
    }

    @Test
    void getBytesCopiesAByteBuffer() {
        Schema schema = SchemaBuilder.struct().field("b", Schema.BYTES_SCHEMA).build();
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 1, 2, 9}, 1, 2);
        Struct s = new Struct(schema).put("b", buffer);
        assertArrayEquals(new byte[] {1, 2}, s.getBytes("b"));
        assertEquals(1, buffer.position());
    }

    @Test
    void typedGetterOfTheWrongTypeNamesFieldAndTypes() {
        DataException e = assertThrows(DataException.class, () -> fullStruct().getString("i32"));
        assertTrue(e.getMessage().contains("'i32'") && e.getMessage().contains("INT32")
                && e.getMessage().contains("STRING"), e.getMessage());
    }

    @Test
    void defaultValueIsUsedByGetButNotByGetWithoutDefault() {
        Struct s = new Struct(ALL);
        assertEquals(42, s.get("withDefault"));
        assertEquals(42, s.getInt32("withDefault"));
        assertNull(s.getWithoutDefault("withDefault"));
        s.put("withDefault", 7);
        assertEquals(7, s.get("withDefault"));
        assertEquals(7, s.getWithoutDefault("withDefault"));
    }

    @Test
    void putValidatesTheTypeAtOnce() {
        Struct s = new Struct(ALL);
        DataException e = assertThrows(DataException.class, () -> s.put("i32", 3L));
        assertTrue(e.getMessage().contains("\"i32\""), e.getMessage());
        assertThrows(DataException.class, () -> s.put("str", null));
        assertThrows(DataException.class, () -> s.put("array", List.of("x")));
        assertThrows(DataException.class, () -> s.put("decimal", 1.23d));
        assertNull(s.getWithoutDefault("i32"));
    }

    @Test
    void unknownFieldNamesTheFieldAndListsTheKnownOnes() {
        DataException e = assertThrows(DataException.class, () -> new Struct(ADDRESS).put("city", "x"));
        assertTrue(e.getMessage().contains("'city'") && e.getMessage().contains("[street, zip]"), e.getMessage());
        assertThrows(DataException.class, () -> new Struct(ADDRESS).get("city"));
    }

    @Test
    void putByFieldChecksTheFieldBelongsToTheSchema() {
        Struct s = new Struct(ADDRESS);
        s.put(ADDRESS.field("street"), "x");
        assertEquals("x", s.get(ADDRESS.field("street")));
        Field foreign = new Field("street", 0, Schema.INT32_SCHEMA);
        assertThrows(DataException.class, () -> s.put(foreign, 1));
        assertThrows(DataException.class, () -> s.put((Field) null, 1));
    }

    @Test
    void nonStructSchemaIsRejected() {
        assertThrows(DataException.class, () -> new Struct(Schema.INT32_SCHEMA));
        assertThrows(DataException.class, () -> new Struct(null));
    }

    @Test
    void validateNamesTheMissingField() {
        DataException e = assertThrows(DataException.class, () -> new Struct(ADDRESS).validate());
        assertTrue(e.getMessage().contains("\"street\""), e.getMessage());
    }

    @Test
    void validateNamesTheNestedFieldPath() {
        Schema person = SchemaBuilder.struct().field("name", Schema.STRING_SCHEMA)
                .field("address", SchemaBuilder.struct().field("street", Schema.STRING_SCHEMA).optional().build())
                .build();
        Struct address = new Struct(person.field("address").schema());
        DataException e = assertThrows(DataException.class,
                () -> new Struct(person).put("name", "Ada").put("address", address));
        assertTrue(e.getMessage().contains("\"address.street\""), e.getMessage());
    }

    @Test
    void validateAcceptsMissingOptionalAndDefaultedFields() {
        Schema schema = SchemaBuilder.struct().field("opt", Schema.OPTIONAL_INT32_SCHEMA)
                .field("dflt", SchemaBuilder.int32().defaultValue(1).build()).build();
        assertDoesNotThrow(() -> new Struct(schema).validate());
    }

    @Test
    void equalityUsesSchemaAndValuesWithBytesByContent() {
        Struct a = fullStruct();
        Struct b = fullStruct();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        b.put("bytes", new byte[] {1, 3});
        assertNotEquals(a, b);
        Struct other = new Struct(SchemaBuilder.struct().field("street", Schema.STRING_SCHEMA)
                .field("zip", Schema.OPTIONAL_STRING_SCHEMA).build()).put("street", "Main");
        assertNotEquals(new Struct(ADDRESS).put("street", "Main"), other);
    }

    @Test
    void toStringListsSetFields() {
        Struct s = new Struct(ADDRESS).put("street", "Main");
        assertEquals("Struct{street=Main}", s.toString());
        assertTrue(fullStruct().toString().contains("bytes=[1, 2]"));
    }
}
