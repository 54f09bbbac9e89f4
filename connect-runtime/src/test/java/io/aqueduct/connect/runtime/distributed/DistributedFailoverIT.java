package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.standalone.CountingSourceConnector;
import io.aqueduct.connect.runtime.storage.SessionKey;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workers coming and going: scale-out without restarting work that stays, graceful hand-over, crash failover
 * within the session timeout, a full cluster restart, and adopting internal topics written in Apache's format.
 */
@KafkaIT
class DistributedFailoverIT {

    private static final long WAIT_MS = 30_000;

    private KafkaCluster kafka;
    private final List<DistributedWorker> workers = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void stopWorkers() {
        workers.forEach(DistributedWorker::close);
    }

    private DistributedWorker start(String cluster) {
        return start(cluster, Map.of());
    }

    private DistributedWorker start(String cluster, Map<String, String> overrides) {
        DistributedWorker worker = DistributedWorker.start(DistributedWorker.props(kafka.bootstrapServers(), cluster,
                overrides));
        workers.add(worker);
        return worker;
    }

    private List<DistributedWorker> live() {
        return workers.stream().filter(w -> w.herder.isReady()).toList();
    }

    private DistributedWorker leader() {
        return live().stream().filter(DistributedWorker::isLeader).findFirst().orElseThrow();
    }

    private ConnectorStateInfo status(String connector) {
        return live().get(0).herder.connectorStatus(connector);
    }

    /** Worker id of every connector and task of {@code connectors}, all RUNNING; null while one is not. */
    private Map<String, String> owners(List<String> connectors, int tasksEach) {
        Map<String, String> owners = new TreeMap<>();
        for (String connector : connectors) {
            ConnectorStateInfo status = status(connector);
            if (!status.connector().state().equals("RUNNING") || status.tasks().size() != tasksEach) {
                return null;
            }
            owners.put(connector, status.connector().workerId());
            for (ConnectorStateInfo.TaskState task : status.tasks()) {
                if (!task.state().equals("RUNNING")) {
                    return null;
                }
                owners.put(connector + "-" + task.id(), task.workerId());
            }
        }
        return owners;
    }

    private Map<String, String> awaitOwners(List<String> connectors, int tasksEach, Set<String> allowedWorkers) {
        Map<String, String>[] result = new Map[1];
        Await.until("every item RUNNING on " + allowedWorkers, WAIT_MS, () -> {
            Map<String, String> owners = owners(connectors, tasksEach);
            result[0] = owners;
            return owners != null && allowedWorkers.containsAll(owners.values());
        }, () -> String.valueOf(result[0]));
        return result[0];
    }

    private static Set<String> ids(List<DistributedWorker> workers) {
        Set<String> ids = new HashSet<>();
        workers.forEach(w -> ids.add(w.id()));
        return ids;
    }

