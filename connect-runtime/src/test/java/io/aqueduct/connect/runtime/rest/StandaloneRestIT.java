package io.aqueduct.connect.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aqueduct.connect.runtime.standalone.StandaloneWorker;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.aqueduct.connect.runtime.standalone.StandaloneWorker.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API over real HTTP against a real standalone worker on a real broker: success paths, the status code
 * distinctions and the reference's error wording per endpoint.
 */
@KafkaIT
class StandaloneRestIT {

    private static final String STRING_CONVERTER = "io.aqueduct.connect.storage.StringConverter";

    private static KafkaCluster cluster;
    private static Path dir;
    private static StandaloneWorker worker;
    private static Http http;

    @BeforeAll
    static void startWorker() throws IOException {
        dir = Files.createTempDirectory("standalone-rest-it");
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

    // ---- worker, health, plugins, validation ----

    @Test
    void healthIs503UntilTheHerderIsAttachedAndReady() throws Exception {
        try (StandaloneWorker starting = StandaloneWorker.start(StandaloneWorker.props(cluster.bootstrapServers(),
                dir.resolve("other-offsets.json"), Map.of()))) {
            Http early = new Http(starting.url());
            Http.Reply health = early.get("/health");
            assertEquals(503, health.status());
            assertEquals("starting", health.json().get("status").asText());
            assertEquals(503, early.get("/connectors").status());
            starting.attach();
            early.get("/health").assertJson(200, "{\"status\":\"healthy\",\"message\":\"Worker has completed "
                    + "startup and is ready to handle requests.\"}");
            early.get("/connectors").assertJson(200, "[]");
        }
    }

    @Test
    void rootReportsTheClusterId() throws Exception {
        String clusterId = cluster.admin().describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        JsonNode root = http.get("/").json();
        assertEquals(clusterId, root.get("kafka_cluster_id").asText());
        assertEquals(List.of("version", "commit", "kafka_cluster_id"), fieldNames(root));
    }

    @Test
    void pluginsConfigDefsAndValidation() {
        JsonNode plugins = http.get("/connector-plugins").json();
        assertEquals("io.aqueduct.connect.file.FileStreamSinkConnector", plugins.get(0).get("class").asText());
        assertEquals("sink", plugins.get(0).get("type").asText());
        assertEquals("source", plugins.get(1).get("type").asText());
        assertTrue(http.get("/connector-plugins?connectorsOnly=false").json().size() > plugins.size());
        JsonNode keys = http.get("/connector-plugins/FileStreamSource/config").json();
        assertEquals("file", keys.get(0).get("name").asText());

        JsonNode valid = http.put("/connector-plugins/FileStreamSourceConnector/config/validate",
                "{\"connector.class\":\"FileStreamSourceConnector\",\"name\":\"v\",\"topic\":\"t\",\"file\":\"/tmp/x\"}")
                .json();
        assertEquals(0, valid.get("error_count").asInt());
        assertEquals("[\"Common\",\"Transforms\",\"Predicates\",\"Error Handling\",\"Topic Creation\","
                + "\"Exactly Once Support\",\"offsets.topic\"]", valid.get("groups").toString());
        JsonNode invalid = http.put("/connector-plugins/FileStreamSourceConnector/config/validate",
                "{\"connector.class\":\"FileStreamSourceConnector\",\"name\":\"v\",\"tasks.max\":\"abc\"}").json();
        assertEquals(3, invalid.get("error_count").asInt(), invalid::toString);
        assertEquals(List.of("Invalid value abc for configuration tasks.max: Not a number of type INT",
                "Invalid value null for configuration tasks.max: Value must be non-null"),
                errorsOf(invalid, "tasks.max"));
        assertEquals(1, errorsOf(invalid, "topic").size());
    }

    // ---- create, read, list ----

    @Test
    void createReadAndListWithEveryExpandVariant() throws Exception {
        String topic = topic("create");
        Path in = write(dir.resolve("create-in.txt"), List.of("alpha", "bravo"));
        Http.Reply created = http.post("/connectors", "{\"name\":\"crt\",\"config\":" + source(in, topic) + "}");
        assertEquals(201, created.status(), created.body());
        assertEquals(worker.rest.advertisedUrl() + "connectors/crt", created.header("Location"));
        assertEquals("[]", created.json().get("tasks").toString(), "a create answers before tasks exist");
        assertEquals("crt", created.json().get("config").get("name").asText());
        assertEquals("source", created.json().get("type").asText());

        awaitStatus("crt", s -> s.get("tasks").size() == 1 && s.get("tasks").get(0).get("state").asText().equals("RUNNING"));
        JsonNode status = http.get("/connectors/crt/status").json();
        assertEquals(List.of("name", "connector", "tasks", "type"), fieldNames(status));
        assertEquals(worker.worker.workerId(), status.get("connector").get("worker_id").asText());
        JsonNode info = http.get("/connectors/crt").json();
        assertEquals("[{\"connector\":\"crt\",\"task\":0}]", info.get("tasks").toString());
        assertEquals(topic, http.get("/connectors/crt/config").json().get("topic").asText());
        JsonNode tasks = http.get("/connectors/crt/tasks").json();
        assertEquals("io.aqueduct.connect.file.FileStreamSourceTask",
                tasks.get(0).get("config").get("task.class").asText());
        assertEquals("RUNNING", http.get("/connectors/crt/tasks/0/status").json().get("state").asText());

        http.post("/connectors", "{\"name\":\"crt\",\"config\":" + source(in, topic) + "}")
                .assertError(409, "Connector crt already exists");
        assertTrue(contains(http.get("/connectors").json(), "crt"));
        JsonNode both = http.get("/connectors?expand=status&expand=info").json().get("crt");
        assertEquals(List.of("status", "info"), fieldNames(both));
        assertEquals(List.of("status"), fieldNames(http.get("/connectors?expand=status").json().get("crt")));
        assertEquals(List.of("info"), fieldNames(http.get("/connectors?expand=info").json().get("crt")));
        assertEquals("{}", http.get("/connectors?expand=nothing").json().get("crt").toString());
        http.get("/connectors/crt/topics").assertJson(200, "{\"crt\":{\"topics\":[]}}");
        assertEquals(202, http.put("/connectors/crt/topics/reset", null).status());
    }

    @Test
    void badRequestBodiesAndNamesAreRefused() {
        assertEquals(400, http.post("/connectors", "{\"name\":").status());
        assertEquals(400, http.post("/connectors", "[1,2]").status());
        assertEquals(400, http.post("/connectors", "{\"name\":\"x\"}").status());
        assertEquals(400, http.post("/connectors", "{\"name\":\"x\",\"config\":{},\"bogus\":1}").status());
        assertEquals(400, http.post("/connectors",
                "{\"name\":\"x\",\"config\":{\"connector.class\":\"FileStreamSource\"},\"initial_state\":\"NAPPING\"}")
                .status());
        assertEquals(400, http.put("/connectors/x/config", "{\"connector.class\":\"FileStreamSource\",\"a\":{\"b\":1}}")
                .status());
        assertEquals(400, http.post("/connectors", "{\"name\":\" padded\",\"config\":{\"connector.class\":\"FileStreamSource\"}}")
                .status());
        assertEquals(400, http.post("/connectors", "{\"name\":\"a/b\",\"config\":{\"connector.class\":\"FileStreamSource\"}}")
                .status());
        http.post("/connectors", "{\"config\":{\"connector.class\":\"FileStreamSource\",\"topic\":\"t\"}}")
                .assertError(400, "Connector configuration is invalid and contains the following 1 error(s):\n"
                        + "Invalid value  for configuration name: String may not be empty\nYou can also find the above "
                        + "list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`");
        http.post("/connectors", "{\"name\":\"ref-invalid\",\"config\":{\"connector.class\":\"FileStreamSource\","
                + "\"tasks.max\":\"abc\",\"topic\":\"ref-lines\"}}")
                .assertError(400, "Connector configuration is invalid and contains the following 2 error(s):\n"
                        + "Invalid value abc for configuration tasks.max: Not a number of type INT\n"
                        + "Invalid value null for configuration tasks.max: Value must be non-null\n"
                        + "You can also find the above list of errors at the endpoint "
                        + "`/connector-plugins/{connectorType}/config/validate`");
        Http.Reply unknown = http.post("/connectors", "{\"name\":\"ref-unknown\",\"config\":{\"connector.class\":"
                + "\"com.example.ref.DoesNotExist\",\"topic\":\"ref-lines\"}}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.message().startsWith("Failed to find any class that implements Connector and which name "
                + "matches com.example.ref.DoesNotExist, available connectors are: PluginDesc{klass=class "
                + "io.aqueduct.connect.file.FileStreamSinkConnector, name='io.aqueduct.connect.file.FileStreamSinkConnector'"),
                unknown.message());
        http.put("/connectors/ref-put/config", "{\"connector.class\":\"FileStreamSource\",\"topic\":\"t\",\"name\":\"other\"}")
                .assertError(400, "Connector name configuration (other) doesn't match connector name in the URL (ref-put)");
        assertFalse(contains(http.get("/connectors").json(), "ref-invalid"));
    }

