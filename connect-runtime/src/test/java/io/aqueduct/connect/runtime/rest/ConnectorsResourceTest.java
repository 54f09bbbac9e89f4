package io.aqueduct.connect.runtime.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Create, read, replace, patch and delete connectors; request body errors. */
class ConnectorsResourceTest extends RestServerFixture {

    private static final String INVALID_SUFFIX = "\nYou can also find the above list of errors at the endpoint "
            + "`/connector-plugins/{connectorType}/config/validate`";

    @Test
    void createAnswers201WithLocationAndTheStoredConfigWithNameAppended() {
        Http.Reply reply = http.post("/connectors", "{\"name\":\"ref-src\",\"config\":{\"connector.class\":"
                + "\"FileStreamSource\",\"tasks.max\":\"1\",\"file\":\"/tmp/in.txt\",\"topic\":\"ref-lines\"}}");

        reply.assertJson(201, """
                {"name":"ref-src","config":{"connector.class":"FileStreamSource","tasks.max":"1",
                 "file":"/tmp/in.txt","topic":"ref-lines","name":"ref-src"},"tasks":[],"type":"source"}""");
        assertEquals(server.serverUris().get(0).resolve("/connectors/ref-src").toString(), reply.header("Location"));
        http.get("/connectors").assertJson(200, "[\"ref-src\"]");
    }

    @Test
    void createWithInitialStateStoppedOrPausedKeepsThatState() {
        http.post("/connectors", "{\"name\":\"s\",\"config\":" + SOURCE_CONFIG + ",\"initial_state\":\"STOPPED\"}");
        http.post("/connectors", "{\"name\":\"p\",\"config\":" + SOURCE_CONFIG + ",\"initial_state\":\"paused\"}");

        assertEquals("STOPPED", http.get("/connectors/s/status").json().at("/connector/state").asText());
        assertEquals(0, http.get("/connectors/s/status").json().get("tasks").size());
        assertEquals("PAUSED", http.get("/connectors/p/status").json().at("/connector/state").asText());
    }

    @Test
    void createAcceptsTheForwardParameter() {
        Http.Reply reply = http.post("/connectors?forward=false", "{\"name\":\"f\",\"config\":" + SOURCE_CONFIG + "}");
        assertEquals(201, reply.status());
    }

    @Test
    void createTrimsTheNameAndCoercesScalarConfigValuesToStrings() {
        Http.Reply reply = http.post("/connectors", "{\"name\":\"  padded  \",\"config\":{\"connector.class\":"
                + "\"FileStreamSource\",\"tasks.max\":2,\"topic\":\"t\",\"flag\":true}}");

        assertEquals(201, reply.status(), reply.body());
        assertEquals("padded", reply.json().get("name").asText());
        assertEquals("2", reply.json().at("/config/tasks.max").asText());
        assertEquals("true", reply.json().at("/config/flag").asText());
    }

    @Test
    void duplicateCreateIs409() {
        createSource("dup");
        http.post("/connectors", "{\"name\":\"dup\",\"config\":" + SOURCE_CONFIG + "}")
                .assertError(409, "Connector dup already exists");
    }

    @Test
    void missingOrBlankNameIsTheReferenceValidationError() {
        String expected = "Connector configuration is invalid and contains the following 1 error(s):\n"
                + "Invalid value  for configuration name: String may not be empty" + INVALID_SUFFIX;
        http.post("/connectors", "{\"config\":" + SOURCE_CONFIG + "}").assertError(400, expected);
        http.post("/connectors", "{\"name\":\"   \",\"config\":" + SOURCE_CONFIG + "}").assertError(400, expected);
    }

    @Test
    void namesWithSlashesOrControlCharactersAreRejected() {
        Http.Reply slash = http.post("/connectors", "{\"name\":\"a/b\",\"config\":" + SOURCE_CONFIG + "}");
        assertEquals(400, slash.status());
        assertTrue(slash.message().contains("'a/b' contains '/'"), slash.body());

        Http.Reply control = http.post("/connectors", "{\"name\":\"a\\u0007b\",\"config\":" + SOURCE_CONFIG + "}");
        assertEquals(400, control.status());
        assertTrue(control.message().contains("ISO control characters"), control.body());
        http.get("/connectors").assertJson(200, "[]");
    }

