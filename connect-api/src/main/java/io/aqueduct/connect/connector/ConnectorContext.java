package io.aqueduct.connect.connector;

/**
 * The connector's handle on the runtime, handed to {@link Connector#initialize(ConnectorContext)}.
 *
 * <p>Implementations provided by the runtime are thread-safe: a connector may call them from its own
 * background threads (for example a thread that watches the external system for new tables) as well
 * as from the threads that call the connector's lifecycle methods. Neither method blocks.
 */
public interface ConnectorContext {

    /**
     * Asks the runtime to call {@link Connector#taskConfigs(int)} again and, if the result differs from
     * the task configurations in use, to restart the tasks with the new ones. Call it when the set of
     * inputs or outputs changes, for example when a new table appears. The request is asynchronous;
     * repeated requests before it is served may be coalesced into one.
     */
    void requestTaskReconfiguration();

    /**
     * Reports an unrecoverable error found outside of a lifecycle call, typically on a background
     * thread of the connector. The runtime marks the connector FAILED with this exception as the
     * reported cause and stops it; its tasks keep their own state.
     *
     * @param e the error; should not be null
     */
    void raiseError(Exception e);
}