    @Test
    void unknownConnectorsAreWordedPerEndpoint() {
        http.get("/connectors/nope").assertError(404, "Connector nope not found");
        http.get("/connectors/nope/config").assertError(404, "Connector nope not found");
        http.get("/connectors/nope/tasks").assertError(404, "Connector nope not found");
        http.get("/connectors/nope/offsets").assertError(404, "Connector nope not found");
        http.delete("/connectors/nope").assertError(404, "Connector nope not found");
        http.patch("/connectors/nope/config", "{\"a\":\"b\"}").assertError(404, "Connector nope not found");
        http.get("/connectors/nope/status").assertError(404, "No status found for connector nope");
        http.get("/connectors/nope/tasks/0/status").assertError(404, "No status found for task nope-0");
        http.put("/connectors/nope/pause", null).assertError(404, "Unknown connector nope");
        http.put("/connectors/nope/resume", null).assertError(404, "Unknown connector nope");
        http.put("/connectors/nope/stop", null).assertError(404, "Unknown connector nope");
        http.post("/connectors/nope/restart", null).assertError(404, "Unknown connector: nope");
        http.post("/connectors/nope/tasks/0/restart", null).assertError(404, "Unknown connector: nope");
        http.get("/connectors/nope/topics").assertJson(200, "{\"nope\":{\"topics\":[]}}");
        assertEquals(202, http.put("/connectors/nope/topics/reset", null).status());
    }

