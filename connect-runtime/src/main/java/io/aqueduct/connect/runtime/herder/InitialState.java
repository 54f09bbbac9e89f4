package io.aqueduct.connect.runtime.herder;

/**
 * The {@code initial_state} a client may ask for when it creates a connector through {@code POST /connectors}.
 * The REST names differ from {@link TargetState} ({@code RUNNING} rather than {@code STARTED}) because that is what
 * clients send.
 */
public enum InitialState {
    RUNNING,
    PAUSED,
    STOPPED;

    public TargetState toTargetState() {
        return switch (this) {
            case RUNNING -> TargetState.STARTED;
            case PAUSED -> TargetState.PAUSED;
            case STOPPED -> TargetState.STOPPED;
        };
    }
}
