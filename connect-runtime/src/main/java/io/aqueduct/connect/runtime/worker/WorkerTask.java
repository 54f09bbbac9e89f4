package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.errors.ErrorHandlingMetrics;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.TaskStoppingException;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The life of one task on its own thread: start, run the record loop, close, report status. Subclasses
 * implement the source and sink loops.
 *
 * <p>Threads: {@link #run()} is the task thread. {@link #stop()}, {@link #transitionTo},
 * {@link #awaitStop} and {@link #cancel()} come from other threads. Any exception of the task or its
 * plugins becomes a FAILED status; nothing propagates to the worker.
 */
abstract class WorkerTask implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WorkerTask.class);

    protected final ConnectorTaskId id;
    protected final ClassLoader loader;
    private final TaskStatus.Listener listener;
    private final Object stateLock = new Object();
    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile TargetState targetState;
    private volatile boolean stopping;
    private volatile boolean cancelled;
    private volatile Thread thread;
    private volatile RetryWithToleranceOperator errorHandler;
    private boolean reportedPaused;

    protected WorkerTask(ConnectorTaskId id, ClassLoader loader, TaskStatus.Listener listener, TargetState initialState) {
        this.id = id;
        this.loader = loader;
        this.listener = listener;
        this.targetState = initialState;
    }

    public ConnectorTaskId id() {
        return id;
    }

    /** The version of the running task plugin (asked with the plugin's loader as context loader), or null before it was created. */
    final String version() {
        ClassLoader previous = ContextLoader.swap(loader);
        try {
            return pluginVersion();
        } finally {
            ContextLoader.restore(previous);
        }
    }

    /** The task plugin's {@code version()}, or null before the plugin was created. */
    abstract String pluginVersion();

    /**
     * Registers the task's error handling, built with its other resources on the task thread: a stop request
     * then ends any retry backoff at once. Call it as soon as the operator exists.
     */
    protected final void useErrorHandler(RetryWithToleranceOperator operator) {
        errorHandler = operator;
        if (stopping) {
            operator.triggerStop();
        }
    }

    /** The task's error counters, or null before its error handling was built. */
    public final ErrorHandlingMetrics errorMetrics() {
        RetryWithToleranceOperator operator = errorHandler;
        return operator == null ? null : operator.metrics();
    }

    /** Creates the task's plugins and clients and starts the task plugin. */
    protected abstract void initializeAndStart() throws Exception;

    /** The record loop; returns when {@link #isStopping()} or throws on failure. */
    protected abstract void execute() throws Exception;

    /**
     * Final commit and release of every resource; runs on the task thread after a stop or a failure. An
     * exception after a clean stop fails the task (reported once everything is released).
     */
    protected abstract void close(boolean failed);

    /** Lets a blocked task loop notice a stop request (source: SourceTask.stop(); sink: consumer wakeup). */
    protected abstract void onStopRequested();

    /** Lets a blocked task loop notice a new target state. */
    protected void onTargetStateChanged() {
    }

    @Override
    public final void run() {
        thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        boolean failed = false;
        try (LoggingContext context = LoggingContext.forTask(id)) {
            try {
                if (!stopping) {
                    initializeAndStart();
                    if (!stopping) {
                        notify(() -> listener.onStartup(id));
                        execute();
                    }
                }
            } catch (TaskStoppingException stoppedDuringRetry) {
                // A retry backoff was cut short by the stop request: the record stays uncommitted.
                log.info("{}Task {} stopped while retrying a record: {}", LoggingContext.taskPrefix(id), id,
                        stoppedDuringRetry.getMessage());
            } catch (Throwable t) {
                failed = true;
                if (cancelled) {
                    log.warn("{}Abandoned task {} ended with {}", LoggingContext.taskPrefix(id), id, t.toString());
                } else {
                    log.error("{}Task {} failed and will not run again until restarted", LoggingContext.taskPrefix(id), id, t);
                    notify(() -> listener.onFailure(id, t));
                }
            } finally {
                try {
                    close(failed);
                } catch (Throwable t) {
                    if (failed || cancelled) {
                        log.error("{}Task {} failed to close cleanly", LoggingContext.taskPrefix(id), id, t);
                    } else {
                        // e.g. the final commit found a dead letter queue write that failed: nothing was committed
                        failed = true;
                        log.error("{}Task {} failed while stopping", LoggingContext.taskPrefix(id), id, t);
                        notify(() -> listener.onFailure(id, t));
                    }
                }
                if (!failed && !cancelled) {
                    notify(() -> listener.onShutdown(id));
                }
            }
        } finally {
            thread.setContextClassLoader(previousLoader);
            exited.countDown();
        }
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("{}A task status listener failed", LoggingContext.taskPrefix(id), e);
        }
    }

    /** Asks the task to stop; returns at once. The task commits what it can and closes. */
    public final void stop() {
        synchronized (stateLock) {
            if (stopping) {
                return;
            }
            stopping = true;
            stateLock.notifyAll();
        }
        RetryWithToleranceOperator operator = errorHandler;
        if (operator != null) {
            operator.triggerStop();
        }
        onStopRequested();
    }

    public final boolean isStopping() {
        return stopping;
    }

    protected final boolean isCancelled() {
        return cancelled;
    }

    /** Waits up to {@code timeoutMs} for the task thread to finish; true if it did. */
    public final boolean awaitStop(long timeoutMs) {
        try {
            return exited.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the task thread has finished. */
    public final boolean hasExited() {
        return exited.getCount() == 0;
    }

    /**
     * Gives up on a task that did not stop in time: no more status reports or commits from it, and its
     * thread is interrupted so that it may still end.
     */
    public final void cancel() {
        cancelled = true;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
        }
    }

    /** Changes the target state (STARTED or PAUSED); the loop reports the change when it sees it. */
    public final void transitionTo(TargetState state) {
        synchronized (stateLock) {
            if (stopping || targetState == state) {
                return;
            }
            targetState = state;
            stateLock.notifyAll();
        }
        onTargetStateChanged();
    }

    /**
     * Called by the loop once per iteration: reports a pause or resume that happened since the last
     * call, and says whether the task is to be paused now.
     */
    protected final boolean checkPaused() {
        boolean paused = targetState == TargetState.PAUSED;
        if (paused != reportedPaused) {
            reportedPaused = paused;
            if (paused) {
                notify(() -> listener.onPause(id));
            } else {
                notify(() -> listener.onResume(id));
            }
        }
        return paused;
    }

    /** Waits up to {@code timeoutMs} while the task is paused and not stopping. */
    protected final void awaitUnpause(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (stateLock) {
            long remaining = timeoutMs;
            while (targetState == TargetState.PAUSED && !stopping && remaining > 0) {
                stateLock.wait(remaining);
                remaining = deadline - System.currentTimeMillis();
            }
        }
    }

    /** Waits up to {@code timeoutMs} unless a stop is requested. */
    protected final void awaitStopRequest(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (stateLock) {
            long remaining = timeoutMs;
            while (!stopping && remaining > 0) {
                stateLock.wait(remaining);
                remaining = deadline - System.currentTimeMillis();
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + "}";
    }
}