    // ---- config writes ----

    @Test
    void putCreatesThenUpdatesAndPatchMergesAndRemoves() throws Exception {
        String topic = topic("put");
        Path in = write(dir.resolve("put-in.txt"), List.of("one"));
        Http.Reply created = http.put("/connectors/put/config", source(in, topic));
        assertEquals(201, created.status(), created.body());
        assertEquals(worker.rest.advertisedUrl() + "connectors/put", created.header("Location"));
        awaitStatus("put", s -> s.get("tasks").size() == 1);

        Http.Reply same = http.put("/connectors/put/config", source(in, topic));
        assertEquals(200, same.status());
        assertEquals("[{\"connector\":\"put\",\"task\":0}]", same.json().get("tasks").toString());

        JsonNode patched = http.patch("/connectors/put/config", "{\"batch.size\":\"50\"}").json();
        assertEquals("50", patched.get("config").get("batch.size").asText());
        await(() -> "50".equals(taskConfig("put").path("batch.size").asText(null)), "task config regenerated");
        JsonNode removed = http.patch("/connectors/put/config", "{\"batch.size\":null}").json();
        assertNull(removed.get("config").get("batch.size"));
        http.patch("/connectors/put/config", "{\"batch.size\":\"x\"}").assertError(400,
                "Connector configuration is invalid and contains the following 2 error(s):\nInvalid value x for "
                        + "configuration batch.size: Not a number of type INT\nInvalid value null for configuration "
                        + "batch.size: Value must be non-null\nYou can also find the above list of "
                        + "errors at the endpoint `/connector-plugins/{connectorType}/config/validate`");
        JsonNode renamed = http.patch("/connectors/put/config", "{\"name\":\"other\"}").json();
        assertEquals("other", renamed.get("config").get("name").asText(), "PATCH does not check the name");
        assertEquals("put", renamed.get("name").asText());

        assertEquals(204, http.delete("/connectors/put").status());
        http.get("/connectors/put").assertError(404, "Connector put not found");
        http.get("/connectors/put/status").assertError(404, "No status found for connector put");
    }

