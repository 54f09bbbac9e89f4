package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.config.StandaloneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerPropsTransformerTest {

    private static final String SECRET = "worker-secret-" + System.nanoTime();

    @TempDir
    Path dir;

    @Test
    void resolvesTheWorkerPropertiesWithTheProvidersTheyDefine() throws IOException {
        Path secrets = Files.writeString(dir.resolve("worker.properties"),
                "sasl.jaas.config=" + SECRET + "\noffsets=" + dir.resolve("offsets") + "\n");
        Map<String, String> raw = new HashMap<>();
        raw.put("config.providers", "file,env");
        raw.put("config.providers.file.class", "FileConfigProvider");
        raw.put("config.providers.file.param.allowed.paths", dir.toString());
        raw.put("config.providers.env.class", "EnvVarConfigProvider");
        raw.put("plugin.discovery", "service_load");
        raw.put("sasl.jaas.config", "${file:" + secrets + ":sasl.jaas.config}");
        raw.put("offset.storage.file.filename", "${file:" + secrets + ":offsets}");
        raw.put("rest.advertised.host.name", "${env:HOME}");
        Map<String, String> before = Map.copyOf(raw);

        Map<String, String> props;
        String logs;
        try (LogCapture capture = new LogCapture()) {
            props = WorkerPropsTransformer.transform(raw);
            logs = capture.all();
        }

        assertEquals(before, raw);
        assertEquals(SECRET, props.get("sasl.jaas.config"));
        assertEquals(System.getenv("HOME"), props.get("rest.advertised.host.name"));
        assertEquals(dir.toString(), props.get("config.providers.file.param.allowed.paths"));
        assertEquals(before.keySet(), props.keySet());
        assertFalse(logs.contains(SECRET), logs);

        StandaloneConfig config = new StandaloneConfig(props);
        assertEquals(dir.resolve("offsets"), config.offsetsFile());
        assertEquals(List.of("file", "env"), config.getList("config.providers"));
    }

    @Test
    void workerConfigParsesPropertiesAsGivenWithoutResolvingOnItsOwn() throws IOException {
        Path secrets = Files.writeString(dir.resolve("s.properties"), "offsets=/resolved\n");
        String placeholder = "${file:" + secrets + ":offsets}";
        StandaloneConfig config = new StandaloneConfig(Map.of("config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider",
                "offset.storage.file.filename", placeholder));
        assertEquals(Path.of(placeholder), config.offsetsFile(),
                "resolution belongs to WorkerPropsTransformer, through Plugins, not to AbstractConfig");
    }

    @Test
    void withoutProvidersThePropertiesAreCopiedUnchanged() {
        Map<String, String> raw = Map.of("offset.storage.file.filename", "${file:/x:y}");
        assertEquals(raw, WorkerPropsTransformer.transform(raw));
    }

    @Test
    void unresolvedPlaceholdersStayAndAreReported() {
        Map<String, String> raw = Map.of("config.providers", "env",
                "config.providers.env.class", "EnvVarConfigProvider", "plugin.discovery", "service_load",
                "ssl.key.password", "${vault:kv/worker:password}");
        Map<String, String> props;
        List<String> warnings;
        try (LogCapture capture = new LogCapture()) {
            props = WorkerPropsTransformer.transform(raw);
            warnings = capture.warnings();
        }
        assertEquals("${vault:kv/worker:password}", props.get("ssl.key.password"));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("worker configuration key 'ssl.key.password'")
                && w.contains("${vault:kv/worker:password}")), warnings.toString());
    }

    @Test
    void aBadProviderStopsStartUpWithTheProviderNamed() {
        Map<String, String> raw = Map.of("config.providers", "vault", "plugin.discovery", "service_load",
                "config.providers.vault.class", "com.example.NoSuchProvider");
        ConnectException e = assertThrows(ConnectException.class, () -> WorkerPropsTransformer.transform(raw));
        assertTrue(e.getMessage().contains("'vault'") && e.getMessage().contains("com.example.NoSuchProvider"),
                e.getMessage());
    }

    @Test
    void anInvalidDiscoveryModeIsNamed() {
        ConnectException e = assertThrows(ConnectException.class, () -> WorkerPropsTransformer.transform(Map.of(
                "config.providers", "env", "config.providers.env.class", "EnvVarConfigProvider",
                "plugin.discovery", "fast")));
        assertTrue(e.getMessage().contains("'fast'") && e.getMessage().contains("plugin.discovery"), e.getMessage());
    }
}
