package io.aqueduct.connect.runtime.status;

/** The observed state of a connector. */
public final class ConnectorStatus extends AbstractStatus<String> {

    public ConnectorStatus(String connector, State state, String workerId, int generation, String trace,
                           String version) {
        super(connector, state, workerId, generation, trace, version);
    }

    public ConnectorStatus(String connector, State state, String workerId, int generation) {
        this(connector, state, workerId, generation, null, null);
    }

    /**
     * Told about the state changes of the connectors a worker runs; the herder wires it to its status
     * store. Calls come from worker threads (the connector's own thread, or the thread that asked for
     * the change), possibly concurrently for different connectors; implementations must be thread-safe
     * and must not block for long. A listener that throws is logged and otherwise ignored.
     */
    public interface Listener {

        /** The connector started and is RUNNING. */
        void onStartup(String connector);

        /** The connector is PAUSED (it stays started; its tasks stop processing). */
        void onPause(String connector);

        /** The connector is RUNNING again after a pause. */
        void onResume(String connector);

        /** The connector FAILED; {@code cause} is what it threw or reported through {@code raiseError}. */
        void onFailure(String connector, Throwable cause);

        /** The connector was shut down by its worker (not failed); its state is now UNASSIGNED. */
        void onShutdown(String connector);

        /** The connector was STOPPED by user request. */
        void onStopped(String connector);

        /** The connector is RESTARTING. */
        void onRestart(String connector);

        /** The connector was deleted; its status is to be removed. */
        void onDeletion(String connector);
    }
}
