package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.InternalRequestSignature;
import io.aqueduct.connect.runtime.herder.NotLeaderException;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.standalone.CountingSourceConnector;
import io.aqueduct.connect.runtime.storage.SessionKey;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three distributed workers in this JVM, one group, one broker: how work spreads, who writes what, the internal
 * task config endpoint, and the REST operations from any worker. The workers are shared by the tests; each test
 * uses its own connectors.
 */
@KafkaIT
class DistributedHerderIT {

    static final String COUNTING = CountingSourceConnector.class.getName();
    private static final long WAIT_MS = 30_000;

    private static final List<DistributedWorker> workers = new ArrayList<>();
    private static KafkaCluster kafka;
    private static String cluster;

    @BeforeAll
    static void startWorkers(KafkaCluster cluster) {
        kafka = cluster;
        DistributedHerderIT.cluster = cluster.uniqueName("dist");
        for (int i = 0; i < 3; i++) {
            workers.add(DistributedWorker.start(DistributedWorker.props(cluster.bootstrapServers(),
                    DistributedHerderIT.cluster, Map.of())));
        }
        Await.until("three ready workers with one leader", WAIT_MS,
                () -> workers.stream().allMatch(w -> w.herder.isReady())
                        && workers.stream().filter(DistributedWorker::isLeader).count() == 1);
    }

    @AfterAll
    static void stopWorkers() {
        workers.forEach(DistributedWorker::close);
    }

    static DistributedWorker leader() {
        return workers.stream().filter(DistributedWorker::isLeader).findFirst().orElseThrow();
    }

    static DistributedWorker follower() {
        return workers.stream().filter(w -> !w.isLeader()).findFirst().orElseThrow();
    }

