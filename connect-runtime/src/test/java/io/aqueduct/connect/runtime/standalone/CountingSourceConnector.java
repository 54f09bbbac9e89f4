package io.aqueduct.connect.runtime.standalone;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.source.SourceConnector;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.common.config.ConfigDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test source connector that produces nothing but counts how often each task was started, so tests can tell
 * which tasks a change restarted. Task {@code i} gets {@code task.id=i}, the connector's {@code shared} value and,
 * if a test set one, {@link #EXTRA}{@code [name-i]}. A test can make the connector ask for new task configs with
 * {@link #requestReconfiguration(String)}. With {@code hang.start=true} the connector's start blocks until
 * interrupted (at most a minute). State is static, keyed by connector name.
 */
public class CountingSourceConnector extends SourceConnector {

    /** Task starts by {@code <connector>-<task>}. */
    public static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();
    /** Extra task config value by {@code <connector>-<task>}. */
    public static final Map<String, String> EXTRA = new ConcurrentHashMap<>();
    private static final Map<String, CountingSourceConnector> RUNNING = new ConcurrentHashMap<>();

    private Map<String, String> props;

    public static int starts(String connector, int task) {
        AtomicInteger count = STARTS.get(connector + "-" + task);
        return count == null ? 0 : count.get();
    }

    public static void requestReconfiguration(String connector) {
        RUNNING.get(connector).context().requestTaskReconfiguration();
    }

    @Override
    public String version() {
        return "1.2.3";
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
        if (Boolean.parseBoolean(props.get("hang.start"))) {
            try {
                new CountDownLatch(1).await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RUNNING.put(props.get("name"), this);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CountingTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            String extra = EXTRA.get(props.get("name") + "-" + i);
            Map<String, String> config = new java.util.HashMap<>();
            config.put("task.id", Integer.toString(i));
            config.put("connector", props.get("name"));
            config.put("shared", props.getOrDefault("shared", ""));
            if (extra != null) {
                config.put("extra", extra);
            }
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
        RUNNING.remove(props.get("name"), this);
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define("shared", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW, "Copied into every task config.")
                .define("hang.start", ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW, "Block in start().");
    }

    /** Counts its start and idles. */
    public static class CountingTask extends SourceTask {
        private final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public String version() {
            return "1.2.3";
        }

        @Override
        public void start(Map<String, String> props) {
            STARTS.computeIfAbsent(props.get("connector") + "-" + props.get("task.id"), k -> new AtomicInteger())
                    .incrementAndGet();
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
