package io.aqueduct.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aqueduct.connect.connector.Task;
import io.aqueduct.connect.storage.OffsetStorageReader;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class SourceConnectorTest {

    private static class MinimalSource extends SourceConnector {
        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return SourceTask.class;
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

        SourceConnectorContext exposedContext() {
            return context();
        }
    }

    private static final OffsetStorageReader NO_OFFSETS = new OffsetStorageReader() {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return null;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            return Map.of();
        }
    };

    @Test
    void optionalCapabilitiesAreOffByDefault() {
        MinimalSource connector = new MinimalSource();

        assertNull(connector.exactlyOnceSupport(Map.of()));
        assertEquals(ConnectorTransactionBoundaries.UNSUPPORTED, connector.canDefineTransactionBoundaries(Map.of()));
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(Map.of("file", "a"), null);
        assertFalse(connector.alterOffsets(Map.of(), offsets));
    }

    @Test
    void contextIsTheSourceContextGivenAtInitialization() {
        SourceConnectorContext context = new SourceConnectorContext() {
            @Override
            public OffsetStorageReader offsetStorageReader() {
                return NO_OFFSETS;
            }

            @Override
            public void requestTaskReconfiguration() {
            }

            @Override
            public void raiseError(Exception e) {
            }
        };
        MinimalSource connector = new MinimalSource();

        connector.initialize(context);

        assertSame(context, connector.exposedContext());
        assertSame(NO_OFFSETS, connector.exposedContext().offsetStorageReader());
    }
}
