package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.status.TopicStatus;
import io.aqueduct.connect.runtime.storage.MemoryOffsetBackingStore;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which topics the Worker's tasks report as active (KIP-558), against a real broker. */
@KafkaIT
class WorkerActiveTopicsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STRING_CONVERTER = "io.aqueduct.connect.storage.StringConverter";

    private KafkaCluster cluster;
    @TempDir
    Path dir;

    private final MemoryStatusBackingStore statuses = new MemoryStatusBackingStore();
    private final List<Worker> workers = new ArrayList<>();
    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final TopicStatus.Listener recording = (task, topic, timestamp) -> reports.add(new Report(task, topic));

    private record Report(ConnectorTaskId task, String topic) {
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(Worker::stop);
    }

    @Test
    void eachTaskReportsEachTopicOnceAndAgainAfterItWasForgotten() throws Exception {
        String topic = cluster.uniqueName("active");
        cluster.createTopic(topic, 2, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 300));
        Path out = dir.resolve("out.txt");
        Worker worker = worker("true");
        ConnectorTaskId source = start(worker, fileSource("src", in, topic));
        ConnectorTaskId sink = start(worker, fileSink("sink", out, topic));
        awaitUntil(() -> readLines(out).size() == 300 && !reportsOf(source).isEmpty(),
                "the sink wrote every line and the source reported its topic");

        assertEquals(List.of(new Report(source, topic)), reportsOf(source), "one report for 300 records");
        assertEquals(List.of(new Report(sink, topic)), reportsOf(sink), "one report for two partitions");

        worker.forgetActiveTopic("src", topic);
        append(in, lines(300, 310));
        awaitUntil(() -> readLines(out).size() == 310 && reportsOf(source).size() > 1,
                "the sink wrote the new lines and the source reported its topic again");
        assertEquals(List.of(new Report(source, topic), new Report(source, topic)), reportsOf(source),
                "the source reported its topic again after the reset");
        assertEquals(1, reportsOf(sink).size(), "the sink's topic was not reset");
    }

    @Test
    void nothingIsReportedWhenTopicTrackingIsDisabled() throws Exception {
        String topic = cluster.uniqueName("untracked");
        cluster.createTopic(topic, 1, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 50));
        Path out = dir.resolve("out.txt");
        Worker worker = worker("false");
        start(worker, fileSource("src", in, topic));
        start(worker, fileSink("sink", out, topic));
        awaitUntil(() -> readLines(out).size() == 50, "the sink wrote every line");

        assertEquals(List.of(), reports);
    }

    private List<Report> reportsOf(ConnectorTaskId task) {
        return reports.stream().filter(report -> report.task().equals(task)).toList();
    }

    private Worker worker(String topicTracking) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", cluster.bootstrapServers());
        props.put("offset.storage.file.filename", dir.resolve("unused-offsets.json").toString());
        props.put("key.converter", STRING_CONVERTER);
        props.put("value.converter", STRING_CONVERTER);
        props.put("offset.flush.interval.ms", "100");
        props.put("topic.tracking.enable", topicTracking);
        MemoryOffsetBackingStore offsets = new MemoryOffsetBackingStore();
        offsets.start();
        Worker worker = new Worker("localhost:8083", new StandaloneConfig(props), TestPlugins.get(), offsets);
        workers.add(worker);
        return worker;
    }

    /** Starts the connector and its single task, with the recording topic listener. */
    private ConnectorTaskId start(Worker worker, Map<String, String> props) throws Exception {
        String name = props.get("name");
        StatusStoreListener listener = new StatusStoreListener(statuses, worker.workerId(), () -> 0,
                worker::connectorVersion, worker::taskVersion);
        worker.startConnector(name, props, listener, TargetState.STARTED, null).get(30, TimeUnit.SECONDS);
        ConnectorTaskId id = new ConnectorTaskId(name, 0);
        worker.startTask(id, props, worker.connectorTaskConfigs(name).get(0), listener, recording, TargetState.STARTED);
        return id;
    }

    private static Map<String, String> fileSource(String name, Path file, String topic) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", "FileStreamSource");
        props.put("tasks.max", "1");
        props.put("file", file.toString());
        props.put("topic", topic);
        return props;
    }

    private static Map<String, String> fileSink(String name, Path file, String topic) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", "FileStreamSink");
        props.put("tasks.max", "1");
        props.put("file", file.toString());
        props.put("topics", topic);
        return props;
    }

    private static List<String> lines(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add("line-" + i);
        }
        return lines;
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines, StandardCharsets.UTF_8);
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

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