    // ---- target states and restarts ----

    @Test
    void pauseResumeAndStopAreIdempotentAndStoppedConnectorsHaveNoTasks() throws Exception {
        String topic = topic("states");
        Path in = write(dir.resolve("states-in.txt"), List.of("one"));
        http.post("/connectors", "{\"name\":\"states\",\"config\":" + source(in, topic) + "}");
        awaitStatus("states", s -> running(s, 1));

        for (int i = 0; i < 2; i++) {
            Http.Reply paused = http.put("/connectors/states/pause", "null");
            assertEquals(202, paused.status());
            assertEquals("0", paused.header("Content-Length"));
        }
        awaitStatus("states", s -> state(s).equals("PAUSED") && s.get("tasks").get(0).get("state").asText().equals("PAUSED"));
        assertEquals(202, http.put("/connectors/states/resume", null).status());
        awaitStatus("states", s -> running(s, 1));
        assertEquals(202, http.put("/connectors/states/resume", null).status());

        for (int i = 0; i < 2; i++) {
            assertEquals(204, http.put("/connectors/states/stop", null).status());
        }
        awaitStatus("states", s -> state(s).equals("STOPPED") && s.get("tasks").isEmpty());
        assertEquals("[]", http.get("/connectors/states").json().get("tasks").toString());
        http.get("/connectors/states/tasks").assertJson(200, "[]");
        http.post("/connectors/states/tasks/0/restart", null).assertError(404, "Unknown task: states-0");

        assertEquals(202, http.put("/connectors/states/pause", null).status());
        awaitStatus("states", s -> state(s).equals("PAUSED") && s.get("tasks").isEmpty());
        assertEquals(204, http.put("/connectors/states/stop", null).status());
        awaitStatus("states", s -> state(s).equals("STOPPED"));
        assertEquals(202, http.put("/connectors/states/resume", null).status());
        awaitStatus("states", s -> running(s, 1));
        assertEquals(1, http.get("/connectors/states/tasks").json().size(), "resume from STOPPED regenerates tasks");
    }

    @Test
    void initialStatesPausedAndStopped() throws Exception {
        String topic = topic("initial");
        Path in = write(dir.resolve("initial-in.txt"), List.of("one"));
        Http.Reply paused = http.post("/connectors", "{\"name\":\"ini-p\",\"config\":" + source(in, topic)
                + ",\"initial_state\":\"PAUSED\"}");
        assertEquals(201, paused.status());
        assertEquals(201, http.post("/connectors", "{\"name\":\"ini-s\",\"config\":" + source(in, topic)
                + ",\"initial_state\":\"STOPPED\"}").status());
        awaitStatus("ini-p", s -> state(s).equals("PAUSED"));
        awaitStatus("ini-s", s -> state(s).equals("STOPPED"));
        http.get("/connectors/ini-p/tasks").assertJson(200, "[]");
        assertEquals(202, http.put("/connectors/ini-p/resume", null).status());
        awaitStatus("ini-p", s -> running(s, 1));
    }

