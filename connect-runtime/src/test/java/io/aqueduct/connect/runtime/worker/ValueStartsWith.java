package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.transforms.predicates.Predicate;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/** Test predicate: holds for records whose value, as text, starts with the configured {@code prefix}. */
public class ValueStartsWith<R extends ConnectRecord<R>> implements Predicate<R> {

    private String prefix;

    @Override
    public void configure(Map<String, ?> configs) {
        prefix = String.valueOf(configs.get("prefix"));
    }

    @Override
    public boolean test(R record) {
        return record.value() != null && record.value().toString().startsWith(prefix);
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("prefix", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "prefix");
    }

    @Override
    public void close() {
    }
}
