package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.storage.Callback;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Test offset store around a real one: shows every write to an observer before it is stored, and can
 * be told to drop writes (they then "succeed" without reaching the real store), as a crash would.
 */
final class ObservedOffsetStore implements OffsetBackingStore {

    private final OffsetBackingStore delegate;
    private final Collection<Consumer<Map<ByteBuffer, ByteBuffer>>> observers = new CopyOnWriteArrayList<>();
    private volatile boolean dropping;

    ObservedOffsetStore(OffsetBackingStore delegate) {
        this.delegate = delegate;
    }

    void observe(Consumer<Map<ByteBuffer, ByteBuffer>> observer) {
        observers.add(observer);
    }

    /** From now on writes are lost. */
    void dropWrites() {
        dropping = true;
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
        return delegate.get(keys);
    }

    @Override
    public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, Callback<Void> callback) {
        observers.forEach(observer -> observer.accept(values));
        if (dropping) {
            if (callback != null) {
                callback.onCompletion(null, null);
            }
            return CompletableFuture.completedFuture(null);
        }
        return delegate.set(values, callback);
    }
}
