package io.aqueduct.connect.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.status.TopicStatus;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;

@KafkaIT
class KafkaStatusBackingStoreIT {

    private static final String TRACE = "java.lang.IllegalStateException: boom\n\tat x.Y.z(Y.java:7)\n";
    private static final ConnectorTaskId TASK_0 = new ConnectorTaskId("ref-src", 0);
    private static final ConnectorTaskId TASK_1 = new ConnectorTaskId("ref-src", 1);

    private KafkaCluster cluster;
    private final List<KafkaStatusBackingStore> stores = new ArrayList<>();

    @AfterEach
    void stopStores() {
        stores.forEach(KafkaStatusBackingStore::stop);
    }

    private KafkaStatusBackingStore started(String topic) {
        KafkaStatusBackingStore store = new KafkaStatusBackingStore(topic, KafkaStatusBackingStore.DEFAULT_PARTITIONS,
                (short) 1, Map.of("bootstrap.servers", cluster.bootstrapServers()), "test-statuses");
        stores.add(store);
        store.start();
        return store;
    }

    private static void caughtUp(KafkaStatusBackingStore... readers) throws Exception {
        for (KafkaStatusBackingStore reader : readers) {
            reader.readToEnd().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void createsTheTopicCompactedWith5Partitions() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        started(topic);
        assertEquals(5, cluster.admin().describeTopics(Set.of(topic)).allTopicNames().get().get(topic)
                .partitions().size());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        assertEquals("compact", cluster.admin().describeConfigs(Set.of(resource)).all().get().get(resource)
                .get("cleanup.policy").value());
    }

    @Test
    void statusesAreReadBackAndReplayedByAnotherStore() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        KafkaStatusBackingStore writer = started(topic);
        ConnectorStatus connector = new ConnectorStatus("ref-src", State.RUNNING, "127.0.0.1:18083", 3, null, "4.3.1");
        TaskStatus failed = new TaskStatus(TASK_0, State.FAILED, "127.0.0.1:18083", 3, TRACE, "4.3.1");
        TaskStatus unassigned = new TaskStatus(TASK_1, State.UNASSIGNED, "127.0.0.1:18083", 3);
        writer.put(connector);
        writer.put(unassigned);
        writer.put(failed);
        writer.flush();
        caughtUp(writer);

        assertEquals(connector, writer.get("ref-src"));
        assertEquals(List.of(failed, unassigned), List.copyOf(writer.getAll("ref-src")));
        writer.stop();

        KafkaStatusBackingStore replayed = started(topic);
        assertEquals(connector, replayed.get("ref-src"));
        assertEquals(failed, replayed.get(TASK_0));
        assertEquals(unassigned, replayed.get(TASK_1));
        assertEquals(Set.of("ref-src"), replayed.connectors());
        assertNull(replayed.get("other"));
        assertTrue(replayed.getAll("other").isEmpty());
    }

    @Test
    void recordsGoToTheMurmur2PartitionOfTheirKeyWithTheExactBytes() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        KafkaStatusBackingStore store = started(topic);
        List<String> connectors = List.of("ref-src", "ref-sink", "x1-src", "eos-src2", "a", "b-c-d");
        for (String connector : connectors) {
            store.put(new ConnectorStatus(connector, State.RUNNING, "127.0.0.1:18083", 3, null, "4.3.1"));
            store.put(new TaskStatus(new ConnectorTaskId(connector, 0), State.RUNNING, "127.0.0.1:18083", 3, null,
                    "4.3.1"));
            store.putTopicState("ref-lines", connector, 0, 1795235489435L);
        }
        store.flush();

