package io.aqueduct.connect.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;

@KafkaIT
class TopicAdminIT {

    private KafkaCluster cluster;

    private TopicDescription describe(String topic) throws Exception {
        return cluster.admin().describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
    }

    private String cleanupPolicy(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return cluster.admin().describeConfigs(Set.of(resource)).all().get().get(resource)
                .get("cleanup.policy").value();
    }

    @Test
    void createsACompactedTopicWithTheGivenPartitionsAndAcceptsItNextTime() throws Exception {
        String topic = cluster.uniqueName("offsets");
        TopicAdmin admin = new TopicAdmin(cluster.admin());

        assertTrue(admin.ensureCompactedTopic(topic, 5, (short) 1, "offset.storage.topic"));
        assertEquals(5, describe(topic).partitions().size());
        assertEquals("compact", cleanupPolicy(topic));

        assertFalse(admin.ensureCompactedTopic(topic, 5, (short) 1, "offset.storage.topic"));
    }

    @Test
    void minusOneMeansTheBrokerDefaults() throws Exception {
        String topic = cluster.uniqueName("defaults");
        assertTrue(new TopicAdmin(cluster.admin()).ensureCompactedTopic(topic, -1, (short) -1, "status.storage.topic"));
        TopicDescription description = describe(topic);
        assertEquals(1, description.partitions().size());
        assertEquals(1, description.partitions().get(0).replicas().size());
    }

    @Test
    void workersRacingToCreateTheTopicAllSucceedAndOneCreatesIt() throws Exception {
        String topic = cluster.uniqueName("race");
        List<CompletableFuture<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                try (TopicAdmin admin = new TopicAdmin(cluster.adminProps())) {
                    return admin.ensureCompactedTopic(topic, 3, (short) 1, "config.storage.topic");
                }
            }));
        }
        int created = 0;
        for (CompletableFuture<Boolean> racer : racers) {
            created += racer.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, created);
        assertEquals("compact", cleanupPolicy(topic));
    }

    @Test
    void anExistingTopicThatIsNotCompactedIsRefusedWithTheFix() {
        String topic = cluster.uniqueName("plain");
        cluster.createTopic(topic, 1, 1);

        ConfigException e = assertThrows(ConfigException.class,
                () -> new TopicAdmin(cluster.admin()).ensureCompactedTopic(topic, 25, (short) 1, "offset.storage.topic"));
        assertTrue(e.getMessage().startsWith("Topic '" + topic + "' (offset.storage.topic) has cleanup.policy=delete, "
                + "but the worker keeps its state in this topic and needs cleanup.policy=compact only"), e.getMessage());
        assertTrue(e.getMessage().contains("set cleanup.policy=compact on the topic"), e.getMessage());
        assertTrue(e.getMessage().contains("--entity-name " + topic + " --add-config cleanup.policy=compact"),
                e.getMessage());
        assertTrue(e.getMessage().contains("or set offset.storage.topic to another topic name"), e.getMessage());
    }

    @Test
    void compactAndDeleteIsRefusedToo() {
        String topic = cluster.uniqueName("both");
        cluster.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact,delete"));

        ConfigException e = assertThrows(ConfigException.class,
                () -> new TopicAdmin(cluster.admin()).ensureCompactedTopic(topic, 1, (short) 1, "config.storage.topic"));
        assertTrue(e.getMessage().contains("has cleanup.policy=compact,delete"), e.getMessage());
    }

    @Test
    void anImpossibleReplicationFactorFailsNamingTheTopicAndSetting() {
        String topic = cluster.uniqueName("too-many-replicas");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> new TopicAdmin(cluster.admin()).ensureCompactedTopic(topic, 1, (short) 3, "status.storage.topic"));
        assertTrue(e.getMessage().startsWith("Could not create topic '" + topic + "' (status.storage.topic) with 1 "
                + "partitions and replication factor 3"), e.getMessage());
    }
}
