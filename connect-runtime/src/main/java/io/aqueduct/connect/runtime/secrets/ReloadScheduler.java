package io.aqueduct.connect.runtime.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * At most one pending "restart connector X" per connector, run after a delay on one daemon thread that
 * this class owns. A newer schedule for a connector cancels the older one, so a connector is restarted
 * once for the latest secret lease it was given, not once per task that resolved it.
 */
final class ReloadScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReloadScheduler.class);

    private final Consumer<String> restartConnector;
    private final ScheduledThreadPoolExecutor executor;
    // guarded by this; a Reload runs only if it is still the one recorded for its connector
    private final Map<String, Reload> pending = new HashMap<>();
    private boolean closed;

    ReloadScheduler(Consumer<String> restartConnector) {
        this.restartConnector = restartConnector;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "config-provider-reload");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Restarts {@code connector} after {@code delayMs}, replacing any restart scheduled for it before. */
    synchronized void schedule(String connector, long delayMs) {
        if (closed) {
            return;
        }
        Reload previous = pending.remove(connector);
        if (previous != null) {
            previous.future.cancel(false);
        }
        Reload reload = new Reload(connector);
        // set while holding the lock, so run() cannot see a Reload without its future
        reload.future = executor.schedule(reload, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        pending.put(connector, reload);
    }

    /** Drops a pending restart of {@code connector}, e.g. because it was deleted or stopped. */
    synchronized void cancel(String connector) {
        Reload previous = pending.remove(connector);
        if (previous != null) {
            previous.future.cancel(false);
        }
    }

    /** The pending restart of {@code connector}, or {@code null}. */
    synchronized ScheduledFuture<?> pending(String connector) {
        Reload reload = pending.get(connector);
        return reload == null ? null : reload.future;
    }

    private synchronized boolean claim(Reload reload) {
        return !closed && pending.remove(reload.connector, reload);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            pending.values().forEach(reload -> reload.future.cancel(false));
            pending.clear();
        }
        executor.shutdownNow();
    }

    private final class Reload implements Runnable {
        private final String connector;
        private ScheduledFuture<?> future;

        Reload(String connector) {
            this.connector = connector;
        }

        @Override
        public void run() {
            if (!claim(this)) {
                return;
            }
            log.info("Restarting connector '{}': the config provider data it was started with has expired"
                    + " (config.action.reload=restart)", connector);
            try {
                restartConnector.accept(connector);
            } catch (RuntimeException e) {
                log.error("Could not request a restart of connector '{}' after its config provider data"
                        + " expired; restart it through the REST API to pick up new values", connector, e);
            }
        }
    }
}
