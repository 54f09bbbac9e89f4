package io.aqueduct.connect.examples;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.source.SourceConnector;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A source connector that needs no external system: each of its tasks counts up from 0 and writes one record
 * per count to a topic. It shows the whole source contract in a few lines: a ConfigDef, splitting work into
 * task configs, source partitions and offsets, and resuming from the committed offset after a restart.
 *
 * <p>Each task owns one counter, the source partition {@code {"counter": "<task index>"}}; its offset is
 * {@code {"next": <next value>}}. A task with index {@code i} writes keys {@code "counter-i"}.
 */
public class CounterSourceConnector extends SourceConnector {

    public static final String TOPIC_CONFIG = "topic";
    public static final String INTERVAL_MS_CONFIG = "interval.ms";
    public static final String MAX_COUNT_CONFIG = "max.count";
    /** Set by this connector in each task config; not a user setting. */
    static final String TASK_INDEX_CONFIG = "task.index";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The topic the counts are written to.")
            .define(INTERVAL_MS_CONFIG, Type.LONG, 1_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Milliseconds between two counts of one task; 0 counts as fast as the worker takes them.")
            .define(MAX_COUNT_CONFIG, Type.LONG, Long.MAX_VALUE, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Each task stops counting (and idles) once it has written this many values in total.");

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.VALUE;
    }

    @Override
    public void start(Map<String, String> props) {
        // Parsing here makes a bad config fail the connector at once, with the key named, not its tasks later.
        new AbstractConfig(CONFIG_DEF, props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CounterSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(TASK_INDEX_CONFIG, Integer.toString(i));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing to release: the connector watches no external system.
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
