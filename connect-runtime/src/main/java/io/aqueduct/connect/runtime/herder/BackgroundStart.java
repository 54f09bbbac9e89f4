package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs a start-up step on a thread of its own, so that independent steps (binding REST, reading internal
 * topics, discovering plugins) overlap instead of adding up, and hands its failure back to the thread that
 * waits for it, unchanged. The common fork-join pool is not used: on a 2-core machine it has one thread.
 */
public final class BackgroundStart {

    private BackgroundStart() {
    }

    /** Starts {@code step} on a new daemon thread named {@code threadName}. */
    public static CompletableFuture<Void> run(String threadName, Runnable step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                step.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /**
     * Waits for a step started by {@link #run}; rethrows its failure as thrown there when it is unchecked,
     * otherwise wrapped in a {@link ConnectException} naming {@code what}.
     */
    public static void await(CompletableFuture<Void> step, String what) {
        try {
            step.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ConnectException("Could not " + what + ": " + cause, cause);
        }
    }
}
