package io.aqueduct.connect.runtime.herder;

/**
 * The state a user wants a connector in. The herder drives the connector and its tasks towards it;
 * the observed state is reported separately in the connector status.
 */
public enum TargetState {
    /** Connector and tasks run. */
    STARTED,
    /** Connector runs, tasks stay assigned but stop processing records. */
    PAUSED,
    /** Connector and tasks are shut down; task configs are dropped. Offsets may be altered only in this state. */
    STOPPED
}
