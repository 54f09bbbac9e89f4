package io.aqueduct.connect.runtime.status;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The usual wiring of the worker's status events: each event becomes a status record of this worker
 * in a {@link StatusBackingStore}, and each first use of a topic by a task an active-topic entry. Shutdown and restart records are written with
 * {@link StatusBackingStore#putSafe}, so they never overwrite a newer owner's record.
 */
public final class StatusStoreListener implements ConnectorStatus.Listener, TaskStatus.Listener,
        TopicStatus.Listener {

    private final StatusBackingStore store;
    private final String workerId;
    private final IntSupplier generation;
    private final Function<String, String> connectorVersion;
    private final Function<ConnectorTaskId, String> taskVersion;

    /**
     * @param store            where statuses go
     * @param workerId         this worker's id ({@code host:port})
     * @param generation       the current group generation (a constant 0 in standalone mode)
     * @param connectorVersion the version of a running connector, or null (e.g. {@code worker::connectorVersion})
     * @param taskVersion      the version of a running task, or null
     */
    public StatusStoreListener(StatusBackingStore store, String workerId, IntSupplier generation,
                               Function<String, String> connectorVersion,
                               Function<ConnectorTaskId, String> taskVersion) {
        this.store = Objects.requireNonNull(store, "store");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.generation = Objects.requireNonNull(generation, "generation");
        this.connectorVersion = Objects.requireNonNull(connectorVersion, "connectorVersion");
        this.taskVersion = Objects.requireNonNull(taskVersion, "taskVersion");
    }

    private ConnectorStatus connector(String name, State state, Throwable cause) {
        return new ConnectorStatus(name, state, workerId, generation.getAsInt(), AbstractStatus.traceOf(cause),
                connectorVersion.apply(name));
    }

    private TaskStatus task(ConnectorTaskId id, State state, Throwable cause) {
        return new TaskStatus(id, state, workerId, generation.getAsInt(), AbstractStatus.traceOf(cause),
                taskVersion.apply(id));
    }

    @Override
    public void onStartup(String connector) {
        store.put(connector(connector, State.RUNNING, null));
    }

    @Override
    public void onPause(String connector) {
        store.put(connector(connector, State.PAUSED, null));
    }

    @Override
    public void onResume(String connector) {
        store.put(connector(connector, State.RUNNING, null));
    }

    @Override
    public void onFailure(String connector, Throwable cause) {
        store.put(connector(connector, State.FAILED, cause));
    }

    @Override
    public void onShutdown(String connector) {
        store.putSafe(connector(connector, State.UNASSIGNED, null));
    }

    @Override
    public void onStopped(String connector) {
        store.put(connector(connector, State.STOPPED, null));
    }

    @Override
    public void onRestart(String connector) {
        store.put(connector(connector, State.RESTARTING, null));
    }

    @Override
    public void onDeletion(String connector) {
        for (TaskStatus status : store.getAll(connector)) {
            store.put(new TaskStatus(status.id(), State.DESTROYED, workerId, generation.getAsInt()));
        }
        store.put(new ConnectorStatus(connector, State.DESTROYED, workerId, generation.getAsInt()));
        for (TopicStatus topic : store.getAllTopics(connector)) {
            store.deleteTopic(connector, topic.topic());
        }
    }

    @Override
    public void onStartup(ConnectorTaskId id) {
        store.put(task(id, State.RUNNING, null));
    }

    @Override
    public void onPause(ConnectorTaskId id) {
        store.put(task(id, State.PAUSED, null));
    }

    @Override
    public void onResume(ConnectorTaskId id) {
        store.put(task(id, State.RUNNING, null));
    }

    @Override
    public void onFailure(ConnectorTaskId id, Throwable cause) {
        store.put(task(id, State.FAILED, cause));
    }

    @Override
    public void onShutdown(ConnectorTaskId id) {
        store.putSafe(task(id, State.UNASSIGNED, null));
    }

    @Override
    public void onRestart(ConnectorTaskId id) {
        store.put(task(id, State.RESTARTING, null));
    }

    @Override
    public void onDeletion(ConnectorTaskId id) {
        store.put(new TaskStatus(id, State.DESTROYED, workerId, generation.getAsInt()));
    }

    @Override
    public void onActive(ConnectorTaskId task, String topic, long discoverTimestamp) {
        store.putTopicState(topic, task.connector(), task.task(), discoverTimestamp);
    }
}
