package io.aqueduct.connect.runtime.config;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerConfigTest {

    private static Map<String, String> standalone(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, "/tmp/offsets.json");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void defaultsMatchApacheKafkaConnect() {
        StandaloneConfig config = new StandaloneConfig(standalone());
        assertEquals(60_000L, config.getLong(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG));
        assertEquals(5_000L, config.getLong(WorkerConfig.OFFSET_COMMIT_TIMEOUT_MS_CONFIG));
        assertEquals(5_000L, config.getLong(WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG));
        assertTrue(config.getBoolean(WorkerConfig.TOPIC_CREATION_ENABLE_CONFIG));
        assertEquals(WorkerConfig.PluginDiscovery.HYBRID_WARN, config.pluginDiscovery());
        assertEquals(WorkerConfig.ClientOverridePolicy.ALL, config.clientOverridePolicy());
        assertEquals("localhost:9092", config.commonClientConfigs().get(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals(List.of("http://:8083"), config.getList("listeners"));
    }

    @Test
    void restKeysAreWorkerKeys() {
        StandaloneConfig config = new StandaloneConfig(standalone("listeners", "http://127.0.0.1:0",
                "access.control.allow.origin", "*"));
        assertEquals("*", config.restServerConfig().getString("access.control.allow.origin"));
        assertEquals(1, config.restServerConfig().listeners().size());
    }

    @Test
    void invalidValueNamesKeyAndValue() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new StandaloneConfig(standalone(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "soon")));
        assertTrue(e.getMessage().contains("offset.flush.interval.ms"), e.getMessage());
        assertTrue(e.getMessage().contains("soon"), e.getMessage());
    }

    @Test
    void missingOffsetsFileIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> new StandaloneConfig(Map.of()));
        assertTrue(e.getMessage().contains(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG), e.getMessage());
    }

    @Test
    void unknownPluginDiscoveryModeIsRefused() {
        assertThrows(ConfigException.class,
                () -> new StandaloneConfig(standalone(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "guess")));
        assertEquals(WorkerConfig.PluginDiscovery.SERVICE_LOAD,
                new StandaloneConfig(standalone(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "SERVICE_LOAD")).pluginDiscovery());
    }

    @Test
    void clientPrefixesOverlayTheCommonSettings() {
        StandaloneConfig config = new StandaloneConfig(standalone(
                WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, "a:1,b:2",
                "producer.linger.ms", "7",
                "consumer.max.poll.records", "10",
                "admin.request.timeout.ms", "99",
                "security.protocol", "PLAINTEXT",
                "some.unknown.key", "x"));
        assertEquals("a:1,b:2", config.producerConfigs().get(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("7", config.producerConfigs().get("linger.ms"));
        assertEquals("PLAINTEXT", config.producerConfigs().get("security.protocol"));
        assertFalse(config.producerConfigs().containsKey("max.poll.records"));
        assertEquals("10", config.consumerConfigs().get("max.poll.records"));
        assertEquals("99", config.adminConfigs().get("request.timeout.ms"));
    }
}
