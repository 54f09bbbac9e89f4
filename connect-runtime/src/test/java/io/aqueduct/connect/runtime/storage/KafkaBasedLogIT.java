package io.aqueduct.connect.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;

@KafkaIT
class KafkaBasedLogIT {

    private KafkaCluster cluster;
    private final List<KafkaBasedLog<String, String>> logs = new ArrayList<>();

    @AfterEach
    void stopLogs() {
        logs.forEach(KafkaBasedLog::stop);
    }

    private KafkaBasedLog<String, String> log(String topic, Consumer<ConsumerRecord<String, String>> onRecord) {
        KafkaBasedLog<String, String> log = KafkaBasedLog.<String, String>builder(topic)
                .producerConfigs(cluster.producerProps())
                .consumerConfigs(cluster.consumerProps())
                .serializers(new StringSerializer(), new StringSerializer())
                .deserializers(new StringDeserializer(), new StringDeserializer())
                .onRecord(onRecord)
                .build();
        logs.add(log);
        return log;
    }

    private String compactedTopic(int partitions) {
        String topic = cluster.uniqueName("log");
        cluster.createTopic(topic, partitions, 1, Map.of("cleanup.policy", "compact"));
        return topic;
    }

    @Test
    void readsBackItsOwnWritesInOrderPerPartition() throws Exception {
        String topic = compactedTopic(3);
        List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
        KafkaBasedLog<String, String> log = log(topic, seen::add);
        log.start();
        assertEquals(3, log.partitions().size());

        for (int i = 0; i < 300; i++) {
            log.send("key-" + (i % 10), Integer.toString(i));
        }
        log.flush();
        log.readToEnd().get(30, TimeUnit.SECONDS);

        assertEquals(300, seen.size());
        Map<Integer, Integer> lastValuePerPartition = new HashMap<>();
        Map<String, Integer> partitionOfKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : seen) {
            int value = Integer.parseInt(record.value());
            Integer previous = lastValuePerPartition.put(record.partition(), value);
            assertTrue(previous == null || previous < value,
                    "partition " + record.partition() + " delivered " + value + " after " + previous);
            Integer partition = partitionOfKey.putIfAbsent(record.key(), record.partition());
            assertTrue(partition == null || partition == record.partition(), "a key moved between partitions");
        }
    }

    @Test
    void readToEndSeesWhatAnotherProducerWroteBeforeTheCall() throws Exception {
        String topic = compactedTopic(2);
        List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
        KafkaBasedLog<String, String> log = log(topic, seen::add);
        log.start();
        assertEquals(0, seen.size());

        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(new ProducerRecord<>(topic, ("other-" + i).getBytes(), ("v" + i).getBytes()));
        }
        cluster.produce(records);

        // No polling: readToEnd promises every acknowledged write is delivered when it completes.
        log.readToEnd().get(30, TimeUnit.SECONDS);
        assertEquals(50, seen.size());
    }

    @Test
    void concurrentWritersEachSeeTheirAcknowledgedWriteAfterReadToEnd() throws Exception {
        String topic = compactedTopic(3);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        KafkaBasedLog<String, String> log = log(topic, record -> seen.add(record.value()));
        log.start();

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                workers.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String value = thread + "-" + i;
                        log.send("k" + thread, value).get(30, TimeUnit.SECONDS);
                        log.readToEnd().get(30, TimeUnit.SECONDS);
                        assertTrue(seen.contains(value), "readToEnd completed without " + value);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(150, seen.size());
    }

    @Test
    void aRestartedLogReplaysTheWholeTopicBeforeStartReturns() throws Exception {
        String topic = compactedTopic(3);
        KafkaBasedLog<String, String> writer = log(topic, record -> { });
        writer.start();
        for (int i = 0; i < 100; i++) {
            writer.send("k" + i, "v" + i);
        }
        writer.stop();

        List<ConsumerRecord<String, String>> replayed = new CopyOnWriteArrayList<>();
        log(topic, replayed::add).start();
        assertEquals(100, replayed.size());
        assertEquals("v7", replayed.stream().filter(r -> r.key().equals("k7")).findFirst().orElseThrow().value());
    }

    @Test
    void aFailingCallbackIsLoggedAndTheReaderGoesOn() throws Exception {
        String topic = compactedTopic(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        KafkaBasedLog<String, String> log = log(topic, record -> {
            if (record.value().equals("poison")) {
                throw new IllegalStateException("callback bug");
            }
            seen.add(record.value());
        });
        log.start();
        log.send("a", "first");
        log.send("b", "poison");
        log.send("c", "after");
        log.flush();
        log.readToEnd().get(30, TimeUnit.SECONDS);
        assertEquals(List.of("first", "after"), seen);

        // readToEnd covers what the broker has when it is called, so wait for the ack first
        log.send("d", "later").get(30, TimeUnit.SECONDS);
        log.readToEnd().get(30, TimeUnit.SECONDS);
        assertEquals(List.of("first", "after", "later"), seen);
    }

    @Test
    void tombstonesReachTheCallback() throws Exception {
        String topic = compactedTopic(1);
        List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
        KafkaBasedLog<String, String> log = log(topic, seen::add);
        log.start();
        log.send("k", "v");
        log.send("k", null).get(30, TimeUnit.SECONDS);
        log.readToEnd().get(30, TimeUnit.SECONDS);
        assertEquals(2, seen.size());
        assertEquals(null, seen.get(1).value());
    }

    @Test
    void aStoppedLogRefusesReadsAndWrites() throws Exception {
        String topic = compactedTopic(1);
        KafkaBasedLog<String, String> log = log(topic, record -> { });
        log.start();
        log.stop();
        log.stop();

        ExecutionException read = assertThrows(ExecutionException.class,
                () -> log.readToEnd().get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, read.getCause());
        assertThrows(IllegalStateException.class, () -> log.send("k", "v"));
    }

    @Test
    void startFailsWhenTheTopicNeverAppears() {
        KafkaBasedLog<String, String> log = KafkaBasedLog.<String, String>builder(cluster.uniqueName("missing"))
                .consumerConfigs(cluster.consumerProps())
                .deserializers(new StringDeserializer(), new StringDeserializer())
                .onRecord(record -> { })
                .startTimeout(Duration.ofSeconds(2))
                .build();
        logs.add(log);
        RuntimeException e = assertThrows(RuntimeException.class, log::start);
        assertTrue(e.getMessage().contains("does not exist or has no partitions"), e.getMessage());
    }
}
