package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test source task: emits values {@code 0..count-1} (setting {@code count}) in batches of
 * {@code batch} to {@code topic}, each with source offset {@code {"seq": n}} in one source partition.
 * It records which sequence numbers Kafka acknowledged (through {@code commitRecord}) in {@link #ACKED},
 * and those committed without metadata (dropped or skipped) in {@link #SKIPPED}. With {@code big.at=n}
 * the value of record n is padded to {@code big.size} characters (default 10000).
 */
public class SequenceSourceTask extends SourceTask {

    static final Map<String, Acked> ACKED = new ConcurrentHashMap<>();
    static final Map<String, Acked> SKIPPED = new ConcurrentHashMap<>();
    /** Per connector name: opened by a test to release the records after {@code hold.after}. */
    static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    static final Map<String, String> PARTITION = Map.of("source", "sequence");

    /** The acknowledged sequence numbers of one connector. */
    static final class Acked {
        private final BitSet acked = new BitSet();

        synchronized void add(int seq) {
            acked.set(seq);
        }

        /** The highest n such that 0..n were all acknowledged, or -1. */
        synchronized int contiguous() {
            return acked.nextClearBit(0) - 1;
        }

        synchronized boolean contains(int seq) {
            return acked.get(seq);
        }

        synchronized int count() {
            return acked.cardinality();
        }
    }

    private String topic;
    private int count;
    private int batch;
    private int holdAfter;
    private CountDownLatch gate;
    private int next;
    private Acked acked;
    private Acked skipped;
    private int bigAt;
    private int bigSize;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        topic = props.get("topic");
        count = Integer.parseInt(props.get("count"));
        batch = Integer.parseInt(props.getOrDefault("batch", "20"));
        holdAfter = Integer.parseInt(props.getOrDefault("hold.after", "-1"));
        gate = GATES.computeIfAbsent(props.get("name"), n -> new CountDownLatch(1));
        acked = ACKED.computeIfAbsent(props.get("name"), n -> new Acked());
        skipped = SKIPPED.computeIfAbsent(props.get("name"), n -> new Acked());
        bigAt = Integer.parseInt(props.getOrDefault("big.at", "-1"));
        bigSize = Integer.parseInt(props.getOrDefault("big.size", "10000"));
        Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
        next = offset == null ? 0 : ((Number) offset.get("seq")).intValue() + 1;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= count) {
            Thread.sleep(20);
            return null;
        }
        if (next == holdAfter && gate.getCount() > 0) {
            Thread.sleep(20); // the test opens the gate once it has seen what it waits for
            return null;
        }
        List<SourceRecord> records = new ArrayList<>();
        int limit = next < holdAfter ? holdAfter : count;
        for (int i = 0; i < batch && next < limit; i++, next++) {
            String value = next == bigAt ? ("v" + next + "-").repeat(bigSize / 4) : "v" + next;
            records.add(new SourceRecord(PARTITION, Map.of("seq", next), topic, Schema.STRING_SCHEMA, value));
        }
        return records;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        int seq = ((Number) record.sourceOffset().get("seq")).intValue();
        if (metadata != null) {
            acked.add(seq);
        } else {
            skipped.add(seq);
        }
    }

    @Override
    public void stop() {
    }
}
