package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.Connector;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.sink.SinkConnector;
import io.aqueduct.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connector instance and its life. Every call into the connector runs on the connector's own thread
 * ({@code connector-thread-<name>}), one at a time, with the plugin's class loader as context loader and
 * the connector's MDC context; callers wait for a result at most a given time, so a hung connector never
 * blocks them. Failures become a FAILED status, reported once.
 */
final class WorkerConnector {

    private static final Logger log = LoggerFactory.getLogger(WorkerConnector.class);

    private enum State { INIT, STARTED, PAUSED, STOPPED, FAILED, SHUT_DOWN }

    private final String name;
    private final Map<String, String> config;
    private final Class<? extends Connector> connectorClass;
    private final Plugins plugins;
    private final ClassLoader loader;
    private final ConnectorStatus.Listener listener;
    private final Runnable onTaskReconfigurationRequest;
    private final OffsetStorageReader offsetReader;
    private final ExecutorService executor;
    private volatile Connector connector;
    private volatile State state = State.INIT;

    WorkerConnector(String name, Map<String, String> config, Class<? extends Connector> connectorClass, Plugins plugins,
                    ConnectorStatus.Listener listener, Runnable onTaskReconfigurationRequest,
                    OffsetStorageReader offsetReader) {
        this.name = name;
        this.config = Map.copyOf(config);
        this.connectorClass = connectorClass;
        this.plugins = plugins;
        this.loader = plugins.pluginLoader(connectorClass.getName());
        this.listener = listener;
        this.onTaskReconfigurationRequest = onTaskReconfigurationRequest;
        this.offsetReader = offsetReader;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "connector-thread-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    String name() {
        return name;
    }

    Map<String, String> config() {
        return config;
    }

    boolean isSink() {
        return SinkConnector.class.isAssignableFrom(connectorClass);
    }

    boolean isShutDown() {
        return state == State.SHUT_DOWN;
    }

    boolean isFailed() {
        return state == State.FAILED;
    }

    /**
     * The connector plugin's version, or null before the instance exists. Asked on the caller's thread
     * (a version must be cheap), with the plugin's loader as context loader.
     */
    String version() {
        Connector current = connector;
        if (current == null) {
            return null;
        }
        ClassLoader previous = ContextLoader.swap(loader);
        try {
            return current.version();
        } catch (RuntimeException e) {
            return null;
        } finally {
            ContextLoader.restore(previous);
        }
    }

    /** Creates and initializes the connector, then moves it to {@code initial}. */
    CompletableFuture<TargetState> start(TargetState initial) {
        return submit(() -> {
            connector = plugins.newInstance(connectorClass);
            connector.initialize(new WorkerConnectorContext(this, onTaskReconfigurationRequest, offsetReader));
            return doTransition(initial);
        });
    }

    /** Moves the connector to {@code target}; the future completes with the state reached. */
    CompletableFuture<TargetState> transitionTo(TargetState target) {
        return submit(() -> doTransition(target));
    }

    private TargetState doTransition(TargetState target) {
        if (state == State.FAILED || state == State.SHUT_DOWN) {
            throw new Refused("Connector " + name + " is " + state + "; it cannot be moved to " + target
                    + " (restart it instead)");
        }
        switch (target) {
            case STARTED -> {
                State before = state;
                ensureStarted();
                if (before == State.PAUSED) {
                    notify(() -> listener.onResume(name));
                } else if (before != State.STARTED) {
                    notify(() -> listener.onStartup(name));
                }
                state = State.STARTED;
            }
            case PAUSED -> {
                ensureStarted();
                if (state != State.PAUSED) {
                    state = State.PAUSED;
                    notify(() -> listener.onPause(name));
                }
            }
            case STOPPED -> {
                if (state == State.STARTED || state == State.PAUSED) {
                    stopConnector();
                }
                if (state != State.FAILED) {
                    state = State.STOPPED;
                    notify(() -> listener.onStopped(name));
                }
            }
        }
        return target;
    }

    private void ensureStarted() {
        if (state == State.INIT || state == State.STOPPED) {
            connector.start(config);
            log.info("{}Connector {} started", LoggingContext.connectorPrefix(name), name);
        }
    }

