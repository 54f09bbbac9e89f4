package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * A herder's own thread: one daemon thread that runs the herder's work in the order it was handed in and
 * remembers what it is doing, for {@link Herder#currentActivity()}. Thread-safe.
 */
public final class HerderExecutor {

    private final ExecutorService executor;
    private final String herderKind;
    private volatile String activity;

    /**
     * @param threadName the name of the thread
     * @param herderKind the kind of herder in the error of work handed in after shutdown, e.g. "standalone"
     */
    public HerderExecutor(String threadName, String herderKind) {
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.herderKind = herderKind;
    }

    /**
     * Runs {@code work} on the herder thread after everything handed in before it. The future fails with what
     * {@code work} threw, or with a {@link ConnectException} if the executor is shut down.
     *
     * @param what what the work does, reported as the activity while it runs
     */
    public <T> CompletableFuture<T> call(String what, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                activity = what;
                try {
                    result.complete(work.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    activity = null;
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectException("The " + herderKind + " herder is stopped; cannot do: "
                    + what));
        }
        return result;
    }

    /** What the herder thread is doing right now; empty when idle. */
    public Optional<String> activity() {
        return Optional.ofNullable(activity);
    }

    public boolean isShutdown() {
        return executor.isShutdown();
    }

    /** Interrupts the work in progress and drops the work not started. */
    public void shutdownNow() {
        executor.shutdownNow();
    }
}