    @Test
    void aNewWorkerGetsItsShareWithoutRestartsAndLeavingOrCrashedWorkersHandTheirWorkOver() {
        String cluster = kafka.uniqueName("failover");
        start(cluster);
        start(cluster);
        Await.until("two ready workers", WAIT_MS, () -> live().size() == 2 && live().stream()
                .filter(DistributedWorker::isLeader).count() == 1);
        List<String> connectors = List.of("fo-a", "fo-b");
        for (String connector : connectors) {
            DistributedHerderIT.create(leader(), DistributedHerderIT.counting(connector, 3, "x"));
        }
        Map<String, String> before = awaitOwners(connectors, 3, ids(live()));
        Map<String, Integer> startsBefore = starts(connectors, 3);

        long joinedAt = System.nanoTime();
        DistributedWorker newcomer = start(cluster);
        Map<String, String>[] after = new Map[1];
        long scaleOutMs = Await.until("a share for the new worker", WAIT_MS, () -> {
            after[0] = owners(connectors, 3);
            return after[0] != null && balanced(after[0], 3);
        }, () -> String.valueOf(after[0]));
        System.out.printf("[distributed] scale-out: the new worker runs its share %d ms after it started (%d ms start)%n",
                scaleOutMs, (System.nanoTime() - joinedAt) / 1_000_000);
        Map<String, Integer> startsAfter = starts(connectors, 3);
        before.forEach((item, owner) -> {
            if (item.matches(".*-\\d+") && owner.equals(after[0].get(item))) {
                assertEquals(startsBefore.get(item), startsAfter.get(item), item + " stayed on " + owner
                        + " and must not have been restarted");
            }
        });
        assertTrue(after[0].containsValue(newcomer.id()));

        DistributedWorker leaving = busiestExcept(after[0], null);
        long leftAt = System.nanoTime();
        leaving.close();
        List<DistributedWorker> remaining = live();
        long handOverMs = Await.until("the graceful hand-over", WAIT_MS, () -> {
            Map<String, String> owners = owners(connectors, 3);
            return owners != null && ids(remaining).containsAll(owners.values());
        });
        long sinceStopMs = (System.nanoTime() - leftAt) / 1_000_000;
        System.out.printf("[distributed] graceful stop: work RUNNING on the survivors %d ms after stop() began%n",
                sinceStopMs);
        assertTrue(handOverMs <= 2_000, "graceful hand-over took " + handOverMs + " ms");

        Map<String, String> owners = owners(connectors, 3);
        DistributedWorker victim = busiestExcept(owners, null);
        long crashedAt = System.nanoTime();
        victim.crash();
        List<DistributedWorker> survivors = live();
        long failoverMs = Await.until("the failover", WAIT_MS, () -> {
            Map<String, String> now = owners(connectors, 3);
            return now != null && ids(survivors).containsAll(now.values());
        });
        System.out.printf("[distributed] crash: work RUNNING on the survivor %d ms after the crash "
                + "(session.timeout.ms=%d)%n", (System.nanoTime() - crashedAt) / 1_000_000,
                DistributedWorker.SESSION_TIMEOUT_MS);
        assertTrue(failoverMs <= DistributedWorker.SESSION_TIMEOUT_MS + 2_000, "failover took " + failoverMs + " ms");
    }

    /** scheduled.rebalance.max.delay.ms is for crashes and bounces: a deliberate stop hands the work over at once. */
    @Test
    void withAnExplicitDelayAGracefullyStoppedWorkersWorkRunsOnTheSurvivorLongBeforeTheDelay() {
        String cluster = kafka.uniqueName("leave-delay");
        Map<String, String> delay = Map.of("scheduled.rebalance.max.delay.ms", "60000");
        start(cluster, delay);
        start(cluster, delay);
        Await.until("two ready workers", WAIT_MS, () -> live().size() == 2 && live().stream()
                .filter(DistributedWorker::isLeader).count() == 1);
        List<String> connectors = List.of("ld-a", "ld-b");
        for (String connector : connectors) {
            DistributedHerderIT.create(leader(), DistributedHerderIT.counting(connector, 2, "x"));
        }
        Map<String, String>[] spread = new Map[1];
        Await.until("work on both workers", WAIT_MS, () -> {
            spread[0] = owners(connectors, 2);
            return spread[0] != null && balanced(spread[0], 2);
        }, () -> String.valueOf(spread[0]));

        DistributedWorker leaving = busiestExcept(spread[0], null);
        long leftAt = System.nanoTime();
        leaving.close();
        Set<String> survivor = ids(live());
        assertEquals(1, survivor.size());
        Await.until("the stopped worker's work RUNNING on the survivor, long before the 60 s delay",
                20_000, () -> {
                    Map<String, String> owners = owners(connectors, 2);
                    return owners != null && survivor.containsAll(owners.values());
                });
        System.out.printf("[distributed] graceful stop with scheduled.rebalance.max.delay.ms=60000: work RUNNING on the"
                + " survivor %d ms after stop() began%n", (System.nanoTime() - leftAt) / 1_000_000);
    }

    private static boolean balanced(Map<String, String> owners, int workers) {
        Map<String, Integer> load = new HashMap<>();
        owners.values().forEach(id -> load.merge(id, 1, Integer::sum));
        int floor = owners.size() / workers / 2; // connectors and tasks are balanced separately
        return load.size() == workers && load.values().stream().allMatch(n -> n >= Math.max(1, floor));
    }

    private DistributedWorker busiestExcept(Map<String, String> owners, DistributedWorker except) {
        Map<String, Integer> load = new HashMap<>();
        owners.values().forEach(id -> load.merge(id, 1, Integer::sum));
        return live().stream().filter(w -> w != except)
                .max((a, b) -> Integer.compare(load.getOrDefault(a.id(), 0), load.getOrDefault(b.id(), 0)))
                .orElseThrow();
    }

