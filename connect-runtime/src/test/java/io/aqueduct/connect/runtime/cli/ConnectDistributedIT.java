package io.aqueduct.connect.runtime.cli;

import io.aqueduct.connect.test.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two workers started with {@code bin/connect-distributed.sh} as separate processes: SIGKILL one, the other takes over. */
@KafkaIT
class ConnectDistributedIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SESSION_TIMEOUT_MS = 6_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KafkaCluster cluster;
    @TempDir
    Path dir;

    @Test
    void theWorkOfAKilledWorkerRunsOnTheOtherWithinTheSessionTimeoutPlusTwoSeconds() throws Exception {
        String group = cluster.uniqueName("cli-dist");
        String topic = cluster.uniqueName("cli-dist-lines");
        Path in = Files.write(dir.resolve("in.txt"), List.of("a", "b", "c"));
        Path props = Files.writeString(dir.resolve("worker.properties"), String.join("\n",
                "bootstrap.servers=" + cluster.bootstrapServers(),
                "group.id=" + group,
                "config.storage.topic=" + group + "-configs",
                "offset.storage.topic=" + group + "-offsets",
                "status.storage.topic=" + group + "-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "session.timeout.ms=" + SESSION_TIMEOUT_MS,
                "offset.flush.interval.ms=500",
                "listeners=http://127.0.0.1:0", ""));
        try (WorkerProcess first = WorkerProcess.startScript("bin/connect-distributed.sh", dir.resolve("logs-1"),
                props.toString());
             WorkerProcess second = WorkerProcess.startScript("bin/connect-distributed.sh", dir.resolve("logs-2"),
                     props.toString())) {
            URI firstUrl = first.restUrl(WAIT);
            URI secondUrl = second.restUrl(WAIT);
            // GET / does not wait for the group: it answers with the cluster id as soon as the worker has read it.
            await(() -> status(firstUrl, "") == 200, "GET / answering");
            assertEquals(cluster.admin().describeCluster().clusterId().get(10, TimeUnit.SECONDS),
                    get(firstUrl, "").get("kafka_cluster_id").asText());
            await(() -> status(firstUrl, "health") == 200 && status(secondUrl, "health") == 200, "both workers ready");
            String body = "{\"name\":\"cli-src\",\"config\":{\"connector.class\":\"FileStreamSource\",\"file\":"
                    + MAPPER.valueToTree(in.toString()) + ",\"topic\":\"" + topic + "\"}}";
            int created = post(firstUrl, "connectors", body);
            if (created == 409) { // the first worker is a follower and this build does not forward yet
                created = post(secondUrl, "connectors", body);
            }
            assertEquals(201, created);
            await(() -> running(firstUrl, null), "cli-src and its task RUNNING");
            cluster.consumeStringsUntil(topic, 3, WAIT);

            JsonNode status = get(firstUrl, "connectors/cli-src/status");
            String taskOwner = status.get("tasks").get(0).get("worker_id").asText();
            boolean firstOwns = taskOwner.equals(firstUrl.getHost() + ":" + firstUrl.getPort());
            WorkerProcess victim = firstOwns ? first : second;
            URI survivor = firstOwns ? secondUrl : firstUrl;
            String survivorId = survivor.getHost() + ":" + survivor.getPort();

            long killedAt = System.nanoTime();
            victim.process.destroyForcibly(); // SIGKILL
            await(() -> running(survivor, survivorId), "cli-src and its task RUNNING on the survivor");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            System.out.printf("[distributed] SIGKILL of a worker process: its work RUNNING on the other %d ms later "
                    + "(session.timeout.ms=%d)%n", ms, SESSION_TIMEOUT_MS);
            assertTrue(ms <= SESSION_TIMEOUT_MS + 2_000, "failover took " + ms + " ms");

            WorkerProcess remaining = firstOwns ? second : first;
            remaining.process.destroy(); // SIGTERM
            assertEquals(0, remaining.awaitExit(WAIT), () -> String.join("\n", remaining.output()));
        }
    }

    private static boolean running(URI url, String workerId) throws IOException, InterruptedException {
        JsonNode status = get(url, "connectors/cli-src/status");
        if (status == null || !status.has("tasks") || status.get("tasks").size() != 1) {
            return false;
        }
        JsonNode connector = status.get("connector");
        JsonNode task = status.get("tasks").get(0);
        return connector.get("state").asText().equals("RUNNING") && task.get("state").asText().equals("RUNNING")
                && (workerId == null || workerId.equals(connector.get("worker_id").asText())
                && workerId.equals(task.get("worker_id").asText()));
    }

    private static int status(URI url, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url.resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JsonNode get(URI url, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? MAPPER.readTree(response.body()) : null;
    }

    private static int post(URI url, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check condition, String what) {
        Await.until(what, WAIT, condition::holds, () -> "", true);
    }
}
