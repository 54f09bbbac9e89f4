package io.aqueduct.connect.runtime.errors;

import java.util.concurrent.CompletableFuture;

/**
 * Tells someone about a record that finally failed: the log, the dead letter queue. Called on the thread
 * that saw the failure (task thread, producer callback thread, a sink task's writer thread), so
 * implementations are thread-safe and read the context before returning.
 */
interface ErrorReporter extends AutoCloseable {

    /**
     * Reports a failed record.
     *
     * @param context a failed context; only valid during this call
     * @return completes when the report is stored; never null, never throws for a failed write (the future
     *         fails instead)
     */
    CompletableFuture<Void> report(ProcessingContext<?> context);

    @Override
    default void close() {
    }
}
