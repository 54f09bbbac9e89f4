package io.aqueduct.connect.converters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.data.SchemaAndValue;
import io.aqueduct.connect.errors.DataException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ByteArrayConverterTest {

    private final ByteArrayConverter converter = new ByteArrayConverter();

    @Test
    void passesByteArraysThroughUnchanged() {
        converter.configure(Map.of(), false);
        byte[] bytes = {0, 1, (byte) 0xff};
        assertSame(bytes, converter.fromConnectData("t", Schema.BYTES_SCHEMA, bytes));
        assertSame(bytes, converter.fromConnectData("t", null, bytes));
        SchemaAndValue read = converter.toConnectData("t", bytes);
        assertEquals(Schema.OPTIONAL_BYTES_SCHEMA, read.schema());
        assertSame(bytes, read.value());
    }

    @Test
    void writesTheRemainingBytesOfABuffer() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 9}, 1, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, converter.fromConnectData("t", Schema.OPTIONAL_BYTES_SCHEMA, buffer));
        assertEquals(1, buffer.position());
        ByteBuffer direct = ByteBuffer.allocateDirect(2).put((byte) 7).put((byte) 8).flip();
        assertArrayEquals(new byte[] {7, 8}, converter.fromConnectData("t", null, direct));
    }

    @Test
    void keepsNullsNull() {
        assertNull(converter.fromConnectData("t", Schema.OPTIONAL_BYTES_SCHEMA, null));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, null), converter.toConnectData("t", null));
    }

    @Test
    void rejectsOtherSchemasAndValuesNamingTopicAndType() {
        DataException schema = assertThrows(DataException.class,
            () -> converter.fromConnectData("clicks", Schema.STRING_SCHEMA, new byte[0]));
        assertTrue(schema.getMessage().contains("topic 'clicks'") && schema.getMessage().contains("STRING"),
            schema.getMessage());
        DataException value = assertThrows(DataException.class,
            () -> converter.fromConnectData("clicks", null, "text"));
        assertTrue(value.getMessage().contains("topic 'clicks'") && value.getMessage().contains("java.lang.String"),
            value.getMessage());
    }

    @Test
    void worksAsHeaderConverter() {
        converter.configure(Map.of("converter.type", "header"));
        byte[] bytes = {4, 2};
        assertSame(bytes, converter.fromConnectHeader("t", "h", Schema.BYTES_SCHEMA, bytes));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, bytes), converter.toConnectHeader("t", "h", bytes));
        DataException e = assertThrows(DataException.class, () -> converter.fromConnectHeader("t", "trace", null, 5));
        assertTrue(e.getMessage().contains("header 'trace'") && e.getMessage().contains("topic 't'"), e.getMessage());
    }
}
