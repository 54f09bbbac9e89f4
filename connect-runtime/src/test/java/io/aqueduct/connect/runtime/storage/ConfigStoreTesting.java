package io.aqueduct.connect.runtime.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartRequest;

/** Shared fixtures of the config store tests: the reference records and a listener that writes down its calls. */
final class ConfigStoreTesting {

    /**
     * The eos-configs listing of internal-topics.md §6 (Apache Kafka Connect 4.3.1 with exactly-once source
     * support), key and value verbatim, in topic order; null is a tombstone.
     */
    static final List<String[]> EOS_CONFIGS = List.of(
            new String[] {"session-key", "{\"key\":\"s/nl5YyvJYzW43Pwffvx9wIG94S9jNoML5iWn/sXy7U=\",\"algorithm\":"
                    + "\"HmacSHA256\",\"creation-timestamp\":1795235489435}"},
            new String[] {"connector-eos-src", "{\"properties\":{\"connector.class\":\"FileStreamSource\",\"file\":"
                    + "\"<scratch>/eos/in.txt\",\"topic\":\"eos-lines\",\"name\":\"eos-src\"}}"},
            new String[] {"task-eos-src-0", "{\"properties\":{\"connector.class\":\"FileStreamSource\",\"name\":"
                    + "\"eos-src\",\"topic\":\"eos-lines\",\"file\":\"<scratch>/eos/in.txt\",\"task.class\":"
                    + "\"org.apache.kafka.connect.file.FileStreamSourceTask\"}}"},
            new String[] {"commit-eos-src", "{\"tasks\":1}"},
            new String[] {"tasks-fencing-eos-src", "{\"task-count\":1}"},
            new String[] {"connector-eos-src2", "{\"properties\":{\"connector.class\":\"FileStreamSource\",\"file\":"
                    + "\"<scratch>/eos/in.txt\",\"topic\":\"eos-lines2\",\"exactly.once.support\":\"required\","
                    + "\"transaction.boundary\":\"poll\",\"name\":\"eos-src2\"}}"},
            new String[] {"task-eos-src2-0", "{\"properties\":{\"connector.class\":\"FileStreamSource\",\"file\":"
                    + "\"<scratch>/eos/in.txt\",\"task.class\":\"org.apache.kafka.connect.file.FileStreamSourceTask\","
                    + "\"exactly.once.support\":\"required\",\"transaction.boundary\":\"poll\",\"name\":\"eos-src2\","
                    + "\"topic\":\"eos-lines2\"}}"},
            new String[] {"commit-eos-src2", "{\"tasks\":1}"},
            new String[] {"tasks-fencing-eos-src2", "{\"task-count\":1}"},
            new String[] {"commit-eos-src", "{\"tasks\":0}"},
            new String[] {"target-state-eos-src", "{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}"},
            new String[] {"connector-eos-src2", null},
            new String[] {"target-state-eos-src2", null});

    /** The config of connector eos-src, in the key order of its record. */
    static final Map<String, String> EOS_SRC_CONFIG = props("connector.class", "FileStreamSource",
            "file", "<scratch>/eos/in.txt", "topic", "eos-lines", "name", "eos-src");

    /** The config of task eos-src-0, in the key order of its record. */
    static final Map<String, String> EOS_SRC_TASK_CONFIG = props("connector.class", "FileStreamSource",
            "name", "eos-src", "topic", "eos-lines", "file", "<scratch>/eos/in.txt",
            "task.class", "org.apache.kafka.connect.file.FileStreamSourceTask");

    private ConfigStoreTesting() {
    }

    /** An insertion-ordered map of key/value pairs. */
    static Map<String, String> props(String... keysAndValues) {
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    static ConnectorTaskId task(String connector, int task) {
        return new ConnectorTaskId(connector, task);
    }

    /** Writes down every call as a short string, e.g. {@code tasks:[c-0, c-1]}; thread-safe. */
    static final class RecordingListener implements ConfigBackingStore.UpdateListener {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void onConnectorConfigUpdate(String connector) {
            calls.add("config:" + connector);
        }

        @Override
        public void onConnectorConfigRemove(String connector) {
            calls.add("remove:" + connector);
        }

        @Override
        public void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
            calls.add("tasks:" + tasks);
        }

        @Override
        public void onConnectorTargetStateChange(String connector) {
            calls.add("target-state:" + connector);
        }

        @Override
        public void onRestartRequest(RestartRequest request) {
            calls.add("restart:" + request.connectorName() + ",includeTasks=" + request.includeTasks()
                    + ",onlyFailed=" + request.onlyFailed());
        }

        @Override
        public void onLoggingLevelUpdate(String namespace, String level) {
            calls.add("logger:" + namespace + "=" + level);
        }

        @Override
        public void onSessionKeyUpdate(SessionKey sessionKey) {
            calls.add("session-key:" + sessionKey.creationTimestamp());
        }

        List<String> drain() {
            List<String> taken = new ArrayList<>();
            while (!calls.isEmpty()) {
                taken.add(calls.remove(0));
            }
            return taken;
        }
    }
}