        int expected = connectors.size() * 3;
        List<ConsumerRecord<String, String>> records = cluster.consumeStringsUntil(topic, expected,
                Duration.ofSeconds(30));
        assertEquals(expected, records.size());
        Set<Integer> partitionsUsed = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
            assertEquals(Utils.toPositive(Utils.murmur2(key)) % 5, record.partition(), record.key());
            assertEquals(0, record.headers().toArray().length);
            partitionsUsed.add(record.partition());
        }
        assertTrue(partitionsUsed.size() > 1, "all 18 keys landed on one partition: " + partitionsUsed);
        assertEquals("{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"127.0.0.1:18083\",\"generation\":3,"
                + "\"version\":\"4.3.1\"}", valueOf(records, "status-connector-ref-src"));
        assertEquals("{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"127.0.0.1:18083\",\"generation\":3,"
                + "\"version\":\"4.3.1\"}", valueOf(records, "status-task-b-c-d-0"));
        assertEquals("{\"topic\":{\"name\":\"ref-lines\",\"connector\":\"ref-sink\",\"task\":0,"
                + "\"discoverTimestamp\":1795235489435}}",
                valueOf(records, "status-topic-ref-lines:connector-ref-sink"));
    }

    @Test
    void putSafeOfAnOlderGenerationDoesNotWriteOverTheNewOwnersStatus() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        KafkaStatusBackingStore workerA = started(topic);
        KafkaStatusBackingStore workerB = started(topic);
        workerA.put(new ConnectorStatus("c", State.RUNNING, "a:8083", 4));
        workerA.flush();
        caughtUp(workerB);
        ConnectorStatus newOwner = new ConnectorStatus("c", State.RUNNING, "b:8083", 5);
        workerB.put(newOwner);
        workerB.flush();
        caughtUp(workerA);
        assertEquals(newOwner, workerA.get("c"));

        // the old owner shuts the connector down late: putSafe must not even write
        workerA.putSafe(new ConnectorStatus("c", State.UNASSIGNED, "a:8083", 4));
        workerA.flush();
        caughtUp(workerA, workerB);

        assertEquals(newOwner, workerA.get("c"));
        assertEquals(newOwner, workerB.get("c"));
        assertEquals(newOwner, started(topic).get("c"));
        List<String> written = cluster.consumeStringsUntil(topic, 2, Duration.ofSeconds(30)).stream()
                .map(r -> StatusCodec.decodeConnectorStatus("c", r.value().getBytes(StandardCharsets.UTF_8)))
                .map(status -> status.state() + "@" + status.workerId()).toList();
        assertEquals(List.of("RUNNING@a:8083", "RUNNING@b:8083"), written);
        assertEquals(2, endOffsetSum(topic), "the putSafe record must not be written");
    }

    @Test
    void putSafeOfTheSameWorkerOrANewerGenerationIsWritten() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        KafkaStatusBackingStore workerA = started(topic);
        KafkaStatusBackingStore workerB = started(topic);
        workerB.put(new TaskStatus(TASK_0, State.RUNNING, "b:8083", 5));
        workerB.flush();
        caughtUp(workerA);

        TaskStatus sameWorker = new TaskStatus(TASK_0, State.UNASSIGNED, "b:8083", 5);
        workerB.putSafe(sameWorker);
        workerB.flush();
        caughtUp(workerA);
        assertEquals(sameWorker, workerA.get(TASK_0));

        TaskStatus newerGeneration = new TaskStatus(TASK_0, State.RUNNING, "a:8083", 6);
        workerA.putSafe(newerGeneration);
        workerA.flush();
        caughtUp(workerB);
        assertEquals(newerGeneration, workerB.get(TASK_0));
    }

    @Test
    void tombstonesRemoveStatusesForEveryReader() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        KafkaStatusBackingStore writer = started(topic);
        KafkaStatusBackingStore reader = started(topic);
        writer.put(new ConnectorStatus("c", State.RUNNING, "a:8083", 2));
        writer.put(new TaskStatus(new ConnectorTaskId("c", 0), State.RUNNING, "a:8083", 2));
        writer.put(new TaskStatus(new ConnectorTaskId("c", 1), State.RUNNING, "a:8083", 2));
        writer.flush();
        caughtUp(reader);
        assertEquals(2, reader.getAll("c").size());

        writer.put(new TaskStatus(new ConnectorTaskId("c", 1), State.DESTROYED, "a:8083", 3));
        writer.put(new ConnectorStatus("c", State.DESTROYED, "a:8083", 3));
        writer.flush();
        caughtUp(reader);

        assertNull(reader.get("c"));
        assertNull(reader.get(new ConnectorTaskId("c", 1)));
        assertEquals(1, reader.getAll("c").size());
        KafkaStatusBackingStore replayed = started(topic);
        assertNull(replayed.get("c"));
        assertEquals(Set.of("c"), replayed.connectors());
        List<ConsumerRecord<String, String>> records = cluster.consumeStringsUntil(topic, 5, Duration.ofSeconds(30));
        assertNull(valueOf(records, "status-connector-c"));
        assertNull(valueOf(records, "status-task-c-1"));
    }

    @Test
    void activeTopicsArePutReadAndDeleted() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        KafkaStatusBackingStore writer = started(topic);
        KafkaStatusBackingStore reader = started(topic);
        writer.putTopicState("ref-lines", "ref-sink", 0, 1000L);
        writer.putTopicState("ref-lines", "ref-sink", 1, 1001L);
        writer.putTopicState("other-lines", "ref-sink", 1, 1002L);
        writer.flush();
        caughtUp(writer, reader);

        assertEquals(new TopicStatus("ref-lines", "ref-sink", 0, 1000L), reader.getTopic("ref-sink", "ref-lines"));
        assertEquals(List.of(new TopicStatus("other-lines", "ref-sink", 1, 1002L),
                new TopicStatus("ref-lines", "ref-sink", 0, 1000L)), List.copyOf(reader.getAllTopics("ref-sink")));
        writer.putTopicState("ref-lines", "ref-sink", 2, 1003L);
        writer.flush();
        assertEquals(2, endOffsetSum(topic), "a known active topic is not written again");

        reader.deleteTopic("ref-sink", "ref-lines");
        reader.flush();
        caughtUp(writer, reader);
        assertNull(writer.getTopic("ref-sink", "ref-lines"));
        assertEquals(List.of(new TopicStatus("other-lines", "ref-sink", 1, 1002L)),
                List.copyOf(started(topic).getAllTopics("ref-sink")));
        List<ConsumerRecord<String, String>> records = cluster.consumeStringsUntil(topic, 3, Duration.ofSeconds(30));
        assertNull(valueOf(records, "status-topic-ref-lines:connector-ref-sink"));

        writer.putTopicState("ref-lines", "ref-sink", 1, 2000L);
        writer.flush();
        caughtUp(reader);
        assertEquals(new TopicStatus("ref-lines", "ref-sink", 1, 2000L), reader.getTopic("ref-sink", "ref-lines"));
    }

    @Test
    void recordsWrittenByApacheKafkaConnectAreAdoptedAndUnreadableOnesSkipped() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        cluster.createTopic(topic, 5, 1, Map.of("cleanup.policy", "compact"));
        cluster.produce(List.of(
                record(topic, "status-connector-ref-src", "{\"state\":\"RUNNING\",\"trace\":null,"
                        + "\"worker_id\":\"127.0.0.1:18083\",\"generation\":3,\"version\":\"4.3.1\"}"),
                record(topic, "status-task-ref-src-0", "{\"state\":\"UNASSIGNED\",\"trace\":null,"
                        + "\"worker_id\":\"127.0.0.1:18083\",\"generation\":4,\"version\":null}"),
                record(topic, "status-task-ref-src-0", "{\"state\":\"RUNNING\",\"trace\":null,"
                        + "\"worker_id\":\"127.0.0.1:18083\",\"generation\":5,\"version\":\"4.3.1\"}"),
                record(topic, "status-topic-ref-lines:connector-ref-src", "{\"topic\":{\"name\":\"ref-lines\","
                        + "\"connector\":\"ref-src\",\"task\":0,\"discoverTimestamp\":1795235489435}}"),
                record(topic, "status-task-ref-src-1", "not json at all"),
                record(topic, "status-sideways-x", "{}"),
                record(topic, "status-connector-x1", "{\"state\":\"STOPPED\",\"trace\":null,"
                        + "\"worker_id\":\"127.0.0.1:18083\",\"generation\":31,\"version\":\"4.3.1\"}"),
                record(topic, "status-connector-x1", null)));

        KafkaStatusBackingStore store = started(topic);
        assertEquals(new ConnectorStatus("ref-src", State.RUNNING, "127.0.0.1:18083", 3, null, "4.3.1"),
                store.get("ref-src"));
        assertEquals(new TaskStatus(TASK_0, State.RUNNING, "127.0.0.1:18083", 5, null, "4.3.1"), store.get(TASK_0));
        assertNull(store.get(TASK_1));
        assertNull(store.get("x1"));
        assertEquals(Set.of("ref-src"), store.connectors());
        assertEquals(new TopicStatus("ref-lines", "ref-src", 0, 1795235489435L),
                store.getTopic("ref-src", "ref-lines"));

        // the reader keeps going after the unreadable records
        cluster.produce(List.of(record(topic, "status-connector-ref-src", "{\"state\":\"PAUSED\",\"trace\":null,"
                + "\"worker_id\":\"127.0.0.1:18083\",\"generation\":6,\"version\":\"4.3.1\",\"future\":true}")));
        caughtUp(store);
        assertEquals(State.PAUSED, store.get("ref-src").state());
    }

    @Test
    void aFailedWriteIsRetriedByTheStoreUnlessANewerOneFollowed() throws Exception {
        String topic = cluster.uniqueName("connect-status");
        Map<String, Object> clients = Map.of("bootstrap.servers", cluster.bootstrapServers());
        Map<String, Object> producer = new HashMap<>(clients);
        // A new producer knows no topic metadata yet: with max.block.ms=0 its first sends fail at once with a
        // (retriable) TimeoutException, and the metadata they request lets later attempts through.
        producer.put("max.block.ms", 0);
        KafkaStatusBackingStore store = new KafkaStatusBackingStore(topic, 5, (short) 1, producer, clients, clients,
                "test-statuses");
        stores.add(store);
        store.start();

        store.put(new ConnectorStatus("c", State.RUNNING, "a:8083", 1));
        ConnectorStatus latest = new ConnectorStatus("c", State.PAUSED, "a:8083", 1);
        store.put(latest);
        TaskStatus task = new TaskStatus(new ConnectorTaskId("c", 0), State.RUNNING, "a:8083", 1);
        store.put(task);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!latest.equals(store.get("c")) || !task.equals(store.get(task.id())))
                && System.nanoTime() < deadline) {
            caughtUp(store);
        }
        assertEquals(latest, store.get("c"));
        assertEquals(task, store.get(task.id()));
        store.flush();
        assertEquals(2, endOffsetSum(topic), "the superseded RUNNING status must not be retried");
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of the last record with {@code key}. */
    private static String valueOf(List<ConsumerRecord<String, String>> records, String key) {
        String value = null;
        boolean found = false;
        for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key())) {
                value = record.value();
                found = true;
            }
        }
        assertTrue(found, "no record with key " + key);
        return value;
    }

    /** Records ever written to the topic (no transactions, so offsets count records). */
    private long endOffsetSum(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < 5; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                cluster.admin().listOffsets(request).all().get(30, TimeUnit.SECONDS);
        return offsets.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }
}
