package io.aqueduct.connect.runtime.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a standalone worker, kept in memory and rewritten to a local JSON file (format described in
 * {@link OffsetFile}) on every {@link #set}. Each rewrite is atomic: a crash leaves the previous or the new
 * file, never a torn one. Writes happen one at a time, in call order, on a single background thread, which
 * also runs the callbacks.
 *
 * <p>{@link #start()} fails, naming the file and the problem, if the file exists but cannot be read or parsed;
 * it never starts from empty offsets in that case. A missing file means no offsets yet.
 */
public final class FileOffsetBackingStore implements OffsetBackingStore {

    private static final Logger log = LoggerFactory.getLogger(FileOffsetBackingStore.class);

    private final Path file;
    private final OffsetMap offsets = new OffsetMap();
    private volatile ExecutorService writer;

    /** @param file the offsets file (worker setting {@code offset.storage.file.filename}) */
    public FileOffsetBackingStore(Path file) {
        this.file = file;
    }

    /** The file this store reads and writes. */
    public Path file() {
        return file;
    }

    /** @throws StorageException if the file exists but cannot be read or is not a valid offsets file */
    @Override
    public synchronized void start() {
        if (writer != null) {
            return;
        }
        Map<ByteBuffer, ByteBuffer> loaded = OffsetFile.read(file);
        offsets.replaceAll(loaded);
        writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "offset-file-writer");
            thread.setDaemon(true);
            return thread;
        });
        log.info("Loaded {} source offset(s) from {}", loaded.size(), file);
    }

    /** Waits up to 30 s for queued writes to reach the file. */
    @Override
    public synchronized void stop() {
        ExecutorService current = writer;
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Offset writes to {} did not finish within 30 s", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        ExecutorService current = writer;
        if (current == null) {
            throw new IllegalStateException("The offset store for " + file + " is not started");
        }
        Map<ByteBuffer, ByteBuffer> writes = new HashMap<>(values);
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            current.execute(() -> {
                // Applied on the writer thread so the memory view and the file change in the same order.
                offsets.apply(writes);
                try {
                    OffsetFile.write(file, offsets.snapshot());
                } catch (IOException | RuntimeException e) {
                    StorageException error = new StorageException("Could not write source offsets to " + file
                            + ": " + e + ". The previous content of the file is unchanged.", e);
                    log.error(error.getMessage(), e);
                    OffsetMap.notify(callback, error, null);
                    done.completeExceptionally(error);
                    return;
                }
                OffsetMap.notify(callback, null, null);
                done.complete(null);
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The offset store for " + file + " is stopped", e);
        }
        return done;
    }
}
