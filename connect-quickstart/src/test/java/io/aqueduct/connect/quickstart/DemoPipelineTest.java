package io.aqueduct.connect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sampleInputIsWrittenOnceAndKeptOnLaterRuns() throws Exception {
        DemoPipeline demo = new DemoPipeline(dir.resolve("demo"));

        assertTrue(demo.writeSampleInput());
        Files.writeString(demo.input(), "mine\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertFalse(demo.writeSampleInput());

        assertEquals(DemoPipeline.SAMPLE_LINES.size() + 1, demo.inputLines().size());
        assertEquals("mine", demo.inputLines().get(DemoPipeline.SAMPLE_LINES.size()));
    }

    @Test
    void missingLinesCountDuplicatesAndIgnoreExtraOutput() throws Exception {
        DemoPipeline demo = new DemoPipeline(dir);
        Files.write(demo.input(), List.of("a", "b", "a"), StandardCharsets.UTF_8);

        assertEquals(List.of("a", "b", "a"), demo.missingFromOutput(), "no output file yet");
        Files.write(demo.output(), List.of("a", "x"), StandardCharsets.UTF_8);
        assertEquals(List.of("b", "a"), demo.missingFromOutput());
        Files.write(demo.output(), List.of("b", "a", "x", "a"), StandardCharsets.UTF_8);
        assertEquals(List.of(), demo.missingFromOutput());
    }

    @Test
    void connectorConfigsUseTheFilesAndTheTopic() {
        DemoPipeline demo = new DemoPipeline(dir);

        assertEquals(demo.input().toString(), demo.sourceConfig().get("file"));
        assertEquals(DemoPipeline.TOPIC, demo.sourceConfig().get("topic"));
        assertEquals("FileStreamSink", demo.sinkConfig().get("connector.class"));
        assertEquals(demo.output().toString(), demo.sinkConfig().get("file"));
        assertEquals(DemoPipeline.TOPIC, demo.sinkConfig().get("topics"));
    }

    @Test
    void statusIsRunningOnlyWhenTheConnectorAndEveryTaskRun() throws Exception {
        JsonNode running = JSON.readTree("""
                {"name":"s","connector":{"state":"RUNNING","worker_id":"w"},
                 "tasks":[{"id":0,"state":"RUNNING","worker_id":"w"}],"type":"source"}""");
        JsonNode noTasks = JSON.readTree("""
                {"name":"s","connector":{"state":"RUNNING","worker_id":"w"},"tasks":[],"type":"source"}""");
        JsonNode failedTask = JSON.readTree("""
                {"name":"s","connector":{"state":"RUNNING","worker_id":"w"},
                 "tasks":[{"id":0,"state":"FAILED","worker_id":"w","trace":"boom"}],"type":"source"}""");

        assertTrue(DemoPipeline.isRunning(running));
        assertEquals("RUNNING, task 0 RUNNING", DemoPipeline.describeStatus(running));
        assertNull(DemoPipeline.failureTrace(running));
        assertFalse(DemoPipeline.isRunning(noTasks));
        assertEquals("RUNNING, no tasks yet", DemoPipeline.describeStatus(noTasks));
        assertFalse(DemoPipeline.isRunning(failedTask));
        assertEquals("task 0: boom", DemoPipeline.failureTrace(failedTask));
    }
}
