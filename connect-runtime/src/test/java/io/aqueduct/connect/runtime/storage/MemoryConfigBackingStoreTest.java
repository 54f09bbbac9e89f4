package io.aqueduct.connect.runtime.storage;

import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.props;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

class MemoryConfigBackingStoreTest {

    private final MemoryConfigBackingStore store = new MemoryConfigBackingStore();
    private final ConfigStoreTesting.RecordingListener listener = new ConfigStoreTesting.RecordingListener();

    @BeforeEach
    void start() {
        store.setUpdateListener(listener);
        store.start();
    }

    @Test
    void createWithoutInitialStateThenTasks() throws Exception {
        store.putConnectorConfig("c", props("name", "c", "tasks.max", "2"), null);
        assertEquals(List.of("config:c"), listener.drain());
        assertEquals(TargetState.STARTED, store.snapshot().targetState("c"));

        store.putTaskConfigs("c", List.of(props("t", "0"), props("t", "1")));
        assertEquals(List.of("tasks:[c-0, c-1]"), listener.drain(), "one call, after the commit");
        store.refresh(Duration.ZERO);
        ClusterConfigState state = store.snapshot();
        assertEquals(List.of(task("c", 0), task("c", 1)), state.tasks("c"));
        assertEquals(props("t", "1"), state.taskConfig(task("c", 1)));
        assertEquals(4, state.offset(), "one connector, two task and one commit record");
    }

    @Test
    void createWithInitialStateReportsTheStateBeforeTheConfig() {
        store.putConnectorConfig("c", props("name", "c"), TargetState.STOPPED);

        assertEquals(List.of("target-state:c", "config:c"), listener.drain());
        assertEquals(TargetState.STOPPED, store.snapshot().targetState("c"));
        assertEquals(List.of(), store.snapshot().tasks("c"));
    }

    @Test
    void theHerdersStopSequenceDropsTasksThenStops() {
        store.putConnectorConfig("c", props("name", "c"), null);
        store.putTaskConfigs("c", List.of(props(), props()));
        listener.drain();

        store.putTaskConfigs("c", List.of());
        store.putTargetState("c", TargetState.STOPPED);

        assertEquals(List.of("tasks:[c-0, c-1]", "target-state:c"), listener.drain());
        assertEquals(List.of(), store.snapshot().tasks("c"));
        assertEquals(0, store.snapshot().taskCount("c"));
        assertEquals(TargetState.STOPPED, store.snapshot().targetState("c"));
    }

    @Test
    void removeDeletesTheConnectorAndItsTargetState() {
        store.putConnectorConfig("c", props("name", "c"), TargetState.PAUSED);
        store.putTaskConfigs("c", List.of(props()));
        listener.drain();

        store.removeConnectorConfig("c");

        assertEquals(List.of("remove:c"), listener.drain());
        ClusterConfigState state = store.snapshot();
        assertFalse(state.contains("c"));
        assertEquals(List.of(), state.tasks("c"));
        assertEquals(TargetState.STARTED, state.targetState("c"));
    }

    @Test
    void restartRequestsLoggerLevelsAndSessionKeysAreKeptAndReported() {
        store.putConnectorConfig("c", props(), null);
        store.putRestartRequest(new RestartRequest("c", true, true));
        store.putLoggerLevel("org.apache.kafka", "debug");
        store.putSessionKey(SessionKey.of(new byte[32], "HmacSHA256", 42));

        assertEquals(List.of("config:c", "restart:c,includeTasks=true,onlyFailed=true",
                "logger:org.apache.kafka=debug", "session-key:42"), listener.drain());
        ClusterConfigState state = store.snapshot();
        assertEquals(new RestartRequest("c", true, true), state.restartRequests().get("c"));
        assertEquals(Map.of("org.apache.kafka", "debug"), state.loggerLevels());
        assertEquals(42, state.sessionKey().creationTimestamp());
    }

    @Test
    void storedConfigsDoNotChangeWithTheCallersMap() {
        Map<String, String> config = new HashMap<>(props("a", "1"));
        store.putConnectorConfig("c", config, null);
        config.put("a", "2");

        assertEquals("1", store.snapshot().connectorConfig("c").get("a"));
    }

    @Test
    void aFailingListenerDoesNotUndoOrBlockTheWrite() {
        AtomicReference<String> seen = new AtomicReference<>();
        store.setUpdateListener(new ConfigBackingStore.UpdateListener() {
            @Override
            public void onConnectorConfigUpdate(String connector) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
                seen.set(store.snapshot().tasks("c").toString());
            }
        });

        store.putConnectorConfig("c", props(), null);
        store.putTaskConfigs("c", List.of(props()));

        assertTrue(store.snapshot().contains("c"));
        assertEquals("[c-0]", seen.get(), "the listener sees the change in the snapshot");
    }

    @Test
    void badArgumentsAreRejectedNamingWhatIsWrong() {
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> store.putConnectorConfig("", props(), null));
        assertTrue(noName.getMessage().contains("connector name"), noName.getMessage());
        NullPointerException noConfig = assertThrows(NullPointerException.class,
                () -> store.putConnectorConfig("c", null, null));
        assertTrue(noConfig.getMessage().contains("config of connector c"), noConfig.getMessage());
        NullPointerException noTaskConfig = assertThrows(NullPointerException.class,
                () -> store.putTaskConfigs("c", java.util.Arrays.asList(props(), null)));
        assertTrue(noTaskConfig.getMessage().contains("task 1 of connector c"), noTaskConfig.getMessage());
        assertThrows(NullPointerException.class, () -> store.putTargetState("c", null));
        assertThrows(IllegalArgumentException.class, () -> store.putLoggerLevel("", "INFO"));
        assertTrue(listener.drain().isEmpty());
        assertNull(store.snapshot().connectorConfig("c"), "nothing was written");
        assertEquals(-1, store.snapshot().offset());
    }
}
