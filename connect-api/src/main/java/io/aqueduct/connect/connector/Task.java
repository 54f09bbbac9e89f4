package io.aqueduct.connect.connector;

import java.util.Map;

/**
 * A unit of work created from one of the configurations that its {@link Connector} returned from
 * {@link Connector#taskConfigs(int)}. Tasks do the actual copying of data; plugins implement
 * {@link io.aqueduct.connect.source.SourceTask} or {@link io.aqueduct.connect.sink.SinkTask}, never
 * this interface directly.
 *
 * <p>The runtime instantiates a task class through its public no-argument constructor, once per task
 * start: a restarted task is a fresh instance. Each instance is driven by one dedicated task thread;
 * the subtypes say which methods may also be called from other threads.
 */
public interface Task {

    /**
     * The version of this task, normally the same as its connector's. May be called on any thread and
     * before {@link #start(Map)}; must not block and must not return null.
     *
     * @return the version string
     */
    String version();

    /**
     * Starts the task with one of the configurations produced by its connector. Called once, on the
     * task thread, before any other lifecycle method. May block while connecting to an external
     * system, but a long block delays the task's RUNNING status.
     *
     * @param props the task configuration; never null. Keys and values are as the connector produced
     *              them, with config provider placeholders already resolved
     */
    void start(Map<String, String> props);

    /**
     * Stops the task and releases its resources. Called once when the task is shut down, paused for
     * reconfiguration, or removed. The subtypes say on which thread; implementations must not block
     * for long, since the runtime waits only for a bounded time before giving up on the task.
     */
    void stop();
}
