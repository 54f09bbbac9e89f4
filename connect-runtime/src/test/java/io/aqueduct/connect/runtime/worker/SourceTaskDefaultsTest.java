package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a source task gets by default: its producer's batching, and whether the runtime calls commitRecord. */
class SourceTaskDefaultsTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("lines", 0);

    static class PlainTask extends SourceTask {
        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() {
            return null;
        }

        @Override
        public void stop() {
        }
    }

    static class CommittingTask extends PlainTask {
        @Override
        public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        }
    }

    static class SubclassOfCommittingTask extends CommittingTask {
    }

    @Test
    void commitRecordIsCalledOnlyForTasksThatReplaceIt() {
        assertFalse(WorkerSourceTask.overridesCommitRecord(PlainTask.class));
        assertTrue(WorkerSourceTask.overridesCommitRecord(CommittingTask.class));
        assertTrue(WorkerSourceTask.overridesCommitRecord(SubclassOfCommittingTask.class));
    }

    @Test
    void sourceProducersBatchLargeByDefaultAndWorkerOrConnectorSettingsWin() {
        Map<String, String> worker = workerProps();
        Map<String, Object> defaults = ClientConfigs.producer(new StandaloneConfig(worker), TASK, Map.of());
        assertEquals("262144", defaults.get(ProducerConfig.BATCH_SIZE_CONFIG));
        assertEquals("10", defaults.get(ProducerConfig.LINGER_MS_CONFIG));

        worker.put("producer.batch.size", "16384");
        Map<String, Object> workerSet = ClientConfigs.producer(new StandaloneConfig(worker), TASK,
                Map.of("producer.override.linger.ms", "0"));
        assertEquals("16384", workerSet.get(ProducerConfig.BATCH_SIZE_CONFIG));
        assertEquals("0", workerSet.get(ProducerConfig.LINGER_MS_CONFIG));
    }

    private static Map<String, String> workerProps() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "broker:9092");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", "/tmp/never-written.offsets");
        return props;
    }
}
