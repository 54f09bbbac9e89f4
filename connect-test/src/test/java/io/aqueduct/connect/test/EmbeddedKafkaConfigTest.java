package io.aqueduct.connect.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class EmbeddedKafkaConfigTest {

    @Test
    void singleBrokerGetsReplicationFactorOneForInternalTopics() {
        Map<String, String> config = EmbeddedKafka.brokerConfig(1, Map.of());
        assertEquals("1", config.get("offsets.topic.replication.factor"));
        assertEquals("1", config.get("transaction.state.log.replication.factor"));
        assertEquals("1", config.get("transaction.state.log.min.isr"));
        assertEquals("1", config.get("share.coordinator.state.topic.replication.factor"));
        assertEquals("1", config.get("share.coordinator.state.topic.min.isr"));
        assertEquals("0", config.get("group.initial.rebalance.delay.ms"));
        assertEquals("1", config.get("offsets.topic.num.partitions"));
    }

    @Test
    void threeBrokersKeepReplicationThree() {
        Map<String, String> config = EmbeddedKafka.brokerConfig(3, Map.of());
        assertEquals("3", config.get("offsets.topic.replication.factor"));
        assertEquals("2", config.get("transaction.state.log.min.isr"));
    }

    @Test
    void extraSettingsOverrideDefaults() {
        Map<String, String> config = EmbeddedKafka.brokerConfig(1,
                KafkaClusterExtension.parseBrokerConfig(new String[] {"offsets.topic.num.partitions = 3", "a=b=c"}));
        assertEquals("3", config.get("offsets.topic.num.partitions"));
        assertEquals("b=c", config.get("a"));
    }

    @Test
    void malformedBrokerConfigEntryIsRejectedWithTheEntry() {
        ExtensionConfigurationException e = assertThrows(ExtensionConfigurationException.class,
                () -> KafkaClusterExtension.parseBrokerConfig(new String[] {"no-equals-sign"}));
        assertEquals("@KafkaIT brokerConfig entry 'no-equals-sign' is not of the form key=value", e.getMessage());
    }
}