    private void stopConnector() {
        try {
            connector.stop();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /**
     * The connector's task configurations, each with {@value ConnectorConfig#TASK_CLASS_CONFIG} added.
     *
     * @throws ConnectException if the connector failed, or did not answer within {@code timeoutMs}
     */
    List<Map<String, String>> taskConfigs(int maxTasks, long timeoutMs) {
        CompletableFuture<List<Map<String, String>>> result = submit(() -> {
            if (state != State.STARTED && state != State.PAUSED) {
                throw new Refused("Connector " + name + " is " + state + "; only a running connector"
                        + " gives task configurations");
            }
            List<Map<String, String>> configs = connector.taskConfigs(maxTasks);
            if (configs == null) {
                throw new ConnectException("Connector " + name + " returned null from taskConfigs(" + maxTasks + ")");
            }
            Class<?> taskClass = connector.taskClass();
            if (taskClass == null) {
                throw new ConnectException("Connector " + name + " returned null from taskClass()");
            }
            List<Map<String, String>> withClass = new ArrayList<>(configs.size());
            for (Map<String, String> taskConfig : configs) {
                Map<String, String> copy = new HashMap<>(taskConfig);
                copy.put(ConnectorConfig.TASK_CLASS_CONFIG, taskClass.getName());
                withClass.add(copy);
            }
            return withClass;
        });
        return await(result, timeoutMs, "taskConfigs");
    }

    /** Reported by the connector from any thread: fail and stop it. */
    void raiseError(Exception e) {
        try {
            executor.execute(() -> runInContext(() -> {
                if (state == State.STARTED || state == State.PAUSED) {
                    log.error("{}Connector {} raised an error", LoggingContext.connectorPrefix(name), name, e);
                    fail(e);
                    try {
                        connector.stop();
                    } catch (RuntimeException stopError) {
                        log.warn("{}stop() after the raised error failed too", LoggingContext.connectorPrefix(name), stopError);
                    }
                }
            }));
        } catch (RejectedExecutionException ignored) {
            log.warn("{}Connector {} raised an error after shutdown: {}", LoggingContext.connectorPrefix(name), name, e.toString());
        }
    }

    /** Stops the connector (if started) and ends its thread; returns at once. */
    void shutdown() {
        try {
            executor.execute(() -> runInContext(() -> {
                State before = state;
                if (before == State.STARTED || before == State.PAUSED) {
                    stopConnector();
                }
                if (state != State.FAILED) {
                    notify(() -> listener.onShutdown(name));
                }
                state = State.SHUT_DOWN;
            }));
        } catch (RejectedExecutionException ignored) {
            // already shut down
        }
        executor.shutdown();
    }

    /** Waits for {@link #shutdown()} to finish; abandons the connector thread after {@code timeoutMs}. */
    boolean awaitShutdown(long timeoutMs) {
        try {
            if (executor.awaitTermination(Math.max(0, timeoutMs), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.error("{}Connector {} did not stop within {} ms; abandoning its thread", LoggingContext.connectorPrefix(name),
                name, timeoutMs);
        executor.shutdownNow();
        state = State.SHUT_DOWN;
        return false;
    }

    private <T> CompletableFuture<T> submit(Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(inContext(call));
                } catch (Refused refused) {
                    result.completeExceptionally(refused);
                } catch (Throwable t) {
                    fail(t);
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectException("Connector " + name + " is shut down", e));
        }
        return result;
    }

    private void runInContext(Runnable call) {
        try {
            inContext(() -> {
                call.run();
                return null;
            });
        } catch (Exception e) {
            log.error("{}Unexpected failure on the connector thread", LoggingContext.connectorPrefix(name), e);
        }
    }

    private <T> T inContext(Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (LoggingContext context = LoggingContext.forConnector(name)) {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void fail(Throwable error) {
        if (state == State.FAILED || state == State.SHUT_DOWN) {
            return;
        }
        state = State.FAILED;
        log.error("{}Connector {} failed", LoggingContext.connectorPrefix(name), name, error);
        notify(() -> listener.onFailure(name, error));
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("{}A connector status listener failed", LoggingContext.connectorPrefix(name), e);
        }
    }

    static <T> T await(CompletableFuture<T> future, long timeoutMs, String what) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException connectException) {
                throw connectException;
            }
            throw new ConnectException(what + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new ConnectException(what + " did not finish within " + timeoutMs + " ms", e);
        }
    }

    /** A request the connector's state does not allow; not a failure of the connector. */
    private static final class Refused extends ConnectException {
        Refused(String message) {
            super(message);
        }
    }
}
