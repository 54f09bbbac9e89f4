package io.aqueduct.connect.runtime.secrets;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.isolation.Plugins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerConfigTransformerTest {

    private static final String SECRET = "s3cr3t-Pa55-" + System.nanoTime();

    private static Plugins plugins;

    @TempDir
    Path dir;

    private WorkerConfigTransformer transformer;

    @BeforeAll
    static void discover() {
        plugins = TestPlugins.classPathOnly();
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    @AfterEach
    void closeTransformer() {
        if (transformer != null) {
            transformer.close();
        }
    }

    private WorkerConfigTransformer transformer(Map<String, String> workerProps) {
        transformer = new WorkerConfigTransformer(ConfigProviders.create(workerProps, plugins), name -> { });
        return transformer;
    }

    private Path secretsFile() throws IOException {
        return Files.writeString(dir.resolve("db.properties"), "password=" + SECRET + "\nuser=app\n");
    }

    private static Map<String, String> fileProvider() {
        return Map.of("config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
    }

    @Test
    void resolvesFileSecretInTheCopyOnlyAndNeverLogsIt() throws IOException {
        Path file = secretsFile();
        String placeholder = "${file:" + file + ":password}";
        Map<String, String> stored = new HashMap<>(Map.of("name", "jdbc", "connection.password", placeholder,
                "connection.user", "${file:" + file + ":user}", "topic", "orders"));
        Map<String, String> storedBefore = Map.copyOf(stored);

        Map<String, String> resolved;
        String logs;
        try (LogCapture capture = new LogCapture()) {
            resolved = transformer(fileProvider()).transform("jdbc", stored);
            logs = capture.all();
        }

        assertEquals(SECRET, resolved.get("connection.password"));
        assertEquals("app", resolved.get("connection.user"));
        assertEquals("orders", resolved.get("topic"));
        assertEquals(storedBefore, stored, "the stored config must keep its placeholders");
        assertNotSame(stored, resolved);
        assertFalse(logs.contains(SECRET), "logs must not contain the secret:\n" + logs);
        assertTrue(logs.contains("Config providers: file=org.apache.kafka.common.config.provider.FileConfigProvider"),
                "the capture must have seen the runtime's logs:\n" + logs);
    }

    @Test
    void resolvesEnvironmentVariables() {
        String home = System.getenv("HOME");
        String path = System.getenv("PATH");
        Map<String, String> resolved = transformer(Map.of("config.providers", "env",
                "config.providers.env.class", "EnvVarConfigProvider"))
                .transform("c", Map.of("a", "${env:HOME}", "b", "before:${env::PATH}:after"));
        assertEquals(home, resolved.get("a"));
        assertEquals("before:" + path + ":after", resolved.get("b"));
    }

    @Test
    void resolvesFilesOfADirectory() throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("api-key"), SECRET);
        Map<String, String> resolved = transformer(Map.of("config.providers", "dir",
                "config.providers.dir.class", "DirectoryConfigProvider"))
                .transform("c", Map.of("api.key", "${dir:" + secrets + ":api-key}"));
        assertEquals(SECRET, resolved.get("api.key"));
    }

    @Test
    void allowedPathsParamRestrictsWhatAPlaceholderMayRead() throws IOException {
        Path file = secretsFile();
        Path elsewhere = Files.createDirectories(dir.resolve("allowed"));
        Map<String, String> worker = new HashMap<>(fileProvider());
        worker.put("config.providers.file.param.allowed.paths", elsewhere.toString());
        String placeholder = "${file:" + file + ":password}";

        Map<String, String> resolved;
        String logs;
        try (LogCapture capture = new LogCapture()) {
            resolved = transformer(worker).transform("jdbc", Map.of("connection.password", placeholder));
            logs = capture.all();
        }

        assertEquals(placeholder, resolved.get("connection.password"));
        assertFalse(logs.contains(SECRET), logs);
        assertTrue(logs.contains("connector 'jdbc' key 'connection.password' keeps the placeholder " + placeholder),
                logs);
    }

    @Test
    void unknownProviderLeavesThePlaceholderWithAWarning() throws IOException {
        Path file = secretsFile();
        String unknown = "${vault:secret/db:password}";
        Map<String, String> resolved;
        List<String> warnings;
        String logs;
        try (LogCapture capture = new LogCapture()) {
            resolved = transformer(fileProvider()).transform("jdbc",
                    Map.of("connection.password", unknown, "other", "${file:" + file + ":password}"));
            warnings = capture.warnings();
            logs = capture.all();
        }

        assertEquals(unknown, resolved.get("connection.password"));
        assertEquals(SECRET, resolved.get("other"));
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains("connector 'jdbc'") && warning.contains("'connection.password'")
                && warning.contains(unknown) && warning.contains("no config provider is named 'vault'"), warning);
        assertFalse(logs.contains(SECRET), logs);
    }

    @Test
    void missingKeyLeavesThePlaceholderWithAWarning() throws IOException {
        Path file = secretsFile();
        String missing = "${file:" + file + ":passwrd}";
        Map<String, String> resolved;
        List<String> warnings;
        try (LogCapture capture = new LogCapture()) {
            resolved = transformer(fileProvider()).transform("jdbc", Map.of("connection.password", missing));
            warnings = capture.warnings();
        }
        assertEquals(missing, resolved.get("connection.password"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("has no value for key 'passwrd'"), warnings.get(0));
    }

    @Test
    void unreadableFileFailsNamingTheConnector() {
        Path absent = dir.resolve("absent.properties");
        ConnectException e = assertThrows(ConnectException.class, () -> transformer(fileProvider())
                .transform("jdbc", Map.of("connection.password", "${file:" + absent + ":password}")));
        assertTrue(e.getMessage().contains("connector 'jdbc'") && e.getMessage().contains(absent.toString()),
                e.getMessage());
    }

    @Test
    void configWithoutPlaceholdersIsCopiedAndNullStaysNull() {
        WorkerConfigTransformer t = transformer(Map.of());
        Map<String, String> config = Map.of("topic", "orders", "text", "${not a placeholder}");
        Map<String, String> copy = t.transform("c", config);
        assertEquals(config, copy);
        copy.put("extra", "mutable");
        assertNull(t.transform("c", null));
    }
}
