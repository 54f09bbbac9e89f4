package io.aqueduct.connect.runtime.rest;

import io.aqueduct.connect.runtime.standalone.StandaloneWorker;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static io.aqueduct.connect.runtime.standalone.StandaloneWorker.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Active topics (KIP-558) over real HTTP against a real standalone worker on a real broker: recorded once data
 * flows, emptied by a reset, recorded again by the next record, removed with the connector, and the 403s of the
 * two worker switches.
 */
@KafkaIT
class ActiveTopicsRestIT {

    private static KafkaCluster cluster;
    private static Path dir;
    private static StandaloneWorker worker;
    private static Http http;

    @BeforeAll
    static void startWorker() throws IOException {
        dir = Files.createTempDirectory("active-topics-it");
        worker = StandaloneWorker.start(StandaloneWorker.props(cluster.bootstrapServers(), dir.resolve("offsets.json"),
                Map.of())).attach();
        http = new Http(worker.url());
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void theTopicsOfASourceAndASinkAreListedResetAndRecordedAgain() throws Exception {
        String topic = cluster.uniqueName("active");
        cluster.createTopic(topic, 1, 1);
        Path in = Files.write(dir.resolve("in.txt"), List.of("one", "two"), StandardCharsets.UTF_8);
        Path out = dir.resolve("out.txt");
        assertEquals(201, http.post("/connectors", "{\"name\":\"act-src\",\"config\":" + source(in, topic) + "}")
                .status());
        assertEquals(201, http.post("/connectors", "{\"name\":\"act-sink\",\"config\":" + sink(out, topic) + "}")
                .status());

        awaitTopics("act-src", "[\"" + topic + "\"]");
        awaitTopics("act-sink", "[\"" + topic + "\"]");
        // every record is acknowledged once its offset is committed: no late first use can follow the reset
        await(() -> http.get("/connectors/act-src/offsets").body().contains("\"position\":8"), "both lines committed");

        assertEquals(202, http.put("/connectors/act-src/topics/reset", null).status());
        http.get("/connectors/act-src/topics").assertJson(200, "{\"act-src\":{\"topics\":[]}}");
        http.get("/connectors/act-sink/topics").assertJson(200, "{\"act-sink\":{\"topics\":[\"" + topic + "\"]}}");

        Files.write(in, List.of("three"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        awaitTopics("act-src", "[\"" + topic + "\"]");

        assertEquals(204, http.delete("/connectors/act-sink").status());
        http.get("/connectors/act-sink/topics").assertJson(200, "{\"act-sink\":{\"topics\":[]}}");
        assertEquals(204, http.delete("/connectors/act-src").status());
        http.get("/connectors/act-src/topics").assertJson(200, "{\"act-src\":{\"topics\":[]}}");
    }

    @Test
    void theWorkerSwitchesTurnTheEndpointsInto403() throws Exception {
        Map<String, String> untracked = StandaloneWorker.props(cluster.bootstrapServers(),
                dir.resolve("untracked-offsets.json"), Map.of("topic.tracking.enable", "false"));
        try (StandaloneWorker other = StandaloneWorker.start(untracked).attach()) {
            Http client = new Http(other.url());
            client.get("/connectors/x/topics").assertError(403, "Topic tracking is disabled.");
            client.put("/connectors/x/topics/reset", null).assertError(403, "Topic tracking is disabled.");
        }
        Map<String, String> noReset = StandaloneWorker.props(cluster.bootstrapServers(),
                dir.resolve("no-reset-offsets.json"), Map.of("topic.tracking.allow.reset", "false"));
        try (StandaloneWorker other = StandaloneWorker.start(noReset).attach()) {
            Http client = new Http(other.url());
            client.get("/connectors/x/topics").assertJson(200, "{\"x\":{\"topics\":[]}}");
            client.put("/connectors/x/topics/reset", null).assertError(403, "Topic tracking reset is disabled.");
        }
    }

    private static void awaitTopics(String connector, String topics) {
        String expected = "{\"" + connector + "\":{\"topics\":" + topics + "}}";
        await(() -> http.get("/connectors/" + connector + "/topics").body().equals(expected),
                "the active topics of " + connector + " are " + topics);
    }

    private static String source(Path in, String topic) {
        return "{\"connector.class\":\"FileStreamSource\",\"file\":" + Http.MAPPER.valueToTree(in.toString())
                + ",\"topic\":\"" + topic + "\",\"tasks.max\":\"1\"}";
    }

    private static String sink(Path out, String topic) {
        return "{\"connector.class\":\"FileStreamSink\",\"file\":" + Http.MAPPER.valueToTree(out.toString())
                + ",\"topics\":\"" + topic + "\",\"tasks.max\":\"1\"}";
    }
}
