package io.aqueduct.connect.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@KafkaIT
class SingleNodeClusterIT {

    private static KafkaCluster staticCluster;
    private static String bootstrapSeenInBeforeAll;

    private KafkaCluster cluster;

    @BeforeAll
    static void beforeAll(KafkaCluster fromParameter) {
        bootstrapSeenInBeforeAll = fromParameter.bootstrapServers();
    }

    @Test
    void injectsTheSameClusterIntoStaticFieldsInstanceFieldsAndParameters(KafkaCluster fromParameter) {
        assertNotNull(cluster);
        assertSame(staticCluster, cluster);
        assertSame(cluster, fromParameter);
        assertEquals(bootstrapSeenInBeforeAll, cluster.bootstrapServers());
        assertEquals(1, cluster.brokerCount());
    }

    @Test
    void producesAndConsumesRecordsInOrder() {
        String topic = cluster.uniqueName("single-node");
        cluster.createTopic(topic, 1, 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(new ProducerRecord<>(topic, bytes("k" + i), bytes("v" + i)));
        }
        List<RecordMetadata> acks = cluster.produce(records);
        assertEquals(200, acks.size());
        assertEquals(199, acks.get(199).offset());

        List<ConsumerRecord<String, String>> read = cluster.consumeStringsUntil(topic, 200, Duration.ofSeconds(30));
        assertEquals(200, read.size());
        for (int i = 0; i < 200; i++) {
            assertEquals("k" + i, read.get(i).key());
            assertEquals("v" + i, read.get(i).value());
            assertEquals(i, read.get(i).offset());
        }
    }

    @Test
    void createsTopicsWithPartitionsAndConfigsThatClientsCanUseAtOnce() throws Exception {
        String topic = cluster.uniqueName("configured");
        cluster.createTopic(topic, 4, 1, Map.of("cleanup.policy", "compact"));

        assertEquals(4, cluster.admin().describeTopics(Set.of(topic)).allTopicNames().get()
                .get(topic).partitions().size());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = cluster.admin().describeConfigs(Set.of(resource)).all().get().get(resource);
        assertEquals("compact", config.get("cleanup.policy").value());

        RecordMetadata ack = cluster.produce(topic, "key", null);
        List<ConsumerRecord<byte[], byte[]>> read = cluster.consumeUntil(topic, 1, Duration.ofSeconds(30));
        assertEquals(ack.partition(), read.get(0).partition());
        assertEquals("key", new String(read.get(0).key(), StandardCharsets.UTF_8));
        assertNull(read.get(0).value());
    }

    @Test
    void consumeUntilFailsWithTheCountsWhenTooFewRecordsArrive() {
        String topic = cluster.uniqueName("short");
        cluster.createTopic(topic, 1, 1);
        cluster.produce(topic, "only", "one");

        AssertionError error = assertThrows(AssertionError.class,
                () -> cluster.consumeUntil(topic, 2, Duration.ofMillis(500)));
        assertTrue(error.getMessage().contains("at least 2 records from topic " + topic), error.getMessage());
        assertTrue(error.getMessage().contains("read only 1"), error.getMessage());
    }

    @Test
    void uniqueNamesDifferAndKeepThePrefix() {
        String first = cluster.uniqueName("topic");
        String second = cluster.uniqueName("topic");
        assertNotEquals(first, second);
        assertTrue(first.startsWith("topic-"), first);
        assertTrue(first.matches("[a-zA-Z0-9._-]+"), first);
    }

    @Test
    void clientPropsAreFreshMapsPointingAtTheCluster() {
        Map<String, Object> producer = cluster.producerProps();
        producer.put("client.id", "changed");
        assertFalse(cluster.producerProps().containsKey("client.id"));
        assertEquals(cluster.bootstrapServers(), cluster.consumerProps().get("bootstrap.servers"));
        assertEquals(cluster.bootstrapServers(), cluster.adminProps().get("bootstrap.servers"));
        assertFalse(cluster.consumerProps().containsKey("group.id"));
    }

    @Nested
    class NestedClass {

        @Test
        void sharesTheEnclosingClassCluster(KafkaCluster nested) {
            assertSame(cluster, nested);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
