package io.aqueduct.connect.runtime.rest.resources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aqueduct.connect.runtime.herder.InitialState;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffset;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffsets;
import io.aqueduct.connect.runtime.rest.entities.CreateConnectorRequest;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses request bodies by hand so that every mistake answers 400 with a message saying what is wrong and where
 * (Jackson's data binding would answer with parser internals, and the reference answers 500).
 */
final class RequestBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };
    private static final Set<String> CREATE_FIELDS = Set.of("name", "config", "initial_state");
    private static final Set<String> OFFSETS_FIELDS = Set.of("offsets");
    private static final Set<String> OFFSET_FIELDS = Set.of("partition", "offset");

    private RequestBodies() {
    }

    /** {@code POST /connectors}: {@code {"name": .., "config": {..}, "initial_state": ..}}. */
    static CreateConnectorRequest createRequest(byte[] body) {
        JsonNode root = object(body, "{\"name\": \"...\", \"config\": {...}}");
        rejectUnknownFields(root, CREATE_FIELDS, "");
        JsonNode name = root.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw new BadRequestException("Field 'name' must be a JSON string, not " + describe(name));
        }
        JsonNode config = root.get("config");
        if (config == null || config.isNull()) {
            throw new BadRequestException("Field 'config' is missing from the request body; it must be a JSON "
                    + "object of connector config keys to values, e.g. {\"name\": \"my-connector\", \"config\": "
                    + "{\"connector.class\": \"...\"}}");
        }
        if (!config.isObject()) {
            throw new BadRequestException("Field 'config' must be a JSON object of config keys to values, not "
                    + describe(config));
        }
        return new CreateConnectorRequest(name == null || name.isNull() ? null : name.asText(),
                configMap(config, "config.", false), initialState(root.get("initial_state")));
    }

    /** {@code PUT .../config} and validation bodies: a flat object of keys to scalar values; nulls rejected. */
    static Map<String, String> config(byte[] body) {
        return configMap(object(body, "{\"connector.class\": \"...\", ...}"), "", false);
    }

    /** {@code PATCH .../config}: like {@link #config} but a null value (meaning "remove the key") is kept. */
    static Map<String, String> configPatch(byte[] body) {
        return configMap(object(body, "{\"key\": \"new value\", \"removed.key\": null}"), "", true);
    }

    /** Validation bodies: like {@link #config}, but null values count as unset and are dropped. */
    static Map<String, String> configToValidate(byte[] body) {
        Map<String, String> config = configMap(object(body, "{\"connector.class\": \"...\", ...}"), "", true);
        config.values().removeIf(v -> v == null);
        return config;
    }

    /** {@code PATCH .../offsets}: {@code {"offsets": [{"partition": {..}, "offset": {..} | null}]}}. */
    static ConnectorOffsets offsets(byte[] body) {
        JsonNode root = object(body, "{\"offsets\": [{\"partition\": {...}, \"offset\": {...}}]}");
        rejectUnknownFields(root, OFFSETS_FIELDS, "");
        JsonNode offsets = root.get("offsets");
        if (offsets == null || offsets.isNull() || (offsets.isArray() && offsets.isEmpty())) {
            throw new BadRequestException("Partitions / offsets need to be provided for an alter offsets request");
        }
        if (!offsets.isArray()) {
            throw new BadRequestException("Field 'offsets' must be a JSON array of {\"partition\": {...}, "
                    + "\"offset\": {...}} objects, not " + describe(offsets));
        }
        List<ConnectorOffset> result = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            JsonNode element = offsets.get(i);
            String where = "offsets[" + i + "]";
            if (!element.isObject()) {
                throw new BadRequestException("Element " + where + " must be a JSON object {\"partition\": {...}, "
                        + "\"offset\": {...}}, not " + describe(element));
            }
            rejectUnknownFields(element, OFFSET_FIELDS, where + ".");
            JsonNode partition = element.get("partition");
            if (partition == null || partition.isNull()) {
                throw new BadRequestException("Partition objects cannot be null (" + where + ".partition is "
                        + "missing or null)");
            }
            if (!partition.isObject()) {
                throw new BadRequestException("Field " + where + ".partition must be a JSON object, not "
                        + describe(partition));
            }
            JsonNode offset = element.get("offset");
            if (offset != null && !offset.isNull() && !offset.isObject()) {
                throw new BadRequestException("Field " + where + ".offset must be a JSON object or null (null "
                        + "removes the partition's offset), not " + describe(offset));
            }
            result.add(new ConnectorOffset(MAPPER.convertValue(partition, OBJECT_MAP),
                    offset == null || offset.isNull() ? null : MAPPER.convertValue(offset, OBJECT_MAP)));
        }
        return new ConnectorOffsets(result);
    }

    /** {@code PUT /admin/loggers/{l}}: {@code {"level": ".."}}; other fields are ignored, as the reference does. */
    static String loggerLevel(byte[] body) {
        JsonNode root = object(body, "{\"level\": \"DEBUG\"}");
        JsonNode level = root.get("level");
        if (level == null || level.isNull()) {
            throw new BadRequestException("Desired 'level' parameter was not specified in request.");
        }
        if (!level.isTextual()) {
            throw new BadRequestException("Field 'level' must be a JSON string such as \"DEBUG\", not "
                    + describe(level));
        }
        return level.asText();
    }

    private static JsonNode object(byte[] body, String example) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new BadRequestException("The request body is empty; expected a JSON object such as " + example);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("The request body is not valid JSON: " + e.getOriginalMessage()
                    + at(e.getLocation()));
        } catch (IOException e) {
            throw new BadRequestException("The request body could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new BadRequestException("The request body is empty; expected a JSON object such as " + example);
        }
        if (!root.isObject()) {
            throw new BadRequestException("The request body must be a JSON object such as " + example + ", not "
                    + describe(root));
        }
        return root;
    }

    private static Map<String, String> configMap(JsonNode object, String prefix, boolean nullsAllowed) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            String where = "'" + prefix + field.getKey() + "'";
            if (value.isNull()) {
                if (!nullsAllowed) {
                    throw new BadRequestException("Config key " + where + " has the value null; give it a string "
                            + "value or leave the key out");
                }
                config.put(field.getKey(), null);
            } else if (value.isValueNode()) {
                config.put(field.getKey(), value.asText());
            } else {
                throw new BadRequestException("Config key " + where + " must have a string, number or boolean "
                        + "value, not " + describe(value) + "; config values are flat strings (write lists as "
                        + "comma-separated strings)");
            }
        }
        return config;
    }

    private static InitialState initialState(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String allowed = Arrays.stream(InitialState.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (!node.isTextual()) {
            throw new BadRequestException("Field 'initial_state' must be one of " + allowed + ", not "
                    + describe(node));
        }
        try {
            return InitialState.valueOf(node.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Field 'initial_state' has the value '" + node.asText()
                    + "'; it must be one of " + allowed);
        }
    }

    private static void rejectUnknownFields(JsonNode object, Set<String> allowed, String prefix) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                throw new BadRequestException("Unknown field '" + prefix + name + "' in the request body; allowed "
                        + "fields are " + allowed.stream().sorted().map(f -> prefix + f)
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a JSON array";
            case OBJECT -> "a JSON object";
            case STRING -> "the string \"" + node.asText() + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> "the boolean " + node.asText();
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
        };
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
