package io.aqueduct.connect.runtime.standalone;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffset;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffsets;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import io.aqueduct.connect.runtime.storage.FileOffsetBackingStore;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.aqueduct.connect.runtime.standalone.StandaloneWorker.WAIT;
import static io.aqueduct.connect.runtime.standalone.StandaloneWorker.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone herder driving a real worker against a real broker. */
@KafkaIT
class StandaloneHerderIT {

    private static final String STRING_CONVERTER = "io.aqueduct.connect.storage.StringConverter";
    private static final String COUNTING = CountingSourceConnector.class.getName();

    private KafkaCluster cluster;
    @TempDir
    Path dir;
    private final List<StandaloneWorker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(StandaloneWorker::close);
    }

    private StandaloneWorker worker() {
        StandaloneWorker worker = StandaloneWorker.start(StandaloneWorker.props(cluster.bootstrapServers(),
                dir.resolve("offsets.json"), Map.of()));
        workers.add(worker);
        return worker;
    }

    @Test
    void filePipelineDeliversEveryLineOnceInOrderAndReportsBothKindsOfOffsets() throws Exception {
        String topic = topic("pipe");
        List<String> lines = lines(0, 300);
        Path in = write(dir.resolve("in.txt"), lines);
        Path out = dir.resolve("out.txt");
        StandaloneWorker worker = worker();

        worker.put("src", source(in, topic));
        worker.put("sink", sink(out, topic));

        await(() -> readLines(out).size() >= lines.size(), "the sink file has every line");
        assertEquals(lines, readLines(out));
        assertEquals(lines.size(), endOffset(topic), "each line is in the topic once");
        await(() -> !offsets(worker, "src").offsets().isEmpty(), "the source committed an offset");
        ConnectorOffset sourceOffset = offsets(worker, "src").offsets().get(0);
        assertEquals(Map.of("filename", in.toString()), sourceOffset.partition());
        await(() -> position(worker, "src") == size(in), "the source committed the whole file");
        await(() -> !offsets(worker, "sink").offsets().isEmpty(), "the sink committed an offset");
        await(() -> offsets(worker, "sink").offsets().get(0).offset().get("kafka_offset")
                .equals((long) lines.size()), "the sink committed every record");
        assertEquals(Map.of("kafka_partition", 0, "kafka_topic", topic),
                offsets(worker, "sink").offsets().get(0).partition());
    }

    @Test
    void aSourceStoppedGracefullyMidStreamResumesWithNothingLostOrRepeated() throws Exception {
        String topic = topic("graceful");
        Path in = write(dir.resolve("in.txt"), lines(0, 3000));
        Map<String, String> source = source(in, topic);
        source.put("batch.size", "5");

        StandaloneWorker first = worker();
        first.put("src", source);
        await(() -> position(first, "src") > 0, "a first offset commit");
        first.close();
        workers.remove(first);
        assertEquals(endOffsetBytes(in, (int) endOffset(topic)), committedInFile("src"),
                "the final commit at stop covers exactly what was sent");

        append(in, lines(3000, 3500));
        StandaloneWorker second = worker();
        second.put("src", source);
        List<String> expected = lines(0, 3500);
        await(() -> endOffset(topic) >= expected.size(), "every line reached the topic");
        await(() -> position(second, "src") == size(in), "every line committed");
        assertEquals(expected, values(topic, expected.size()));
        assertEquals(expected.size(), endOffset(topic), "nothing was sent twice");
    }

    @Test
    void anInvalidConfigIsRefusedWithKeyAndReasonWhileTheOtherConnectorsKeepRunning() throws Exception {
        String topic = topic("invalid");
        Path in = write(dir.resolve("in.txt"), lines(0, 10));
        StandaloneWorker worker = worker();
        worker.put("good", source(in, topic));

        Map<String, String> bad = source(in, topic);
        bad.put("tasks.max", "many");
        bad.put("batch.size", "-");
        ExecutionException refused = assertThrows(ExecutionException.class, () -> worker.put("bad", bad));
        assertInstanceOf(BadRequestException.class, refused.getCause());
        String message = refused.getCause().getMessage();
        assertTrue(message.contains("Invalid value many for configuration tasks.max: Not a number of type INT"), message);
        assertTrue(message.contains("batch.size"), message);
        assertTrue(!worker.herder.connectors().contains("bad"), "the invalid connector was not stored");

        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> worker.put("ghost", Map.of("connector.class", "com.example.Nope", "topic", topic)));
        assertTrue(unknown.getCause().getMessage().startsWith("Failed to find any class that implements Connector "
                + "and which name matches com.example.Nope, available connectors are: PluginDesc{"), unknown.getCause().getMessage());

        append(in, lines(10, 20));
        await(() -> endOffset(topic) >= 20, "the valid connector keeps streaming");
        assertEquals("RUNNING", worker.herder.connectorStatus("good").connector().state());
    }

    @Test
    void onlyTasksWhoseConfigsChangedAreRestartedAndShrinkingRemovesTasksAndStatuses() throws Exception {
        StandaloneWorker worker = worker();
        Map<String, String> config = new HashMap<>(Map.of("connector.class", COUNTING, "tasks.max", "3",
                "shared", "a"));
        worker.put("count", config);
        awaitTasksRunning(worker, "count", 3);
        assertStarts("count", 1, 1, 1);

        worker.put("count", config); // identical: nothing restarts
        idle(worker);
        assertStarts("count", 1, 1, 1);

        config.put("tasks.max", "2"); // task 0 and 1 keep their configs
        worker.put("count", config);
        await(() -> worker.herder.taskConfigs("count").size() == 2, "two task configs");
        awaitTasksRunning(worker, "count", 2);
        idle(worker);
        assertStarts("count", 1, 1, 1);
        assertThrows(io.aqueduct.connect.errors.NotFoundException.class,
                () -> worker.herder.taskStatus(new ConnectorTaskId("count", 2)), "the removed task's status is gone");
        assertEquals(List.of(new ConnectorTaskId("count", 0), new ConnectorTaskId("count", 1)),
                worker.worker.taskIds().stream().filter(id -> id.connector().equals("count")).toList());

        CountingSourceConnector.EXTRA.put("count-1", "v2"); // the connector asks for new task configs itself
        CountingSourceConnector.requestReconfiguration("count");
        await(() -> CountingSourceConnector.starts("count", 1) == 2, "task 1 restarted");
        idle(worker);
        assertStarts("count", 1, 2, 1);
        assertEquals("v2", worker.herder.taskConfigs("count").get(1).config().get("extra"));

        config.put("shared", "b"); // every task config changes
        worker.put("count", config);
        await(() -> CountingSourceConnector.starts("count", 0) == 2 && CountingSourceConnector.starts("count", 1) == 3,
                "every task restarted");
    }

    @Test
    void aConnectorHangingInStartFreezesNeitherReadsNorOtherWrites() throws Exception {
        StandaloneWorker worker = worker();
        worker.put("hung", Map.of("connector.class", COUNTING, "hang.start", "true"));
        long begin = System.nanoTime();
        worker.put("fine", Map.of("connector.class", COUNTING, "tasks.max", "1"));
        awaitTasksRunning(worker, "fine", 1);
        assertTrue(worker.herder.connectors().contains("hung"));
        worker.herder.healthCheck().get(5, TimeUnit.SECONDS);
        worker.herder.deleteConnectorConfig("hung").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin) < 20,
                "writes waited at most the graceful shutdown timeout for the hung connector");
        assertEquals(List.of("fine"), List.copyOf(worker.herder.connectors()));
    }

    // ---- helpers ----

    private void awaitTasksRunning(StandaloneWorker worker, String connector, int count) {
        await(() -> {
            try {
                ConnectorStateInfo status = worker.herder.connectorStatus(connector);
                return status.tasks().size() == count
                        && status.tasks().stream().allMatch(t -> t.state().equals("RUNNING"));
            } catch (ConnectException e) {
                return false;
            }
        }, count + " tasks of " + connector + " RUNNING");
    }

    /** Lets the herder thread and connector threads finish what is queued. */
    private static void idle(StandaloneWorker worker) throws Exception {
        for (int i = 0; i < 3; i++) {
            worker.herder.healthCheck().get(10, TimeUnit.SECONDS);
            CompletableFuture.runAsync(() -> { }).get();
            Thread.sleep(200); // task config generation runs on another pool, then returns to the herder thread
        }
    }

    private static void assertStarts(String connector, int... expected) {
        for (int task = 0; task < expected.length; task++) {
            assertEquals(expected[task], CountingSourceConnector.starts(connector, task), "starts of task " + task);
        }
    }

    private String topic(String prefix) {
        String topic = cluster.uniqueName(prefix);
        cluster.createTopic(topic, 1, 1);
        return topic;
    }

    private static Map<String, String> source(Path in, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("file", in.toString());
        config.put("topic", topic);
        config.put("value.converter", STRING_CONVERTER);
        return config;
    }

    private static Map<String, String> sink(Path out, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "FileStreamSink");
        config.put("file", out.toString());
        config.put("topics", topic);
        config.put("value.converter", STRING_CONVERTER);
        return config;
    }

    private static ConnectorOffsets offsets(StandaloneWorker worker, String connector) {
        try {
            return worker.herder.connectorOffsets(connector).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long position(StandaloneWorker worker, String connector) {
        List<ConnectorOffset> offsets = offsets(worker, connector).offsets();
        return offsets.isEmpty() ? -1 : ((Number) offsets.get(0).offset().get("position")).longValue();
    }

    private long committedInFile(String connector) throws Exception {
        FileOffsetBackingStore store = new FileOffsetBackingStore(dir.resolve("offsets.json"));
        store.start();
        try {
            Map<Map<String, Object>, Map<String, Object>> offsets = store.connectorOffsets(connector).get();
            return ((Number) offsets.values().iterator().next().get("position")).longValue();
        } finally {
            store.stop();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The byte position after the first {@code lines} lines of the file. */
    private static long endOffsetBytes(Path file, int lines) throws IOException {
        long bytes = 0;
        List<String> all = Files.readAllLines(file);
        for (int i = 0; i < lines; i++) {
            bytes += all.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return bytes;
    }

    private long endOffset(String topic) {
        try {
            TopicPartition partition = new TopicPartition(topic, 0);
            return cluster.admin().listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(10, TimeUnit.SECONDS).offset();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> values(String topic, int count) {
        return cluster.consumeStringsUntil(topic, count, WAIT).stream().map(r -> r.value()).toList();
    }

    static List<String> lines(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add("line-" + i);
        }
        return lines;
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static void append(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
