package io.aqueduct.connect.runtime.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Durable key/value storage for source connector offsets, written by the runtime's automatic offset
 * management. Keys and values are opaque bytes here; {@link OffsetCodec} gives them their on-disk and on-topic
 * meaning: key {@code ["<connector>",{<source partition>}]}, value {@code {<source offset>}}, both compact JSON.
 *
 * <p>Call {@link #start()} once before anything else, and {@link #stop()} at the end. {@link #get} and
 * {@link #set} may be called from any thread in between. Buffers passed in are not modified (their position is
 * left alone) and must not be changed by the caller afterwards.
 */
public interface OffsetBackingStore {

    /** Loads or catches up with the stored offsets; blocks until done. */
    void start();

    /** Waits for writes in progress and releases resources. Safe to call more than once. */
    void stop();

    /**
     * Looks up the current values of {@code keys}. The result maps each key that has a value to that value; keys
     * never written, or whose last write was a tombstone, are absent.
     */
    CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys);

    /**
     * Stores all {@code values}; a null value is a tombstone that removes the key. The future, and
     * {@code callback} if not null, complete once every value is durable (or the write failed); the callback may
     * run on an internal thread of the store and must be quick.
     */
    CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, Callback<Void> callback);

    /**
     * Every source partition of {@code connector} that has a stored offset, with that offset (decoded with
     * {@link OffsetCodec}), as seen by a {@link #get} issued now. Keys that are not in {@link OffsetCodec}'s format
     * are skipped. Used by {@code GET /connectors/{c}/offsets} and by offset resets, which must find partitions
     * without knowing them in advance.
     *
     * @throws UnsupportedOperationException (the default) if this store cannot list its keys
     */
    default CompletableFuture<Map<Map<String, Object>, Map<String, Object>>> connectorOffsets(String connector) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list the partitions of a "
                + "connector");
    }
}
