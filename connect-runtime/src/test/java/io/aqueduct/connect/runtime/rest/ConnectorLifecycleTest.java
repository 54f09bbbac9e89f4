package io.aqueduct.connect.runtime.rest;

import io.aqueduct.connect.runtime.herder.RestartRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Status, tasks, restarts, target states, active topics and offsets. */
class ConnectorLifecycleTest extends RestServerFixture {

    private static final String RUNNING_TASK = "{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\","
            + "\"version\":\"4.3.1\"}";

    @BeforeEach
    void createConnector() {
        createSource("c");
    }

    @Test
    void statusHasTheReferenceShape() {
        http.get("/connectors/c/status").assertJson(200, """
                {"name":"c","connector":{"state":"RUNNING","worker_id":"127.0.0.1:8083","version":"4.3.1"},
                 "tasks":[%s],"type":"source"}""".formatted(RUNNING_TASK));
        http.get("/connectors/nope/status").assertError(404, "No status found for connector nope");
    }

    @Test
    void taskConfigsAndTaskStatus() {
        http.get("/connectors/c/tasks").assertJson(200, """
                [{"id":{"connector":"c","task":0},"config":{"connector.class":"FileStreamSource","tasks.max":"1",
                  "file":"/tmp/in.txt","topic":"lines","name":"c",
                  "task.class":"org.apache.kafka.connect.file.FileStreamSourceTask"}}]""");
        http.get("/connectors/c/tasks/0/status").assertJson(200, RUNNING_TASK);
        http.get("/connectors/c/tasks/5/status").assertError(404, "No status found for task c-5");
        http.get("/connectors/c/tasks/abc/status").assertError(404, "HTTP 404 Not Found");
        http.get("/connectors/nope/tasks").assertError(404, "Connector nope not found");
    }

    @Test
    void failedTaskStatusCarriesTheTrace() {
        herder.failTask("c", 0);
        Http.Reply reply = http.get("/connectors/c/tasks/0/status");
        assertEquals(List.of("id", "state", "worker_id", "version", "trace"), keys(reply));
        assertEquals("FAILED", reply.json().get("state").asText());
    }

    @Test
    void restartTask() {
        Http.Reply reply = http.send("POST", "/connectors/c/tasks/0/restart?forward=true", "", null);
        assertEquals(204, reply.status());
        assertEquals("", reply.body());
        http.post("/connectors/c/tasks/5/restart", null).assertError(404, "Unknown task: c-5");
        http.post("/connectors/nope/tasks/0/restart", null).assertError(404, "Unknown connector: nope");
    }

    @Test
    void plainRestartIs204AndOtherwise202WithStatus() {
        Http.Reply plain = http.send("POST", "/connectors/c/restart", "", "application/json");
        assertEquals(204, plain.status());
        assertEquals(204, http.post("/connectors/c/restart?includeTasks=false&onlyFailed=false", null).status());

        http.post("/connectors/c/restart?includeTasks=true", null).assertJson(202, """
                {"name":"c","connector":{"state":"RESTARTING","worker_id":"127.0.0.1:8083","version":"4.3.1"},
                 "tasks":[{"id":0,"state":"RESTARTING","worker_id":"127.0.0.1:8083","version":"4.3.1"}],
                 "type":"source"}""");
        assertEquals(new RestartRequest("c", false, true), herder.restarts.get(0));

        Http.Reply onlyFailed = http.post("/connectors/c/restart?onlyFailed=true", null);
        assertEquals(202, onlyFailed.status());
        assertEquals(http.get("/connectors/c/status").body(), onlyFailed.body());

        herder.failTask("c", 0);
        Http.Reply failed = http.post("/connectors/c/restart?includeTasks=true&onlyFailed=true", null);
        assertEquals(202, failed.status());
        assertEquals("RUNNING", failed.json().at("/connector/state").asText());
        assertEquals("RESTARTING", failed.json().at("/tasks/0/state").asText());
        assertEquals("org.example.Boom: task failed", failed.json().at("/tasks/0/trace").asText().lines()
                .findFirst().orElseThrow());

        http.post("/connectors/nope/restart", null).assertError(404, "Unknown connector: nope");
        http.post("/connectors/nope/restart?includeTasks=true", null).assertError(404, "Unknown connector: nope");
    }

