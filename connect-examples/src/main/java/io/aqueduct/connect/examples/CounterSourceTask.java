package io.aqueduct.connect.examples;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.common.config.AbstractConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts for {@link CounterSourceConnector}. {@link #poll()} runs on the task thread; {@link #stop()} comes from
 * another thread and wakes a waiting poll through a latch, so shutdown never waits for a full interval.
 */
public class CounterSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(CounterSourceTask.class);

    static final String PARTITION_KEY = "counter";
    static final String OFFSET_KEY = "next";
    /** The longest a poll blocks, so the worker checks for pause and stop requests often enough. */
    private static final long MAX_POLL_WAIT_MS = 1_000;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private String topic;
    private long intervalMs;
    private long maxCount;
    private Map<String, String> partition;
    private String key;
    private long next;
    private long nextDueMs;

    @Override
    public String version() {
        return Version.VALUE;
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(CounterSourceConnector.CONFIG_DEF, props);
        topic = config.getString(CounterSourceConnector.TOPIC_CONFIG);
        intervalMs = config.getLong(CounterSourceConnector.INTERVAL_MS_CONFIG);
        maxCount = config.getLong(CounterSourceConnector.MAX_COUNT_CONFIG);
        String index = props.getOrDefault(CounterSourceConnector.TASK_INDEX_CONFIG, "0");
        partition = Map.of(PARTITION_KEY, index);
        key = "counter-" + index;
        next = resumePoint();
        nextDueMs = System.currentTimeMillis();
        log.info("Counter {} starts at {} writing to topic {}", index, next, topic);
    }

    /** The committed offset of this task's partition; 0 on the very first start. */
    private long resumePoint() {
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        if (offset == null || !(offset.get(OFFSET_KEY) instanceof Number committed)) {
            return 0;
        }
        return committed.longValue();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= maxCount) {
            stopped.await(MAX_POLL_WAIT_MS, TimeUnit.MILLISECONDS);
            return null;
        }
        long waitMs = nextDueMs - System.currentTimeMillis();
        if (waitMs > 0 && stopped.await(Math.min(waitMs, MAX_POLL_WAIT_MS), TimeUnit.MILLISECONDS)) {
            return null;
        }
        if (System.currentTimeMillis() < nextDueMs) {
            return null; // woke up early because the wait is capped; try again on the next poll
        }
        long value = next++;
        nextDueMs += intervalMs;
        // The offset names the value to write next, so a restart neither repeats nor skips a committed count.
        return List.of(new SourceRecord(partition, Map.of(OFFSET_KEY, next), topic, null,
                Schema.STRING_SCHEMA, key, Schema.INT64_SCHEMA, value));
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
