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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/connect-standalone.sh} as a separate process against the embedded broker. */
@KafkaIT
class ConnectStandaloneIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String STRING_CONVERTER = "io.aqueduct.connect.storage.StringConverter";

    private KafkaCluster cluster;
    @TempDir
    Path dir;

    @Test
    void linesFlowRestAnswersAndSigtermCommitsOffsetsAndExitsZero() throws Exception {
        String topic = topic("cli");
        Path in = write(dir.resolve("in.txt"), lines(0, 200));
        Path out = dir.resolve("out.txt");
        Path offsets = dir.resolve("offsets.json");
        Path worker = workerProps(offsets);
        Path source = properties("source.properties", "name=file-source\nconnector.class=FileStreamSource\n"
                + "file=" + in + "\ntopic=" + topic + "\nvalue.converter=" + STRING_CONVERTER + "\n");
        Path sink = Files.writeString(dir.resolve("sink.json"), "{\"name\":\"file-sink\",\"config\":{"
                + "\"connector.class\":\"FileStreamSink\",\"tasks.max\":1,\"file\":" + MAPPER.valueToTree(out.toString())
                + ",\"topics\":\"" + topic + "\",\"value.converter\":\"" + STRING_CONVERTER + "\"}}");
        Path invalid = properties("invalid.properties", "name=broken\nconnector.class=FileStreamSource\n"
                + "tasks.max=abc\ntopic=" + topic + "\n");

        try (WorkerProcess process = WorkerProcess.start(dir.resolve("logs"), worker.toString(), source.toString(),
                invalid.toString(), sink.toString())) {
            URI url = process.restUrl(WAIT);
            await(() -> status(url, "health") == 200, "GET /health answers 200");
            long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - process.startedNanos);
            System.out.println("CLI start-up to REST ready: " + readyMs + " ms");

            assertEquals("[\"file-sink\",\"file-source\"]", get(url, "connectors").toString());
            assertTrue(process.printed("Connector broken from " + invalid + " was not created: Connector configuration "
                    + "is invalid and contains the following 2 error(s):"), String.join("\n", process.output()));
            assertTrue(process.printed("Invalid value abc for configuration tasks.max: Not a number of type INT"));
            assertTrue(process.printed("Aqueduct standalone worker ready in "));
            await(() -> readLines(out).size() >= 200, "every line reached the sink file");
            assertEquals(lines(0, 200), readLines(out));

            append(in, lines(200, 250));
            await(() -> readLines(out).size() >= 250, "appended lines reached the sink file");
            process.process.destroy(); // SIGTERM
            assertEquals(0, process.awaitExit(WAIT), () -> String.join("\n", process.output()));
        }
        assertTrue(Files.readString(offsets).contains("\"position\":" + Files.size(in))
                        || Files.readString(offsets).contains(Long.toString(Files.size(in))),
                "the final commit wrote the whole file's position: " + Files.readString(offsets));
        assertEquals(lines(0, 250), readLines(out));
    }

    @Test
    void aWorkerKilledAbruptlyResumesFromItsLastCommitLosingNothing() throws Exception {
        String topic = topic("kill");
        Path in = write(dir.resolve("in.txt"), lines(0, 1000));
        Path offsets = dir.resolve("offsets.json");
        Path worker = workerProps(offsets);
        Path source = properties("source.properties", "name=src\nconnector.class=FileStreamSource\nfile=" + in
                + "\ntopic=" + topic + "\nvalue.converter=" + STRING_CONVERTER + "\nbatch.size=10\n");

        try (WorkerProcess first = WorkerProcess.start(dir.resolve("logs"), worker.toString(), source.toString())) {
            first.restUrl(WAIT);
            await(() -> Files.exists(offsets) && readLines(offsets).stream().anyMatch(l -> l.contains("src")),
                    "a first offset commit");
            append(in, lines(1000, 2000));
            first.process.destroyForcibly(); // SIGKILL: no final commit
            first.awaitExit(WAIT);
        }
        append(in, lines(2000, 2200));
        try (WorkerProcess second = WorkerProcess.start(dir.resolve("logs"), worker.toString(), source.toString())) {
            second.restUrl(WAIT);
            List<String> seen = new ArrayList<>();
            await(() -> {
                seen.clear();
                seen.addAll(distinct(topic));
                return seen.size() >= 2200;
            }, "every line is in the topic");
            assertEquals(lines(0, 2200), seen, "every line at least once, first occurrences in order");
            second.process.destroy();
            assertEquals(0, second.awaitExit(WAIT));
        }
    }

    @Test
    void aCorruptOffsetsFileStopsStartUpWithExitCodeOneAndAClearMessage() throws Exception {
        Path offsets = Files.writeString(dir.resolve("offsets.json"), "{ not json");
        try (WorkerProcess process = WorkerProcess.start(dir.resolve("logs"), workerProps(offsets).toString())) {
            assertEquals(1, process.awaitExit(WAIT));
            assertTrue(process.printed("Cannot load the source offsets (offset.storage.file.filename=" + offsets
                    + "): The offsets file " + offsets + " is corrupt"), String.join("\n", process.output()));
            assertTrue(process.output().stream().noneMatch(line -> line.startsWith("\tat ")), "no stack trace");
        }
    }

    @Test
    void anInvalidWorkerConfigExitsOneNamingKeyAndValue() throws Exception {
        Path props = properties("bad-worker.properties", "bootstrap.servers=" + cluster.bootstrapServers()
                + "\noffset.storage.file.filename=" + dir.resolve("o.json") + "\noffset.flush.interval.ms=soon\n"
                + "listeners=http://127.0.0.1:0\n");
        try (WorkerProcess process = WorkerProcess.start(dir.resolve("logs"), props.toString())) {
            assertEquals(1, process.awaitExit(WAIT));
            assertTrue(process.printed("Invalid worker configuration in " + props + ": Invalid value soon for "
                    + "configuration offset.flush.interval.ms: Not a number of type LONG"),
                    String.join("\n", process.output()));
        }
    }

    // ---- helpers ----

    private Path workerProps(Path offsets) throws IOException {
        return properties("worker.properties", "bootstrap.servers=" + cluster.bootstrapServers()
                + "\noffset.storage.file.filename=" + offsets + "\noffset.flush.interval.ms=300\n"
                + "listeners=http://127.0.0.1:0\nplugin.discovery=service_load\n");
    }

    private Path properties(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String topic(String prefix) {
        String topic = cluster.uniqueName(prefix);
        cluster.createTopic(topic, 1, 1);
        return topic;
    }

    private List<String> distinct(String topic) {
        List<String> values = new ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(
                consumerProps(), new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private java.util.Map<String, Object> consumerProps() {
        java.util.Map<String, Object> props = new java.util.HashMap<>(cluster.consumerProps());
        props.remove("group.id");
        props.put("enable.auto.commit", "false");
        return props;
    }

    private static int status(URI base, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JsonNode get(URI base, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return MAPPER.readTree(response.body());
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(what, WAIT, condition::getAsBoolean);
    }

    private static List<String> lines(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add("line-" + i);
        }
        return lines;
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static void append(Path file, List<String> lines) throws IOException {
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
