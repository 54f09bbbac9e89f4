package io.aqueduct.connect.runtime.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Builders shared by the offset store tests. */
final class OffsetStoreTesting {

    private OffsetStoreTesting() {
    }

    static ByteBuffer key(String connector, String file) {
        return ByteBuffer.wrap(OffsetCodec.serializeKey(connector, Map.of("filename", file)));
    }

    static ByteBuffer offset(long position) {
        return ByteBuffer.wrap(OffsetCodec.serializeOffset(Map.of("position", position)));
    }

    /** A map that, unlike {@code Map.of}, may hold null values (tombstones). */
    static Map<ByteBuffer, ByteBuffer> writes(Object... keysAndValues) {
        Map<ByteBuffer, ByteBuffer> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((ByteBuffer) keysAndValues[i], (ByteBuffer) keysAndValues[i + 1]);
        }
        return map;
    }

    static String text(ByteBuffer buffer) {
        return buffer == null ? null : new String(OffsetMap.bytes(buffer), StandardCharsets.UTF_8);
    }
}