    @Test
    void pauseResumeAndStopAreIdempotentAndIgnoreBodies() {
        for (int i = 0; i < 2; i++) {
            Http.Reply paused = http.send("PUT", "/connectors/c/pause", "null", "application/json");
            assertEquals(202, paused.status());
            assertEquals("", paused.body());
            assertNull(paused.contentType());
        }
        assertEquals("PAUSED", http.get("/connectors/c/status").json().at("/connector/state").asText());
        assertEquals(202, http.put("/connectors/c/resume", "null").status());
        assertEquals(202, http.send("PUT", "/connectors/c/resume", null, null).status());
        assertEquals("RUNNING", http.get("/connectors/c/status").json().at("/connector/state").asText());
        for (int i = 0; i < 2; i++) {
            Http.Reply stopped = http.send("PUT", "/connectors/c/stop?forward=false", null, null);
            assertEquals(204, stopped.status());
            assertEquals("", stopped.body());
        }
        http.get("/connectors/c/status").assertJson(200, """
                {"name":"c","connector":{"state":"STOPPED","worker_id":"127.0.0.1:8083","version":"4.3.1"},
                 "tasks":[],"type":"source"}""");

        http.put("/connectors/nope/pause", null).assertError(404, "Unknown connector nope");
        http.put("/connectors/nope/resume", null).assertError(404, "Unknown connector nope");
        http.put("/connectors/nope/stop", null).assertError(404, "Unknown connector nope");
    }

    @Test
    void activeTopicsAndTheirReset() {
        herder.addActiveTopic("c", "lines");
        http.get("/connectors/c/topics").assertJson(200, "{\"c\":{\"topics\":[\"lines\"]}}");
        http.get("/connectors/nope/topics").assertJson(200, "{\"nope\":{\"topics\":[]}}");

        Http.Reply reset = http.send("PUT", "/connectors/c/topics/reset", "null", "application/json");
        assertEquals(202, reset.status());
        assertEquals("", reset.body());
        assertEquals(202, http.put("/connectors/nope/topics/reset", null).status());
        http.get("/connectors/c/topics").assertJson(200, "{\"c\":{\"topics\":[]}}");
    }

    @Test
    void offsetsReadAlterAndReset() {
        herder.addOffset("c", Map.of("filename", "/tmp/in.txt"), Map.of("position", 20));
        http.get("/connectors/c/offsets").assertJson(200,
                "{\"offsets\":[{\"partition\":{\"filename\":\"/tmp/in.txt\"},\"offset\":{\"position\":20}}]}");
        http.get("/connectors/nope/offsets").assertError(404, "Connector nope not found");

        String alter = "{\"offsets\":[{\"partition\":{\"filename\":\"/tmp/in.txt\"},\"offset\":{\"position\":12}}]}";
        http.patch("/connectors/c/offsets", alter).assertError(400, "Connectors must be in the STOPPED state before "
                + "their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' "
                + "request to the '/connectors/c/stop' endpoint");
        http.delete("/connectors/c/offsets").assertError(400, "Connectors must be in the STOPPED state before "
                + "their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' "
                + "request to the '/connectors/c/stop' endpoint");

        http.put("/connectors/c/stop", null);
        http.patch("/connectors/c/offsets?forward=true", alter)
                .assertJson(200, "{\"message\":\"The offsets for this connector have been altered successfully\"}");
        http.get("/connectors/c/offsets").assertJson(200,
                "{\"offsets\":[{\"partition\":{\"filename\":\"/tmp/in.txt\"},\"offset\":{\"position\":12}}]}");
        http.patch("/connectors/c/offsets", "{\"offsets\":[{\"partition\":{\"filename\":\"/tmp/in.txt\"},"
                + "\"offset\":null}]}").assertJson(200,
                "{\"message\":\"The offsets for this connector have been altered successfully\"}");
        http.get("/connectors/c/offsets").assertJson(200, "{\"offsets\":[]}");
        http.delete("/connectors/c/offsets")
                .assertJson(200, "{\"message\":\"The offsets for this connector have been reset successfully\"}");
        http.patch("/connectors/nope/offsets", alter).assertError(404, "Connector nope not found");
    }

    @Test
    void badAlterOffsetsBodiesAre400() {
        String none = "Partitions / offsets need to be provided for an alter offsets request";
        http.patch("/connectors/c/offsets", "{}").assertError(400, none);
        http.patch("/connectors/c/offsets", "{\"offsets\":[]}").assertError(400, none);
        http.patch("/connectors/c/offsets", "{\"offsets\":[{\"offset\":{\"position\":1}}]}")
                .assertError(400, "Partition objects cannot be null (offsets[0].partition is missing or null)");
        http.patch("/connectors/c/offsets", "{\"offsets\":[{\"partition\":{},\"offset\":5}]}")
                .assertError(400, "Field offsets[0].offset must be a JSON object or null (null removes the "
                        + "partition's offset), not the number 5");
        http.patch("/connectors/c/offsets", "{\"offsets\":[{\"partition\":{},\"offest\":{}}]}")
                .assertError(400, "Unknown field 'offsets[0].offest' in the request body; allowed fields are "
                        + "offsets[0].offset, offsets[0].partition");
    }

    private static List<String> keys(Http.Reply reply) {
        List<String> keys = new java.util.ArrayList<>();
        reply.json().fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
