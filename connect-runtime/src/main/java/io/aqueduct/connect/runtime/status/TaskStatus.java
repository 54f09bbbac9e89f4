package io.aqueduct.connect.runtime.status;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

/** The observed state of a task. */
public final class TaskStatus extends AbstractStatus<ConnectorTaskId> {

    public TaskStatus(ConnectorTaskId id, State state, String workerId, int generation, String trace, String version) {
        super(id, state, workerId, generation, trace, version);
    }

    public TaskStatus(ConnectorTaskId id, State state, String workerId, int generation) {
        this(id, state, workerId, generation, null, null);
    }

    /**
     * Told about the state changes of the tasks a worker runs. Calls come from the task's own thread or
     * from the thread that asked for the change, concurrently for different tasks; implementations must
     * be thread-safe and must not block for long. A listener that throws is logged and otherwise ignored.
     */
    public interface Listener {

        /** The task started and is RUNNING. */
        void onStartup(ConnectorTaskId id);

        /** The task is PAUSED. */
        void onPause(ConnectorTaskId id);

        /** The task is RUNNING again after a pause. */
        void onResume(ConnectorTaskId id);

        /** The task FAILED with {@code cause}; it does not run any more. */
        void onFailure(ConnectorTaskId id, Throwable cause);

        /** The task was shut down by its worker (not failed); its state is now UNASSIGNED. */
        void onShutdown(ConnectorTaskId id);

        /** The task is RESTARTING. */
        void onRestart(ConnectorTaskId id);

        /** The task was removed; its status is to be removed. */
        void onDeletion(ConnectorTaskId id);
    }
}
