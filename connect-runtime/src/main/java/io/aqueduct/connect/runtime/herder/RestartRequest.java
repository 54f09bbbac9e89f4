package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;

import java.util.Objects;

/**
 * A request to restart a connector and, optionally, its tasks ({@code POST /connectors/{c}/restart}).
 *
 * @param connectorName the connector to restart
 * @param onlyFailed    restart only instances whose current state is {@code FAILED}
 * @param includeTasks  restart the tasks as well as the connector
 */
public record RestartRequest(String connectorName, boolean onlyFailed, boolean includeTasks) {

    private static final String FAILED = "FAILED";

    public RestartRequest {
        Objects.requireNonNull(connectorName, "connectorName");
    }

    /** Whether the connector instance in the given state is to be restarted by this request. */
    public boolean shouldRestartConnector(ConnectorStateInfo.ConnectorState state) {
        return !onlyFailed || FAILED.equals(state.state());
    }

    /** Whether the task in the given state is to be restarted by this request. */
    public boolean shouldRestartTask(ConnectorStateInfo.TaskState state) {
        return includeTasks && (!onlyFailed || FAILED.equals(state.state()));
    }
}
