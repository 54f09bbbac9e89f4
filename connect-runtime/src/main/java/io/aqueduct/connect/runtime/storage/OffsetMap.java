package io.aqueduct.connect.runtime.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-memory view of stored offsets that every store keeps; thread-safe, copies every buffer it takes in. */
final class OffsetMap {

    private static final Logger log = LoggerFactory.getLogger(OffsetMap.class);

    private final Map<ByteBuffer, ByteBuffer> data = new HashMap<>();

    synchronized Map<ByteBuffer, ByteBuffer> get(Collection<ByteBuffer> keys) {
        Map<ByteBuffer, ByteBuffer> result = new HashMap<>();
        for (ByteBuffer key : keys) {
            ByteBuffer value = data.get(key);
            if (value != null) {
                result.put(copy(key), copy(value));
            }
        }
        return result;
    }

    /** The decoded partitions and offsets of {@code connector}; keys of another format are skipped. */
    synchronized Map<Map<String, Object>, Map<String, Object>> connectorOffsets(String connector) {
        Map<Map<String, Object>, Map<String, Object>> result = new HashMap<>();
        data.forEach((key, value) -> {
            OffsetCodec.Key decoded;
            try {
                decoded = OffsetCodec.deserializeKey(bytes(key));
            } catch (SerializationException e) {
                return;
            }
            if (connector.equals(decoded.connector()) && decoded.partition() != null) {
                result.put(decoded.partition(), OffsetCodec.deserializeOffset(bytes(value)));
            }
        });
        return result;
    }

    /** Applies the writes in {@code values}; a null value removes the key. */
    synchronized void apply(Map<ByteBuffer, ByteBuffer> values) {
        values.forEach(this::apply);
    }

    synchronized void apply(ByteBuffer key, ByteBuffer value) {
        if (value == null) {
            data.remove(key);
        } else {
            data.put(copy(key), copy(value));
        }
    }

    synchronized void replaceAll(Map<ByteBuffer, ByteBuffer> values) {
        data.clear();
        apply(values);
    }

    synchronized Map<ByteBuffer, ByteBuffer> snapshot() {
        Map<ByteBuffer, ByteBuffer> copy = new HashMap<>();
        data.forEach((k, v) -> copy.put(copy(k), copy(v)));
        return copy;
    }

    static ByteBuffer copy(ByteBuffer buffer) {
        return buffer == null ? null : ByteBuffer.wrap(bytes(buffer));
    }

    /** The remaining bytes of {@code buffer}, without moving its position. */
    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** Tells {@code callback}, shielding the store from a callback that throws. */
    static <V> void notify(Callback<V> callback, Throwable error, V result) {
        if (callback == null) {
            return;
        }
        try {
            callback.onCompletion(error, result);
        } catch (RuntimeException e) {
            log.error("Offset store callback threw; ignoring it", e);
        }
    }
}
