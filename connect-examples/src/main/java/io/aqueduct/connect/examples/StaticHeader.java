package io.aqueduct.connect.examples;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.header.Headers;
import io.aqueduct.connect.transforms.Transformation;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.util.Map;

/**
 * A transformation that adds one header with a fixed string value to every record, for source and sink
 * connectors alike. Configured per alias, e.g. {@code transforms=origin},
 * {@code transforms.origin.type=io.aqueduct.connect.examples.StaticHeader}, {@code transforms.origin.header=origin},
 * {@code transforms.origin.value=lab-3}.
 *
 * @param <R> the record type
 */
public class StaticHeader<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String HEADER_CONFIG = "header";
    public static final String VALUE_CONFIG = "value";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(HEADER_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Name of the header to add.")
            .define(VALUE_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "String value of the header.");

    private String header;
    private String value;

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        header = config.getString(HEADER_CONFIG);
        value = config.getString(VALUE_CONFIG);
    }

    @Override
    public R apply(R record) {
        // A copy rather than an in-place change: the task may still hold the original record.
        Headers headers = record.headers().duplicate().addString(header, value);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), headers);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
