package io.aqueduct.connect.testconnectors;

import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.storage.OffsetStorageReader;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Plays the runtime's offset store: the test commits acknowledged records, tasks read them back. */
final class InMemoryOffsetStore implements OffsetStorageReader {

    private final Map<Map<String, ?>, Map<String, Object>> committed = new ConcurrentHashMap<>();

    void commit(SourceRecord record) {
        committed.put(Map.copyOf(record.sourcePartition()), Map.copyOf(record.sourceOffset()));
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return committed.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            Map<String, Object> offset = committed.get(partition);
            if (offset != null) {
                result.put(partition, offset);
            }
        }
        return result;
    }
}
