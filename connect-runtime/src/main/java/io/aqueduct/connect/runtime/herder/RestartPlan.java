package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.status.AbstractStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a {@code POST /connectors/{c}/restart?includeTasks=..&onlyFailed=..} restarts, decided from the status at
 * the time of the request, and the status the 202 answer shows: every selected instance {@code RESTARTING}
 * (failure traces kept), everything else as it was. Mode-independent and immutable.
 */
public final class RestartPlan {

    private static final String RESTARTING = AbstractStatus.State.RESTARTING.name();

    private final RestartRequest request;
    private final boolean restartConnector;
    private final SortedSet<ConnectorTaskId> tasks;
    private final ConnectorStateInfo answer;

    private RestartPlan(RestartRequest request, boolean restartConnector, SortedSet<ConnectorTaskId> tasks,
                        ConnectorStateInfo answer) {
        this.request = request;
        this.restartConnector = restartConnector;
        this.tasks = Collections.unmodifiableSortedSet(tasks);
        this.answer = answer;
    }

    /**
     * @param current the connector's status now; its task list is what may be restarted (a STOPPED connector has
     *                none)
     */
    public static RestartPlan of(RestartRequest request, ConnectorStateInfo current) {
        Objects.requireNonNull(request, "request");
        boolean connector = request.shouldRestartConnector(current.connector());
        ConnectorStateInfo.ConnectorState connectorState = current.connector();
        if (connector) {
            connectorState = new ConnectorStateInfo.ConnectorState(RESTARTING, connectorState.workerId(),
                    connectorState.version(), connectorState.trace());
        }
        SortedSet<ConnectorTaskId> tasks = new TreeSet<>();
        List<ConnectorStateInfo.TaskState> taskStates = new ArrayList<>();
        for (ConnectorStateInfo.TaskState task : current.tasks()) {
            if (request.shouldRestartTask(task)) {
                tasks.add(new ConnectorTaskId(request.connectorName(), task.id()));
                taskStates.add(new ConnectorStateInfo.TaskState(task.id(), RESTARTING, task.workerId(),
                        task.version(), task.trace()));
            } else {
                taskStates.add(task);
            }
        }
        return new RestartPlan(request, connector, tasks,
                new ConnectorStateInfo(current.name(), connectorState, taskStates, current.type()));
    }

    public RestartRequest request() {
        return request;
    }

    /** Whether the connector instance itself is restarted. */
    public boolean restartConnector() {
        return restartConnector;
    }

    /** The tasks to restart, sorted. */
    public SortedSet<ConnectorTaskId> tasks() {
        return tasks;
    }

    /** The body of the 202 answer. */
    public ConnectorStateInfo answer() {
        return answer;
    }

    @Override
    public String toString() {
        return "RestartPlan{" + request + ", connector=" + restartConnector + ", tasks=" + tasks + "}";
    }
}
