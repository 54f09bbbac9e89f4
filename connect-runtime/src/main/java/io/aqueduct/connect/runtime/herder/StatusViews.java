package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.StatusBackingStore;
import io.aqueduct.connect.runtime.status.TaskStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the statuses of a {@link StatusBackingStore} into the REST answers of {@code GET /connectors/{c}/status}
 * and {@code GET /connectors/{c}/tasks/{t}/status}. Mode-independent: any herder with a status store uses it.
 * Reads the store only, so it is safe on REST threads.
 */
public final class StatusViews {

    private StatusViews() {
    }

    /**
     * The connector's status with its tasks sorted by number.
     *
     * @param type the connector's type; {@link ConnectorType#UNKNOWN} when its config is gone
     * @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#noStatusForConnector}
     */
    public static ConnectorStateInfo connectorState(StatusBackingStore store, String connector, ConnectorType type) {
        ConnectorStatus status = store.get(connector);
        if (status == null) {
            throw HerderErrors.noStatusForConnector(connector);
        }
        List<ConnectorStateInfo.TaskState> tasks = new ArrayList<>();
        for (TaskStatus task : store.getAll(connector)) {
            tasks.add(taskState(task));
        }
        return new ConnectorStateInfo(connector,
                new ConnectorStateInfo.ConnectorState(status.state().name(), status.workerId(), status.version(),
                        status.trace()),
                tasks, type);
    }

    /** @throws io.aqueduct.connect.errors.NotFoundException {@link HerderErrors#noStatusForTask} */
    public static ConnectorStateInfo.TaskState taskState(StatusBackingStore store, ConnectorTaskId id) {
        TaskStatus status = store.get(id);
        if (status == null) {
            throw HerderErrors.noStatusForTask(id);
        }
        return taskState(status);
    }

    private static ConnectorStateInfo.TaskState taskState(TaskStatus status) {
        return new ConnectorStateInfo.TaskState(status.id().task(), status.state().name(), status.workerId(),
                status.version(), status.trace());
    }
}
