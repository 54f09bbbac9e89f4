package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The distributed herder's own thread, which applies every change in order, plus a timer that posts delayed work
 * to it and a pool for connector code (validation, task config generation, offsets), which must never run on the
 * herder thread itself.
 */
final class HerderThread {

    private static final Logger log = LoggerFactory.getLogger(HerderThread.class);

    private final ExecutorService executor;
    private final ScheduledExecutorService timer;
    private final ExecutorService connectorCalls;
    private volatile String activity;

    HerderThread(String name) {
        this.executor = Executors.newSingleThreadExecutor(daemon(name));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon(name + "-timer"));
        AtomicInteger count = new AtomicInteger();
        this.connectorCalls = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-calls-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs {@code work} on the herder thread after everything queued before it. */
    <T> CompletableFuture<T> call(String what, Callable<T> work) {
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
            result.completeExceptionally(new ConnectException("The distributed herder is stopped; cannot do: " + what));
        }
        return result;
    }

    /** As {@link #call}, for work nobody waits for; failures are logged. */
    void post(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        }).whenComplete((ignored, error) -> {
            if (error != null && !executor.isShutdown()) {
                log.error("The herder failed while {}", what, error);
            }
        });
    }

    /** Posts {@code work} to the herder thread after {@code delayMs}. */
    ScheduledFuture<?> schedule(String what, Runnable work, long delayMs) {
        try {
            return timer.schedule(() -> post(what, work), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** The pool for connector code: validation, task configs, offsets. */
    ExecutorService connectorCalls() {
        return connectorCalls;
    }

    Optional<String> activity() {
        return Optional.ofNullable(activity);
    }

    void shutdownNow() {
        timer.shutdownNow();
        executor.shutdownNow();
        connectorCalls.shutdownNow();
    }
}
