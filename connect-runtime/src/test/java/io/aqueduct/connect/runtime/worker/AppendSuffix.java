package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.transforms.Transformation;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/** Test transformation: appends the configured {@code suffix} to string values. */
public class AppendSuffix<R extends ConnectRecord<R>> implements Transformation<R> {

    private String suffix;

    @Override
    public void configure(Map<String, ?> configs) {
        suffix = String.valueOf(configs.get("suffix"));
    }

    @Override
    public R apply(R record) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value() + suffix, record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("suffix", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "suffix");
    }

    @Override
    public void close() {
    }
}
