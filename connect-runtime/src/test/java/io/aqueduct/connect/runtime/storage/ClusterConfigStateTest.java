package io.aqueduct.connect.runtime.storage;

import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.EOS_CONFIGS;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.EOS_SRC_CONFIG;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/** The rules of {@link ConfigStateTracker}, fed with raw records as they are found in a config topic. */
class ClusterConfigStateTest {

    private final ConfigStateTracker tracker = new ConfigStateTracker("test records");
    private final ConfigStoreTesting.RecordingListener listener = new ConfigStoreTesting.RecordingListener();
    private long nextOffset;

    @Test
    void emptyStateHasNothing() {
        ClusterConfigState state = tracker.snapshot();

        assertSame(ClusterConfigState.EMPTY, state);
        assertEquals(-1, state.offset());
        assertNull(state.sessionKey());
        assertTrue(state.connectors().isEmpty());
        assertFalse(state.contains("c"));
        assertNull(state.connectorConfig("c"));
        assertEquals(List.of(), state.tasks("c"));
        assertEquals(0, state.taskCount("c"));
    }

    @Test
    void theReferenceEosListingLeavesOneStoppedConnectorWithoutTasks() {
        EOS_CONFIGS.forEach(keyValue -> read(keyValue[0], keyValue[1]));
        ClusterConfigState state = tracker.snapshot();

        assertEquals(EOS_CONFIGS.size(), state.offset());
        assertEquals(Set.of("eos-src"), state.connectors());
        assertEquals(EOS_SRC_CONFIG, state.connectorConfig("eos-src"));
        assertEquals(TargetState.STOPPED, state.targetState("eos-src"));
        assertEquals(List.of(), state.tasks("eos-src"));
        assertEquals(0, state.taskCount("eos-src"));
        assertFalse(state.contains("eos-src2"));
        assertEquals(List.of(), state.tasks("eos-src2"));
        assertEquals(TargetState.STARTED, state.targetState("eos-src2"));
        assertEquals(1795235489435L, state.sessionKey().creationTimestamp());
        assertTrue(state.inconsistentConnectors().isEmpty());
        assertEquals(List.of("session-key:1795235489435", "config:eos-src", "tasks:[eos-src-0]",
                "config:eos-src2", "tasks:[eos-src2-0]", "tasks:[eos-src-0]", "target-state:eos-src",
                "remove:eos-src2"), listener.drain());
    }

    @Test
    void taskConfigsAreInvisibleUntilTheirCommit() {
        read("connector-c", "{\"properties\":{\"name\":\"c\"}}");
        read("task-c-0", "{\"properties\":{\"t\":\"0\"}}");
        read("task-c-1", "{\"properties\":{\"t\":\"1\"}}");

        ClusterConfigState before = tracker.snapshot();
        assertEquals(List.of(), before.tasks("c"));
        assertNull(before.taskConfig(task("c", 0)));
        assertEquals(0, before.taskCount("c"));

        read("commit-c", "{\"tasks\":2}");
        ClusterConfigState after = tracker.snapshot();
        assertEquals(List.of(task("c", 0), task("c", 1)), after.tasks("c"));
        assertEquals(Map.of("t", "1"), after.taskConfig(task("c", 1)));
        assertEquals(List.of(Map.of("t", "0"), Map.of("t", "1")), after.allTaskConfigs("c"));
        assertEquals(2, after.taskCount("c"));
        assertEquals(List.of("config:c", "tasks:[c-0, c-1]"), listener.drain());
    }

    @Test
    void shrinkingFromTwoTasksToOneHidesTheOldSecondTask() {
        read("connector-c", "{\"properties\":{\"tasks.max\":\"2\"}}");
        read("task-c-0", "{\"properties\":{\"gen\":\"1\"}}");
        read("task-c-1", "{\"properties\":{\"gen\":\"1\"}}");
        read("commit-c", "{\"tasks\":2}");
        read("connector-c", "{\"properties\":{\"tasks.max\":\"1\"}}");
        read("task-c-0", "{\"properties\":{\"gen\":\"2\"}}");
        listener.drain();
        read("commit-c", "{\"tasks\":1}");

        ClusterConfigState state = tracker.snapshot();
        assertEquals(List.of(task("c", 0)), state.tasks("c"));
        assertEquals(Map.of("gen", "2"), state.taskConfig(task("c", 0)));
        assertNull(state.taskConfig(task("c", 1)), "task-c-1 stays in the topic but is not part of the generation");
        assertEquals(1, state.taskCount("c"));
        assertEquals(List.of("tasks:[c-0, c-1]"), listener.drain(), "listeners hear of the dropped task too");
    }

