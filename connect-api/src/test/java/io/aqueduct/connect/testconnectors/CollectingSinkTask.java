package io.aqueduct.connect.testconnectors;

import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Buffers records in {@link #put} and "writes" them in {@link #flush}, relying on the default
 * {@link #preCommit} to flush before offsets are committed. Records of closed partitions are dropped.
 */
public class CollectingSinkTask extends SinkTask {

    private final List<SinkRecord> buffered = new ArrayList<>();
    private final List<SinkRecord> written = new ArrayList<>();
    private final Set<TopicPartition> open = new HashSet<>();
    private boolean stopped;

    @Override
    public String version() {
        return "test";
    }

    @Override
    public void start(Map<String, String> props) {
        if (!props.containsKey(TOPICS_CONFIG)) {
            throw new IllegalArgumentException("'" + TOPICS_CONFIG + "' is missing from the task configuration");
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        open.addAll(partitions);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            TopicPartition origin = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            if (!open.contains(origin)) {
                throw new IllegalStateException("Record of " + origin + " delivered before open()");
            }
            buffered.add(record);
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        written.addAll(buffered);
        buffered.clear();
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        open.removeAll(partitions);
        buffered.removeIf(record -> partitions.contains(
            new TopicPartition(record.originalTopic(), record.originalKafkaPartition())));
    }

    @Override
    public void stop() {
        stopped = true;
    }

    List<SinkRecord> written() {
        return written;
    }

    Set<TopicPartition> openPartitions() {
        return open;
    }

    boolean stopped() {
        return stopped;
    }
}
