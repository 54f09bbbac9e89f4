package io.aqueduct.connect.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class OffsetCodecTest {

    @Test
    void keyBytesMatchTheReferenceFormatExactly() {
        byte[] key = OffsetCodec.serializeKey("ref-src", Map.of("filename", "/tmp/ref-in.txt"));
        assertEquals("[\"ref-src\",{\"filename\":\"/tmp/ref-in.txt\"}]", utf8(key));
    }

    @Test
    void offsetBytesMatchTheReferenceFormatExactly() {
        assertEquals("{\"position\":20}", utf8(OffsetCodec.serializeOffset(Map.of("position", 20L))));
    }

    @Test
    void keyRoundTripsAndKeepsMapOrder() {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("z", "last-first");
        partition.put("a", 1L);
        partition.put("nested", List.of("x", 2L));
        byte[] key = OffsetCodec.serializeKey("conn ü", partition);
        assertEquals("[\"conn ü\",{\"z\":\"last-first\",\"a\":1,\"nested\":[\"x\",2]}]", utf8(key));

        OffsetCodec.Key decoded = OffsetCodec.deserializeKey(key);
        assertEquals("conn ü", decoded.connector());
        assertEquals(partition, decoded.partition());
        assertEquals(List.of("z", "a", "nested"), List.copyOf(decoded.partition().keySet()));
    }

    @Test
    void keyWithNullPartitionRoundTrips() {
        byte[] key = OffsetCodec.serializeKey("c", null);
        assertEquals("[\"c\",null]", utf8(key));
        assertNull(OffsetCodec.deserializeKey(key).partition());
    }

    @Test
    void wholeNumbersComeBackAsLongAndFractionsAsDouble() {
        Map<String, Object> offset = OffsetCodec.deserializeOffset(bytes("{\"small\":7,\"big\":12345678901,\"f\":1.5,"
                + "\"b\":true,\"s\":\"x\",\"n\":null}"));
        assertEquals(7L, offset.get("small"));
        assertEquals(12345678901L, offset.get("big"));
        assertEquals(1.5d, offset.get("f"));
        assertEquals(true, offset.get("b"));
        assertEquals("x", offset.get("s"));
        assertTrue(offset.containsKey("n"));
        assertNull(offset.get("n"));
    }

    @Test
    void offsetRoundTrips() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("position", 20L);
        offset.put("file", "a.txt");
        byte[] bytes = OffsetCodec.serializeOffset(offset);
        assertEquals("{\"position\":20,\"file\":\"a.txt\"}", utf8(bytes));
        assertEquals(offset, OffsetCodec.deserializeOffset(bytes));
    }

    @Test
    void nullOffsetIsATombstone() {
        assertNull(OffsetCodec.serializeOffset(null));
        assertNull(OffsetCodec.deserializeOffset(null));
    }

    @Test
    void malformedKeysAreRejectedWithTheKeyText() {
        for (String bad : Arrays.asList("{\"a\":1}", "[\"only-name\"]", "[1,{}]", "[\"c\",{},3]", "[\"c\",\"p\"]")) {
            SerializationException e = assertThrows(SerializationException.class,
                    () -> OffsetCodec.deserializeKey(bytes(bad)), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("JSON array of a connector name"), e.getMessage());
        }
    }

    @Test
    void invalidJsonIsRejected() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> OffsetCodec.deserializeOffset(bytes("{\"position\":")));
        assertTrue(e.getMessage().startsWith("The source offset '{\"position\":' is not valid JSON"), e.getMessage());
        assertThrows(SerializationException.class, () -> OffsetCodec.deserializeOffset(bytes("{} {}")));
        assertThrows(SerializationException.class, () -> OffsetCodec.deserializeOffset(bytes("[20]")));
        assertThrows(SerializationException.class, () -> OffsetCodec.deserializeKey(bytes("")));
    }

    @Test
    void serializingTheSameMapTwiceGivesTheSameBytes() {
        Map<String, Object> partition = Map.of("filename", "/tmp/x");
        assertArrayEquals(OffsetCodec.serializeKey("c", partition), OffsetCodec.serializeKey("c", partition));
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
