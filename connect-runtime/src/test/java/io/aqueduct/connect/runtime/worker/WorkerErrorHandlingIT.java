package io.aqueduct.connect.runtime.worker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.json.JsonConverter;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.errors.ErrorHandlingMetrics;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.MemoryStatusBackingStore;
import io.aqueduct.connect.runtime.status.StatusStoreListener;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.storage.MemoryOffsetBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetBackingStore;
import io.aqueduct.connect.sink.SinkTask;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task loops with error handling (retries, tolerance, dead letter queue) on a real Worker and broker. */
@KafkaIT
class WorkerErrorHandlingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STRING_CONVERTER = "io.aqueduct.connect.storage.StringConverter";
    private static final byte[] CORRUPT = "{not json at all".getBytes(StandardCharsets.UTF_8);

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

    // ---- sink: conversion failures ----

    @Test
    void withToleranceAllACorruptRecordGoesToTheDeadLetterQueueWithItsContextAndTheRestIsDelivered() throws Exception {
        String topic = cluster.uniqueName("json-in");
        String dlq = cluster.uniqueName("json-dlq");
        cluster.createTopic(topic, 1, 1);
        produceJsonWithCorruptAt(topic, 10, 3, 7);
        String name = cluster.uniqueName("json-sink");
        Map<String, String> sink = jsonSink(name, topic);
        sink.put("errors.tolerance", "all");
        sink.put("errors.log.enable", "true");
        sink.put("errors.deadletterqueue.topic.name", dlq);
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");

        Worker worker = worker();
        ConnectorTaskId task = start(worker, listener(worker), sink).get(0);

        awaitUntil(() -> FlakySinkTask.received(name).size() >= 8, "the 8 good records reached the sink");
        assertEquals(List.of("{n=0}", "{n=1}", "{n=2}", "{n=4}", "{n=5}", "{n=6}", "{n=8}", "{n=9}"),
                new ArrayList<>(FlakySinkTask.received(name)));
        List<ConsumerRecord<byte[], byte[]>> dead = cluster.consumeUntil(dlq, 2, WAIT);
        assertEquals(2, dead.size());
        for (int i = 0; i < 2; i++) {
            ConsumerRecord<byte[], byte[]> record = dead.get(i);
            assertArrayEquals(CORRUPT, record.value(), "the original bytes");
            assertEquals(topic, header(record, "__connect.errors.topic"));
            assertEquals("0", header(record, "__connect.errors.partition"));
            assertEquals(i == 0 ? "3" : "7", header(record, "__connect.errors.offset"));
            assertEquals("VALUE_CONVERTER", header(record, "__connect.errors.stage"));
            assertEquals(JsonConverter.class.getName(), header(record, "__connect.errors.class.name"));
            assertEquals(DataException.class.getName(), header(record, "__connect.errors.exception.class.name"));
            assertEquals(name, header(record, "__connect.errors.connector.name"));
            assertEquals("0", header(record, "__connect.errors.task.id"));
        }
        awaitUntil(() -> committedOffset(name, topic) == 10, "the skipped records' offsets are committed too");
        assertEquals(State.RUNNING, statuses.get(task).state());
        ErrorHandlingMetrics metrics = worker.taskErrorMetrics(task);
        assertEquals(2, metrics.recordsSkipped());
        assertEquals(2, metrics.deadLetterQueueProduceRequests());
    }

    @Test
    void withToleranceNoneACorruptRecordFailsItsTaskWhileAnotherConnectorKeepsRunning() throws Exception {
        String topic = cluster.uniqueName("json-strict");
        cluster.createTopic(topic, 1, 1);
        produceJsonWithCorruptAt(topic, 5, 2);
        String otherTopic = cluster.uniqueName("plain");
        cluster.createTopic(otherTopic, 1, 1);
        String name = cluster.uniqueName("strict-sink");
        String other = cluster.uniqueName("other-sink");
        Map<String, String> otherSink = connector(other, FlakySinkConnector.class.getName());
        otherSink.put("topics", otherTopic);
        otherSink.put("failures", "0");

        Worker worker = worker();
        StatusStoreListener listener = listener(worker);
        ConnectorTaskId otherTask = start(worker, listener, otherSink).get(0);
        ConnectorTaskId task = start(worker, listener, jsonSink(name, topic)).get(0);

        awaitUntil(() -> state(statuses.get(task)) == State.FAILED, "the strict sink task failed");
        String trace = statuses.get(task).trace();
        assertNotNull(trace);
        assertTrue(trace.contains("Tolerance exceeded in error handler"), trace);
        assertTrue(trace.contains(DataException.class.getName()), trace);
        assertTrue(committedOffset(name, topic) < 5, "the failed batch is not committed");

        cluster.produce(otherTopic, null, "still-running");
        awaitUntil(() -> FlakySinkTask.received(other).contains("still-running"), "the other connector got a record");
        assertEquals(State.RUNNING, statuses.get(otherTask).state());
        assertEquals(State.RUNNING, statuses.get(other).state());
    }

    // ---- retries ----

    @Test
    void aTransformFailingTwiceWithARetriableErrorLetsItsRecordThroughExactlyOnce() throws Exception {
        String topic = cluster.uniqueName("retried");
        cluster.createTopic(topic, 1, 1);
        String name = cluster.uniqueName("retrying-source");
        Map<String, String> source = sequenceSource(name, topic, 5);
        source.put("batch", "5");
        source.put("errors.retry.timeout", "30000");
        source.put("transforms", "flaky");
        source.put("transforms.flaky.type", RetriableTwiceTransform.class.getName());
        source.put("transforms.flaky.value", "v2");
        source.put("transforms.flaky.id", name);

        Worker worker = worker();
        ConnectorTaskId task = start(worker, listener(worker), source).get(0);

        awaitUntil(() -> SequenceSourceTask.ACKED.containsKey(name) && SequenceSourceTask.ACKED.get(name).contiguous() == 4,
                "all 5 records are acknowledged");
        assertEquals(5, endOffset(topic), "no record was sent twice");
        assertEquals(List.of("v0", "v1", "v2", "v3", "v4"), values(cluster.consumeStringsUntil(topic, 5, WAIT)));
        assertEquals(3, RetriableTwiceTransform.ATTEMPTS.get(name).get(), "two failures, then success");
        ErrorHandlingMetrics metrics = worker.taskErrorMetrics(task);
        assertEquals(2, metrics.retries());
        assertEquals(0, metrics.recordErrors());
        assertEquals(State.RUNNING, statuses.get(task).state());
    }

    // ---- errant record reporter ----

    @Test
    void reportedRecordsAreInTheDeadLetterQueueBeforeTheCommittedOffsetsPassThem() throws Exception {
        String topic = cluster.uniqueName("reported");
        String dlq = cluster.uniqueName("reported-dlq");
        cluster.createTopic(topic, 1, 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Long> badOffsets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean bad = i % 5 == 2;
            if (bad) {
                badOffsets.add((long) i);
            }
            records.add(new ProducerRecord<>(topic, null, ((bad ? "bad-" : "ok-") + i).getBytes(StandardCharsets.UTF_8)));
        }
        cluster.produce(records);
        String name = cluster.uniqueName("reporting-sink");
        Map<String, String> sink = connector(name, ReportingSinkConnector.class.getName());
        sink.put("topics", topic);
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", dlq);
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");
        // Dead letter queue writes linger in the producer, long after the loop's next commit is due.
        sink.put("producer.override.linger.ms", "1500");

        Worker worker = worker();
        start(worker, listener(worker), sink);

        List<String> violations = new ArrayList<>();
        long seen = -1;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (seen < records.size()) {
            assertTrue(System.nanoTime() < deadline, "the consumer offsets reached " + seen + " of " + records.size());
            long committed = committedOffset(name, topic);
            if (committed > seen) {
                long stored = endOffset(dlq);
                long passed = badOffsets.stream().filter(offset -> offset < committed).count();
                if (stored < passed) {
                    violations.add("offset " + committed + " committed while the dead letter queue held " + stored
                            + " of the " + passed + " reported records before it");
                }
                seen = committed;
            }
            Thread.sleep(10);
        }
        assertEquals(List.of(), violations);

        List<ConsumerRecord<byte[], byte[]>> dead = cluster.consumeUntil(dlq, badOffsets.size(), WAIT);
        List<String> deadValues = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : dead) {
            deadValues.add(new String(record.value(), StandardCharsets.UTF_8));
            assertEquals("TASK_PUT", header(record, "__connect.errors.stage"));
            assertEquals(SinkTask.class.getName(), header(record, "__connect.errors.class.name"));
        }
        assertEquals(List.of("bad-2", "bad-7", "bad-12", "bad-17", "bad-22", "bad-27"), deadValues);
        assertEquals(24, ReportingSinkConnector.accepted(name).size());
    }

    // ---- source: producer send failures ----

    @Test
    void withToleranceNoneARecordTooLargeToSendFailsTheSourceTask() throws Exception {
        String topic = cluster.uniqueName("too-large");
        cluster.createTopic(topic, 1, 1);
        String name = cluster.uniqueName("large-source");
        Map<String, String> source = oversizedSource(name, topic);

        Worker worker = worker();
        ConnectorTaskId task = start(worker, listener(worker), source).get(0);

        awaitUntil(() -> state(statuses.get(task)) == State.FAILED, "the source task failed");
        String trace = statuses.get(task).trace();
        assertTrue(trace.contains(RecordTooLargeException.class.getName()), trace);
        assertTrue(!SequenceSourceTask.SKIPPED.containsKey(name) || !SequenceSourceTask.SKIPPED.get(name).contains(4),
                "the failed record was not committed");
    }

    @Test
    void withToleranceAllARecordTooLargeToSendIsSkippedLoggedAndCommittedAndLaterRecordsGoThrough() throws Exception {
        String topic = cluster.uniqueName("too-large-ok");
        cluster.createTopic(topic, 1, 1);
        String name = cluster.uniqueName("tolerant-source");
        Map<String, String> source = oversizedSource(name, topic);
        source.put("errors.tolerance", "all");
        OffsetBackingStore store = new MemoryOffsetBackingStore();

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger taskLogger = (Logger) LoggerFactory.getLogger(WorkerSourceTask.class);
        logs.start();
        taskLogger.addAppender(logs);
        try {
            Worker worker = worker(store);
            ConnectorTaskId task = start(worker, listener(worker), source).get(0);

            awaitUntil(() -> SequenceSourceTask.ACKED.containsKey(name) && SequenceSourceTask.ACKED.get(name).count() == 9,
                    "the 9 other records are acknowledged");
            assertTrue(SequenceSourceTask.SKIPPED.get(name).contains(4), "commitRecord(record, null) for the skipped one");
            assertEquals(1, SequenceSourceTask.SKIPPED.get(name).count());
            assertEquals(9, endOffset(topic));
            List<String> values = values(cluster.consumeStringsUntil(topic, 9, WAIT));
            assertEquals(List.of("v0", "v1", "v2", "v3", "v5", "v6", "v7", "v8", "v9"), values);
            awaitUntil(() -> committedSeq(store, name) == 9, "the offset past the skipped record is committed");
            assertEquals(State.RUNNING, statuses.get(task).state());
            assertEquals(1, worker.taskErrorMetrics(task).recordsSkipped());
            assertTrue(logs.list.stream().anyMatch(event -> event.getFormattedMessage().contains(
                    "Skipping a record that could not be sent") && event.getFormattedMessage().contains("seq=4")),
                    "the skipped record is logged");
        } finally {
            taskLogger.detachAppender(logs);
        }
    }

    // ---- helpers ----

    private Map<String, String> oversizedSource(String name, String topic) {
        Map<String, String> source = sequenceSource(name, topic, 10);
        source.put("batch", "1");
        source.put("big.at", "4");
        source.put("big.size", "10000");
        source.put("producer.override.max.request.size", "4000");
        return source;
    }

    private void produceJsonWithCorruptAt(String topic, int count, int... corrupt) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            boolean bad = java.util.Arrays.stream(corrupt).anyMatch(c -> c == n);
            byte[] value = bad ? CORRUPT : ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            records.add(new ProducerRecord<>(topic, null, value));
        }
        cluster.produce(records);
    }

    private static Map<String, String> jsonSink(String name, String topic) {
        Map<String, String> sink = connector(name, FlakySinkConnector.class.getName());
        sink.put("topics", topic);
        sink.put("failures", "0");
        sink.put("value.converter", JsonConverter.class.getName());
        sink.put("value.converter.schemas.enable", "false");
        return sink;
    }

    private static Map<String, String> sequenceSource(String name, String topic, int count) {
        Map<String, String> source = connector(name, SequenceSourceConnector.class.getName());
        source.put("topic", topic);
        source.put("count", Integer.toString(count));
        return source;
    }

    private Worker worker() {
        return worker(new MemoryOffsetBackingStore());
    }

    private Worker worker(OffsetBackingStore store) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", cluster.bootstrapServers());
        props.put("offset.storage.file.filename", dir.resolve("unused-offsets.json").toString());
        props.put("key.converter", STRING_CONVERTER);
        props.put("value.converter", STRING_CONVERTER);
        props.put("header.converter", STRING_CONVERTER);
        props.put("offset.flush.interval.ms", "100");
        props.put("task.shutdown.graceful.timeout.ms", "10000");
        store.start();
        stores.add(store);
        Worker worker = new Worker("localhost:8083", new StandaloneConfig(props), TestPlugins.get(), store);
        workers.add(worker);
        return worker;
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

    private long committedOffset(String connector, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = cluster.admin()
                .listConsumerGroupOffsets(ClientConfigs.consumerGroupId(connector))
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
        return offset == null ? -1 : offset.offset();
    }

    /** The offset after the last record of partition 0: what a reader can read right now. */
    private long endOffset(String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return cluster.admin().listOffsets(Map.of(partition, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS)
                .get(partition).offset();
    }

    private static long committedSeq(OffsetBackingStore store, String connector) {
        Map<String, Object> offset = new OffsetStorageReaderImpl(connector, store).offset(SequenceSourceTask.PARTITION);
        return offset == null ? -1 : ((Number) offset.get("seq")).longValue();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertNotNull(header, "missing header " + key);
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static State state(TaskStatus status) {
        return status == null ? null : status.state();
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> values.add(record.value()));
        return values;
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
