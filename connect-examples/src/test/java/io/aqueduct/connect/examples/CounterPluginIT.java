package io.aqueduct.connect.examples;

import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.isolation.Plugins;
import io.aqueduct.connect.runtime.rest.RestServer;
import io.aqueduct.connect.runtime.secrets.ConfigProviders;
import io.aqueduct.connect.runtime.standalone.StandaloneHerder;
import io.aqueduct.connect.runtime.storage.FileOffsetBackingStore;
import io.aqueduct.connect.runtime.worker.Worker;
import io.aqueduct.connect.test.KafkaCluster;
import io.aqueduct.connect.test.KafkaIT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged example plugin (target/plugin/aqueduct-examples/, built at {@code package}) loaded by a real
 * standalone worker through {@code plugin.path}, on a real broker: records flow, the transformation applies,
 * and a restarted worker resumes from the committed offset.
 */
@KafkaIT
class CounterPluginIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void packagedPluginRunsFromPluginPathAndResumesAfterRestart(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.aqueduct.connect.examples.CounterSourceConnector"),
                "the example classes must reach the worker only through plugin.path");
        Path pluginPath = Path.of(System.getProperty("aqueduct.examples.plugin.path", "target/plugin"));
        try (var jars = Files.list(pluginPath.resolve("aqueduct-examples"))) {
            assertTrue(jars.anyMatch(jar -> jar.getFileName().toString().startsWith("connect-examples-")),
                    "the plugin directory is packaged under " + pluginPath.toAbsolutePath());
        }
        String topic = kafka.uniqueName("counts");
        kafka.createTopic(topic, 1, 1);
        Map<String, String> workerProps = Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "offset.storage.file.filename", dir.resolve("offsets.json").toString(),
                "offset.flush.interval.ms", "200",
                "listeners", "http://127.0.0.1:0",
                "plugin.path", pluginPath.toAbsolutePath().toString(),
                "plugin.discovery", "service_load");

        int firstRunCount;
        try (RunningWorker worker = RunningWorker.start(workerProps)) {
            String plugins = get(worker.url().resolve("connector-plugins?connectorsOnly=false"));
            assertTrue(plugins.contains("\"class\":\"io.aqueduct.connect.examples.CounterSourceConnector\""), plugins);
            assertTrue(plugins.contains("\"class\":\"io.aqueduct.connect.examples.StaticHeader\""), plugins);

            createConnector(worker, topic);

            List<ConsumerRecord<String, String>> records = kafka.consumeStringsUntil(topic, 20, WAIT);
            ConsumerRecord<String, String> first = records.get(0);
            assertEquals("counter-0", first.key());
            assertEquals("0", first.value());
            assertEquals("lab-3", new String(first.headers().lastHeader("origin").value(), StandardCharsets.UTF_8));
            firstRunCount = records.size();
        }

        try (RunningWorker worker = RunningWorker.start(workerProps)) {
            createConnector(worker, topic); // standalone keeps connector configs in memory only
            List<Long> values = awaitValuesBeyond(kafka, topic, firstRunCount + 20);
            long restarts = values.stream().filter(v -> v == 0L).count();
            assertEquals(1, restarts, "the restarted task resumed from its committed offset instead of counting from 0");
            TreeSet<Long> distinct = new TreeSet<>(values);
            assertEquals(distinct.last() + 1, distinct.size(), "no count was skipped across the restart: " + distinct);
        }
    }

    /** Names the plugins as users would: aliases, and an Apache class name for a built-in converter. */
    private void createConnector(RunningWorker worker, String topic) throws Exception {
        HttpResponse<String> created = put(worker.url().resolve("connectors/counter/config"), """
                {"connector.class": "CounterSource", "tasks.max": "1", "topic": "%s", "interval.ms": "10",
                 "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                 "value.converter": "StringConverter",
                 "transforms": "origin", "transforms.origin.type": "StaticHeader",
                 "transforms.origin.header": "origin", "transforms.origin.value": "lab-3"}
                """.formatted(topic));
        assertEquals(201, created.statusCode(), created.body());
    }

    private static List<Long> awaitValuesBeyond(KafkaCluster kafka, String topic, int count) {
        return kafka.consumeStringsUntil(topic, count, WAIT).stream()
                .map(record -> Long.parseLong(record.value()))
                .collect(Collectors.toList());
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replace(" ", "");
    }

    private HttpResponse<String> put(URI uri, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A standalone worker assembled as {@code ConnectStandalone} assembles it, serving REST once started. */
    private record RunningWorker(RestServer rest, Plugins plugins, FileOffsetBackingStore offsets,
                                 StandaloneHerder herder) implements AutoCloseable {

        static RunningWorker start(Map<String, String> props) {
            StandaloneConfig config = new StandaloneConfig(props);
            RestServer rest = new RestServer(config.restServerConfig());
            rest.start();
            Plugins plugins = Plugins.discover(config);
            FileOffsetBackingStore offsets = new FileOffsetBackingStore(config.offsetsFile());
            offsets.start();
            URI advertised = rest.advertisedUrl();
            Worker worker = new Worker(advertised.getHost() + ":" + advertised.getPort(), config, plugins, offsets);
            StandaloneHerder herder = new StandaloneHerder(worker, offsets, ConfigProviders.create(config, plugins));
            herder.start();
            rest.attachHerder(herder);
            return new RunningWorker(rest, plugins, offsets, herder);
        }

        URI url() {
            return rest.serverUris().get(0);
        }

        @Override
        public void close() {
            herder.stop();
            offsets.stop();
            rest.stop();
            plugins.close();
        }
    }
}
