package io.aqueduct.connect.runtime.rest;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /}, {@code /connector-plugins} and config validation. */
class PluginsAndRootTest extends RestServerFixture {

    @Test
    void rootReportsVersionCommitAndClusterIdInThatOrder() {
        http.get("/").assertJson(200, "{\"version\":\"" + AppInfoParser.getVersion() + "\",\"commit\":\""
                + AppInfoParser.getCommitId() + "\",\"kafka_cluster_id\":\"test-cluster-id\"}");
    }

    @Test
    void listPluginsConnectorsOnlyByDefault() {
        http.get("/connector-plugins").assertJson(200, """
                [{"class":"org.apache.kafka.connect.file.FileStreamSinkConnector","type":"sink","version":"4.3.1"},
                 {"class":"org.apache.kafka.connect.file.FileStreamSourceConnector","type":"source","version":"4.3.1"}]""");
        Http.Reply all = http.get("/connector-plugins?connectorsOnly=false");
        assertEquals(3, all.json().size());
        assertEquals("converter", all.json().get(2).get("type").asText());
    }

    @Test
    void pluginConfigDefinition() {
        Http.Reply reply = http.get("/connector-plugins/FileStreamSourceConnector/config");
        assertEquals(200, reply.status());
        assertEquals(Http.compact("""
                {"name":"topic","type":"STRING","required":true,"default_value":null,"importance":"HIGH",
                 "documentation":"The topic to publish data to","group":null,"order_in_group":-1,"width":"NONE",
                 "display_name":"topic","dependents":[]}"""), reply.json().get(0).toString());
        http.get("/connector-plugins/Nope/config").assertError(404, "Unknown plugin Nope.");
        http.get("/connector-plugins/FileStreamSource/config?version=9.9.9").assertError(400,
                "Plugin FileStreamSource not found that matches the version range [9.9.9,9.9.9], available "
                        + "versions: [4.3.1]");
    }

    @Test
    void validateAnswers200EvenWithErrors() {
        Http.Reply valid = http.put("/connector-plugins/FileStreamSourceConnector/config/validate",
                "{\"connector.class\":\"org.apache.kafka.connect.file.FileStreamSourceConnector\",\"topic\":\"t\"}");
        assertEquals(200, valid.status(), valid.body());
        assertEquals(0, valid.json().get("error_count").asInt());
        assertEquals("[\"name\",\"error_count\",\"groups\",\"configs\"]", fieldNames(valid));

        Http.Reply invalid = http.put("/connector-plugins/FileStreamSourceConnector/config/validate",
                "{\"connector.class\":\"FileStreamSourceConnector\",\"name\":\"v\",\"tasks.max\":\"abc\"}");
        assertEquals(200, invalid.status());
        assertEquals("FileStreamSourceConnector", invalid.json().get("name").asText());
        assertEquals(3, invalid.json().get("error_count").asInt());
        assertEquals(Http.compact("""
                {"name":"tasks.max","value":null,"recommended_values":[],"errors":[
                 "Invalid value abc for configuration tasks.max: Not a number of type INT",
                 "Invalid value null for configuration tasks.max: Value must be non-null"],"visible":true}"""),
                invalid.json().at("/configs/1/value").toString());
    }

    @Test
    void validateRejectsAMismatchedOrMissingClass() {
        http.put("/connector-plugins/org.apache.kafka.connect.file.FileStreamSourceConnector/config/validate",
                "{\"connector.class\":\"FileStreamSource\"}").assertError(400, "Included connector type "
                + "FileStreamSource does not match request type org.apache.kafka.connect.file.FileStreamSourceConnector");
        Http.Reply missing = http.put("/connector-plugins/FileStreamSource/config/validate", "{\"topic\":\"t\"}");
        assertEquals(400, missing.status());
        assertTrue(missing.message().contains("has no 'connector.class'"), missing.body());
    }

    private static String fieldNames(Http.Reply reply) {
        StringBuilder names = new StringBuilder("[");
        reply.json().fieldNames().forEachRemaining(n -> names.append(names.length() > 1 ? "," : "")
                .append('"').append(n).append('"'));
        return names.append(']').toString();
    }
}
