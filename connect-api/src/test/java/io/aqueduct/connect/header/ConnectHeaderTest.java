package io.aqueduct.connect.header;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectHeaderTest {

    @Test
    void exposesKeySchemaAndValue() {
        Header header = new ConnectHeader("k", new SchemaAndValue(Schema.STRING_SCHEMA, "v"));
        assertEquals("k", header.key());
        assertEquals(Schema.STRING_SCHEMA, header.schema());
        assertEquals("v", header.value());
        Header empty = new ConnectHeader("k", null);
        assertNull(empty.schema());
        assertNull(empty.value());
        assertThrows(NullPointerException.class, () -> new ConnectHeader(null, SchemaAndValue.NULL));
    }

    @Test
    void withAndRenameReturnNewHeaders() {
        Header header = new ConnectHeader("k", new SchemaAndValue(Schema.STRING_SCHEMA, "v"));
        Header changed = header.with(Schema.INT32_SCHEMA, 1);
        assertEquals("k", changed.key());
        assertEquals(1, changed.value());
        assertEquals("v", header.value());
        Header renamed = header.rename("other");
        assertEquals("other", renamed.key());
        assertEquals("v", renamed.value());
        assertEquals("k", header.key());
        assertSame(header, header.rename("k"));
        assertThrows(NullPointerException.class, () -> header.rename(null));
    }

    @Test
    void equalityIncludesKeySchemaAndValue() {
        Header a = new ConnectHeader("k", new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1}));
        Header b = new ConnectHeader("k", new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1}));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.rename("j"));
        assertNotEquals(a, a.with(Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {1}));
        assertNotEquals(a, a.with(Schema.BYTES_SCHEMA, new byte[] {2}));
        assertTrue(a.toString().contains("key=k") && a.toString().contains("[1]"), a.toString());
    }
}
