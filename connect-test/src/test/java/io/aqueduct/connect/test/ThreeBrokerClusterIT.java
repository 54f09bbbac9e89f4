package io.aqueduct.connect.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

@KafkaIT(brokers = 3)
class ThreeBrokerClusterIT {

    @Test
    void createsATopicReplicatedOnAllThreeBrokers(KafkaCluster cluster) throws Exception {
        assertEquals(3, cluster.brokerCount());
        assertEquals(3, cluster.admin().describeCluster().nodes().get().size());

        String topic = cluster.uniqueName("replicated");
        cluster.createTopic(topic, 3, 3);

        TopicDescription description = cluster.admin().describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
        assertEquals(3, description.partitions().size());
        for (TopicPartitionInfo partition : description.partitions()) {
            assertEquals(3, partition.replicas().size(), partition.toString());
            assertEquals(3, partition.isr().size(), partition.toString());
        }

        cluster.produce(topic, "key", "replicated value");
        List<ConsumerRecord<String, String>> read = cluster.consumeStringsUntil(topic, 1, Duration.ofSeconds(30));
        assertEquals("replicated value", read.get(0).value());
    }
}
