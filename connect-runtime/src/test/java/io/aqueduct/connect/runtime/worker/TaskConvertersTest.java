package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.runtime.config.StandaloneConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskConvertersTest {

    private static WorkerConfig worker() {
        Map<String, String> props = new HashMap<>();
        props.put("offset.storage.file.filename", "/tmp/unused");
        props.put("key.converter", RecordingConverter.class.getName());
        props.put("key.converter.worker.setting", "w-key");
        props.put("value.converter", RecordingConverter.class.getName());
        props.put("value.converter.worker.setting", "w-value");
        props.put("header.converter", RecordingConverter.class.getName());
        props.put("header.converter.worker.setting", "w-header");
        return new StandaloneConfig(props);
    }

    @Test
    void usesTheWorkerConvertersWithTheWorkerSubConfigsByDefault() {
        Map<String, String> connector = Map.of("name", "c", "value.converter.connector.setting", "ignored");
        try (TaskConverters converters = TaskConverters.create(TestPlugins.get(), worker(), connector)) {
            RecordingConverter key = (RecordingConverter) converters.key();
            RecordingConverter value = (RecordingConverter) converters.value();
            RecordingConverter header = (RecordingConverter) converters.header();
            assertSame(RecordingConverter.class, key.getClass());
            assertEquals(Map.of("worker.setting", "w-key", "converter.type", "key"), key.configured);
            assertTrue(key.isKey);
            assertEquals(Map.of("worker.setting", "w-value", "converter.type", "value"), value.configured);
            assertFalse(value.isKey);
            assertEquals(Map.of("worker.setting", "w-header", "converter.type", "header"), header.configured);
        }
    }

    @Test
    void aConnectorOverrideUsesOnlyTheConnectorSubConfigs() {
        Map<String, String> connector = new HashMap<>();
        connector.put("value.converter", OtherRecordingConverter.class.getName());
        connector.put("value.converter.connector.setting", "c-value");
        connector.put("header.converter", OtherRecordingConverter.class.getName());
        try (TaskConverters converters = TaskConverters.create(TestPlugins.get(), worker(), connector)) {
            assertSame(RecordingConverter.class, converters.key().getClass(), "key stays the worker's");
            RecordingConverter value = (RecordingConverter) converters.value();
            assertSame(OtherRecordingConverter.class, value.getClass());
            assertEquals(Map.of("connector.setting", "c-value", "converter.type", "value"), value.configured);
            RecordingConverter header = (RecordingConverter) converters.header();
            assertSame(OtherRecordingConverter.class, header.getClass());
            assertEquals(Map.of("converter.type", "header"), header.configured);
        }
    }

    @Test
    void anUnknownConverterIsRefusedNamingTheSetting() {
        Map<String, String> connector = Map.of("key.converter", "com.example.Missing");
        ConfigException error = assertThrows(ConfigException.class,
                () -> TaskConverters.validate(TestPlugins.get(), worker(), connector));
        assertTrue(error.getMessage().contains("key.converter"), error.getMessage());
        assertTrue(error.getMessage().contains("com.example.Missing"), error.getMessage());
    }
}
