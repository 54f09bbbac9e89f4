package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.WAIT;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.append;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.awaitUntil;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.connector;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.fileSink;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.fileSource;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.lines;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.readLines;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.start;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.state;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.values;
import static io.aqueduct.connect.runtime.worker.WorkerTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Worker moving records between files, Kafka and test plugins, against a real broker. */
@KafkaIT
class WorkerIT {

    private KafkaCluster cluster;
    @TempDir
    Path dir;

    private final MemoryStatusBackingStore statuses = new MemoryStatusBackingStore();
    private WorkerTestSupport support;

    @BeforeEach
    void createSupport() {
        support = new WorkerTestSupport(cluster, dir, statuses);
    }

    @AfterEach
    void stopWorkers() {
        support.close();
    }

    // ---- scenarios ----

    @Test
    void fileSourceToTopicToFileSinkDeliversEveryLineOnceInOrder() throws Exception {
        String topic = cluster.uniqueName("lines");
        cluster.createTopic(topic, 1, 1);
        List<String> lines = lines(0, 500);
        Path in = write(dir.resolve("in.txt"), lines);
        Path out = dir.resolve("out.txt");
        Worker worker = support.worker(fileStore(dir.resolve("offsets.json")));
        StatusStoreListener listener = support.listener(worker);

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
        assertEquals(lines.size(), support.committedSinkOffset("sink", topic));
    }

    @Test
    void aGracefullyStoppedSourceResumesFromItsCommittedOffsetWithoutLossOrDuplicates() throws Exception {
        String topic = cluster.uniqueName("graceful");
        cluster.createTopic(topic, 1, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 2000));
        Path offsets = dir.resolve("offsets.json");
        Map<String, String> source = fileSource("src", in, topic);
        source.put("batch.size", "10");

        FileOffsetBackingStore firstStore = fileStore(offsets);
        Worker first = support.worker(firstStore);
        start(first, support.listener(first), source);
        awaitUntil(() -> committedPosition(firstStore, "src", in) > 0, "a first offset commit");
        first.stop();
        firstStore.stop();
        assertEquals(Files.size(in), committedPosition(firstStore, "src", in),
                "the final commit at stop covers every record sent");

        append(in, lines(2000, 3000));
        FileOffsetBackingStore secondStore = fileStore(offsets);
        Worker second = support.worker(secondStore);
        start(second, support.listener(second), source);
        List<String> expected = lines(0, 3000);
        awaitUntil(() -> committedPosition(secondStore, "src", in) == Files.size(in), "all lines committed");
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

        Worker first = support.worker(crashing);
        start(first, support.listener(first), source);
        awaitUntil(() -> committedPosition(crashing, "src", in) == firstChunkBytes, "the first chunk is committed");
        crashing.dropWrites(); // from here on the worker "crashes" before any commit reaches the file
        append(in, lines(1000, 2000));
        cluster.consumeStringsUntil(topic, 2000, WAIT);
        first.stop();
        crashing.stop();

        FileOffsetBackingStore reopened = fileStore(offsets);
        append(in, lines(2000, 2500));
        Worker second = support.worker(reopened);
        start(second, support.listener(second), source);
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

        Worker worker = support.worker(new MemoryOffsetBackingStore());
        start(worker, support.listener(worker), sink);
        awaitUntil(() -> FlakySinkTask.received(name).size() >= expected.size(), "every record arrived");
        awaitUntil(() -> support.committedSinkOffset(name, topic) == expected.size(), "the consumer offsets are committed");
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

        Worker worker = support.worker(store);
        start(worker, support.listener(worker), source);
        awaitUntil(() -> committedPosition(store, "src", in) == Files.size(in),
                "the offsets of all lines, the dropped one included, are committed");
        assertEquals(List.of("alpha!", "skip-bravo", "delta!"), values(cluster.consumeStringsUntil(topic, 3, WAIT)));
    }

    @Test
    void aSinkTaskFailingAtStartIsFailedWithItsTraceWhileAnotherConnectorKeepsRunning() throws Exception {
        String topic = cluster.uniqueName("survivor");
        cluster.createTopic(topic, 1, 1);
        Path in = write(dir.resolve("in.txt"), lines(0, 10));
        Worker worker = support.worker(new MemoryOffsetBackingStore());
        StatusStoreListener listener = support.listener(worker);
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

        Worker worker = support.worker(store, "offset.flush.interval.ms", "10");
        start(worker, support.listener(worker), source);
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
        Worker worker = support.worker(new MemoryOffsetBackingStore());
        start(worker, support.listener(worker), source);
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

    private static FileOffsetBackingStore fileStore(Path file) {
        return new FileOffsetBackingStore(file);
    }

    private static long committedPosition(OffsetBackingStore store, String connector, Path file) {
        Map<String, Object> offset = new OffsetStorageReaderImpl(connector, store).offset(Map.of("filename", file.toString()));
        return offset == null ? -1 : ((Number) offset.get("position")).longValue();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

}
