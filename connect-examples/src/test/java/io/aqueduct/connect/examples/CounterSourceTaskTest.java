package io.aqueduct.connect.examples;

import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTaskContext;
import io.aqueduct.connect.storage.OffsetStorageReader;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task tested as the worker drives it, with a context whose offsets the test controls: no worker, no broker. */
class CounterSourceTaskTest {

    private final Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();

    @Test
    void countsFromZeroOnFirstStartWithOffsetsNamingTheNextValue() throws InterruptedException {
        CounterSourceTask task = started(Map.of("topic", "counts", "interval.ms", "0", "task.index", "2"));

        List<SourceRecord> records = pollTimes(task, 3);

        assertEquals(List.of(0L, 1L, 2L), records.stream().map(SourceRecord::value).toList());
        SourceRecord last = records.get(2);
        assertEquals("counts", last.topic());
        assertEquals("counter-2", last.key());
        assertEquals(Map.of("counter", "2"), last.sourcePartition());
        assertEquals(Map.of("next", 3L), last.sourceOffset());
    }

    @Test
    void resumesFromTheCommittedOffsetWhateverItsNumericType() throws InterruptedException {
        committed.put(Map.of("counter", "0"), Map.of("next", 41)); // JSON may hand back an Integer
        CounterSourceTask task = started(Map.of("topic", "counts", "interval.ms", "0"));

        assertEquals(41L, pollTimes(task, 1).get(0).value());
    }

    @Test
    void stopsCountingAtMaxCount() throws InterruptedException {
        CounterSourceTask task = started(Map.of("topic", "counts", "interval.ms", "0", "max.count", "2"));
        pollTimes(task, 2);
        task.stop(); // so the idle poll returns at once instead of waiting its second

        assertNull(task.poll());
    }

    @Test
    void stopWakesAPollWaitingForItsInterval() throws Exception {
        CounterSourceTask task = started(Map.of("topic", "counts", "interval.ms", "600000"));
        pollTimes(task, 1); // the first count is due at once, the next in ten minutes

        CompletableFuture<List<SourceRecord>> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return task.poll();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        task.stop();

        assertNull(poll.get(5, TimeUnit.SECONDS));
    }

    @Test
    void connectorGivesEachTaskItsOwnCounter() {
        CounterSourceConnector connector = new CounterSourceConnector();
        connector.start(Map.of("topic", "counts"));

        List<Map<String, String>> configs = connector.taskConfigs(3);

        assertEquals(List.of("0", "1", "2"), configs.stream().map(c -> c.get("task.index")).toList());
        assertTrue(configs.stream().allMatch(c -> c.get("topic").equals("counts")));
    }

    @Test
    void connectorRefusesAConfigWithoutTopic() {
        ConfigException e = assertThrows(ConfigException.class, () -> new CounterSourceConnector().start(Map.of()));
        assertTrue(e.getMessage().contains("topic"), e.getMessage());
    }

    private CounterSourceTask started(Map<String, String> props) {
        CounterSourceTask task = new CounterSourceTask();
        task.initialize(new FixedOffsetsContext(props));
        task.start(props);
        return task;
    }

    /** Polls until {@code count} records came back; a poll may return null while a count is not yet due. */
    private static List<SourceRecord> pollTimes(CounterSourceTask task, int count) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (records.size() < count && System.nanoTime() < deadline) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }
        assertEquals(count, records.size(), "records polled within 10 s");
        return records;
    }

    private final class FixedOffsetsContext implements SourceTaskContext, OffsetStorageReader {
        private final Map<String, String> configs;

        FixedOffsetsContext(Map<String, String> configs) {
            this.configs = configs;
        }

        @Override
        public Map<String, String> configs() {
            return configs;
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return this;
        }

        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return committed.get(partition);
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
            partitions.forEach(partition -> result.put(partition, committed.get(partition)));
            return result;
        }
    }
}
