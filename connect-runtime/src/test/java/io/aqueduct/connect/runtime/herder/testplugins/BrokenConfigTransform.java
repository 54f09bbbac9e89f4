package io.aqueduct.connect.runtime.herder.testplugins;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.transforms.Transformation;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/** A test transformation whose config() fails, as a buggy plugin's might. */
public class BrokenConfigTransform<R extends ConnectRecord<R>> implements Transformation<R> {

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public R apply(R record) {
        return record;
    }

    @Override
    public ConfigDef config() {
        throw new IllegalStateException("config() is broken on purpose");
    }

    @Override
    public void close() {
    }
}
