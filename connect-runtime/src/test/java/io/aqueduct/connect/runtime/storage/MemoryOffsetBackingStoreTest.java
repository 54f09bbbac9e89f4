package io.aqueduct.connect.runtime.storage;

import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.key;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.offset;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.text;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class MemoryOffsetBackingStoreTest {

    private final MemoryOffsetBackingStore store = new MemoryOffsetBackingStore();

    @Test
    void returnsWhatWasSetAndOmitsUnknownKeys() throws Exception {
        store.start();
        AtomicReference<String> outcome = new AtomicReference<>();
        store.set(writes(key("c", "a"), offset(1), key("c", "b"), offset(2)),
                (error, result) -> outcome.set(error == null ? "ok" : error.toString())).get();
        assertEquals("ok", outcome.get());

        Map<ByteBuffer, ByteBuffer> got = store.get(List.of(key("c", "a"), key("c", "b"), key("c", "none"))).get();
        assertEquals(2, got.size());
        assertEquals("{\"position\":1}", text(got.get(key("c", "a"))));
        assertEquals("{\"position\":2}", text(got.get(key("c", "b"))));
        assertFalse(got.containsKey(key("c", "none")));
    }

    @Test
    void tombstoneRemovesTheKey() throws Exception {
        store.set(writes(key("c", "a"), offset(1)), null).get();
        store.set(writes(key("c", "a"), null), null).get();
        assertTrue(store.get(List.of(key("c", "a"))).get().isEmpty());
    }

    @Test
    void laterWritesReplaceEarlierOnes() throws Exception {
        store.set(writes(key("c", "a"), offset(1)), null).get();
        store.set(writes(key("c", "a"), offset(5)), null).get();
        assertEquals("{\"position\":5}", text(store.get(List.of(key("c", "a"))).get().get(key("c", "a"))));
    }

    @Test
    void storedBytesAreIndependentOfTheCallersBuffers() throws Exception {
        ByteBuffer value = offset(1);
        store.set(writes(key("c", "a"), value), null).get();
        value.put(0, (byte) 'X');
        assertEquals("{\"position\":1}", text(store.get(List.of(key("c", "a"))).get().get(key("c", "a"))));
    }

    @Test
    void aThrowingCallbackDoesNotFailTheWrite() throws Exception {
        store.set(writes(key("c", "a"), offset(1)), (error, result) -> {
            throw new IllegalStateException("callback bug");
        }).get();
        assertNull(store.get(List.of(key("c", "b"))).get().get(key("c", "b")));
        assertEquals(1, store.get(List.of(key("c", "a"))).get().size());
    }
}
