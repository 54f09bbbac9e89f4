package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.FileOffsetBackingStore;
import io.aqueduct.connect.runtime.storage.MemoryOffsetBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetCodec;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Worker moving records between files, Kafka and test plugins, against a real broker. */
@KafkaIT
class WorkerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STRING_CONVERTER = "io.aqueduct.connect.storage.StringConverter";

    private KafkaCluster cluster;
    @TempDir
    Path dir;

    private final MemoryStatusBackingStore statuses = new MemoryStatusBackingStore();
    private final List<Worker> workers = new ArrayList<>();
    private final List<OffsetBackingStore> stores = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(Worker::stop);
        stores.forEach(OffsetBackingStore::stop);
    }

    // ---- scenarios ----

    @Test
    void fileSourceToTopicToFileSinkDeliversEveryLineOnceInOrder() throws Exception {
        String topic = cluster.uniqueName("lines");
        cluster.createTopic(topic, 1, 1);
        List<String> lines = lines(0, 500);
        Path in = write(dir.resolve("in.txt"), lines);
        Path out = dir.resolve("out.txt");
        Worker worker = worker(fileStore(dir.resolve("offsets.json")));
        StatusStoreListener listener = listener(worker);

        List<ConnectorTaskId> sourceTasks = start(worker, listener, fileSource("src", in, topic));
        List<ConnectorTaskId> sinkTasks = start(worker, listener, fileSink("sink", out, topic));

        awaitUntil(() -> readLines(out).size() >= lines.size(), "the sink file has every line");
        assertEquals(lines, readLines(out));
        assertEquals(State.RUNNING, statuses.get("src").state());
        assertEquals(State.RUNNING, statuses.get("sink").state());
        assertEquals(State.RUNNING, statuses.get(sourceTasks.get(0)).state());
        assertEquals(State.RUNNING, statuses.get(sinkTasks.get(0)).state());
        assertEquals(lines, values(cluster.consumeStringsUntil(topic, lines.size(), WAIT)));

        worker.stop();
        assertEquals(State.UNASSIGNED, statuses.get(sinkTasks.get(0)).state());
        assertEquals(State.UNASSIGNED, statuses.get("src").state());
        assertEquals(lines, readLines(out), "nothing was written twice at stop");
        assertEquals(lines.size(), committedSinkOffset("sink", topic));
    }

    @Test
    void aGracefullyStoppedSourceResumesFromItsCommittedOffsetWithoutLossOrDuplicates() throws Exception {
        String topic = cluster.uniqueName("graceful");
        cluster.createTopic(topic, 1, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 2000));
        Path offsets = dir.resolve("offsets.json");
        Map<String, String> source = fileSource("src", in, topic);
        source.put("batch.size", "10");

        Worker first = worker(fileStore(offsets));
        start(first, listener(first), source);
        awaitUntil(() -> committedPosition(stores.get(0), "src", in) > 0, "a first offset commit");
        first.stop();
        stores.get(0).stop();
        assertEquals(Files.size(in), committedPosition(stores.get(0), "src", in),
                "the final commit at stop covers every record sent");

        append(in, lines(2000, 3000));
        Worker second = worker(fileStore(offsets));
        start(second, listener(second), source);
        List<String> expected = lines(0, 3000);
        awaitUntil(() -> committedPosition(stores.get(1), "src", in) == Files.size(in), "all lines committed");
        assertEquals(expected, values(cluster.consumeStringsUntil(topic, expected.size(), WAIT)));
    }

    @Test
    void anAbruptlyStoppedSourceResumesFromItsLastCommittedOffsetLosingNothing() throws Exception {
        String topic = cluster.uniqueName("abrupt");
        cluster.createTopic(topic, 1, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 1000));
        long firstChunkBytes = Files.size(in);
        Path offsets = dir.resolve("offsets.json");
        ObservedOffsetStore crashing = new ObservedOffsetStore(fileStore(offsets));
        Map<String, String> source = fileSource("src", in, topic);

        Worker first = worker(crashing);
        start(first, listener(first), source);
        awaitUntil(() -> committedPosition(crashing, "src", in) == firstChunkBytes, "the first chunk is committed");
        crashing.dropWrites(); // from here on the worker "crashes" before any commit reaches the file
        append(in, lines(1000, 2000));
        cluster.consumeStringsUntil(topic, 2000, WAIT);
        first.stop();
        stores.get(0).stop();

        FileOffsetBackingStore reopened = fileStore(offsets);
        append(in, lines(2000, 2500));
        Worker second = worker(reopened);
        start(second, listener(second), source);
        assertEquals(firstChunkBytes, committedPosition(reopened, "src", in), "the lost commits are really lost");

        List<String> expected = new ArrayList<>(lines(0, 2000));
        expected.addAll(lines(1000, 2500)); // the uncommitted window is sent again, then the new lines
        assertEquals(expected, values(cluster.consumeStringsUntil(topic, expected.size(), WAIT)));
        awaitUntil(() -> committedPosition(reopened, "src", in) == Files.size(in), "all lines committed");
    }

    @Test
    void aSinkTaskThatThrowsRetriableExceptionsGetsEveryRecordExactlyOnceInOrder() throws Exception {
        String topic = cluster.uniqueName("flaky");
        cluster.createTopic(topic, 1, 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<String> expected = lines(0, 300);
        for (String value : expected) {
            records.add(new ProducerRecord<>(topic, null, value.getBytes(StandardCharsets.UTF_8)));
        }
        cluster.produce(records);
        String name = cluster.uniqueName("flaky-sink");
        Map<String, String> sink = connector(name, FlakySinkConnector.class.getName());
        sink.put("topics", topic);
        sink.put("backoff.ms", "300");

        Worker worker = worker(new MemoryOffsetBackingStore());
        start(worker, listener(worker), sink);
        awaitUntil(() -> FlakySinkTask.received(name).size() >= expected.size(), "every record arrived");
        awaitUntil(() -> committedSinkOffset(name, topic) == expected.size(), "the consumer offsets are committed");
        worker.stop();
        assertEquals(2, FlakySinkTask.REFUSED.get(name).get());
        assertEquals(expected, new ArrayList<>(FlakySinkTask.received(name)));
    }

    @Test
    void aTransformChainWithANegatedPredicateIsAppliedAsConfigured() throws Exception {
        String topic = cluster.uniqueName("transformed");
        cluster.createTopic(topic, 1, 1);
        Path in = write(dir.resolve("in.txt"), List.of("alpha", "skip-bravo", "drop-charlie", "delta"));
        Map<String, String> source = fileSource("src", in, topic);
        source.put("transforms", "shout,drop");
        source.put("transforms.shout.type", AppendSuffix.class.getName());
        source.put("transforms.shout.suffix", "!");
        source.put("transforms.shout.predicate", "isSkip");
        source.put("transforms.shout.negate", "true");
        source.put("transforms.drop.type", DropAll.class.getName());
        source.put("transforms.drop.predicate", "isDrop");
        source.put("predicates", "isSkip,isDrop");
        source.put("predicates.isSkip.type", ValueStartsWith.class.getName());
        source.put("predicates.isSkip.prefix", "skip");
        source.put("predicates.isDrop.type", ValueStartsWith.class.getName());
        source.put("predicates.isDrop.prefix", "drop");
        OffsetBackingStore store = new MemoryOffsetBackingStore();

        Worker worker = worker(store);
        start(worker, listener(worker), source);
        awaitUntil(() -> committedPosition(store, "src", in) == Files.size(in),
                "the offsets of all lines, the dropped one included, are committed");
        assertEquals(List.of("alpha!", "skip-bravo", "delta!"), values(cluster.consumeStringsUntil(topic, 3, WAIT)));
    }

    @Test
    void aSinkTaskFailingAtStartIsFailedWithItsTraceWhileAnotherConnectorKeepsRunning() throws Exception {
        String topic = cluster.uniqueName("survivor");
        cluster.createTopic(topic, 1, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 10));
        Worker worker = worker(new MemoryOffsetBackingStore());
        StatusStoreListener listener = listener(worker);
        start(worker, listener, fileSource("src", in, topic));

        Path unwritable = dir.resolve("missing-dir").resolve("out.txt");
        List<ConnectorTaskId> sinkTasks = start(worker, listener, fileSink("broken", unwritable, topic));
        awaitUntil(() -> state(statuses.get(sinkTasks.get(0))) == State.FAILED, "the sink task failed");
        TaskStatus failed = statuses.get(sinkTasks.get(0));
        assertNotNull(failed.trace());
        assertTrue(failed.trace().contains(unwritable.toString()), failed.trace());
        assertTrue(failed.trace().contains("\tat "), "a full stack trace: " + failed.trace());
        assertEquals(State.RUNNING, statuses.get("broken").state(), "the connector itself still runs");

        append(in, lines(10, 20));
        assertEquals(lines(0, 20), values(cluster.consumeStringsUntil(topic, 20, WAIT)));
        assertEquals(State.RUNNING, statuses.get("src").state());
        assertEquals(State.RUNNING, statuses.get(new ConnectorTaskId("src", 0)).state());
    }

    @Test
    void sourceOffsetsAreCommittedOnlyAfterTheirRecordsAreAcknowledged() throws Exception {
        String topic = cluster.uniqueName("acked");
        cluster.createTopic(topic, 1, 1);
        String name = cluster.uniqueName("sequence");
        int count = 3000;
        Map<String, String> source = connector(name, SequenceSourceConnector.class.getName());
        source.put("topic", topic);
        source.put("count", Integer.toString(count));
        source.put("producer.override.linger.ms", "50"); // acks lag behind sends, commits run in between
        // The second half is released only after the first offset write, so commits must interleave.
        source.put("hold.after", Integer.toString(count / 2));
        ObservedOffsetStore store = new ObservedOffsetStore(new MemoryOffsetBackingStore());
        List<String> violations = new CopyOnWriteArrayList<>();
        List<Integer> written = new CopyOnWriteArrayList<>();
        store.observe(values -> values.forEach((key, value) -> {
            int seq = ((Number) OffsetCodec.deserializeOffset(bytes(value)).get("seq")).intValue();
            int acked = SequenceSourceTask.ACKED.get(name).contiguous();
            written.add(seq);
            SequenceSourceTask.GATES.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
            if (seq > acked) {
                violations.add("offset " + seq + " written when only 0.." + acked + " were acknowledged");
            }
        }));

        Worker worker = worker(store, "offset.flush.interval.ms", "10");
        start(worker, listener(worker), source);
        awaitUntil(() -> !written.isEmpty() && written.get(written.size() - 1) == count - 1, "the last offset is committed");
        assertEquals(List.of(), violations);
        assertTrue(written.size() > 1, "several commits happened: " + written);
        for (int i = 1; i < written.size(); i++) {
            assertTrue(written.get(i) > written.get(i - 1), "offsets only advance: " + written);
        }
        List<String> values = values(cluster.consumeStringsUntil(topic, count, WAIT));
        assertEquals(count, values.size());
        assertEquals("v" + (count - 1), values.get(count - 1));
    }

    @Test
    void aSourceCreatesItsTopicAsItsTopicCreationSettingsSay() throws Exception {
        String topic = cluster.uniqueName("created");
        Path in = write(dir.resolve("in.txt"), lines(0, 5));
        Map<String, String> source = fileSource("src", in, topic);
        source.put("topic.creation.default.partitions", "3");
        source.put("topic.creation.default.replication.factor", "1");
        source.put("topic.creation.default.retention.ms", "3600000");
        Worker worker = worker(new MemoryOffsetBackingStore());
        start(worker, listener(worker), source);
        // Consuming before the task created the topic would let the broker auto-create it.
        awaitUntil(() -> cluster.admin().listTopics().names().get(30, TimeUnit.SECONDS).contains(topic),
                "the task created the topic");

        assertEquals(lines(0, 5), values(cluster.consumeStringsUntil(topic, 5, WAIT)));
        TopicDescription description = cluster.admin().describeTopics(List.of(topic)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(topic);
        assertEquals(3, description.partitions().size());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        assertEquals("3600000", cluster.admin().describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                .get(resource).get("retention.ms").value());
    }

    // ---- helpers ----

    private Worker worker(OffsetBackingStore store, String... overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", cluster.bootstrapServers());
        props.put("offset.storage.file.filename", dir.resolve("unused-offsets.json").toString());
        props.put("key.converter", STRING_CONVERTER);
        props.put("value.converter", STRING_CONVERTER);
        props.put("header.converter", STRING_CONVERTER);
        props.put("offset.flush.interval.ms", "100");
        props.put("task.shutdown.graceful.timeout.ms", "10000");
        for (int i = 0; i < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        store.start();
        stores.add(store);
        Worker worker = new Worker("localhost:8083", new StandaloneConfig(props), TestPlugins.get(), store);
        workers.add(worker);
        return worker;
    }

    private static FileOffsetBackingStore fileStore(Path file) {
        return new FileOffsetBackingStore(file);
    }

    private StatusStoreListener listener(Worker worker) {
        return new StatusStoreListener(statuses, worker.workerId(), () -> 0, worker::connectorVersion, worker::taskVersion);
    }

    private static List<ConnectorTaskId> start(Worker worker, StatusStoreListener listener, Map<String, String> props)
            throws Exception {
        String name = props.get("name");
        worker.startConnector(name, props, listener, TargetState.STARTED, null).get(30, TimeUnit.SECONDS);
        List<Map<String, String>> configs = worker.connectorTaskConfigs(name);
        List<ConnectorTaskId> ids = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            ConnectorTaskId id = new ConnectorTaskId(name, i);
            worker.startTask(id, props, configs.get(i), listener, TargetState.STARTED);
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, String> connector(String name, String connectorClass) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", connectorClass);
        props.put("tasks.max", "1");
        return props;
    }

    private static Map<String, String> fileSource(String name, Path file, String topic) {
        Map<String, String> props = connector(name, "FileStreamSource");
        props.put("file", file.toString());
        props.put("topic", topic);
        return props;
    }

    private static Map<String, String> fileSink(String name, Path file, String topic) {
        Map<String, String> props = connector(name, "FileStreamSink");
        props.put("file", file.toString());
        props.put("topics", topic);
        return props;
    }

    private static long committedPosition(OffsetBackingStore store, String connector, Path file) {
        Map<String, Object> offset = new OffsetStorageReaderImpl(connector, store).offset(Map.of("filename", file.toString()));
        return offset == null ? -1 : ((Number) offset.get("position")).longValue();
    }

    private long committedSinkOffset(String connector, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = cluster.admin()
                    .listConsumerGroupOffsets(ClientConfigs.consumerGroupId(connector))
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new AssertionError("Could not read the offsets of group connect-" + connector, e);
        }
    }

    private static State state(ConnectorStatus status) {
        return status == null ? null : status.state();
    }

    private static State state(TaskStatus status) {
        return status == null ? null : status.state();
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

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> values.add(record.value()));
        return values;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static void awaitUntil(Check condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

}
