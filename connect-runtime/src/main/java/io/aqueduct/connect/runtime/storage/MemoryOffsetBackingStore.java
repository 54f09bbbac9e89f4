package io.aqueduct.connect.runtime.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Offsets kept in memory only, lost when the process ends; for tests. Writes complete before {@link #set}
 * returns, and the callback runs on the caller's thread.
 */
public final class MemoryOffsetBackingStore implements OffsetBackingStore {

    private final OffsetMap offsets = new OffsetMap();

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        return CompletableFuture.completedFuture(offsets.get(keys));
    }

    @Override
    public CompletableFuture<Map<Map<String, Object>, Map<String, Object>>> connectorOffsets(String connector) {
        return CompletableFuture.completedFuture(offsets.connectorOffsets(connector));
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, Callback<Void> callback) {
        offsets.apply(values);
        OffsetMap.notify(callback, null, null);
        return CompletableFuture.completedFuture(null);
    }
}
