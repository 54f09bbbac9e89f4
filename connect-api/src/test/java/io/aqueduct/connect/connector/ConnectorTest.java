package io.aqueduct.connect.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.errors.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConnectorTest {

    /** Records the lifecycle calls it receives. */
    private static class RecordingConnector extends Connector {
        final List<String> calls = new ArrayList<>();
        ConfigDef definition = new ConfigDef()
            .define("port", ConfigDef.Type.INT, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Range.between(1, 65535),
                ConfigDef.Importance.HIGH, "The port.");

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
            calls.add("start " + props);
        }

        @Override
        public Class<? extends Task> taskClass() {
            return Task.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public ConfigDef config() {
            return definition;
        }

        ConnectorContext exposedContext() {
            return context();
        }
    }

    private static final ConnectorContext CONTEXT = new ConnectorContext() {
        @Override
        public void requestTaskReconfiguration() {
        }

        @Override
        public void raiseError(Exception e) {
        }
    };

    @Test
    void contextIsNullUntilInitialized() {
        RecordingConnector connector = new RecordingConnector();
        assertNull(connector.exposedContext());

        connector.initialize(CONTEXT);

        assertSame(CONTEXT, connector.exposedContext());
    }

    @Test
    void initializeWithTaskConfigsAlsoSetsTheContext() {
        RecordingConnector connector = new RecordingConnector();

        connector.initialize(CONTEXT, List.of(Map.of("k", "v")));

        assertSame(CONTEXT, connector.exposedContext());
    }

    @Test
    void reconfigureStopsThenStartsWithTheNewProperties() {
        RecordingConnector connector = new RecordingConnector();

        connector.reconfigure(Map.of("port", "80"));

        assertEquals(List.of("stop", "start {port=80}"), connector.calls);
    }

    @Test
    void validateReportsPerKeyErrorsFromTheConfigDef() {
        RecordingConnector connector = new RecordingConnector();

        Config result = connector.validate(Map.of("port", "70000"));

        ConfigValue port = result.configValues().stream()
            .filter(value -> value.name().equals("port")).findFirst().orElseThrow();
        assertEquals(1, port.errorMessages().size(), port.errorMessages().toString());
        assertTrue(port.errorMessages().get(0).contains("70000"), port.errorMessages().toString());
    }

    @Test
    void validateAcceptsAValidConfiguration() {
        Config result = new RecordingConnector().validate(Map.of("port", "8080"));

        assertTrue(result.configValues().stream().allMatch(value -> value.errorMessages().isEmpty()));
    }

    @Test
    void validateFailsWithAClearMessageWhenConfigIsNull() {
        RecordingConnector connector = new RecordingConnector();
        connector.definition = null;

        ConnectException e = assertThrows(ConnectException.class, () -> connector.validate(Map.of()));

        assertTrue(e.getMessage().contains("config() returned null"), e.getMessage());
        assertTrue(e.getMessage().contains(RecordingConnector.class.getName()), e.getMessage());
    }
}