    @Test
    void restartVariantsAnswerAsTheReference() throws Exception {
        String topic = topic("restart");
        Path in = write(dir.resolve("restart-in.txt"), List.of("one"));
        http.post("/connectors", "{\"name\":\"rst\",\"config\":" + source(in, topic) + "}");
        awaitStatus("rst", s -> running(s, 1));

        assertEquals(204, http.post("/connectors/rst/restart", "").status());
        awaitStatus("rst", s -> running(s, 1));
        Http.Reply all = http.post("/connectors/rst/restart?includeTasks=true", "");
        assertEquals(202, all.status());
        assertEquals("RESTARTING", state(all.json()));
        assertEquals("RESTARTING", all.json().get("tasks").get(0).get("state").asText());
        awaitStatus("rst", s -> running(s, 1));
        Http.Reply onlyFailed = http.post("/connectors/rst/restart?onlyFailed=true", null);
        assertEquals(202, onlyFailed.status());
        assertEquals("RUNNING", state(onlyFailed.json()));
        assertEquals("RUNNING", onlyFailed.json().get("tasks").get(0).get("state").asText());
        assertEquals(204, http.post("/connectors/rst/tasks/0/restart", null).status());
        http.post("/connectors/rst/tasks/7/restart", null).assertError(404, "Unknown task: rst-7");

        // a sink whose task fails at start: its file's directory does not exist
        String sinkConfig = "{\"connector.class\":\"FileStreamSink\",\"topics\":\"" + topic + "\",\"file\":\""
                + dir.resolve("missing-dir/out.txt") + "\"}";
        http.post("/connectors", "{\"name\":\"failsink\",\"config\":" + sinkConfig + "}");
        awaitStatus("failsink", s -> s.get("tasks").size() == 1
                && s.get("tasks").get(0).get("state").asText().equals("FAILED"));
        assertTrue(http.get("/connectors/failsink/tasks/0/status").json().get("trace").asText()
                .contains("missing-dir"));
        Http.Reply failedOnly = http.post("/connectors/failsink/restart?includeTasks=true&onlyFailed=true", null);
        assertEquals(202, failedOnly.status());
        assertEquals("RUNNING", state(failedOnly.json()));
        JsonNode task = failedOnly.json().get("tasks").get(0);
        assertEquals("RESTARTING", task.get("state").asText());
        assertTrue(task.get("trace").asText().contains("missing-dir"), "the trace of the failure is kept");
        awaitStatus("failsink", s -> s.get("tasks").get(0).get("state").asText().equals("FAILED"));

        assertEquals(204, http.put("/connectors/rst/stop", null).status());
        awaitStatus("rst", s -> state(s).equals("STOPPED"));
        assertEquals(204, http.post("/connectors/rst/restart", null).status());
        awaitStatus("rst", s -> state(s).equals("STOPPED"));
        Http.Reply stopped = http.post("/connectors/rst/restart?includeTasks=true", null);
        assertEquals(202, stopped.status());
        assertEquals("RESTARTING", state(stopped.json()));
        assertEquals("[]", stopped.json().get("tasks").toString());
        awaitStatus("rst", s -> state(s).equals("STOPPED"));
    }

    // ---- offsets ----

