package io.aqueduct.connect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo: a sample input file, a FileStreamSource that streams its lines into a topic, and a FileStreamSink that
 * writes the topic to an output file. Both connectors are created (or updated, on a later run) through the REST API.
 */
final class DemoPipeline {

    static final String TOPIC = "quickstart-lines";
    static final String SOURCE = "quickstart-file-source";
    static final String SINK = "quickstart-file-sink";

    static final List<String> SAMPLE_LINES = List.of(
            "Aqueduct quickstart, sample line 1: the source connector reads this file line by line.",
            "Aqueduct quickstart, sample line 2: each line becomes one record in the topic " + TOPIC + ".",
            "Aqueduct quickstart, sample line 3: the sink connector consumes the topic.",
            "Aqueduct quickstart, sample line 4: and appends every record to the output file.",
            "Aqueduct quickstart, sample line 5: offsets are committed, so nothing is copied twice.",
            "Aqueduct quickstart, sample line 6: stop with Ctrl-C and run again to resume.",
            "Aqueduct quickstart, sample line 7: append lines to the input file to watch them flow.",
            "Aqueduct quickstart, sample line 8: the REST API on the worker shows what runs.",
            "Aqueduct quickstart, sample line 9: connectors and tasks report RUNNING when healthy.",
            "Aqueduct quickstart, sample line 10: that's all, the pipeline is working.");

    private final Path input;
    private final Path output;

    DemoPipeline(Path demoDir) {
        this.input = demoDir.resolve("input.txt");
        this.output = demoDir.resolve("output.txt");
    }

    Path input() {
        return input;
    }

    Path output() {
        return output;
    }

    /**
     * Writes the sample lines unless the input file exists already (a resumed run keeps what is there).
     *
     * @return true if the file was written now
     */
    boolean writeSampleInput() throws IOException {
        Files.createDirectories(input.getParent());
        if (Files.exists(input)) {
            return false;
        }
        Files.write(input, SAMPLE_LINES, StandardCharsets.UTF_8);
        return true;
    }

    Map<String, String> sourceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("tasks.max", "1");
        config.put("file", input.toString());
        config.put("topic", TOPIC);
        return config;
    }

    Map<String, String> sinkConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSink");
        config.put("tasks.max", "1");
        config.put("file", output.toString());
        config.put("topics", TOPIC);
        return config;
    }

    /** The lines of the input file. */
    List<String> inputLines() throws IOException {
        return lines(input);
    }

    /** The lines of the output file so far; none while the sink has not created it. */
    List<String> outputLines() throws IOException {
        return lines(output);
    }

    /**
     * The input lines that have not arrived in the output yet, as many times as they are missing; empty when every
     * input line is in the output.
     */
    List<String> missingFromOutput() throws IOException {
        Map<String, Integer> arrived = new HashMap<>();
        for (String line : outputLines()) {
            arrived.merge(line, 1, Integer::sum);
        }
        List<String> missing = new ArrayList<>();
        for (String line : inputLines()) {
            if (arrived.merge(line, -1, Integer::sum) < 0) {
                missing.add(line);
            }
        }
        return missing;
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /**
     * The state of a connector and its tasks from a {@code GET /connectors/{name}/status} body, e.g.
     * {@code RUNNING, 1 task RUNNING}; the first FAILED trace is returned by {@link #failureTrace}.
     */
    static String describeStatus(JsonNode status) {
        String connector = status.path("connector").path("state").asText("UNKNOWN");
        JsonNode tasks = status.path("tasks");
        StringBuilder text = new StringBuilder(connector);
        for (JsonNode task : tasks) {
            text.append(", task ").append(task.path("id").asInt()).append(' ').append(task.path("state").asText());
        }
        if (tasks.isEmpty()) {
            text.append(", no tasks yet");
        }
        return text.toString();
    }

    /** True when the connector and at least one task are RUNNING and no task is in another state. */
    static boolean isRunning(JsonNode status) {
        JsonNode tasks = status.path("tasks");
        if (!"RUNNING".equals(status.path("connector").path("state").asText()) || tasks.isEmpty()) {
            return false;
        }
        for (JsonNode task : tasks) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    /** The trace of the connector or of its first task that FAILED, or null when none did. */
    static String failureTrace(JsonNode status) {
        if ("FAILED".equals(status.path("connector").path("state").asText())) {
            return status.path("connector").path("trace").asText("(no trace)");
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return "task " + task.path("id").asInt() + ": " + task.path("trace").asText("(no trace)");
            }
        }
        return null;
    }
}
