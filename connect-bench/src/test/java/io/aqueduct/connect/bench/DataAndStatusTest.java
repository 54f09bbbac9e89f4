package io.aqueduct.connect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataAndStatusTest {

    @TempDir
    Path dir;

    @Test
    void everyLineHasTheSameLengthAndItsOwnNumber() {
        assertEquals(DataFiles.LINE_LENGTH, DataFiles.line(0).length());
        assertEquals(DataFiles.LINE_LENGTH, DataFiles.line(1_999_999).length());
        assertTrue(DataFiles.line(1_999_999).startsWith("line-0001999999-"));
    }

    @Test
    void lineCounterCountsOnlyWhatWasAppended() throws Exception {
        Path file = dir.resolve("out.txt");
        DataFiles.GrowingLineCounter counter = new DataFiles.GrowingLineCounter(file);
        assertEquals(0, counter.lines());
        DataFiles.writeLines(file, 3);
        assertEquals(3, counter.lines());
        Files.writeString(file, "partial", StandardOpenOption.APPEND);
        assertEquals(3, counter.lines());
        Files.writeString(file, " line\nnext\n", StandardOpenOption.APPEND);
        assertEquals(5, counter.lines());
    }

    @Test
    void jsonFormatWritesTheEnvelopeOfAStringSchema() throws Exception {
        String encoded = ConnectorConfigs.Format.JSON.encode("hello");
        var tree = new ObjectMapper().readTree(encoded);
        assertEquals("string", tree.path("schema").path("type").asText());
        assertFalse(tree.path("schema").path("optional").asBoolean());
        assertEquals("hello", tree.path("payload").asText());
        assertEquals("hello", ConnectorConfigs.Format.STRING.encode("hello"));
    }

    @Test
    void clusterStatusFindsWhereEachConnectorAndTaskRuns() throws Exception {
        String body = """
                {"a":{"status":{"name":"a","connector":{"state":"RUNNING","worker_id":"127.0.0.1:8083"},
                  "tasks":[{"id":0,"state":"RUNNING","worker_id":"127.0.0.1:8084"}],"type":"source"}},
                 "b":{"status":{"name":"b","connector":{"state":"RUNNING","worker_id":"127.0.0.1:8083"},
                  "tasks":[{"id":0,"state":"UNASSIGNED","worker_id":"127.0.0.1:8083"}],"type":"source"}}}
                """;
        ClusterStatus status = ClusterStatus.parse(new ObjectMapper().readTree(body));
        assertEquals(4, status.units().size());
        assertFalse(status.allRunning(4));
        assertEquals(2, status.runningOn(8083));
        assertEquals(1, status.runningOn(8084));
        assertFalse(status.allRunningOn(4, 8083));
    }

    @Test
    void workerConfigsAreTheSameKeysForBothRuntimes() throws Exception {
        var standalone = ConnectorConfigs.standaloneWorker("localhost:9092", 8083, dir.resolve("offsets"));
        assertEquals("http://127.0.0.1:8083", standalone.get("listeners"));
        assertEquals(ConnectorConfigs.STRING_CONVERTER, standalone.get("value.converter"));
        var distributed = ConnectorConfigs.distributedWorker("localhost:9092", 8084, "g1",
                java.util.Map.of("scheduled.rebalance.max.delay.ms", "10000"));
        assertEquals("g1-configs", distributed.get("config.storage.topic"));
        assertEquals("10000", distributed.get("scheduled.rebalance.max.delay.ms"));
        Path file = ConnectorConfigs.write(dir.resolve("w.properties"), distributed);
        var loaded = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            loaded.load(in);
        }
        assertEquals("g1", loaded.getProperty("group.id"));
        var json = ConnectorConfigs.fileSink(dir.resolve("out"), "t", ConnectorConfigs.Format.JSON);
        assertEquals(ConnectorConfigs.JSON_CONVERTER, json.get("value.converter"));
        assertEquals("true", json.get("value.converter.schemas.enable"));
    }
}
