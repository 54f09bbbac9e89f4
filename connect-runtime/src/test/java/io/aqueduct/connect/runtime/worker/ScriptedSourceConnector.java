package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.source.SourceConnector;
import org.apache.kafka.common.config.ConfigDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test connector whose behaviour is set by its configuration: {@code fail.start=true} throws from start,
 * {@code hang.stop=true} blocks in stop until {@link #RELEASE} opens (at most a minute). Its tasks are
 * {@link IdleSourceTask}s.
 */
public class ScriptedSourceConnector extends SourceConnector {

    static volatile CountDownLatch RELEASE = new CountDownLatch(1);

    private Map<String, String> props;

    @Override
    public String version() {
        return "9.9.9";
    }

    @Override
    public void start(Map<String, String> props) {
        if (Boolean.parseBoolean(props.get("fail.start"))) {
            throw new ConnectException("scripted start failure");
        }
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return IdleSourceTask.class;
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
        if (props != null && Boolean.parseBoolean(props.get("hang.stop"))) {
            try {
                RELEASE.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }
}
