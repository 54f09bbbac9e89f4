package io.aqueduct.connect.runtime.herder.testplugins;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.transforms.predicates.Predicate;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;

/** A test predicate matching records of one topic. */
public class TopicIs<R extends ConnectRecord<R>> implements Predicate<R> {

    public static final String TOPIC_CONFIG = "topic";

    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = (String) configs.get(TOPIC_CONFIG);
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                ConfigDef.Importance.HIGH, "The topic to match.");
    }

    @Override
    public boolean test(R record) {
        return record.topic().equals(topic);
    }

    @Override
    public void close() {
    }
}
