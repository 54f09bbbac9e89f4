package io.aqueduct.connect.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker in the benchmark's JVM (Kafka's own test kit), plus the admin calls the
 * scenarios need. Both runtimes talk to this one broker over the loopback interface.
 */
final class BenchBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchBroker.class);

    private final KafkaClusterTestKit kit;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> offsetReader;

    private BenchBroker(KafkaClusterTestKit kit) {
        this.kit = kit;
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        this.admin = Admin.create(adminProps);
        this.offsetReader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static BenchBroker start(Path baseDirectory) throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(baseDirectory);
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(Files.createTempDirectory(baseDirectory, "broker-"))
                .build();
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                // A one-node cluster cannot hold the default replication factor of 3.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception | Error e) {
            kit.close();
            throw e;
        }
        log.info("Broker ready at {} after {} ms", kit.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return new BenchBroker(kit);
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        // Metadata is eventually consistent: wait until the broker serves the new partitions.
        Poll.until(java.time.Duration.ofSeconds(30), () -> endOffset(name, partitions) >= 0);
    }

    /** Sum of the end offsets of partitions 0..partitions-1 of {@code topic}: the records written so far. */
    long endOffset(String topic, int partitions) {
        List<TopicPartition> tps = new java.util.ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            tps.add(new TopicPartition(topic, p));
        }
        return offsetReader.endOffsets(tps, java.time.Duration.ofSeconds(10)).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() throws Exception {
        offsetReader.close();
        admin.close();
        kit.close();
    }
}
