package io.aqueduct.connect.runtime.herder.testplugins;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.transforms.Transformation;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/** A test transformation with a required key and a PASSWORD key; it passes records through unchanged. */
public class MaskField<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String FIELD_CONFIG = "field";
    public static final String SALT_CONFIG = "salt";

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public R apply(R record) {
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.HIGH, "The field to mask.")
                .define(SALT_CONFIG, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.LOW, "Salt of the hash.");
    }

    @Override
    public void close() {
    }
}
