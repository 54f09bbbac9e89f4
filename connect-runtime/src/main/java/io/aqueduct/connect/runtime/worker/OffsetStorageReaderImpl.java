package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetCodec;
import io.aqueduct.connect.storage.OffsetStorageReader;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the committed source offsets of one connector from an {@link OffsetBackingStore}, keys and values
 * in {@link OffsetCodec}'s format. Thread-safe; reads block until the store answers, at most
 * {@link #READ_TIMEOUT_MS} ms.
 */
public final class OffsetStorageReaderImpl implements OffsetStorageReader {

    /** How long a read may wait for the store. */
    public static final long READ_TIMEOUT_MS = 60_000;

    private final String connector;
    private final OffsetBackingStore store;

    public OffsetStorageReaderImpl(String connector, OffsetBackingStore store) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets(List.of(partition)).get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<ByteBuffer, Map<String, T>> byKey = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            Objects.requireNonNull(partition, "a source partition must not be null");
            byKey.put(ByteBuffer.wrap(OffsetCodec.serializeKey(connector, partition)), partition);
        }
        Map<ByteBuffer, ByteBuffer> stored;
        try {
            stored = store.get(new ArrayList<>(byKey.keySet())).get(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the offsets of connector " + connector, e);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not read the offsets of connector " + connector + ": " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ConnectException("The offset store did not answer within " + READ_TIMEOUT_MS
                    + " ms when reading the offsets of connector " + connector, e);
        }
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        stored.forEach((key, value) -> {
            Map<String, T> partition = byKey.get(key);
            if (partition != null && value != null) {
                result.put(partition, OffsetCodec.deserializeOffset(bytes(value)));
            }
        });
        return result;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
