package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.errors.RetriableException;
import io.aqueduct.connect.transforms.Transformation;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test transformation: for records whose value equals {@code value}, the first {@code failures} calls
 * (default 2) throw a {@link RetriableException}; other calls pass records unchanged. The calls on that
 * value are counted per {@code id} in {@link #ATTEMPTS}.
 */
public class RetriableTwiceTransform<R extends ConnectRecord<R>> implements Transformation<R> {

    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private String value;
    private int failures;
    private AtomicInteger attempts;

    @Override
    public void configure(Map<String, ?> configs) {
        value = String.valueOf(configs.get("value"));
        failures = Integer.parseInt(String.valueOf(configs.containsKey("failures") ? configs.get("failures") : "2"));
        attempts = ATTEMPTS.computeIfAbsent(String.valueOf(configs.get("id")), id -> new AtomicInteger());
    }

    @Override
    public R apply(R record) {
        if (value.equals(String.valueOf(record.value())) && attempts.incrementAndGet() <= failures) {
            throw new RetriableException("scripted: " + value + " not transformable yet (attempt " + attempts.get() + ")");
        }
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {
    }
}
