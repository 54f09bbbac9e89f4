package io.aqueduct.connect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Worker and connector configurations, identical for both runtimes: Apache's key names, Apache's converter
 * class names (Aqueduct accepts them as aliases) and the connector aliases both know.
 */
final class ConnectorConfigs {

    static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
    static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    /** How record values are serialised in a throughput scenario. */
    enum Format {
        STRING("string", STRING_CONVERTER),
        JSON("json", JSON_CONVERTER);

        final String id;
        final String converterClass;

        Format(String id, String converterClass) {
            this.id = id;
            this.converterClass = converterClass;
        }

        String label() {
            return this == STRING ? "StringConverter" : "JsonConverter, schemas.enable=true";
        }

        void putConverter(Map<String, String> config) {
            config.put("value.converter", converterClass);
            if (this == JSON) {
                config.put("value.converter.schemas.enable", "true");
            }
        }

        /** The bytes this converter writes for one FileStreamSource line (a STRING schema, not optional). */
        String encode(String line) {
            return this == STRING ? line
                    : "{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"" + line + "\"}";
        }
    }

    private ConnectorConfigs() {
    }

    private static Map<String, String> commonWorker(String bootstrapServers, int port) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("key.converter", STRING_CONVERTER);
        config.put("value.converter", STRING_CONVERTER);
        // Both runtimes' sinks write out at the latest when offsets are committed; 1 s instead of the 10 s
        // default keeps that from dominating how long "until the file has every line" takes.
        config.put("offset.flush.interval.ms", "1000");
        config.put("listeners", "http://127.0.0.1:" + port);
        config.put("rest.advertised.host.name", "127.0.0.1");
        config.put("rest.advertised.port", Integer.toString(port));
        return config;
    }

    static Map<String, String> standaloneWorker(String bootstrapServers, int port, Path offsetsFile) {
        Map<String, String> config = commonWorker(bootstrapServers, port);
        config.put("offset.storage.file.filename", offsetsFile.toString());
        return config;
    }

    /** A distributed worker of group {@code groupId}; its internal topics are named after the group. */
    static Map<String, String> distributedWorker(String bootstrapServers, int port, String groupId,
                                                 Map<String, String> overrides) {
        Map<String, String> config = commonWorker(bootstrapServers, port);
        config.put("group.id", groupId);
        config.put("config.storage.topic", groupId + "-configs");
        config.put("offset.storage.topic", groupId + "-offsets");
        config.put("status.storage.topic", groupId + "-status");
        config.put("config.storage.replication.factor", "1");
        config.put("offset.storage.replication.factor", "1");
        config.put("status.storage.replication.factor", "1");
        config.putAll(overrides);
        return config;
    }

    static Map<String, String> fileSource(Path input, String topic, Format format) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("tasks.max", "1");
        config.put("file", input.toString());
        config.put("topic", topic);
        format.putConverter(config);
        return config;
    }

    static Map<String, String> fileSink(Path output, String topic, Format format) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "FileStreamSink");
        config.put("tasks.max", "1");
        config.put("file", output.toString());
        config.put("topics", topic);
        format.putConverter(config);
        return config;
    }

    static Path write(Path file, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return Files.writeString(file, text.toString());
    }
}
