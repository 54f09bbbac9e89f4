package io.aqueduct.connect.runtime.secrets;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider whose data expires: the path is the TTL in milliseconds ({@code ${ttl:250:token}}), and
 * each key's value is {@code <prefix>-<key>}, the prefix coming from the {@code prefix} parameter.
 */
public class TtlConfigProvider implements ConfigProvider {

    static final AtomicInteger CLOSED = new AtomicInteger();

    private String prefix = "lease";

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get("prefix");
        if (configured != null) {
            prefix = configured.toString();
        }
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(Map.of(), Long.parseLong(path));
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> data = new HashMap<>();
        keys.forEach(key -> data.put(key, prefix + "-" + key));
        return new ConfigData(data, Long.parseLong(path));
    }

    @Override
    public void close() {
        CLOSED.incrementAndGet();
    }
}
