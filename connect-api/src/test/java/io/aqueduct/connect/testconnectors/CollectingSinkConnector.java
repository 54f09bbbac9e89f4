package io.aqueduct.connect.testconnectors;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.sink.SinkConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A test sink whose tasks keep the records they have "written" in memory. Partitions are spread by the
 * runtime's consumer group, so every task gets the same configuration.
 */
public class CollectingSinkConnector extends SinkConnector {

    static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(TOPICS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH,
            "The topics to consume.");

    private Map<String, String> props;

    @Override
    public String version() {
        return "test";
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CollectingSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
