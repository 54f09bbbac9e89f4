package io.aqueduct.connect.testconnectors;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * Emits {@code batch.size} records per stream per poll, keyed by stream name, with the sequence number
 * as value and as source offset. Resumes after the last committed offset of each stream.
 */
public class SequenceSourceTask extends SourceTask {

    static final String STREAM_KEY = "stream";
    static final String SEQUENCE_KEY = "seq";

    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopping;
    private String topic;
    private int batchSize;
    private Map<String, Long> nextByStream;

    @Override
    public String version() {
        return "test";
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(SequenceSourceConnector.CONFIG_DEF, props, false);
        topic = config.getString(SequenceSourceConnector.TOPIC_CONFIG);
        batchSize = config.getInt(SequenceSourceConnector.BATCH_SIZE_CONFIG);
        nextByStream = new LinkedHashMap<>();
        List<Map<String, String>> partitions = new ArrayList<>();
        for (String stream : config.getList(SequenceSourceConnector.STREAMS_CONFIG)) {
            partitions.add(Map.of(STREAM_KEY, stream));
        }
        Map<Map<String, String>, Map<String, Object>> committed =
            context.offsetStorageReader().offsets(partitions);
        for (Map<String, String> partition : partitions) {
            Map<String, Object> offset = committed.get(partition);
            long next = offset == null ? 0 : ((Number) offset.get(SEQUENCE_KEY)).longValue() + 1;
            nextByStream.put(partition.get(STREAM_KEY), next);
        }
    }

    @Override
    public List<SourceRecord> poll() {
        if (stopping) {
            return null;
        }
        List<SourceRecord> records = new ArrayList<>();
        for (Map.Entry<String, Long> entry : nextByStream.entrySet()) {
            String stream = entry.getKey();
            long first = entry.getValue();
            for (long seq = first; seq < first + batchSize; seq++) {
                records.add(new SourceRecord(Map.of(STREAM_KEY, stream), Map.of(SEQUENCE_KEY, seq), topic, null,
                    Schema.STRING_SCHEMA, stream, Schema.INT64_SCHEMA, seq));
            }
            entry.setValue(first + batchSize);
        }
        return records;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        (metadata == null ? dropped : acknowledged).incrementAndGet();
    }

    @Override
    public void stop() {
        stopping = true;
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long dropped() {
        return dropped.get();
    }
}
