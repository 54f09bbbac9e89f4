package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.test.Await;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.MemoryOffsetBackingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connector and task lifecycles and their statuses, without Kafka (tasks here never send a record). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerLifecycleTest {

    // Generous: a well-behaved task must finish stopping inside it even on a loaded 2-core machine.
    private static final long GRACEFUL_MS = 3_000;

    private final MemoryStatusBackingStore statuses = new MemoryStatusBackingStore();
    private Worker worker;
    private StatusStoreListener listener;

    @BeforeEach
    void setUp() {
        ScriptedSourceConnector.RELEASE = new CountDownLatch(1);
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:9");
        props.put("offset.storage.file.filename", "/tmp/unused");
        props.put("key.converter", "io.aqueduct.connect.storage.StringConverter");
        props.put("value.converter", "io.aqueduct.connect.storage.StringConverter");
        props.put("header.converter", "io.aqueduct.connect.storage.StringConverter");
        props.put("task.shutdown.graceful.timeout.ms", Long.toString(GRACEFUL_MS));
        worker = new Worker("localhost:8083", new StandaloneConfig(props), TestPlugins.get(), new MemoryOffsetBackingStore());
        listener = new StatusStoreListener(statuses, worker.workerId(), () -> 0, worker::connectorVersion, worker::taskVersion);
    }

    @AfterEach
    void tearDown() {
        ScriptedSourceConnector.RELEASE.countDown();
        worker.stop();
    }

    private static Map<String, String> connector(String name, String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", ScriptedSourceConnector.class.getName());
        props.put("topic", "unused");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private State connectorState(String name) {
        return statuses.get(name) == null ? null : statuses.get(name).state();
    }

    private State taskState(ConnectorTaskId id) {
        TaskStatus status = statuses.get(id);
        return status == null ? null : status.state();
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(what, Duration.ofSeconds(20), condition::getAsBoolean);
    }

    @Test
    void connectorGoesThroughRunningPausedRunningStoppedAndUnassigned() throws Exception {
        assertEquals(TargetState.STARTED, worker.startConnector("c", connector("c"), listener, TargetState.STARTED, null)
                .get(10, TimeUnit.SECONDS));
        assertEquals(State.RUNNING, connectorState("c"));
        assertEquals("9.9.9", statuses.get("c").version());
        assertEquals("localhost:8083", statuses.get("c").workerId());

        worker.setTargetState("c", TargetState.PAUSED).get(10, TimeUnit.SECONDS);
        assertEquals(State.PAUSED, connectorState("c"));
        worker.setTargetState("c", TargetState.STARTED).get(10, TimeUnit.SECONDS);
        assertEquals(State.RUNNING, connectorState("c"));
        worker.setTargetState("c", TargetState.STOPPED).get(10, TimeUnit.SECONDS);
        assertEquals(State.STOPPED, connectorState("c"));
        assertTrue(worker.isRunning("c"));

        worker.stopAndAwaitConnector("c");
        assertEquals(State.UNASSIGNED, connectorState("c"));
        assertFalse(worker.connectorNames().contains("c"));
    }

    @Test
    void aConnectorStartedPausedIsReportedPaused() throws Exception {
        worker.startConnector("c", connector("c"), listener, TargetState.PAUSED, null).get(10, TimeUnit.SECONDS);
        assertEquals(State.PAUSED, connectorState("c"));
    }

    @Test
    void aConnectorFailingToStartIsFailedWithItsTraceAndTheWorkerGoesOn() throws Exception {
        var started = worker.startConnector("bad", connector("bad", "fail.start", "true"), listener, TargetState.STARTED, null);
        assertThrows(Exception.class, () -> started.get(10, TimeUnit.SECONDS));
        assertEquals(State.FAILED, connectorState("bad"));
        assertTrue(statuses.get("bad").trace().contains("scripted start failure"), statuses.get("bad").trace());
        assertFalse(worker.isRunning("bad"));
        assertThrows(ConnectException.class, () -> worker.connectorTaskConfigs("bad"));

        worker.startConnector("good", connector("good"), listener, TargetState.STARTED, null).get(10, TimeUnit.SECONDS);
        assertEquals(State.RUNNING, connectorState("good"));
    }

    @Test
    void anInvalidConnectorConfigIsRefusedNamingTheKey() {
        ConnectException error = assertThrows(ConnectException.class, () -> worker.startConnector("c",
                connector("c", "tasks.max", "zero"), listener, TargetState.STARTED, null));
        assertTrue(error.getMessage().contains("tasks.max"), error.getMessage());
        assertEquals(State.FAILED, connectorState("c"));

        ConnectException unknownClass = assertThrows(ConnectException.class, () -> worker.startConnector("d",
                connector("d", "connector.class", "NoSuchConnector"), listener, TargetState.STARTED, null));
        assertTrue(unknownClass.getMessage().contains("connector.class"), unknownClass.getMessage());
        assertTrue(worker.connectorNames().isEmpty());
    }

    @Test
    void taskConfigsCarryTheTaskClassAndTasksRunAndStop() throws Exception {
        worker.startConnector("c", connector("c", "tasks.max", "2"), listener, TargetState.STARTED, null)
                .get(10, TimeUnit.SECONDS);
        List<Map<String, String>> configs = worker.connectorTaskConfigs("c");
        assertEquals(2, configs.size());
        assertEquals(IdleSourceTask.class.getName(), configs.get(0).get("task.class"));

        ConnectorTaskId t0 = new ConnectorTaskId("c", 0);
        ConnectorTaskId t1 = new ConnectorTaskId("c", 1);
        worker.startTask(t0, connector("c"), configs.get(0), listener, TargetState.STARTED);
        worker.startTask(t1, connector("c"), configs.get(1), listener, TargetState.PAUSED);
        await(() -> taskState(t0) == State.RUNNING, "task 0 runs");
        await(() -> taskState(t1) == State.PAUSED, "task 1 is paused");
        assertEquals("9.9.9", statuses.get(t0).version());

        worker.setTargetState("c", TargetState.PAUSED).get(10, TimeUnit.SECONDS);
        await(() -> taskState(t0) == State.PAUSED, "task 0 is paused");
        worker.setTargetState("c", TargetState.STARTED).get(10, TimeUnit.SECONDS);
        await(() -> taskState(t0) == State.RUNNING && taskState(t1) == State.RUNNING, "both tasks run");

        worker.stopAndAwaitTasks(List.of(t0, t1));
        assertEquals(State.UNASSIGNED, taskState(t0));
        assertEquals(State.UNASSIGNED, taskState(t1));
        assertTrue(worker.taskIds().isEmpty());
    }

    @Test
    void aTaskWithoutTaskClassIsRefusedNamingTheKey() {
        ConnectorTaskId id = new ConnectorTaskId("c", 0);
        ConnectException error = assertThrows(ConnectException.class,
                () -> worker.startTask(id, connector("c"), Map.of("topic", "x"), listener, TargetState.STARTED));
        assertTrue(error.getMessage().contains("task.class"), error.getMessage());
        assertEquals(State.FAILED, taskState(id));
        assertTrue(worker.taskIds().isEmpty());
    }

    @Test
    void aTaskThatWillNotStopIsAbandonedWithinTheGracefulTimeout() throws Exception {
        ConnectorTaskId hung = new ConnectorTaskId("c", 0);
        ConnectorTaskId fine = new ConnectorTaskId("c", 1);
        Map<String, String> hangConfig = connector("c", "hang.start", "true", "task.class", IdleSourceTask.class.getName());
        Map<String, String> fineConfig = connector("c", "task.class", IdleSourceTask.class.getName());
        worker.startTask(hung, connector("c"), hangConfig, listener, TargetState.STARTED);
        worker.startTask(fine, connector("c"), fineConfig, listener, TargetState.STARTED);
        await(() -> taskState(fine) == State.RUNNING, "the well-behaved task runs");

        long start = System.nanoTime();
        worker.stopAndAwaitTasks(List.of(hung, fine));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMs < GRACEFUL_MS + 2_000, "stopping took " + tookMs + " ms");
        assertTrue(worker.taskIds().isEmpty());
        assertEquals(State.UNASSIGNED, taskState(fine));
        assertNull(taskState(hung), "an abandoned task reports nothing more");
    }

    @Test
    void aConnectorThatWillNotStopIsAbandoned() throws Exception {
        worker.startConnector("c", connector("c", "hang.stop", "true"), listener, TargetState.STARTED, null)
                .get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        worker.stopAndAwaitConnector("c");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMs < GRACEFUL_MS + 2_000, "stopping took " + tookMs + " ms");
        assertFalse(worker.connectorNames().contains("c"));
    }

    @Test
    void deletionRemovesTheStatuses() throws Exception {
        worker.startConnector("c", connector("c"), listener, TargetState.STARTED, null).get(10, TimeUnit.SECONDS);
        ConnectorTaskId id = new ConnectorTaskId("c", 0);
        worker.startTask(id, connector("c"), worker.connectorTaskConfigs("c").get(0), listener, TargetState.STARTED);
        await(() -> taskState(id) == State.RUNNING, "the task runs");
        worker.stopAndAwaitTasks(List.of(id));
        worker.stopAndAwaitConnector("c");
        listener.onDeletion("c");
        assertNull(statuses.get("c"));
        assertNull(statuses.get(id));
        assertNotNull(statuses.connectors());
        assertTrue(statuses.connectors().isEmpty());
    }
}