    @Test
    void sourceOffsetsAreAlteredAndResetOnlyWhenStoppedAndTheSourceRereads() throws Exception {
        String topic = topic("src-offsets");
        Path in = write(dir.resolve("offsets-in.txt"), List.of("alpha", "bravo", "charlie"));
        http.post("/connectors", "{\"name\":\"osrc\",\"config\":" + source(in, topic) + "}");
        String partition = "{\"filename\":" + Http.MAPPER.valueToTree(in.toString()) + "}";
        await(() -> http.get("/connectors/osrc/offsets").body().contains("\"position\":20"), "position 20 committed");
        http.get("/connectors/osrc/offsets").assertJson(200, "{\"offsets\":[{\"partition\":" + partition
                + ",\"offset\":{\"position\":20}}]}");
        http.patch("/connectors/osrc/offsets", "{\"offsets\":[{\"partition\":" + partition
                + ",\"offset\":{\"position\":12}}]}").assertError(400, "Connectors must be in the STOPPED state "
                + "before their offsets can be modified. This can be done for the specified connector by issuing a "
                + "'PUT' request to the '/connectors/osrc/stop' endpoint");
        assertEquals(400, http.delete("/connectors/osrc/offsets").status());

        assertEquals(204, http.put("/connectors/osrc/stop", null).status());
        http.patch("/connectors/osrc/offsets", "{}").assertError(400,
                "Partitions / offsets need to be provided for an alter offsets request");
        http.patch("/connectors/osrc/offsets", "{\"offsets\":[{\"partition\":{\"file\":\"x\"},\"offset\":{\"position\":1}}]}")
                .assertError(500, "Partition objects should contain the key 'filename'");
        http.patch("/connectors/osrc/offsets", "{\"offsets\":[{\"partition\":" + partition
                + ",\"offset\":{\"position\":12}}]}").assertJson(200,
                "{\"message\":\"The offsets for this connector have been altered successfully\"}");
        http.get("/connectors/osrc/offsets").assertJson(200, "{\"offsets\":[{\"partition\":" + partition
                + ",\"offset\":{\"position\":12}}]}");
        assertEquals(202, http.put("/connectors/osrc/resume", null).status());
        List<String> expected = List.of("alpha", "bravo", "charlie", "charlie");
        assertEquals(expected, values(topic, 4), "the source re-read from position 12");

        assertEquals(204, http.put("/connectors/osrc/stop", null).status());
        http.delete("/connectors/osrc/offsets").assertJson(200,
                "{\"message\":\"The offsets for this connector have been reset successfully\"}");
        http.get("/connectors/osrc/offsets").assertJson(200, "{\"offsets\":[]}");
        assertEquals(202, http.put("/connectors/osrc/resume", null).status());
        assertEquals(List.of("alpha", "bravo", "charlie", "charlie", "alpha", "bravo", "charlie"), values(topic, 7),
                "after a reset the source starts over");
    }

    @Test
    void sinkOffsetsAreAlteredAndResetThroughTheConsumerGroup() throws Exception {
        String topic = topic("sink-offsets");
        for (String value : List.of("r0", "r1", "r2", "r3")) {
            cluster.produce(topic, null, value);
        }
        Path out = dir.resolve("sink-out.txt");
        String config = "{\"connector.class\":\"FileStreamSink\",\"topics\":\"" + topic + "\",\"file\":"
                + Http.MAPPER.valueToTree(out.toString()) + ",\"value.converter\":\"" + STRING_CONVERTER + "\"}";
        http.post("/connectors", "{\"name\":\"osink\",\"config\":" + config + "}");
        String partition = "{\"kafka_partition\":0,\"kafka_topic\":\"" + topic + "\"}";
        await(() -> http.get("/connectors/osink/offsets").body().contains("\"kafka_offset\":4"), "offset 4 committed");
        http.get("/connectors/osink/offsets").assertJson(200, "{\"offsets\":[{\"partition\":" + partition
                + ",\"offset\":{\"kafka_offset\":4}}]}");
        assertEquals(List.of("r0", "r1", "r2", "r3"), readLines(out));

        assertEquals(204, http.put("/connectors/osink/stop", null).status());
        http.patch("/connectors/osink/offsets", "{\"offsets\":[{\"partition\":{\"kafka_topic\":\"" + topic
                + "\"},\"offset\":{\"kafka_offset\":1}}]}").assertError(400, "The partition for a sink connector "
                + "offset must contain the keys 'kafka_topic' and 'kafka_partition'");
        http.patch("/connectors/osink/offsets", "{\"offsets\":[{\"partition\":" + partition
                + ",\"offset\":{\"kafka_offset\":-1}}]}").assertError(500,
                "Failed to modify offsets for sink connector osink");
        http.patch("/connectors/osink/offsets", "{\"offsets\":[{\"partition\":" + partition
                + ",\"offset\":{\"kafka_offset\":2}}]}").assertJson(200,
                "{\"message\":\"The offsets for this connector have been altered successfully\"}");
        http.get("/connectors/osink/offsets").assertJson(200, "{\"offsets\":[{\"partition\":" + partition
                + ",\"offset\":{\"kafka_offset\":2}}]}");
        assertEquals(202, http.put("/connectors/osink/resume", null).status());
        await(() -> readLines(out).size() == 6, "the sink re-consumed records 2 and 3");
        assertEquals(List.of("r0", "r1", "r2", "r3", "r2", "r3"), readLines(out));

        assertEquals(204, http.put("/connectors/osink/stop", null).status());
        http.delete("/connectors/osink/offsets").assertJson(200,
                "{\"message\":\"The offsets for this connector have been reset successfully\"}");
        http.get("/connectors/osink/offsets").assertJson(200, "{\"offsets\":[]}");
        assertEquals(202, http.put("/connectors/osink/resume", null).status());
        await(() -> readLines(out).size() == 10, "the sink re-consumed everything from the earliest offset");
    }

