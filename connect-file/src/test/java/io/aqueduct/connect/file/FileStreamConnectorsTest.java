package io.aqueduct.connect.file;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.source.ExactlyOnceSupport;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileStreamConnectorsTest {

    private static final Map<String, String> SOURCE = Map.of("name", "src", "file", "/tmp/in.txt", "topic", "lines");

    @Test
    void sourceRunsOneTaskWhateverTasksMaxAllows() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        connector.start(SOURCE);
        List<Map<String, String>> configs = connector.taskConfigs(4);
        assertEquals(List.of(SOURCE), configs);
        assertEquals(FileStreamSourceTask.class, connector.taskClass());
        assertFalse(connector.version().isEmpty());
    }

    @Test
    void sourceNeedsATopic() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        ConfigException e = assertThrows(ConfigException.class, () -> connector.start(Map.of("file", "/tmp/x")));
        assertTrue(e.getMessage().contains("topic"), e.getMessage());
        assertEquals(1, connector.validate(Map.of()).configValues().stream()
                .filter(v -> v.name().equals("topic")).mapToInt(v -> v.errorMessages().size()).sum());
    }

    @Test
    void sinkCopiesItsConfigToEveryTask() {
        FileStreamSinkConnector connector = new FileStreamSinkConnector();
        Map<String, String> props = Map.of("name", "sink", "file", "/tmp/out.txt", "topics", "lines");
        connector.start(props);
        assertEquals(List.of(props, props, props), connector.taskConfigs(3));
        assertEquals(FileStreamSinkTask.class, connector.taskClass());
        assertTrue(connector.alterOffsets(props, Map.of()));
    }

    @Test
    void exactlyOnceOnlyForFiles() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        assertEquals(ExactlyOnceSupport.SUPPORTED, connector.exactlyOnceSupport(SOURCE));
        assertEquals(ExactlyOnceSupport.UNSUPPORTED, connector.exactlyOnceSupport(Map.of("topic", "t")));
    }

    @Test
    void alterOffsetsValidatesPartitionsAndPositions() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        Map<String, ?> partition = Map.of("filename", "/tmp/in.txt");

        ConnectException noFilename = assertThrows(ConnectException.class,
                () -> connector.alterOffsets(SOURCE, Map.of(Map.of("file", "x"), Map.of("position", 1L))));
        assertEquals("Partition objects should contain the key 'filename'", noFilename.getMessage());

        assertThrows(ConnectException.class,
                () -> connector.alterOffsets(SOURCE, Map.of(partition, Map.of("pos", 1L))));
        assertThrows(ConnectException.class,
                () -> connector.alterOffsets(SOURCE, Map.of(partition, Map.of("position", "12"))));
        assertThrows(ConnectException.class,
                () -> connector.alterOffsets(SOURCE, Map.of(partition, Map.of("position", -1L))));

        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        reset.put(partition, null);
        assertTrue(connector.alterOffsets(SOURCE, reset));
        assertTrue(connector.alterOffsets(SOURCE, Map.of(partition, Map.of("position", 12L))));
        assertTrue(connector.alterOffsets(SOURCE, Collections.emptyMap()));
    }
}