    static Map<String, String> counting(String name, int tasks, String shared) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", COUNTING);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("shared", shared);
        return config;
    }

    static void create(DistributedWorker via, Map<String, String> config) {
        Rest.Reply reply = Rest.send(via.url(), "POST", "/connectors",
                Rest.json(Map.of("name", config.get("name"), "config", config)));
        assertEquals(201, reply.status(), reply.body());
    }

    static ConnectorStateInfo status(String connector) {
        return workers.get(0).herder.connectorStatus(connector);
    }

    static boolean running(String connector, int tasks) {
        ConnectorStateInfo status = status(connector);
        return status.connector().state().equals("RUNNING") && status.tasks().size() == tasks
                && status.tasks().stream().allMatch(t -> t.state().equals("RUNNING"));
    }

    static void awaitRunning(String connector, int tasks) {
        Await.until(connector + " RUNNING with " + tasks + " RUNNING tasks", WAIT_MS, () -> running(connector, tasks),
                () -> String.valueOf(safeStatus(connector)));
    }

    static Object safeStatus(String connector) {
        try {
            return status(connector);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** Keys of the config topic in order. */
    static List<String> configKeys() {
        return configRecords().stream().map(ConsumerRecord::key).toList();
    }

    static List<ConsumerRecord<String, String>> configRecords() {
        long offset = leader().herder.configStore().snapshot().offset();
        return kafka.consumeStringsUntil(cluster + "-configs", (int) offset, Duration.ofSeconds(10));
    }

    @Test
    void workSpreadsEvenlyAndFollowersHandTheirTaskConfigsToTheLeader() {
        for (int i = 0; i < 3; i++) {
            create(leader(), counting("spread-" + i, 2, "v1"));
        }
        for (int i = 0; i < 3; i++) {
            awaitRunning("spread-" + i, 2);
        }
        // Connectors and tasks are balanced separately over the whole cluster (other tests' connectors included).
        Await.until("connectors and tasks balanced over the three workers", WAIT_MS, DistributedHerderIT::balanced,
                () -> String.valueOf(load()));
        // A connector running on a follower got its tasks: their configs reached the leader over the internal endpoint.
        String leaderId = leader().id();
        assertTrue(workers.get(0).herder.connectors().stream().anyMatch(c -> !status(c).tasks().isEmpty()
                && !status(c).connector().workerId().equals(leaderId)), () -> String.valueOf(load()));

        List<String> keys = configKeys();
        assertEquals("session-key", keys.get(0), "the leader writes the session key first: " + keys);
        List<String> ofSpread0 = keys.stream().filter(k -> k.endsWith("spread-0") || k.contains("spread-0-")).toList();
        assertEquals(List.of("connector-spread-0", "task-spread-0-0", "task-spread-0-1", "commit-spread-0"), ofSpread0);
        workers.forEach(w -> assertEquals(2, w.herder.taskConfigs("spread-1").size(), "task configs on " + w.id()));
    }

    @Test
    void followersRefuseLeaderWritesNamingTheLeader() {
        create(leader(), counting("lead-only", 1, "x"));
        awaitRunning("lead-only", 1);
        DistributedWorker follower = follower();
        String leaderUrl = leader().url().toString();
        List<java.util.concurrent.CompletableFuture<?>> writes = List.of(
                follower.herder.putConnectorConfig("other", counting("other", 1, "x"), null, false),
                follower.herder.deleteConnectorConfig("lead-only"),
                follower.herder.stopConnector("lead-only"),
                follower.herder.restartConnectorAndTasks(new io.aqueduct.connect.runtime.herder.RestartRequest(
                        "lead-only", false, true)));
        for (java.util.concurrent.CompletableFuture<?> write : writes) {
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> write.get(10, TimeUnit.SECONDS));
            NotLeaderException notLeader = assertInstanceOf(NotLeaderException.class, failure.getCause());
            assertEquals(leaderUrl, notLeader.leaderUrl());
        }
        Rest.Reply forwarded = Rest.send(follower.url(), "DELETE", "/connectors/lead-only?forward=false", null);
        assertEquals(409, forwarded.status(), forwarded.body());
        assertTrue(workers.get(0).herder.connectors().contains("lead-only"));
    }

    @Test
    void theInternalTaskConfigsEndpointTakesOnlySignedRequestsOnTheLeader() throws Exception {
        create(leader(), counting("signed", 1, "s1"));
        awaitRunning("signed", 1);
        byte[] body = Rest.json(List.of(Map.of("task.id", "0", "connector", "signed", "shared", "pushed",
                "task.class", CountingSourceConnector.CountingTask.class.getName()))).getBytes(StandardCharsets.UTF_8);
        String bodyText = new String(body, StandardCharsets.UTF_8);

        Rest.Reply unsigned = Rest.send(leader().url(), "POST", "/connectors/signed/tasks", bodyText);
        assertEquals(400, unsigned.status(), unsigned.body());
        assertEquals("Internal request missing required signature", unsigned.json().get("message").asText());

        SessionKey key = leader().herder.configStore().snapshot().sessionKey();
        Map<String, String> badHeaders = Map.of(InternalRequestSignature.SIGNATURE_HEADER,
                InternalRequestSignature.sign(key.key(), "HmacSHA256", "other body".getBytes(StandardCharsets.UTF_8)),
                InternalRequestSignature.SIGNATURE_ALGORITHM_HEADER, "HmacSHA256");
        Rest.Reply forged = Rest.send(leader().url(), "POST", "/connectors/signed/tasks", bodyText, badHeaders);
        assertEquals(403, forged.status(), forged.body());

        Map<String, String> headers = Map.of(InternalRequestSignature.SIGNATURE_HEADER,
                InternalRequestSignature.sign(key.key(), "HmacSHA256", body),
                InternalRequestSignature.SIGNATURE_ALGORITHM_HEADER, "HmacSHA256");
        Rest.Reply onFollower = Rest.send(follower().url(), "POST", "/connectors/signed/tasks?forward=false",
                bodyText, headers);
        assertEquals(409, onFollower.status(), onFollower.body());

        Rest.Reply accepted = Rest.send(leader().url(), "POST", "/connectors/signed/tasks", bodyText, headers);
        assertEquals(204, accepted.status(), accepted.body());
        Await.until("the pushed task config on every worker", WAIT_MS, () -> workers.stream().allMatch(w ->
                "pushed".equals(w.herder.taskConfigs("signed").get(0).config().get("shared"))));
    }

    @Test
    void aConfigChangeOrAReconfigurationRequestRegeneratesTaskConfigsAndRestartsOnlyChangedTasks() {
        create(leader(), counting("change", 2, "v1"));
        awaitRunning("change", 2);
        Await.until("both tasks started once", WAIT_MS, () -> CountingSourceConnector.starts("change", 0) == 1
                && CountingSourceConnector.starts("change", 1) == 1);

        Rest.Reply put = Rest.send(follower().url(), "PUT", "/connectors/change/config?forward=true",
                Rest.json(counting("change", 2, "v2")));
        if (put.status() == 409) { // this branch has no REST forwarding yet: the leader takes the write
            put = Rest.send(leader().url(), "PUT", "/connectors/change/config", Rest.json(counting("change", 2, "v2")));
        }
        assertEquals(200, put.status(), put.body());
        Await.until("new task configs on every worker and both tasks restarted", WAIT_MS, () ->
                workers.stream().allMatch(w -> w.herder.taskConfigs("change").stream()
                        .allMatch(t -> "v2".equals(t.config().get("shared"))))
                        && CountingSourceConnector.starts("change", 0) == 2
                        && CountingSourceConnector.starts("change", 1) == 2);
        awaitRunning("change", 2);
        List<String> keys = configKeys();
        int update = keys.lastIndexOf("connector-change");
        assertEquals(List.of("connector-change", "task-change-0", "task-change-1", "commit-change"),
                keys.subList(update, keys.size()).stream().filter(k -> k.contains("change")).toList());

        CountingSourceConnector.EXTRA.put("change-1", "only-task-1");
        CountingSourceConnector.requestReconfiguration("change");
        Await.until("task 1 restarted with its new config", WAIT_MS,
                () -> CountingSourceConnector.starts("change", 1) == 3
                        && "only-task-1".equals(leader().herder.taskConfigs("change").get(1).config().get("extra")));
        awaitRunning("change", 2);
        assertEquals(2, CountingSourceConnector.starts("change", 0), "task 0 kept running");
    }

    @Test
    void pauseResumeStopRestartDeleteAndClusterLoggersWorkFromAnyWorker() {
        create(leader(), counting("states", 2, "s"));
        awaitRunning("states", 2);
        URI follower = follower().url();

        assertEquals(202, Rest.send(follower, "PUT", "/connectors/states/pause", null).status());
        Await.until("states PAUSED", WAIT_MS, () -> allStates("states").equals(Set.of("PAUSED")));
        assertEquals(202, Rest.send(follower, "PUT", "/connectors/states/resume", null).status());
        awaitRunning("states", 2);

        assertEquals(204, Rest.send(leader().url(), "PUT", "/connectors/states/stop", null).status());
        Await.until("states STOPPED without tasks", WAIT_MS, () -> status("states").connector().state()
                .equals("STOPPED") && status("states").tasks().isEmpty(), () -> String.valueOf(safeStatus("states")));
        workers.forEach(w -> assertEquals(List.of(), w.herder.taskConfigs("states")));
        List<String> keys = configKeys();
        assertEquals(List.of("commit-states", "target-state-states"), keys.subList(keys.size() - 2, keys.size()));

        assertEquals(202, Rest.send(follower, "PUT", "/connectors/states/resume", null).status());
        awaitRunning("states", 2);

        Rest.Reply restart = Rest.send(leader().url(), "POST", "/connectors/states/restart?includeTasks=true", null);
        assertEquals(202, restart.status(), restart.body());
        assertEquals("RESTARTING", restart.json().get("connector").get("state").asText());
        Await.until("tasks restarted", WAIT_MS, () -> CountingSourceConnector.starts("states", 0) >= 3
                && CountingSourceConnector.starts("states", 1) >= 3);
        awaitRunning("states", 2);

        DistributedWorker owner = workers.stream().filter(w -> w.id().equals(status("states").connector().workerId()))
                .findFirst().orElseThrow();
        assertEquals(204, Rest.send(owner.url(), "POST", "/connectors/states/restart", null).status());
        DistributedWorker other = workers.stream().filter(w -> w != owner).findFirst().orElseThrow();
        ExecutionException elsewhere = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> other.herder.restartConnector("states").get(10, TimeUnit.SECONDS));
        assertEquals("http://" + owner.id() + "/",
                assertInstanceOf(NotLeaderException.class, elsewhere.getCause()).leaderUrl());

        Rest.Reply level = Rest.send(follower, "PUT", "/admin/loggers/io.aqueduct.dist.probe?scope=cluster",
                "{\"level\":\"DEBUG\"}");
        assertEquals(204, level.status(), level.body());
        Await.until("the level on every worker", WAIT_MS, () -> workers.stream().allMatch(w ->
                "DEBUG".equals(Rest.get(w.url(), "/admin/loggers/io.aqueduct.dist.probe").json().get("level").asText())));

        assertEquals(204, Rest.send(leader().url(), "DELETE", "/connectors/states", null).status());
        Await.until("no status left", WAIT_MS, () -> Rest.get(follower, "/connectors/states/status").status() == 404);
        assertEquals(404, Rest.get(follower, "/connectors/states").status());
    }

    @Test
    void aHungConnectorFreezesNeitherReadsNorOtherWrites() {
        Map<String, String> hung = counting("hung", 1, "h");
        hung.put("hang.start", "true");
        create(leader(), hung);
        for (DistributedWorker worker : workers) {
            long begin = System.nanoTime();
            assertEquals(200, Rest.get(worker.url(), "/connectors").status());
            assertEquals(200, Rest.get(worker.url(), "/connectors/hung").status());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            assertTrue(ms < 2_000, "reads took " + ms + " ms on " + worker.id());
        }
        long begin = System.nanoTime();
        create(leader(), counting("beside-hung", 1, "b"));
        awaitRunning("beside-hung", 1);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        assertTrue(ms < 10_000, "another connector took " + ms + " ms to run");
        assertEquals(204, Rest.send(leader().url(), "DELETE", "/connectors/hung", null).status());
    }

    /** Connectors per worker and tasks per worker, from the statuses of every connector in the snapshot. */
    private static List<Map<String, Integer>> load() {
        Map<String, Integer> connectors = new HashMap<>();
        Map<String, Integer> tasks = new HashMap<>();
        for (String connector : workers.get(0).herder.connectors()) {
            ConnectorStateInfo status = status(connector);
            connectors.merge(status.connector().workerId(), 1, Integer::sum);
            status.tasks().forEach(task -> tasks.merge(task.workerId(), 1, Integer::sum));
        }
        return List.of(connectors, tasks);
    }

    private static boolean balanced() {
        for (Map<String, Integer> perWorker : load()) {
            int total = perWorker.values().stream().mapToInt(Integer::intValue).sum();
            for (DistributedWorker worker : workers) {
                int n = perWorker.getOrDefault(worker.id(), 0);
                if (n < total / 3 || n > (total + 2) / 3) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Set<String> allStates(String connector) {
        ConnectorStateInfo status = status(connector);
        Set<String> states = status.tasks().stream().map(ConnectorStateInfo.TaskState::state)
                .collect(Collectors.toSet());
        states.add(status.connector().state());
        return states;
    }
}
