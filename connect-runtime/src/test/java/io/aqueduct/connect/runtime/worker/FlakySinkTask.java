package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.errors.RetriableException;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test sink task: the first {@code failures} non-empty batches (default 2) are refused with a
 * {@link RetriableException} after asking for a {@code backoff.ms} back-off; accepted values are kept
 * per connector in {@link #RECEIVED}.
 */
public class FlakySinkTask extends SinkTask {

    static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> REFUSED = new ConcurrentHashMap<>();

    private String connector;
    private int failuresLeft;
    private long backoffMs;

    static List<String> received(String connector) {
        return RECEIVED.computeIfAbsent(connector, c -> Collections.synchronizedList(new ArrayList<>()));
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        connector = props.get("name");
        failuresLeft = Integer.parseInt(props.getOrDefault("failures", "2"));
        backoffMs = Long.parseLong(props.getOrDefault("backoff.ms", "200"));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (failuresLeft > 0) {
            failuresLeft--;
            REFUSED.computeIfAbsent(connector, c -> new AtomicInteger()).incrementAndGet();
            context.timeout(backoffMs);
            throw new RetriableException("scripted: not ready for " + records.size() + " records");
        }
        List<String> target = received(connector);
        for (SinkRecord record : records) {
            target.add(String.valueOf(record.value()));
        }
    }

    @Override
    public void stop() {
    }
}