    @Test
    void tasksOfAnAbandonedGenerationBeyondTheCommittedCountAreDropped() {
        read("connector-c", "{\"properties\":{}}");
        read("task-c-0", "{\"properties\":{\"gen\":\"abandoned\"}}");
        read("task-c-1", "{\"properties\":{\"gen\":\"abandoned\"}}");
        read("task-c-2", "{\"properties\":{\"gen\":\"abandoned\"}}");
        read("task-c-0", "{\"properties\":{\"gen\":\"new\"}}");
        read("task-c-1", "{\"properties\":{\"gen\":\"new\"}}");
        read("commit-c", "{\"tasks\":2}");

        ClusterConfigState state = tracker.snapshot();
        assertEquals(List.of(task("c", 0), task("c", 1)), state.tasks("c"));
        assertEquals(Map.of("gen", "new"), state.taskConfig(task("c", 1)));
        assertNull(state.taskConfig(task("c", 2)));
        assertTrue(state.inconsistentConnectors().isEmpty());
    }

    @Test
    void aCommitWithoutAllItsTaskRecordsMakesTheConnectorInconsistentUntilTheNextGoodCommit() {
        read("connector-c", "{\"properties\":{}}");
        read("task-c-0", "{\"properties\":{\"gen\":\"1\"}}");
        read("commit-c", "{\"tasks\":1}");
        read("task-c-1", "{\"properties\":{\"gen\":\"2\"}}");
        listener.drain();
        read("commit-c", "{\"tasks\":2}");

        ClusterConfigState broken = tracker.snapshot();
        assertEquals(Set.of("c"), broken.inconsistentConnectors());
        assertEquals(List.of(), broken.tasks("c"));
        assertNull(broken.taskConfig(task("c", 0)));
        assertEquals(2, broken.taskCount("c"));
        assertEquals(List.of("tasks:[c-0]"), listener.drain());

        read("task-c-0", "{\"properties\":{\"gen\":\"3\"}}");
        read("task-c-1", "{\"properties\":{\"gen\":\"3\"}}");
        read("commit-c", "{\"tasks\":2}");
        ClusterConfigState repaired = tracker.snapshot();
        assertTrue(repaired.inconsistentConnectors().isEmpty());
        assertEquals(Map.of("gen", "3"), repaired.taskConfig(task("c", 1)));
    }

    @Test
    void aCommitForZeroTasksDropsAllTasks() {
        read("connector-c", "{\"properties\":{}}");
        read("task-c-0", "{\"properties\":{}}");
        read("commit-c", "{\"tasks\":1}");
        listener.drain();
        read("commit-c", "{\"tasks\":0}");

        assertEquals(List.of(), tracker.snapshot().tasks("c"));
        assertTrue(tracker.snapshot().inconsistentConnectors().isEmpty());
        assertEquals(List.of("tasks:[c-0]"), listener.drain());
    }

    @Test
    void targetStatesDefaultToStartedAndReadOldAndNewRecords() {
        read("connector-c", "{\"properties\":{}}");
        assertEquals(TargetState.STARTED, tracker.snapshot().targetState("c"));

        read("target-state-c", "{\"state\":\"PAUSED\"}");
        assertEquals(TargetState.PAUSED, tracker.snapshot().targetState("c"));
        read("target-state-c", "{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}");
        assertEquals(TargetState.STOPPED, tracker.snapshot().targetState("c"));
        read("target-state-c", "{\"state\":\"STARTED\",\"state.v2\":\"STARTED\"}");
        assertEquals(TargetState.STARTED, tracker.snapshot().targetState("c"));
        read("target-state-c", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}");
        read("target-state-c", null);
        assertEquals(TargetState.STARTED, tracker.snapshot().targetState("c"));
        assertEquals(List.of("config:c", "target-state:c", "target-state:c", "target-state:c", "target-state:c"),
                listener.drain(), "a target-state tombstone is not reported");
    }

    @Test
    void aConnectorCreatedStoppedHasItsStateBeforeItsConfig() {
        read("target-state-c", "{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}");
        read("connector-c", "{\"properties\":{\"name\":\"c\"}}");

        assertEquals(TargetState.STOPPED, tracker.snapshot().targetState("c"));
        assertEquals(List.of("target-state:c", "config:c"), listener.drain());
    }