    private static Map<String, Integer> starts(List<String> connectors, int tasksEach) {
        Map<String, Integer> starts = new TreeMap<>();
        for (String connector : connectors) {
            for (int task = 0; task < tasksEach; task++) {
                starts.put(connector + "-" + task, CountingSourceConnector.starts(connector, task));
            }
        }
        return starts;
    }

    @Test
    void aFullClusterRestartResumesEveryConnectorWithItsTargetStateAndOffsets() throws IOException {
        String cluster = kafka.uniqueName("restart");
        String topic = kafka.uniqueName("lines");
        Path input = Files.write(dir.resolve("in.txt"), List.of("one", "two", "three"), StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            start(cluster);
        }
        Await.until("three ready workers", WAIT_MS, () -> live().size() == 3);
        DistributedHerderIT.create(leader(), fileSource("file-src", input, topic));
        DistributedHerderIT.create(leader(), DistributedHerderIT.counting("paused-one", 1, "p"));
        DistributedHerderIT.create(leader(), DistributedHerderIT.counting("stopped-one", 1, "s"));
        Await.until("everything RUNNING", WAIT_MS, () -> owners(List.of("file-src", "paused-one", "stopped-one"), 1) != null);
        assertEquals(202, Rest.send(live().get(1).url(), "PUT", "/connectors/paused-one/pause", null).status());
        assertEquals(204, Rest.send(leader().url(), "PUT", "/connectors/stopped-one/stop", null).status());
        kafka.consumeStringsUntil(topic, 3, Duration.ofSeconds(30));
        Await.until("the source offset committed", WAIT_MS, () -> Rest.get(live().get(2).url(),
                "/connectors/file-src/offsets").body().contains("\"position\":14"));
        Await.until("paused and stopped", WAIT_MS, () -> status("paused-one").connector().state().equals("PAUSED")
                && status("stopped-one").connector().state().equals("STOPPED"));

        workers.forEach(DistributedWorker::close);
        workers.clear();
        Files.write(input, List.of("four", "five"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        for (int i = 0; i < 3; i++) {
            start(cluster);
        }
        Await.until("three ready workers again", WAIT_MS, () -> live().size() == 3);
        List<ConsumerRecord<String, String>> lines = kafka.consumeStringsUntil(topic, 5, Duration.ofSeconds(30));
        Await.until("paused-one PAUSED and stopped-one STOPPED after the restart", WAIT_MS, () ->
                status("paused-one").connector().state().equals("PAUSED")
                        && status("paused-one").tasks().stream().allMatch(t -> t.state().equals("PAUSED"))
                        && status("stopped-one").connector().state().equals("STOPPED")
                        && ids(live()).contains(status("stopped-one").connector().workerId()));
        Await.until("file-src RUNNING on a new worker", WAIT_MS, () -> {
            Map<String, String> owners = owners(List.of("file-src"), 1);
            return owners != null && ids(live()).containsAll(owners.values());
        });
        List<String> payloads = kafka.consumeStringsUntil(topic, 5, Duration.ofSeconds(5)).stream()
                .map(ConsumerRecord::value).toList();
        assertEquals(5, lines.size());
        assertEquals(List.of("one", "two", "three", "four", "five"), payloads.stream().map(DistributedFailoverIT::payload)
                .toList(), "the restarted source resumed from its committed offset, no line twice");

        // Offsets: the leader alters them only while the connector is STOPPED; the source resumes from there.
        Rest.Reply running = Rest.send(leader().url(), "PATCH", "/connectors/file-src/offsets", offsetsBody(input, 4));
        assertEquals(400, running.status(), running.body());
        assertEquals(204, Rest.send(leader().url(), "PUT", "/connectors/file-src/stop", null).status());
        Await.until("file-src STOPPED", WAIT_MS, () -> status("file-src").connector().state().equals("STOPPED")
                && status("file-src").tasks().isEmpty());
        Rest.Reply altered = Rest.send(leader().url(), "PATCH", "/connectors/file-src/offsets", offsetsBody(input, 4));
        assertEquals(200, altered.status(), altered.body());
        assertTrue(Rest.get(live().get(1).url(), "/connectors/file-src/offsets").body().contains("\"position\":4"));
        assertEquals(202, Rest.send(live().get(1).url(), "PUT", "/connectors/file-src/resume", null).status());
        List<String> again = kafka.consumeStringsUntil(topic, 9, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).map(DistributedFailoverIT::payload).toList();
        assertEquals(List.of("two", "three", "four", "five"), again.subList(5, 9));
    }

    @Test
    void aConfigTopicPreFilledInTheReferenceFormatIsAdoptedWithItsOffsets() throws IOException {
        String cluster = kafka.uniqueName("adopt");
        String topic = kafka.uniqueName("ref-lines");
        Path input = Files.write(dir.resolve("ref-in.txt"), List.of("alpha", "bravo", "charlie", "delta"),
                StandardCharsets.UTF_8);
        Path output = dir.resolve("ref-out.txt");
        kafka.createTopic(cluster + "-configs", 1, 1, Map.of("cleanup.policy", "compact"));
        kafka.createTopic(cluster + "-offsets", 5, 1, Map.of("cleanup.policy", "compact"));
        String file = Rest.json(input.toString());
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        String configs = cluster + "-configs";
        long expired = System.currentTimeMillis() - 2 * 3_600_000; // older than inter.worker.key.ttl.ms
        kafka.produce(configs, "session-key", "{\"key\":\"" + key + "\",\"algorithm\":\"HmacSHA256\",\"creation-timestamp\":"
                + expired + "}");
        kafka.produce(configs, "connector-ref-src", "{\"properties\":{\"connector.class\":\"FileStreamSource\",\"file\":"
                + file + ",\"topic\":\"" + topic + "\",\"name\":\"ref-src\"}}");
        kafka.produce(configs, "task-ref-src-0", "{\"properties\":{\"connector.class\":\"FileStreamSource\",\"name\":"
                + "\"ref-src\",\"topic\":\"" + topic + "\",\"file\":" + file + ",\"task.class\":"
                + "\"org.apache.kafka.connect.file.FileStreamSourceTask\"}}");
        kafka.produce(configs, "commit-ref-src", "{\"tasks\":1}");
        kafka.produce(configs, "target-state-ref-sink", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}");
        kafka.produce(configs, "connector-ref-sink", "{\"properties\":{\"connector.class\":\"FileStreamSink\",\"file\":"
                + Rest.json(output.toString()) + ",\"topics\":\"" + topic + "\",\"name\":\"ref-sink\"}}");
        // "alpha\nbravo\n" is 12 bytes: the source resumes with charlie.
        kafka.produce(cluster + "-offsets", "[\"ref-src\",{\"filename\":" + file + "}]", "{\"position\":12}");

        start(cluster);
        start(cluster);
        Await.until("two ready workers", WAIT_MS, () -> live().size() == 2);
        assertEquals(Set.of("ref-src", "ref-sink"), Set.copyOf(live().get(0).herder.connectors()));
        Await.until("a fresh session key from the leader", WAIT_MS, () -> live().stream().allMatch(w -> {
            SessionKey current = w.herder.configStore().snapshot().sessionKey();
            return current != null && current.creationTimestamp() > expired;
        }));
        Await.until("ref-sink PAUSED", WAIT_MS, () -> status("ref-sink").connector().state().equals("PAUSED"));
        Await.until("ref-src RUNNING", WAIT_MS, () -> owners(List.of("ref-src"), 1) != null);
        List<String> payloads = kafka.consumeStringsUntil(topic, 2, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).map(DistributedFailoverIT::payload).toList();
        assertEquals(List.of("charlie", "delta"), payloads);

        assertEquals(202, Rest.send(live().get(0).url(), "PUT", "/connectors/ref-sink/resume", null).status());
        Await.until("the sink wrote both lines", WAIT_MS, () -> readLines(output).equals(List.of("charlie", "delta")),
                () -> String.valueOf(readLines(output)));
    }

    private static Map<String, String> fileSource(String name, Path input, String topic) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", "FileStreamSource");
        config.put("file", input.toString());
        config.put("topic", topic);
        return config;
    }

    private static String offsetsBody(Path input, int position) {
        return "{\"offsets\":[{\"partition\":{\"filename\":" + Rest.json(input.toString()) + "},\"offset\":{\"position\":"
                + position + "}}]}";
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The payload of a JsonConverter envelope {@code {"schema":..,"payload":"x"}}. */
    private static String payload(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = Rest.MAPPER.readTree(json);
            return node.has("payload") ? node.get("payload").asText() : node.asText();
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
