package io.aqueduct.connect.runtime.secrets;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

import java.util.Map;
import java.util.Set;

/** A provider whose {@code configure} rejects its parameters, as a secret store with a bad token would. */
public class FailingConfigProvider implements ConfigProvider {

    @Override
    public void configure(Map<String, ?> configs) {
        throw new IllegalArgumentException("token rejected by the secret store");
    }

    @Override
    public ConfigData get(String path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
