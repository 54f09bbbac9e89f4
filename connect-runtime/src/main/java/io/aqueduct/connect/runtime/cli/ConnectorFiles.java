package io.aqueduct.connect.runtime.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aqueduct.connect.runtime.config.ConnectorConfig;
import io.aqueduct.connect.runtime.herder.InitialState;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the connector files given to {@code connect-standalone}: {@code .properties} files, or {@code .json} files
 * shaped like a {@code POST /connectors} body ({@code {"name":..,"config":{..},"initial_state":..}}) or like a
 * plain config map ({@code {"name":..,"connector.class":..}}).
 */
final class ConnectorFiles {

    /**
     * Created on the first JSON file only: the worker properties file is read through this class too, and loading
     * Jackson there would hold up the start of the REST server by a sizeable share of a second.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** One connector to create; {@code initialState} is null unless the file asks for one. */
    record ConnectorRequest(Path file, String name, Map<String, String> config, InitialState initialState) {
    }

    private ConnectorFiles() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    static ConnectorRequest read(Path file) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                return readJson(file);
            }
            return readProperties(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read connector file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a properties file into a map, keeping key order stable (sorted). */
    static Map<String, String> properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }

    private static ConnectorRequest readProperties(Path file) throws IOException {
        Map<String, String> config = new LinkedHashMap<>(properties(file));
        return new ConnectorRequest(file, requireName(file, config.get(ConnectorConfig.NAME_CONFIG)), config, null);
    }

    private static ConnectorRequest readJson(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("Connector file " + file + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Connector file " + file + " must hold a JSON object, either "
                    + "{\"name\": \"...\", \"config\": {...}} or a plain config map");
        }
        JsonNode nested = root.get("config");
        if (nested == null || !nested.isObject()) {
            Map<String, String> config = configMap(file, root, "");
            return new ConnectorRequest(file, requireName(file, config.get(ConnectorConfig.NAME_CONFIG)), config,
                    null);
        }
        for (Iterator<String> fields = root.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("name") && !field.equals("config") && !field.equals("initial_state")) {
                throw new IllegalArgumentException("Connector file " + file + " has an unknown field '" + field
                        + "'; allowed are name, config and initial_state");
            }
        }
        Map<String, String> config = configMap(file, nested, "config.");
        String name = root.hasNonNull("name") ? root.get("name").asText() : config.get(ConnectorConfig.NAME_CONFIG);
        name = requireName(file, name);
        String configName = config.get(ConnectorConfig.NAME_CONFIG);
        if (configName != null && !configName.equals(name)) {
            throw new IllegalArgumentException("Connector file " + file + " names the connector '" + name
                    + "' but its config has name=" + configName + "; make them equal or drop one");
        }
        config.put(ConnectorConfig.NAME_CONFIG, name);
        return new ConnectorRequest(file, name, config, initialState(file, root.get("initial_state")));
    }

    private static Map<String, String> configMap(Path file, JsonNode object, String prefix) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new IllegalArgumentException("Connector file " + file + ": the value of " + prefix
                        + field.getKey() + " must be a string, number or boolean, not " + value);
            }
            if (!value.isNull()) {
                config.put(field.getKey(), value.asText());
            }
        }
        return config;
    }

    private static InitialState initialState(Path file, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return InitialState.valueOf(value.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Connector file " + file + ": initial_state " + value
                    + " is not one of RUNNING, PAUSED, STOPPED");
        }
    }

    private static String requireName(Path file, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Connector file " + file + " does not name the connector: set '"
                    + ConnectorConfig.NAME_CONFIG + "'");
        }
        return name.trim();
    }
}
