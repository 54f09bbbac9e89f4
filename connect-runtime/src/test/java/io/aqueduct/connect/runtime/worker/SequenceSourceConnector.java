package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.source.SourceConnector;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Map;

/** Test source connector with one {@link SequenceSourceTask}. */
public class SequenceSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SequenceSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }
}
