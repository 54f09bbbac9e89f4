package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.source.SourceConnector;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test source connector that passes its configuration to its one task and remembers, per connector name,
 * what the connector ({@link #CONNECTOR_PROPS}) and the task ({@link #TASK_PROPS}) were started with.
 * The task produces nothing.
 */
public class EchoSourceConnector extends SourceConnector {

    static final Map<String, Map<String, String>> CONNECTOR_PROPS = new ConcurrentHashMap<>();
    static final Map<String, Map<String, String>> TASK_PROPS = new ConcurrentHashMap<>();

    private Map<String, String> props;

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
        CONNECTOR_PROPS.put(props.get("name"), Map.copyOf(props));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return EchoTask.class;
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
        return new ConfigDef().define("db.password", ConfigDef.Type.PASSWORD, ConfigDef.Importance.HIGH, "a secret");
    }

    /** The task of {@link EchoSourceConnector}. */
    public static class EchoTask extends SourceTask {

        private final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            TASK_PROPS.put(props.get("name"), Map.copyOf(props));
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            stopped.await(50, TimeUnit.MILLISECONDS);
            return null;
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }
}
