package io.aqueduct.connect.testconnectors;

import io.aqueduct.connect.sink.SinkConnectorContext;
import io.aqueduct.connect.sink.SinkTaskContext;
import io.aqueduct.connect.source.SourceConnectorContext;
import io.aqueduct.connect.source.SourceTaskContext;
import io.aqueduct.connect.storage.OffsetStorageReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** Minimal stand-ins for the contexts that the runtime hands to connectors and tasks. */
final class TestContexts {

    private TestContexts() {
    }

    static final class ConnectorContext implements SourceConnectorContext, SinkConnectorContext {
        final List<Exception> errors = new ArrayList<>();
        final OffsetStorageReader offsets;
        int reconfigurationRequests;

        ConnectorContext(OffsetStorageReader offsets) {
            this.offsets = offsets;
        }

        @Override
        public void requestTaskReconfiguration() {
            reconfigurationRequests++;
        }

        @Override
        public void raiseError(Exception e) {
            errors.add(e);
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return offsets;
        }
    }

    static SourceTaskContext sourceTaskContext(Map<String, String> configs, OffsetStorageReader offsets) {
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return configs;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return offsets;
            }
        };
    }

    static final class SinkContext implements SinkTaskContext {
        final Map<String, String> configs;
        final Set<TopicPartition> assignment = new HashSet<>();
        final Map<TopicPartition, Long> requestedOffsets = new HashMap<>();
        final Set<TopicPartition> paused = new HashSet<>();
        boolean commitRequested;

        SinkContext(Map<String, String> configs) {
            this.configs = configs;
        }

        @Override
        public Map<String, String> configs() {
            return configs;
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            requestedOffsets.putAll(offsets);
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
            requestedOffsets.put(tp, offset);
        }

        @Override
        public void timeout(long timeoutMs) {
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.copyOf(assignment);
        }

        @Override
        public void pause(TopicPartition... partitions) {
            paused.addAll(Arrays.asList(partitions));
        }

        @Override
        public void resume(TopicPartition... partitions) {
            Arrays.asList(partitions).forEach(paused::remove);
        }

        @Override
        public void requestCommit() {
            commitRequested = true;
        }
    }
}
