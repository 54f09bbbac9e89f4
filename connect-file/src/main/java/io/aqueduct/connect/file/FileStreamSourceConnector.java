package io.aqueduct.connect.file;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.source.ExactlyOnceSupport;
import io.aqueduct.connect.source.SourceConnector;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the lines of a file (or of standard input when no file is set) into a Kafka topic, following
 * lines appended later like {@code tail -f}. One task does all the work.
 *
 * <p>Source partition {@code {"filename": <file>}}, offset {@code {"position": <byte position after
 * the line>}}: the same shape as Apache Kafka Connect's, so offsets carry over between the two runtimes.
 */
public class FileStreamSourceConnector extends SourceConnector {

    public static final String FILE_CONFIG = "file";
    public static final String TOPIC_CONFIG = "topic";
    public static final String TASK_BATCH_SIZE_CONFIG = "batch.size";
    public static final int DEFAULT_TASK_BATCH_SIZE = 2000;

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FILE_CONFIG, Type.STRING, null, Importance.HIGH,
                    "The file to read; standard input when unset.")
            .define(TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The topic the lines are written to.")
            .define(TASK_BATCH_SIZE_CONFIG, Type.INT, DEFAULT_TASK_BATCH_SIZE, ConfigDef.Range.atLeast(1),
                    Importance.LOW, "The most lines one poll returns.");

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.VALUE;
    }

    @Override
    public void start(Map<String, String> props) {
        new AbstractConfig(CONFIG_DEF, props); // fails fast on an invalid config
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileStreamSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        // A file has one reader position, so one task whatever tasks.max allows.
        return List.of(new HashMap<>(props));
    }

    @Override
    public void stop() {
        // Nothing to release: the task owns the file.
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> props) {
        String file = props.get(FILE_CONFIG);
        // Standard input cannot be rewound, so replaying a transaction is impossible there.
        return file == null || file.isEmpty() ? ExactlyOnceSupport.UNSUPPORTED : ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> partition = entry.getKey();
            if (partition == null) {
                throw new ConnectException("Partition objects cannot be null");
            }
            if (!partition.containsKey(FileStreamSourceTask.FILENAME_FIELD)) {
                throw new ConnectException("Partition objects should contain the key '" + FileStreamSourceTask.FILENAME_FIELD + "'");
            }
            Map<String, ?> offset = entry.getValue();
            if (offset == null) {
                continue; // a reset
            }
            if (!offset.containsKey(FileStreamSourceTask.POSITION_FIELD)) {
                throw new ConnectException("Offset objects should either be null or contain the key '"
                        + FileStreamSourceTask.POSITION_FIELD + "'");
            }
            Object position = offset.get(FileStreamSourceTask.POSITION_FIELD);
            if (!(position instanceof Long || position instanceof Integer)) {
                throw new ConnectException("The value for the '" + FileStreamSourceTask.POSITION_FIELD
                        + "' key in the offset is expected to be a whole number, not " + position);
            }
            if (((Number) position).longValue() < 0) {
                throw new ConnectException("The value for the '" + FileStreamSourceTask.POSITION_FIELD
                        + "' key in the offset should be a non-negative value, not " + position);
            }
        }
        return true;
    }
}