    @Test
    void nameDifferentFromConfigNameIs400() {
        http.post("/connectors", "{\"name\":\"a\",\"config\":{\"connector.class\":\"FileStreamSource\","
                + "\"topic\":\"t\",\"name\":\"b\"}}")
                .assertError(400, "Connector name configuration (b) doesn't match connector name in the URL (a)");
    }

    @Test
    void invalidConfigListsEveryError() {
        http.post("/connectors", "{\"name\":\"bad\",\"config\":{\"connector.class\":\"FileStreamSource\","
                + "\"tasks.max\":\"abc\",\"topic\":\"t\"}}")
                .assertError(400, "Connector configuration is invalid and contains the following 2 error(s):\n"
                        + "Invalid value abc for configuration tasks.max: Not a number of type INT\n"
                        + "Invalid value null for configuration tasks.max: Value must be non-null" + INVALID_SUFFIX);
    }

    @Test
    void malformedBodiesAre400WithWhatAndWhere() {
        Http.Reply truncated = http.post("/connectors", "{\"name\":");
        assertEquals(400, truncated.status());
        assertTrue(truncated.message().startsWith("The request body is not valid JSON: Unexpected end-of-input"),
                truncated.body());
        assertTrue(truncated.message().endsWith("(line 1, column 9)"), truncated.body());

        http.post("/connectors", "[{\"name\":\"x\"}]").assertError(400, "The request body must be a JSON object "
                + "such as {\"name\": \"...\", \"config\": {...}}, not a JSON array");
        assertTrue(http.post("/connectors", "{\"name\":\"x\"}").message().startsWith("Field 'config' is missing"));
        http.post("/connectors", "{\"name\":\"x\",\"config\":{},\"foo\":1}").assertError(400,
                "Unknown field 'foo' in the request body; allowed fields are config, initial_state, name");
        http.post("/connectors", "{\"name\":\"x\",\"config\":" + SOURCE_CONFIG + ",\"initial_state\":\"ASLEEP\"}")
                .assertError(400, "Field 'initial_state' has the value 'ASLEEP'; it must be one of RUNNING, "
                        + "PAUSED, STOPPED");
        Http.Reply nested = http.post("/connectors", "{\"name\":\"x\",\"config\":{\"nested\":{\"a\":1}}}");
        assertEquals(400, nested.status());
        assertTrue(nested.message().startsWith("Config key 'config.nested' must have a string, number or boolean "
                + "value, not a JSON object"), nested.body());
        http.post("/connectors", "").assertError(400, "The request body is empty; expected a JSON object such as "
                + "{\"name\": \"...\", \"config\": {...}}");
        http.get("/connectors").assertJson(200, "[]");
    }

    @Test
    void getConnectorAndConfig() {
        createSource("c");
        http.get("/connectors/c").assertJson(200, """
                {"name":"c","config":{"connector.class":"FileStreamSource","tasks.max":"1","file":"/tmp/in.txt",
                "topic":"lines","name":"c"},"tasks":[{"connector":"c","task":0}],"type":"source"}""");
        http.get("/connectors/c/config").assertJson(200, """
                {"connector.class":"FileStreamSource","tasks.max":"1","file":"/tmp/in.txt","topic":"lines",
                "name":"c"}""");
        http.get("/connectors/nope").assertError(404, "Connector nope not found");
        http.get("/connectors/nope/config").assertError(404, "Connector nope not found");
    }

    @Test
    void putConfigCreatesWith201ThenUpdatesWith200() {
        Http.Reply created = http.put("/connectors/p/config", SOURCE_CONFIG);
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith("/connectors/p"), created.header("Location"));
        assertEquals("p", created.json().at("/config/name").asText());

