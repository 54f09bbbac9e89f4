package io.aqueduct.connect.header;

import io.aqueduct.connect.data.Date;
import io.aqueduct.connect.data.Decimal;
import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.data.SchemaBuilder;
import io.aqueduct.connect.data.Struct;
import io.aqueduct.connect.data.Time;
import io.aqueduct.connect.data.Timestamp;
import io.aqueduct.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectHeadersTest {

    @Test
    void emptyHeaders() {
        Headers headers = new ConnectHeaders();
        assertTrue(headers.isEmpty());
        assertEquals(0, headers.size());
        assertFalse(headers.iterator().hasNext());
        assertFalse(headers.allWithName("a").hasNext());
        assertNull(headers.lastWithName("a"));
        assertSame(headers, headers.remove("a").retainLatest("a").retainLatest().clear());
        assertEquals(new ConnectHeaders(), headers);
        assertEquals(new ConnectHeaders().hashCode(), headers.hashCode());
        assertEquals("ConnectHeaders(headers=[])", headers.toString());
        assertTrue(new ConnectHeaders(null).isEmpty());
    }

    @Test
    void typedAddsChooseTheSchema() {
        Struct struct = new Struct(SchemaBuilder.struct().field("f", Schema.INT8_SCHEMA).build()).put("f", (byte) 1);
        java.util.Date day = new java.util.Date(19724L * 24 * 60 * 60 * 1000);
        Schema listSchema = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
        Schema mapSchema = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build();
        Headers headers = new ConnectHeaders()
                .addString("string", "s").addBoolean("boolean", true).addByte("byte", (byte) 1)
                .addShort("short", (short) 2).addInt("int", 3).addLong("long", 4L).addFloat("float", 5f)
                .addDouble("double", 6d).addBytes("bytes", new byte[] {7}).addList("list", List.of("x"), listSchema)
                .addMap("map", Map.of("k", 1), mapSchema).addStruct("struct", struct)
                .addDecimal("decimal", new BigDecimal("1.23")).addDate("date", day).addTime("time", new java.util.Date(1000))
                .addTimestamp("timestamp", new java.util.Date(1700000000123L));
        assertEquals(16, headers.size());
        assertHeader(headers, "string", Schema.STRING_SCHEMA, "s");
        assertHeader(headers, "boolean", Schema.BOOLEAN_SCHEMA, true);
        assertHeader(headers, "byte", Schema.INT8_SCHEMA, (byte) 1);
        assertHeader(headers, "short", Schema.INT16_SCHEMA, (short) 2);
        assertHeader(headers, "int", Schema.INT32_SCHEMA, 3);
        assertHeader(headers, "long", Schema.INT64_SCHEMA, 4L);
        assertHeader(headers, "float", Schema.FLOAT32_SCHEMA, 5f);
        assertHeader(headers, "double", Schema.FLOAT64_SCHEMA, 6d);
        assertArrayEquals(new byte[] {7}, (byte[]) headers.lastWithName("bytes").value());
        assertEquals(Schema.BYTES_SCHEMA, headers.lastWithName("bytes").schema());
        assertHeader(headers, "list", listSchema, List.of("x"));
        assertHeader(headers, "map", mapSchema, Map.of("k", 1));
        assertHeader(headers, "struct", struct.schema(), struct);
        assertHeader(headers, "decimal", Decimal.schema(2), new BigDecimal("1.23"));
        assertHeader(headers, "date", Date.SCHEMA, day);
        assertHeader(headers, "time", Time.SCHEMA, new java.util.Date(1000));
        assertHeader(headers, "timestamp", Timestamp.SCHEMA, new java.util.Date(1700000000123L));
    }

    @Test
    void nullValuesGetOptionalSchemas() {
        Headers headers = new ConnectHeaders().addString("s", null).addBytes("b", null).addDecimal("d", null)
                .addDate("date", null).addTime("time", null).addTimestamp("ts", null).add("none", null, null);
        for (Header header : headers) {
            assertNull(header.value());
            if (header.schema() != null) {
                assertTrue(header.schema().isOptional(), header.key());
            }
        }
        assertNull(headers.lastWithName("none").schema());
        assertEquals(Decimal.LOGICAL_NAME, headers.lastWithName("d").schema().name());
        assertEquals(Timestamp.LOGICAL_NAME, headers.lastWithName("ts").schema().name());
    }

    @Test
    void valuesAreValidatedAgainstTheirSchemaNamingTheKey() {
        Headers headers = new ConnectHeaders();
        DataException e = assertThrows(DataException.class, () -> headers.add("count", "three", Schema.INT32_SCHEMA));
        assertTrue(e.getMessage().contains("'count'"), e.getMessage());
        assertThrows(DataException.class, () -> headers.add("k", new SchemaAndValue(Schema.STRING_SCHEMA, null)));
        assertThrows(DataException.class,
                () -> headers.add(new ConnectHeader("k", new SchemaAndValue(Schema.INT8_SCHEMA, 1))));
        assertThrows(DataException.class,
                () -> headers.addList("l", List.of(1), SchemaBuilder.array(Schema.STRING_SCHEMA).build()));
        assertThrows(DataException.class, () -> headers.addList("l", List.of(1), Schema.STRING_SCHEMA));
        assertThrows(DataException.class, () -> headers.addMap("m", Map.of(), SchemaBuilder.array(Schema.STRING_SCHEMA).build()));
        Struct incomplete = new Struct(SchemaBuilder.struct().field("f", Schema.INT8_SCHEMA).build());
        e = assertThrows(DataException.class, () -> headers.addStruct("s", incomplete));
        assertTrue(e.getMessage().contains("'s'") && e.getMessage().contains("\"f\""), e.getMessage());
        assertThrows(DataException.class, () -> headers.addDate("d", new java.util.Date(1)));
        assertThrows(DataException.class, () -> headers.addTime("t", new java.util.Date(-1)));
        assertTrue(headers.isEmpty());
        headers.add("schemaless", List.of(1, "mixed"), null);
        assertEquals(1, headers.size());
    }

    @Test
    void nullKeysAndHeadersAreRejected() {
        Headers headers = new ConnectHeaders();
        assertThrows(NullPointerException.class, () -> headers.addString(null, "v"));
        assertThrows(NullPointerException.class, () -> headers.add((Header) null));
        assertThrows(NullPointerException.class, () -> headers.addStruct("s", null));
    }

    @Test
    void repeatedKeysKeepInsertionOrder() {
        Headers headers = new ConnectHeaders().addInt("a", 1).addInt("b", 2).addInt("a", 3);
        assertEquals(List.of(1, 3), values(headers.allWithName("a")));
        assertEquals(3, headers.lastWithName("a").value());
        assertEquals(List.of("a", "b", "a"), keys(headers));
        Iterator<Header> it = headers.allWithName("zzz");
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void allWithNameIteratorRemoves() {
        Headers headers = new ConnectHeaders().addInt("a", 1).addInt("b", 2).addInt("a", 3);
        Iterator<Header> it = headers.allWithName("a");
        it.next();
        it.remove();
        assertEquals(List.of("b", "a"), keys(headers));
    }

    @Test
    void removeDropsEveryHeaderOfTheKey() {
        Headers headers = new ConnectHeaders().addInt("a", 1).addInt("b", 2).addInt("a", 3);
        headers.remove("a");
        assertEquals(List.of("b"), keys(headers));
    }

    @Test
    void retainLatestOfOneKey() {
        Headers headers = new ConnectHeaders().addInt("a", 1).addInt("b", 2).addInt("a", 3).addInt("b", 4);
        headers.retainLatest("a");
        assertEquals(List.of("b", "a", "b"), keys(headers));
        assertEquals(List.of(2, 3, 4), values(headers.iterator()));
    }

    @Test
    void retainLatestOfEveryKeyKeepsOrder() {
        Headers headers = new ConnectHeaders().addInt("a", 1).addInt("b", 2).addInt("a", 3).addInt("c", 4).addInt("b", 5);
        headers.retainLatest();
        assertEquals(List.of("a", "c", "b"), keys(headers));
        assertEquals(List.of(3, 4, 5), values(headers.iterator()));
    }

    @Test
    void clearEmpties() {
        Headers headers = new ConnectHeaders().addInt("a", 1);
        assertTrue(headers.clear().isEmpty());
    }

    @Test
    void duplicateIsIndependent() {
        Headers original = new ConnectHeaders().addInt("a", 1);
        Headers copy = original.duplicate();
        assertEquals(original, copy);
        copy.addInt("b", 2);
        original.remove("a");
        assertEquals(0, original.size());
        assertEquals(List.of("a", "b"), keys(copy));
        assertEquals(copy, new ConnectHeaders(copy));
    }

    @Test
    void copyConstructorValidatesForeignHeaders() {
        List<Header> list = new ArrayList<>();
        list.add(new ConnectHeader("a", new SchemaAndValue(Schema.INT32_SCHEMA, 1)));
        assertEquals(1, new ConnectHeaders(list).size());
        list.add(new ConnectHeader("b", new SchemaAndValue(Schema.INT32_SCHEMA, "x")));
        assertThrows(DataException.class, () -> new ConnectHeaders(list));
    }

    @Test
    void applyTransformsRemovesAndValidates() {
        Headers headers = new ConnectHeaders().addInt("a", 1).addInt("b", 2).addInt("c", 3);
        headers.apply(h -> h.key().equals("b") ? null : h.with(Schema.INT64_SCHEMA, ((Integer) h.value()).longValue()));
        assertEquals(List.of("a", "c"), keys(headers));
        assertEquals(List.of(1L, 3L), values(headers.iterator()));
        assertThrows(DataException.class, () -> headers.apply(h -> h.with(Schema.STRING_SCHEMA, 5)));
        assertThrows(NullPointerException.class, () -> headers.apply(null));
    }

    @Test
    void applyToOneKey() {
        Headers headers = new ConnectHeaders().addString("a", "x").addString("b", "y").addString("a", "z");
        headers.apply("a", h -> h.rename("renamed"));
        assertEquals(List.of("renamed", "b", "renamed"), keys(headers));
        headers.apply("b", h -> null);
        assertEquals(2, headers.size());
    }

    @Test
    void equalityFollowsContentAndOrder() {
        Headers a = new ConnectHeaders().addInt("x", 1).addBytes("y", new byte[] {1});
        Headers b = new ConnectHeaders().addInt("x", 1).addBytes("y", new byte[] {1});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new ConnectHeaders().addBytes("y", new byte[] {1}).addInt("x", 1));
        assertNotEquals(a, new ConnectHeaders().addInt("x", 1));
        assertNotEquals(a, new ConnectHeaders().addLong("x", 1).addBytes("y", new byte[] {1}));
        assertTrue(a.toString().contains("key=x"), a.toString());
    }

    private static void assertHeader(Headers headers, String key, Schema schema, Object value) {
        Header header = headers.lastWithName(key);
        assertEquals(key, header.key());
        assertEquals(schema, header.schema(), key);
        assertEquals(value, header.value(), key);
    }

    private static List<String> keys(Headers headers) {
        List<String> keys = new ArrayList<>();
        headers.forEach(h -> keys.add(h.key()));
        return keys;
    }

    private static List<Object> values(Iterator<Header> headers) {
        List<Object> values = new ArrayList<>();
        headers.forEachRemaining(h -> values.add(h.value()));
        return values;
    }
}
