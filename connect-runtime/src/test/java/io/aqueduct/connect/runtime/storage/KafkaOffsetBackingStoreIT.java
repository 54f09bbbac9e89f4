package io.aqueduct.connect.runtime.storage;

import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.key;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.offset;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.text;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.writes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;

@KafkaIT
class KafkaOffsetBackingStoreIT {

    private KafkaCluster cluster;
    private final List<KafkaOffsetBackingStore> stores = new ArrayList<>();

    @AfterEach
    void stopStores() {
        stores.forEach(KafkaOffsetBackingStore::stop);
    }

    private KafkaOffsetBackingStore started(String topic) {
        KafkaOffsetBackingStore store = new KafkaOffsetBackingStore(topic, KafkaOffsetBackingStore.DEFAULT_PARTITIONS,
                (short) 1, Map.of("bootstrap.servers", cluster.bootstrapServers()), "test-offsets");
        stores.add(store);
        store.start();
        return store;
    }

    @Test
    void createsTheTopicCompactedWith25Partitions() throws Exception {
        String topic = cluster.uniqueName("connect-offsets");
        started(topic);
        assertEquals(25, cluster.admin().describeTopics(Set.of(topic)).allTopicNames().get().get(topic)
                .partitions().size());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        assertEquals("compact", cluster.admin().describeConfigs(Set.of(resource)).all().get().get(resource)
                .get("cleanup.policy").value());
    }

    @Test
    void offsetsSurviveARestart() throws Exception {
        String topic = cluster.uniqueName("connect-offsets");
        KafkaOffsetBackingStore first = started(topic);
        CountDownLatch acknowledged = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>(new AssertionError("callback not called"));
        first.set(writes(key("ref-src", "/tmp/ref-in.txt"), offset(20), key("other", "/x"), offset(4)), (e, r) -> {
            error.set(e);
            acknowledged.countDown();
        }).get(30, TimeUnit.SECONDS);
        assertTrue(acknowledged.await(30, TimeUnit.SECONDS));
        assertNull(error.get());
        first.stop();

        KafkaOffsetBackingStore second = started(topic);
        Map<ByteBuffer, ByteBuffer> got = second.get(List.of(key("ref-src", "/tmp/ref-in.txt"), key("other", "/x"),
                key("never", "/y"))).get(30, TimeUnit.SECONDS);
        assertEquals(2, got.size());
        assertEquals("{\"position\":20}", text(got.get(key("ref-src", "/tmp/ref-in.txt"))));
        assertEquals("{\"position\":4}", text(got.get(key("other", "/x"))));
    }

    @Test
    void aTombstoneRemovesTheOffsetForEveryReader() throws Exception {
        String topic = cluster.uniqueName("connect-offsets");
        KafkaOffsetBackingStore store = started(topic);
        store.set(writes(key("c", "a"), offset(1), key("c", "b"), offset(2)), null).get(30, TimeUnit.SECONDS);
        store.set(writes(key("c", "a"), null), null).get(30, TimeUnit.SECONDS);

        assertEquals(Set.of(key("c", "b")),
                store.get(List.of(key("c", "a"), key("c", "b"))).get(30, TimeUnit.SECONDS).keySet());
        store.stop();
        assertEquals(Set.of(key("c", "b")),
                started(topic).get(List.of(key("c", "a"), key("c", "b"))).get(30, TimeUnit.SECONDS).keySet());
    }

    @Test
    void getSeesWritesOfAnotherWorker() throws Exception {
        String topic = cluster.uniqueName("connect-offsets");
        KafkaOffsetBackingStore reader = started(topic);
        KafkaOffsetBackingStore writer = started(topic);
        writer.set(writes(key("c", "a"), offset(42)), null).get(30, TimeUnit.SECONDS);

        assertEquals("{\"position\":42}",
                text(reader.get(List.of(key("c", "a"))).get(30, TimeUnit.SECONDS).get(key("c", "a"))));
    }

    @Test
    void recordsGoToTheMurmur2PartitionOfTheirKeyWithTheExactBytes() throws Exception {
        String topic = cluster.uniqueName("connect-offsets");
        KafkaOffsetBackingStore store = started(topic);
        List<ByteBuffer> keys = List.of(key("ref-src", "/tmp/ref-in.txt"), key("x1-src", "/tmp/x1.txt"),
                key("a", "b"), key("conn", "/data/in-0.txt"), key("conn", "/data/in-1.txt"));
        Map<ByteBuffer, ByteBuffer> values = writes();
        keys.forEach(k -> values.put(k, offset(7)));
        store.set(values, null).get(30, TimeUnit.SECONDS);

        List<ConsumerRecord<byte[], byte[]>> records = cluster.consumeUntil(topic, keys.size(), Duration.ofSeconds(30));
        assertEquals(keys.size(), records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            assertEquals(Utils.toPositive(Utils.murmur2(record.key())) % 25, record.partition(),
                    new String(record.key()));
            assertArrayEquals("{\"position\":7}".getBytes(), record.value());
            assertEquals(0, record.headers().toArray().length);
        }
        assertTrue(keys.contains(ByteBuffer.wrap("[\"ref-src\",{\"filename\":\"/tmp/ref-in.txt\"}]".getBytes())));
    }
}
