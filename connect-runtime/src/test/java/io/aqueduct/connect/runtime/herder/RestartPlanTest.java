package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo.ConnectorState;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo.TaskState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestartPlanTest {

    private static final ConnectorStateInfo STATUS = new ConnectorStateInfo("c",
            new ConnectorState("RUNNING", "w:1", "1.0", null),
            List.of(new TaskState(0, "RUNNING", "w:1", "1.0", null), new TaskState(1, "FAILED", "w:1", "1.0", "boom")),
            ConnectorType.SOURCE);

    @Test
    void includeTasksRestartsEverything() {
        RestartPlan plan = RestartPlan.of(new RestartRequest("c", false, true), STATUS);
        assertTrue(plan.restartConnector());
        assertEquals(Set.of(new ConnectorTaskId("c", 0), new ConnectorTaskId("c", 1)), plan.tasks());
        assertEquals("RESTARTING", plan.answer().connector().state());
        assertEquals(List.of("RESTARTING", "RESTARTING"), plan.answer().tasks().stream().map(TaskState::state).toList());
    }

    @Test
    void onlyFailedKeepsHealthyInstancesAndTheFailureTrace() {
        RestartPlan plan = RestartPlan.of(new RestartRequest("c", true, true), STATUS);
        assertFalse(plan.restartConnector());
        assertEquals(Set.of(new ConnectorTaskId("c", 1)), plan.tasks());
        assertEquals("RUNNING", plan.answer().connector().state());
        assertEquals(new TaskState(1, "RESTARTING", "w:1", "1.0", "boom"), plan.answer().tasks().get(1));
        assertEquals(STATUS.tasks().get(0), plan.answer().tasks().get(0));
    }

    @Test
    void onlyFailedWithoutTasksOnAHealthyConnectorChangesNothing() {
        RestartPlan plan = RestartPlan.of(new RestartRequest("c", true, false), STATUS);
        assertFalse(plan.restartConnector());
        assertTrue(plan.tasks().isEmpty());
        assertEquals(STATUS, plan.answer());
    }
}
