package io.aqueduct.connect.runtime.herder.testplugins;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.source.SourceConnector;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Map;

/** A test source whose validate() throws, as a buggy connector's might. */
public class ExplodingSourceConnector extends SourceConnector {

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public Class<? extends Task> taskClass() {
        return null;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of();
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        throw new IllegalStateException("validate() explodes on purpose");
    }
}
