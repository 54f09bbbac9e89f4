package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.entities.ConfigInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigValueInfo;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import io.aqueduct.connect.runtime.storage.MemoryOffsetBackingStore;
import io.aqueduct.connect.runtime.storage.OffsetCodec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The small mode-independent rules herders share. */
class HerderHelpersTest {

    @Test
    void sinkOffsetsAreParsedFromTheirRestShape() {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(Map.of("kafka_topic", "t", "kafka_partition", 3), Map.of("kafka_offset", 7));
        offsets.put(Map.of("kafka_topic", "t", "kafka_partition", "4"), null);
        Map<TopicPartition, Long> parsed = SinkOffsets.parse(offsets);
        assertEquals(7L, parsed.get(new TopicPartition("t", 3)));
        assertEquals(null, parsed.get(new TopicPartition("t", 4)));
        assertEquals(2, parsed.size());
    }

    @Test
    void malformedSinkOffsetsAreBadRequestsNamingTheKey() {
        assertEquals("The partition for a sink connector offset must contain the keys 'kafka_topic' and "
                + "'kafka_partition'", badSink(Map.of("kafka_topic", "t"), Map.of("kafka_offset", 1)));
        assertEquals("The offset for a sink connector should either be null or contain the key 'kafka_offset'",
                badSink(Map.of("kafka_topic", "t", "kafka_partition", 0), Map.of("offset", 1)));
        assertEquals("The 'kafka_partition' of a sink connector partition must be a partition number (an integer "
                + ">= 0), not x", badSink(Map.of("kafka_topic", "t", "kafka_partition", "x"), Map.of("kafka_offset", 1)));
    }

    private static String badSink(Map<String, ?> partition, Map<String, ?> offset) {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, offset);
        return assertThrows(BadRequestException.class, () -> SinkOffsets.parse(offsets)).getMessage();
    }

    @Test
    void storedTaskConfigsGetPlaceholdersBackAndTheFrameworkViewIgnoresTasksMax() {
        Map<String, String> connector = Map.of("password", "${file:/s.properties:pw}", "user", "u", "tasks.max", "2");
        List<Map<String, String>> stored = TaskConfigs.withPlaceholders(connector,
                List.of(Map.of("password", "hunter2", "user", "u", "task.class", "T")));
        assertEquals(Map.of("password", "${file:/s.properties:pw}", "user", "u", "task.class", "T"), stored.get(0));
        assertEquals(TaskConfigs.frameworkView(Map.of("a", "1", "tasks.max", "1")),
                TaskConfigs.frameworkView(Map.of("a", "1", "tasks.max", "5")));
    }

    @Test
    void validationAnswersShowPlaceholdersNotResolvedValues() {
        ConfigInfos resolved = new ConfigInfos("C", 1, List.of(), List.of(
                new ConfigInfo(null, new ConfigValueInfo("url", "jdbc:secret", List.of(),
                        List.of("Invalid value jdbc:secret for configuration url: bad"), true)),
                new ConfigInfo(null, new ConfigValueInfo("other", "v", List.of(), List.of(), true))));
        ConfigInfos shown = ConfigValidation.showPlaceholders(resolved,
                Map.of("url", "${env:DB_URL}", "other", "v"), Map.of("url", "jdbc:secret", "other", "v"));
        ConfigValueInfo url = shown.configs().get(0).value();
        assertEquals("${env:DB_URL}", url.value());
        assertEquals(List.of("Invalid value ${env:DB_URL} for configuration url: bad"), url.errors());
        assertEquals(resolved.configs().get(1), shown.configs().get(1));
        assertEquals(1, shown.errorCount());
    }

    @Test
    void offsetStoresListTheOffsetsOfOneConnector() throws Exception {
        MemoryOffsetBackingStore store = new MemoryOffsetBackingStore();
        Map<ByteBuffer, ByteBuffer> writes = new HashMap<>();
        writes.put(ByteBuffer.wrap(OffsetCodec.serializeKey("a", Map.of("file", "x"))),
                ByteBuffer.wrap(OffsetCodec.serializeOffset(Map.of("position", 5))));
        writes.put(ByteBuffer.wrap(OffsetCodec.serializeKey("b", Map.of("file", "y"))),
                ByteBuffer.wrap(OffsetCodec.serializeOffset(Map.of("position", 6))));
        writes.put(ByteBuffer.wrap("not json".getBytes()), ByteBuffer.wrap("{}".getBytes()));
        store.set(writes, null).get();
        assertEquals(Map.of(Map.of("file", "x"), Map.of("position", 5L)), store.connectorOffsets("a").get());
        Map<ByteBuffer, ByteBuffer> tombstone = new HashMap<>();
        tombstone.put(ByteBuffer.wrap(OffsetCodec.serializeKey("a", Map.of("file", "x"))), null);
        store.set(tombstone, null).get();
        assertEquals(Map.of(), store.connectorOffsets("a").get());
    }
}
