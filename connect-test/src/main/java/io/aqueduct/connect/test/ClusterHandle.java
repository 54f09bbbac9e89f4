package io.aqueduct.connect.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The {@link KafkaCluster} given to tests; backed by an embedded cluster, or by an external one when that is null. */
final class ClusterHandle implements KafkaCluster {

    static final Duration TOPIC_READY_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration CLIENT_CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final EmbeddedKafka embedded;
    private final Admin admin;

    ClusterHandle(String bootstrapServers, EmbeddedKafka embedded) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
        this.admin = Admin.create(adminProps());
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public boolean isExternal() {
        return embedded == null;
    }

    @Override
    public int brokerCount() {
        if (embedded != null) {
            return embedded.brokers();
        }
        return get(admin.describeCluster().nodes(), "describe the cluster").size();
    }

    @Override
    public Admin admin() {
        return admin;
    }

    @Override
    public String uniqueName(String prefix) {
        return TestNames.unique(prefix);
    }

    @Override
    public void createTopic(String name, int partitions, int replicationFactor) {
        createTopic(name, partitions, replicationFactor, Map.of());
    }

    @Override
    public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> topicConfigs) {
        NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor).configs(topicConfigs);
        get(admin.createTopics(List.of(topic)).all(), "create topic " + name);
        awaitTopicReady(name, partitions, replicationFactor);
    }

    /** Metadata is eventually consistent: creation can return before brokers or clients see the topic. */
    private void awaitTopicReady(String name, int partitions, int replicationFactor) {
        long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
        String lastState = "not described yet";
        while (System.nanoTime() < deadline) {
            Optional<String> notReady = topicNotReadyReason(name, partitions, replicationFactor);
            if (notReady.isEmpty()) {
                return;
            }
            lastState = notReady.get();
            pause();
        }
        throw new AssertionError("Topic " + name + " was created but not ready within "
                + TOPIC_READY_TIMEOUT.toSeconds() + " s: " + lastState);
    }

    private Optional<String> topicNotReadyReason(String name, int partitions, int replicationFactor) {
        TopicDescription description;
        try {
            description = admin.describeTopics(Set.of(name)).allTopicNames()
                    .get(CLIENT_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.of("unknown to the broker answering describeTopics");
            }
            throw new AssertionError("Could not describe topic " + name, e.getCause());
        } catch (Exception e) {
            throw new AssertionError("Could not describe topic " + name, e);
        }
        if (description.partitions().size() < partitions) {
            return Optional.of(description.partitions().size() + " of " + partitions + " partitions described");
        }
        for (TopicPartitionInfo partition : description.partitions()) {
            if (partition.leader() == null || partition.isr().size() < replicationFactor) {
                return Optional.of("partition " + partition.partition() + " has leader " + partition.leader()
                        + " and ISR " + partition.isr());
            }
        }
        if (embedded != null && !embedded.allBrokersKnow(name, partitions)) {
            return Optional.of("not yet in every broker's metadata cache");
        }
        return Optional.empty();
    }

    @Override
    public RecordMetadata produce(String topic, String key, String value) {
        return produce(List.of(new ProducerRecord<>(topic, utf8(key), utf8(value)))).get(0);
    }

    @Override
    public List<RecordMetadata> produce(List<ProducerRecord<byte[], byte[]>> records) {
        Map<String, Object> props = producerProps();
        // One request in flight keeps the records in the order given, even across retries.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> record : records) {
                sent.add(producer.send(record));
            }
            producer.flush();
            List<RecordMetadata> acknowledged = new ArrayList<>(sent.size());
            for (Future<RecordMetadata> future : sent) {
                acknowledged.add(get(future, "produce to " + records.get(acknowledged.size()).topic()));
            }
            return acknowledged;
        }
    }

    @Override
    public List<ConsumerRecord<byte[], byte[]>> consumeUntil(String topic, int count, Duration timeout) {
        return consume(topic, count, timeout, Function.identity());
    }

    @Override
    public List<ConsumerRecord<String, String>> consumeStringsUntil(String topic, int count, Duration timeout) {
        return consume(topic, count, timeout, ClusterHandle::utf8);
    }

    private <T> List<ConsumerRecord<T, T>> consume(String topic, int count, Duration timeout,
                                                  Function<byte[], T> decode) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<T, T>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    records.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(),
                            r.timestampType(), r.serializedKeySize(), r.serializedValueSize(),
                            decode.apply(r.key()), decode.apply(r.value()), r.headers(), r.leaderEpoch()));
                }
            }
        }
        if (records.size() < count) {
            throw new AssertionError("Expected at least " + count + " records from topic " + topic + " within "
                    + timeout.toMillis() + " ms but read only " + records.size());
        }
        return records;
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> consumer, String topic, long deadline) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>(infos.size());
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                return partitions;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("Topic " + topic + " has no partitions in the cluster's metadata");
            }
            pause();
        }
    }

    @Override
    public Map<String, Object> producerProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    @Override
    public Map<String, Object> consumerProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    @Override
    public Map<String, Object> adminProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** Closes the shared admin client; the cluster itself is owned by the extension. */
    void close() {
        admin.close(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return (embedded == null ? "external" : "embedded") + " Kafka cluster at " + bootstrapServers;
    }

    private static <T> T get(Future<T> future, String what) {
        try {
            return future.get(CLIENT_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("Could not " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while trying to " + what, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Could not " + what + " within " + CLIENT_CALL_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the cluster", e);
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
