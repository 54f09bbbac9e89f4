package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.errors.DataException;
import io.aqueduct.connect.sink.ErrantRecordReporter;
import io.aqueduct.connect.sink.SinkConnector;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import org.apache.kafka.common.config.ConfigDef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test sink connector whose task hands every record with a value starting with {@code bad} to its
 * {@link ErrantRecordReporter} (without waiting for the report) and keeps the other values per connector
 * in {@link #ACCEPTED}.
 */
public class ReportingSinkConnector extends SinkConnector {

    static final Map<String, List<String>> ACCEPTED = new ConcurrentHashMap<>();

    private Map<String, String> props;

    static List<String> accepted(String connector) {
        return ACCEPTED.computeIfAbsent(connector, c -> Collections.synchronizedList(new ArrayList<>()));
    }

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
        return ReportingTask.class;
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

    /** The task of {@link ReportingSinkConnector}. */
    public static class ReportingTask extends SinkTask {

        private List<String> accepted;
        private ErrantRecordReporter reporter;

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            accepted = accepted(props.get("name"));
            reporter = context.errantRecordReporter();
            if (reporter == null) {
                throw new IllegalStateException("the test needs an errant record reporter");
            }
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            for (SinkRecord record : records) {
                String value = String.valueOf(record.value());
                if (value.startsWith("bad")) {
                    reporter.report(record, new DataException("scripted: rejected " + value));
                } else {
                    accepted.add(value);
                }
            }
        }

        @Override
        public void stop() {
        }
    }
}
