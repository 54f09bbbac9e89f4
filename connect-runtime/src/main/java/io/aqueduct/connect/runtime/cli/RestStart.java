package io.aqueduct.connect.runtime.cli;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.rest.RestServer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts a bound {@link RestServer} on its own thread, so that start-up work that does not need it (plugins,
 * stores, the herder) runs meanwhile, and hands its failure back to the start-up thread.
 */
final class RestStart {

    private RestStart() {
    }

    static CompletableFuture<Void> inBackground(RestServer rest) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                rest.start();
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        }, "rest-server-start");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** Waits for {@link #inBackground}; rethrows its failure as thrown there when it is unchecked. */
    static void await(CompletableFuture<Void> started) {
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for the REST server to start", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ConnectException("Could not start the REST server: " + cause, cause);
        }
    }
}