        Http.Reply updated = http.put("/connectors/p/config", SOURCE_CONFIG.replace("lines", "other"));
        assertEquals(200, updated.status(), updated.body());
        assertNull(updated.header("Location"));
        assertEquals("other", updated.json().at("/config/topic").asText());
        assertEquals("[{\"connector\":\"p\",\"task\":0}]", updated.json().get("tasks").toString());
    }

    @Test
    void putConfigRejectsBadBodiesAndNames() {
        http.put("/connectors/p/config", "{\"connector.class\":\"FileStreamSource\",\"name\":\"q\"}")
                .assertError(400, "Connector name configuration (q) doesn't match connector name in the URL (p)");
        http.put("/connectors/p/config", "[]").assertError(400, "The request body must be a JSON object such as "
                + "{\"connector.class\": \"...\", ...}, not a JSON array");
        assertTrue(http.put("/connectors/p/config", "{\"topic\":[\"a\"]}").message()
                .startsWith("Config key 'topic' must have a string, number or boolean value, not a JSON array"));
        http.put("/connectors/p/config", "{\"topic\":null}").assertError(400,
                "Config key 'topic' has the value null; give it a string value or leave the key out");
        assertEquals(400, http.put("/connectors/p/config", "").status());
        Http.Reply padded = http.put("/connectors/%20p/config", SOURCE_CONFIG);
        assertEquals(400, padded.status(), padded.body());
        assertTrue(padded.message().contains("leading or trailing"), padded.body());
        // Jetty itself refuses control characters in paths, still with a JSON error.
        Http.Reply control = http.put("/connectors/a%07b/config", SOURCE_CONFIG);
        assertEquals(400, control.status(), control.body());
        assertEquals("application/json", control.contentType());
        assertEquals(400, control.json().get("error_code").asInt(), control.body());
        http.get("/connectors").assertJson(200, "[]");
    }

    @Test
    void patchMergesAndNullRemovesAKeyWithoutCheckingTheName() {
        createSource("m");
        Http.Reply added = http.patch("/connectors/m/config", "{\"batch.size\":\"50\"}");
        assertEquals(200, added.status(), added.body());
        assertEquals("50", added.json().at("/config/batch.size").asText());

        Http.Reply removed = http.patch("/connectors/m/config", "{\"batch.size\":null,\"name\":\"other\"}");
        assertEquals(200, removed.status(), removed.body());
        assertTrue(removed.json().get("config").path("batch.size").isMissingNode());
        assertEquals("other", removed.json().at("/config/name").asText());
        assertEquals("m", removed.json().get("name").asText());

        http.patch("/connectors/nope/config", "{\"a\":\"b\"}").assertError(404, "Connector nope not found");
    }

    @Test
    void deleteAnswers204ThenTheConnectorIsGone() {
        createSource("d");
        Http.Reply deleted = http.delete("/connectors/d");
        assertEquals(204, deleted.status());
        assertEquals("", deleted.body());
        assertNull(deleted.contentType());
        http.get("/connectors/d").assertError(404, "Connector d not found");
        http.delete("/connectors/d?forward=true").assertError(404, "Connector d not found");
    }

    @Test
    void listExpandsStatusInfoOrBoth() {
        createSource("a");
        String status = "{\"name\":\"a\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\","
                + "\"version\":\"4.3.1\"},\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\","
                + "\"version\":\"4.3.1\"}],\"type\":\"source\"}";
        String info = http.get("/connectors/a").body();

        http.get("/connectors?expand=status").assertJson(200, "{\"a\":{\"status\":" + status + "}}");
        http.get("/connectors?expand=info").assertJson(200, "{\"a\":{\"info\":" + info + "}}");
        http.get("/connectors?expand=info&expand=status")
                .assertJson(200, "{\"a\":{\"status\":" + status + ",\"info\":" + info + "}}");
        http.get("/connectors?expand=nonsense").assertJson(200, "{\"a\":{}}");
    }
}
