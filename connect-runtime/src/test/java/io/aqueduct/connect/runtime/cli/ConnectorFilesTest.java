package io.aqueduct.connect.runtime.cli;

import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.herder.InitialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorFilesTest {

    @TempDir
    Path dir;

    @Test
    void propertiesFilesNameTheConnectorWithTheirNameKey() throws Exception {
        Path file = Files.writeString(dir.resolve("c.properties"), "name=src\nconnector.class=FileStreamSource\n");
        ConnectorFiles.ConnectorRequest request = ConnectorFiles.read(file);
        assertEquals("src", request.name());
        assertEquals(Map.of("name", "src", "connector.class", "FileStreamSource"), request.config());
        assertNull(request.initialState());
    }

    @Test
    void jsonFilesMayBeCreateRequestsWithAnInitialState() throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"name\":\"snk\",\"initial_state\":\"paused\","
                + "\"config\":{\"connector.class\":\"FileStreamSink\",\"tasks.max\":2,\"errors.log.enable\":true}}");
        ConnectorFiles.ConnectorRequest request = ConnectorFiles.read(file);
        assertEquals("snk", request.name());
        assertEquals(Map.of("name", "snk", "connector.class", "FileStreamSink", "tasks.max", "2",
                "errors.log.enable", "true"), request.config(), "scalars become strings, the name is added");
        assertEquals(InitialState.PAUSED, request.initialState());
    }

    @Test
    void jsonFilesMayBePlainConfigMaps() throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"name\":\"x\",\"connector.class\":\"FileStreamSink\"}");
        assertEquals(Map.of("name", "x", "connector.class", "FileStreamSink"), ConnectorFiles.read(file).config());
    }

    @Test
    void mistakesNameTheFileAndWhatIsWrong() throws Exception {
        Path noName = Files.writeString(dir.resolve("a.properties"), "connector.class=FileStreamSource\n");
        assertTrue(message(noName).contains("does not name the connector: set 'name'"));
        Path nested = Files.writeString(dir.resolve("b.json"), "{\"name\":\"x\",\"config\":{\"a\":{\"b\":1}}}");
        assertTrue(message(nested).contains("the value of config.a must be a string, number or boolean"));
        Path mismatch = Files.writeString(dir.resolve("c.json"), "{\"name\":\"x\",\"config\":{\"name\":\"y\"}}");
        assertTrue(message(mismatch).contains("names the connector 'x' but its config has name=y"));
        Path broken = Files.writeString(dir.resolve("d.json"), "{\"name\":");
        assertTrue(message(broken).contains("is not valid JSON"));
        Path state = Files.writeString(dir.resolve("e.json"), "{\"name\":\"x\",\"config\":{},\"initial_state\":\"NAP\"}");
        assertTrue(message(state).contains("initial_state \"NAP\" is not one of RUNNING, PAUSED, STOPPED"));
        assertTrue(message(dir.resolve("missing.properties")).startsWith("Cannot read connector file "));
    }

    @Test
    void theShippedConfigFilesParse() throws Exception {
        Path config = Path.of(System.getProperty("user.dir")).getParent().resolve("config");
        StandaloneConfig worker = new StandaloneConfig(
                ConnectorFiles.properties(config.resolve("connect-standalone.properties")));
        assertEquals(Path.of("/tmp/aqueduct-connect.offsets"), worker.offsetsFile());
        assertEquals("local-file-source", ConnectorFiles.read(config.resolve("connect-file-source.properties")).name());
        assertEquals("local-file-sink", ConnectorFiles.read(config.resolve("connect-file-sink.properties")).name());
    }

    private static String message(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> ConnectorFiles.read(file)).getMessage();
    }
}
