package io.aqueduct.connect.testconnectors;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.source.SourceConnector;
import io.aqueduct.connect.util.ConnectorUtils;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A test source that emits an endless, numbered sequence per named stream. Each stream is a source
 * partition; the streams are spread over the tasks with {@link ConnectorUtils#groupPartitions}.
 */
public class SequenceSourceConnector extends SourceConnector {

    public static final String TOPIC_CONFIG = "topic";
    public static final String STREAMS_CONFIG = "streams";
    public static final String BATCH_SIZE_CONFIG = "batch.size";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
            ConfigDef.Importance.HIGH, "The topic to write to.")
        .define(STREAMS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH,
            "The names of the sequences to emit; each is one source partition.")
        .define(BATCH_SIZE_CONFIG, ConfigDef.Type.INT, 10, ConfigDef.Range.atLeast(1), ConfigDef.Importance.LOW,
            "How many records of each stream one poll returns.");

    private AbstractConfig config;

    @Override
    public String version() {
        return "test";
    }

    @Override
    public void start(Map<String, String> props) {
        config = new AbstractConfig(CONFIG_DEF, props, false);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SequenceSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> streams = config.getList(STREAMS_CONFIG);
        int groups = Math.min(maxTasks, streams.size());
        List<Map<String, String>> configs = new ArrayList<>();
        if (groups == 0) {
            return configs;
        }
        for (List<String> group : ConnectorUtils.groupPartitions(streams, groups)) {
            Map<String, String> taskConfig = new HashMap<>();
            taskConfig.put(TOPIC_CONFIG, config.getString(TOPIC_CONFIG));
            taskConfig.put(STREAMS_CONFIG, String.join(",", group));
            taskConfig.put(BATCH_SIZE_CONFIG, String.valueOf(config.getInt(BATCH_SIZE_CONFIG)));
            configs.add(taskConfig);
        }
        return configs;
    }

    @Override
    public void stop() {
        config = null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
