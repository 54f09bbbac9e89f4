package io.aqueduct.connect.runtime.storage;

import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.EOS_CONFIGS;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.EOS_SRC_CONFIG;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.props;
import static io.aqueduct.connect.runtime.storage.ConfigStoreTesting.task;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;

@KafkaIT
class KafkaConfigBackingStoreIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SessionKey REFERENCE_SESSION_KEY = SessionKey.of(
            Base64.getDecoder().decode("s/nl5YyvJYzW43Pwffvx9wIG94S9jNoML5iWn/sXy7U="), "HmacSHA256", 1795235489435L);

    private KafkaCluster cluster;
    private final List<KafkaConfigBackingStore> stores = new ArrayList<>();

    @AfterEach
    void stopStores() {
        stores.forEach(KafkaConfigBackingStore::stop);
    }

    @Test
    void createsTheTopicWithOnePartitionAndOnlyACompactOverride() throws Exception {
        String topic = cluster.uniqueName("configs");
        store(topic).start();

        TopicDescription description = cluster.admin().describeTopics(Set.of(topic)).allTopicNames().get()
                .get(topic);
        assertEquals(1, description.partitions().size());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = cluster.admin().describeConfigs(Set.of(resource)).all().get().get(resource);
        List<String> overrides = config.entries().stream()
                .filter(entry -> entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                .map(entry -> entry.name() + "=" + entry.value()).toList();
        assertEquals(List.of("cleanup.policy=compact"), overrides);
    }

    @Test
    void writesTheReferenceRecordsAndASecondInstanceReplaysThem() throws Exception {
        String topic = cluster.uniqueName("configs");
        KafkaConfigBackingStore writer = store(topic);
        writer.start();

        writer.putConnectorConfig("ref-src", EOS_SRC_CONFIG, null);
        writer.putTaskConfigs("ref-src", List.of(props("task", "0"), props("task", "1")));
        writer.putConnectorConfig("created-paused", props("name", "created-paused"), TargetState.PAUSED);
        writer.putTaskConfigs("ref-src", List.of());
        writer.putTargetState("ref-src", TargetState.STOPPED);
        writer.putRestartRequest(new RestartRequest("created-paused", false, true));
        writer.putLoggerLevel("org.apache.kafka.connect", "debug");
        writer.putSessionKey(REFERENCE_SESSION_KEY);
        writer.putConnectorConfig("deleted", props("name", "deleted"), TargetState.STOPPED);
        writer.removeConnectorConfig("deleted");

        List<String> expected = List.of(
                "connector-ref-src=" + EOS_CONFIGS.get(1)[1],
                "task-ref-src-0={\"properties\":{\"task\":\"0\"}}",
                "task-ref-src-1={\"properties\":{\"task\":\"1\"}}",
                "commit-ref-src={\"tasks\":2}",
                "target-state-created-paused={\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}",
                "connector-created-paused={\"properties\":{\"name\":\"created-paused\"}}",
                "commit-ref-src={\"tasks\":0}",
                "target-state-ref-src={\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}",
                "restart-connector-created-paused={\"include-tasks\":true,\"only-failed\":false}",
                "logger-cluster-org.apache.kafka.connect={\"level\":\"debug\"}",
                "session-key=" + EOS_CONFIGS.get(0)[1],
                "target-state-deleted={\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}",
                "connector-deleted={\"properties\":{\"name\":\"deleted\"}}",
                "connector-deleted=null",
                "target-state-deleted=null");
        List<ConsumerRecord<String, String>> raw = cluster.consumeStringsUntil(topic, expected.size(), TIMEOUT);
        assertEquals(expected, raw.stream().map(r -> r.key() + "=" + r.value()).toList());
        for (int i = 0; i < raw.size(); i++) {
            assertEquals(i, raw.get(i).offset(), "one record per offset, no transaction markers");
            assertEquals(0, raw.get(i).headers().toArray().length, "no headers");
        }

        writer.refresh(TIMEOUT);
        ClusterConfigState written = writer.snapshot();
        assertEquals(expected.size(), written.offset());

        KafkaConfigBackingStore reader = store(topic);
        reader.start();
        ClusterConfigState replayed = reader.snapshot();
        for (ClusterConfigState state : List.of(written, replayed)) {
            assertEquals(Set.of("created-paused", "ref-src"), state.connectors());
            assertEquals(EOS_SRC_CONFIG, state.connectorConfig("ref-src"));
            assertEquals(List.copyOf(EOS_SRC_CONFIG.keySet()),
                    List.copyOf(state.connectorConfig("ref-src").keySet()), "key order survives");
            assertEquals(TargetState.STOPPED, state.targetState("ref-src"));
            assertEquals(List.of(), state.tasks("ref-src"));
            assertEquals(TargetState.PAUSED, state.targetState("created-paused"));
            assertEquals(Map.of("created-paused", new RestartRequest("created-paused", false, true)),
                    state.restartRequests());
            assertEquals(Map.of("org.apache.kafka.connect", "debug"), state.loggerLevels());
            assertEquals(REFERENCE_SESSION_KEY, state.sessionKey());
            assertFalse(state.contains("deleted"));
            assertEquals(TargetState.STARTED, state.targetState("deleted"));
        }
        assertEquals(written.offset(), replayed.offset());
    }

    @Test
    void readsATopicPrefilledWithRecordsWrittenByApacheKafkaConnect() {
        String topic = cluster.uniqueName("configs");
        cluster.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        List<String[]> records = new ArrayList<>(EOS_CONFIGS);
        // Records of the non-eos reference run: a running sink shrunk from 2 tasks to 1, a pre-3.5 target state.
        records.add(new String[] {"connector-x1-sink", "{\"properties\":{\"name\":\"x1-sink\",\"tasks.max\":\"2\"}}"});
        records.add(new String[] {"task-x1-sink-0", "{\"properties\":{\"name\":\"x1-sink\",\"gen\":\"1\"}}"});
        records.add(new String[] {"task-x1-sink-1", "{\"properties\":{\"name\":\"x1-sink\",\"gen\":\"1\"}}"});
        records.add(new String[] {"commit-x1-sink", "{\"tasks\":2}"});
        records.add(new String[] {"connector-x1-sink", "{\"properties\":{\"name\":\"x1-sink\",\"tasks.max\":\"1\"}}"});
        records.add(new String[] {"task-x1-sink-0", "{\"properties\":{\"name\":\"x1-sink\",\"gen\":\"2\"}}"});
        records.add(new String[] {"commit-x1-sink", "{\"tasks\":1}"});
        records.add(new String[] {"restart-connector-x1-sink", "{\"include-tasks\":true,\"only-failed\":true}"});
        records.add(new String[] {"logger-cluster-org.apache.kafka.connect", "{\"level\":\"debug\"}"});
        records.add(new String[] {"connector-old", "{\"properties\":{\"name\":\"old\"}}"});
        records.add(new String[] {"target-state-old", "{\"state\":\"PAUSED\"}"});
        cluster.produce(records.stream().map(r -> new ProducerRecord<>(topic, bytes(r[0]), bytes(r[1]))).toList());

        KafkaConfigBackingStore store = store(topic);
        store.start();
        ClusterConfigState state = store.snapshot();

        assertEquals(records.size(), state.offset());
        assertEquals(Set.of("eos-src", "old", "x1-sink"), state.connectors());
        assertEquals(EOS_SRC_CONFIG, state.connectorConfig("eos-src"));
        assertEquals(TargetState.STOPPED, state.targetState("eos-src"));
        assertEquals(List.of(), state.tasks("eos-src"));
        assertFalse(state.contains("eos-src2"));
        assertEquals(List.of(), state.tasks("eos-src2"));
        assertEquals(REFERENCE_SESSION_KEY, state.sessionKey());

        assertEquals(TargetState.STARTED, state.targetState("x1-sink"));
        assertEquals(List.of(task("x1-sink", 0)), state.tasks("x1-sink"));
        assertEquals(props("name", "x1-sink", "gen", "2"), state.taskConfig(task("x1-sink", 0)));
        assertNull(state.taskConfig(task("x1-sink", 1)));
        assertEquals(new RestartRequest("x1-sink", true, true), state.restartRequests().get("x1-sink"));
        assertEquals(Map.of("org.apache.kafka.connect", "debug"), state.loggerLevels());
        assertEquals(TargetState.PAUSED, state.targetState("old"));
        assertTrue(state.inconsistentConnectors().isEmpty());
    }

    @Test
    void readsATransactionallyWrittenTopicWithoutTheRecordsOfAbortedTransactions() {
        String topic = cluster.uniqueName("eos-configs");
        cluster.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        Map<String, Object> props = new HashMap<>(cluster.producerProps());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, cluster.uniqueName("leader"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            // As an exactly-once Apache leader writes: one transaction per record, so data and markers alternate.
            for (String[] record : EOS_CONFIGS) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, bytes(record[0]), bytes(record[1])));
                producer.commitTransaction();
            }
            // A leader that failed half-way: the topic ends with an abort marker.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("connector-aborted"),
                    bytes("{\"properties\":{\"name\":\"aborted\"}}")));
            producer.flush();
            producer.abortTransaction();
        }

        KafkaConfigBackingStore store = store(topic);
        store.start();
        ClusterConfigState state = store.snapshot();

        assertEquals(Set.of("eos-src"), state.connectors());
        assertEquals(TargetState.STOPPED, state.targetState("eos-src"));
        assertEquals(REFERENCE_SESSION_KEY, state.sessionKey());
        assertEquals(2L * EOS_CONFIGS.size() - 1, state.offset(), "offset after the last committed record");

        store.putLoggerLevel("org.apache.kafka", "INFO");
        assertDoesNotThrow(() -> store.refresh(TIMEOUT), "reading to the end gets past the markers");
        assertEquals(Map.of("org.apache.kafka", "INFO"), store.snapshot().loggerLevels());
    }

    @Test
    void refusesAnExistingTopicThatIsNotCompacted() {
        String topic = cluster.uniqueName("configs-delete");
        cluster.createTopic(topic, 1, 1);
        KafkaConfigBackingStore store = store(topic);

        ConfigException e = assertThrows(ConfigException.class, store::start);
        assertTrue(e.getMessage().contains("'" + topic + "' (config.storage.topic) has cleanup.policy=delete"),
                e.getMessage());
        assertTrue(e.getMessage().contains("cleanup.policy=compact"), e.getMessage());
    }

    @Test
    void refusesAnExistingTopicWithMoreThanOnePartition() {
        String topic = cluster.uniqueName("configs-two");
        cluster.createTopic(topic, 2, 1, Map.of("cleanup.policy", "compact"));
        KafkaConfigBackingStore store = store(topic);

        ConfigException e = assertThrows(ConfigException.class, store::start);
        assertTrue(e.getMessage().contains("'" + topic + "' (config.storage.topic) has 2 partitions"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> store.putLoggerLevel("x", "INFO"), "the store is stopped");
    }

    @Test
    void theListenerHearsOfAnotherWorkersWritesButNotOfRecordsReadAtStartUp() throws Exception {
        String topic = cluster.uniqueName("configs");
        KafkaConfigBackingStore leader = store(topic);
        leader.start();
        leader.putConnectorConfig("before", props("name", "before"), null);

        KafkaConfigBackingStore follower = store(topic);
        ConfigStoreTesting.RecordingListener listener = new ConfigStoreTesting.RecordingListener();
        follower.setUpdateListener(listener);
        follower.start();
        assertTrue(follower.snapshot().contains("before"));

        leader.putConnectorConfig("c", props("name", "c"), TargetState.STOPPED);
        leader.putTargetState("c", TargetState.STARTED);
        leader.putTaskConfigs("c", List.of(props("task", "0"), props("task", "1")));
        leader.putRestartRequest(new RestartRequest("c", true, false));
        leader.putLoggerLevel("io.aqueduct", "TRACE");
        leader.putSessionKey(REFERENCE_SESSION_KEY);
        leader.removeConnectorConfig("before");
        follower.refresh(TIMEOUT);

        assertEquals(List.of("target-state:c", "config:c", "target-state:c", "tasks:[c-0, c-1]",
                "restart:c,includeTasks=false,onlyFailed=true", "logger:io.aqueduct=TRACE",
                "session-key:1795235489435", "remove:before"), listener.drain());
        ClusterConfigState state = follower.snapshot();
        assertEquals(Set.of("c"), state.connectors());
        assertEquals(props("task", "1"), state.taskConfig(task("c", 1)));
    }

    private KafkaConfigBackingStore store(String topic) {
        Map<String, Object> clients = Map.of("bootstrap.servers", cluster.bootstrapServers());
        KafkaConfigBackingStore store = new KafkaConfigBackingStore(topic, (short) -1, clients, clients, clients,
                "test-configs");
        stores.add(store);
        return store;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