    // ---- loggers ----

    @Test
    void loggerChangesTakeEffect() {
        assertEquals(200, http.get("/admin/loggers/root").status());
        http.put("/admin/loggers/io.aqueduct.itest.a", "{\"level\":\"DEBUG\"}").assertJson(200, "[\"io.aqueduct.itest.a\"]");
        assertTrue(LoggerFactory.getLogger("io.aqueduct.itest.a").isDebugEnabled());
        assertEquals("DEBUG", http.get("/admin/loggers/io.aqueduct.itest.a").json().get("level").asText());
        http.put("/admin/loggers/io.aqueduct.itest.a", "{\"level\":\"BOGUS\"}").assertError(404, "invalid log level 'BOGUS'.");
        assertEquals(204, http.put("/admin/loggers/io.aqueduct.itest.c?scope=cluster", "{\"level\":\"ERROR\"}").status());
        assertFalse(LoggerFactory.getLogger("io.aqueduct.itest.c").isWarnEnabled(), "cluster scope applies here");
        assertTrue(LoggerFactory.getLogger("io.aqueduct.itest.c").isErrorEnabled());
    }

    // ---- helpers ----

    private static String source(Path in, String topic) {
        return "{\"connector.class\":\"FileStreamSource\",\"file\":" + Http.MAPPER.valueToTree(in.toString())
                + ",\"topic\":\"" + topic + "\",\"value.converter\":\"" + STRING_CONVERTER + "\",\"tasks.max\":\"1\"}";
    }

    private static JsonNode taskConfig(String connector) {
        JsonNode tasks = http.get("/connectors/" + connector + "/tasks").json();
        return tasks.isEmpty() ? Http.MAPPER.createObjectNode() : tasks.get(0).get("config");
    }

    private static void awaitStatus(String connector, Predicate<JsonNode> condition) {
        await(() -> {
            Http.Reply reply = http.get("/connectors/" + connector + "/status");
            return reply.status() == 200 && condition.test(reply.json());
        }, "the status of " + connector + " matches");
    }

    private static boolean running(JsonNode status, int tasks) {
        if (!state(status).equals("RUNNING") || status.get("tasks").size() != tasks) {
            return false;
        }
        for (JsonNode task : status.get("tasks")) {
            if (!task.get("state").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    private static String state(JsonNode status) {
        return status.get("connector").get("state").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> errorsOf(JsonNode validation, String key) {
        for (JsonNode config : validation.get("configs")) {
            if (config.get("value").get("name").asText().equals(key)) {
                List<String> errors = new ArrayList<>();
                config.get("value").get("errors").forEach(e -> errors.add(e.asText()));
                return errors;
            }
        }
        throw new AssertionError("no key " + key + " in " + validation);
    }

    private static String topic(String prefix) {
        String topic = cluster.uniqueName(prefix);
        cluster.createTopic(topic, 1, 1);
        return topic;
    }

    private static List<String> values(String topic, int count) {
        return cluster.consumeStringsUntil(topic, count, StandaloneWorker.WAIT).stream().map(r -> r.value()).toList();
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static void append(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