    @Test
    void deletionRemovesConfigTasksAndRestartRequestsAndTheTargetStateWithItsOwnTombstone() {
        read("target-state-c", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}");
        read("connector-c", "{\"properties\":{}}");
        read("task-c-0", "{\"properties\":{}}");
        read("commit-c", "{\"tasks\":1}");
        read("restart-connector-c", "{\"include-tasks\":true,\"only-failed\":false}");
        listener.drain();

        read("connector-c", null);
        ClusterConfigState between = tracker.snapshot();
        assertFalse(between.contains("c"));
        assertEquals(List.of(), between.tasks("c"));
        assertEquals(0, between.taskCount("c"));
        assertTrue(between.restartRequests().isEmpty());
        assertEquals(TargetState.PAUSED, between.targetState("c"));

        read("target-state-c", null);
        assertEquals(TargetState.STARTED, tracker.snapshot().targetState("c"));
        read("connector-c", null);
        assertEquals(List.of("remove:c"), listener.drain(), "deleting an unknown connector is not reported");
    }

    @Test
    void keepsTheLatestRestartRequestOfEachExistingConnector() {
        read("connector-c", "{\"properties\":{}}");
        read("restart-connector-c", "{\"include-tasks\":true,\"only-failed\":true}");
        read("restart-connector-c", "{\"include-tasks\":false,\"only-failed\":true}");
        read("restart-connector-unknown", "{\"include-tasks\":true,\"only-failed\":false}");

        assertEquals(Map.of("c", new RestartRequest("c", true, false)), tracker.snapshot().restartRequests());
        assertEquals(List.of("config:c", "restart:c,includeTasks=true,onlyFailed=true",
                "restart:c,includeTasks=false,onlyFailed=true", "restart:unknown,includeTasks=true,onlyFailed=false"),
                listener.drain());
    }

    @Test
    void keepsClusterLoggerLevelsAndTheLatestSessionKey() {
        read("logger-cluster-org.apache.kafka.connect", "{\"level\":\"debug\"}");
        read("logger-cluster-org.apache.kafka.connect", "{\"level\":\"WARN\"}");
        read("logger-cluster-io.aqueduct", "{\"level\":\"INFO\"}");
        read("session-key", "{\"key\":\"AAAA\",\"algorithm\":\"HmacSHA256\",\"creation-timestamp\":1}");
        read("session-key", "{\"key\":\"AQID\",\"algorithm\":\"HmacSHA512\",\"creation-timestamp\":2}");

        ClusterConfigState state = tracker.snapshot();
        assertEquals(Map.of("org.apache.kafka.connect", "WARN", "io.aqueduct", "INFO"), state.loggerLevels());
        assertEquals(2, state.sessionKey().creationTimestamp());
        assertEquals("HmacSHA512", state.sessionKey().key().getAlgorithm());
        assertEquals(List.of("logger:org.apache.kafka.connect=debug", "logger:org.apache.kafka.connect=WARN",
                "logger:io.aqueduct=INFO", "session-key:1", "session-key:2"), listener.drain());
    }

    @Test
    void unreadableAndIgnoredRecordsOnlyMoveTheOffset() {
        read("connector-c", "{\"properties\":{}}");
        ClusterConfigState before = tracker.snapshot();
        deliver(tracker.apply(null, ++nextOffset));
        read("tasks-fencing-c", "{\"task-count\":1}");

        ClusterConfigState after = tracker.snapshot();
        assertEquals(3, after.offset());
        assertEquals(before.connectors(), after.connectors());
        assertEquals(List.of("config:c"), listener.drain());
    }

    @Test
    void snapshotsAreImmutableAndReusedUntilTheNextRecord() {
        read("connector-c", "{\"properties\":{\"a\":\"1\"}}");
        read("task-c-0", "{\"properties\":{}}");
        read("commit-c", "{\"tasks\":1}");
        ClusterConfigState first = tracker.snapshot();

        assertSame(first, tracker.snapshot());
        assertThrows(UnsupportedOperationException.class, () -> first.connectorConfig("c").put("b", "2"));
        assertThrows(UnsupportedOperationException.class, () -> first.connectors().add("d"));
        assertThrows(UnsupportedOperationException.class, () -> first.tasks("c").clear());
        assertThrows(UnsupportedOperationException.class, () -> first.allTaskConfigs("c").clear());

        read("connector-c", "{\"properties\":{\"a\":\"2\"}}");
        ClusterConfigState second = tracker.snapshot();
        assertEquals("1", first.connectorConfig("c").get("a"), "an older snapshot does not change");
        assertEquals("2", second.connectorConfig("c").get("a"));
        assertNotNull(second.taskConfig(task("c", 0)), "a config update alone keeps the committed tasks");
        assertFalse(second.toString().contains("\"a\""), "toString shows no configs: " + second);
    }

    private void read(String key, String value) {
        ConfigRecord record = ConfigRecordCodec.decode(key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        deliver(tracker.apply(record, ++nextOffset));
    }

    private void deliver(List<ConfigStateTracker.Update> updates) {
        ConfigStateTracker.deliver(listener, updates);
    }
}
