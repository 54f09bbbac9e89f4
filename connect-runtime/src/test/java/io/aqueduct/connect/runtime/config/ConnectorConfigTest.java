package io.aqueduct.connect.runtime.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorConfigTest {

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(ConnectorConfig.NAME_CONFIG, "c1");
        props.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, "FileStreamSource");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void commonKeysHaveApacheGroupsAndDefaults() {
        ConnectorConfig config = new ConnectorConfig(props());
        assertEquals(1, config.tasksMax());
        assertEquals(ConnectorConfig.ToleranceType.NONE, config.errorTolerance());
        assertEquals(List.of(), config.transformAliases());
        assertEquals(List.of("Common", "Transforms", "Predicates", "Error Handling"), ConnectorConfig.configDef().groups());
        assertEquals(List.of("Common", "Transforms", "Predicates", "Error Handling", "Topic Creation",
                "Exactly Once Support", "offsets.topic"), SourceConnectorConfig.configDef().groups());
    }

    @Test
    void tasksMaxMustBePositive() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConnectorConfig(props("tasks.max", "0")));
        assertTrue(e.getMessage().contains("tasks.max"), e.getMessage());
    }

    @Test
    void duplicateTransformAliasIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConnectorConfig(props("transforms", "a,b,a")));
        assertTrue(e.getMessage().contains("'a' is listed twice"), e.getMessage());
    }

    @Test
    void sinkNeedsExactlyOneOfTopicsAndRegex() {
        assertThrows(ConfigException.class, () -> new SinkConnectorConfig(props()));
        ConfigException both = assertThrows(ConfigException.class,
                () -> new SinkConnectorConfig(props("topics", "t", "topics.regex", "t.*")));
        assertTrue(both.getMessage().contains("both are set"), both.getMessage());
        assertEquals(List.of("t1", "t2"), new SinkConnectorConfig(props("topics", "t1,t2")).topics());
        assertEquals("t.*", new SinkConnectorConfig(props("topics.regex", "t.*")).topicsRegex());
    }

    @Test
    void sinkRefusesInvalidRegexAndDlqItConsumes() {
        ConfigException regex = assertThrows(ConfigException.class,
                () -> new SinkConnectorConfig(props("topics.regex", "(")));
        assertTrue(regex.getMessage().contains("topics.regex"), regex.getMessage());
        ConfigException dlq = assertThrows(ConfigException.class, () -> new SinkConnectorConfig(
                props("topics", "in,dlq", SinkConnectorConfig.DLQ_TOPIC_NAME_CONFIG, "dlq")));
        assertTrue(dlq.getMessage().contains("errors.deadletterqueue.topic.name"), dlq.getMessage());
    }

    @Test
    void topicCreationPicksFirstMatchingGroup() {
        SourceConnectorConfig config = new SourceConnectorConfig(props(
                "topic.creation.groups", "compacted",
                "topic.creation.default.replication.factor", "1",
                "topic.creation.default.partitions", "3",
                "topic.creation.compacted.include", "state-.*",
                "topic.creation.compacted.exclude", "state-tmp",
                "topic.creation.compacted.partitions", "1",
                "topic.creation.compacted.cleanup.policy", "compact"));
        TopicCreationGroups groups = TopicCreationGroups.of(config).orElseThrow();

        NewTopic compacted = groups.newTopic("state-users");
        assertEquals(1, compacted.numPartitions());
        assertEquals(Map.of("cleanup.policy", "compact"), compacted.configs());
        assertEquals(-1, compacted.replicationFactor(), "unset group replication falls back to the broker default");

        NewTopic fallback = groups.newTopic("state-tmp");
        assertEquals(3, fallback.numPartitions());
        assertEquals(1, fallback.replicationFactor());
    }

    @Test
    void topicCreationIsOffWithoutDefaultGroupSettings() {
        assertEquals(Optional.empty(), TopicCreationGroups.of(new SourceConnectorConfig(props())));
        ConfigException e = assertThrows(ConfigException.class, () -> new SourceConnectorConfig(props(
                "topic.creation.default.partitions", "0", "topic.creation.default.replication.factor", "1")));
        assertTrue(e.getMessage().contains("topic.creation.default.partitions"), e.getMessage());
    }
}
