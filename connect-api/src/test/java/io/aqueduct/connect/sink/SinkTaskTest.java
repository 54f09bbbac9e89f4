package io.aqueduct.connect.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aqueduct.connect.connector.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class SinkTaskTest {

    private static class FlushRecordingTask extends SinkTask {
        final List<Map<TopicPartition, OffsetAndMetadata>> flushed = new ArrayList<>();

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
        }

        @Override
        public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
            flushed.add(currentOffsets);
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void preCommitFlushesAndReturnsTheSameOffsets() {
        FlushRecordingTask task = new FlushRecordingTask();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(
            new TopicPartition("t", 0), new OffsetAndMetadata(10L),
            new TopicPartition("t", 1), new OffsetAndMetadata(3L));

        Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(offsets);

        assertSame(offsets, committed);
        assertEquals(List.of(offsets), task.flushed);
    }

    @Test
    void initializeStoresTheContext() {
        SinkTaskContext context = new SinkTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public void offset(Map<TopicPartition, Long> offsets) {
            }

            @Override
            public void offset(TopicPartition tp, long offset) {
            }

            @Override
            public void timeout(long timeoutMs) {
            }

            @Override
            public Set<TopicPartition> assignment() {
                return Set.of();
            }

            @Override
            public void pause(TopicPartition... partitions) {
            }

            @Override
            public void resume(TopicPartition... partitions) {
            }

            @Override
            public void requestCommit() {
            }
        };
        FlushRecordingTask task = new FlushRecordingTask();

        task.initialize(context);

        assertSame(context, task.context);
        assertNull(context.errantRecordReporter());
    }

    @Test
    void topicKeys() {
        assertEquals("topics", SinkTask.TOPICS_CONFIG);
        assertEquals("topics.regex", SinkTask.TOPICS_REGEX_CONFIG);
        assertEquals("topics", SinkConnector.TOPICS_CONFIG);
    }

    @Test
    void sinkConnectorDoesNotConfirmOffsetChangesByDefault() {
        SinkConnector connector = new SinkConnector() {
            @Override
            public String version() {
                return "1";
            }

            @Override
            public void start(Map<String, String> props) {
            }

            @Override
            public Class<? extends Task> taskClass() {
                return FlushRecordingTask.class;
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
        };

        assertFalse(connector.alterOffsets(Map.of(), Map.of(new TopicPartition("t", 0), 5L)));
    }
}
