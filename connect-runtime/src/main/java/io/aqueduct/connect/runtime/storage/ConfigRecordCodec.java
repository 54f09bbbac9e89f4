package io.aqueduct.connect.runtime.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.herder.TargetState;

/**
 * Keys and values of the config topic, byte for byte as Apache Kafka Connect writes them: keys are plain UTF-8
 * strings ({@code connector-<c>}, {@code task-<c>-<n>}, ...), values compact UTF-8 JSON objects with their fields
 * in a fixed order, tombstones null. Pure functions; thread-safe.
 */
final class ConfigRecordCodec {

    static final String SESSION_KEY = "session-key";
    static final String CONNECTOR_PREFIX = "connector-";
    static final String TASK_PREFIX = "task-";
    static final String COMMIT_PREFIX = "commit-";
    static final String TARGET_STATE_PREFIX = "target-state-";
    static final String RESTART_PREFIX = "restart-connector-";
    static final String LOGGER_PREFIX = "logger-cluster-";
    static final String TASKS_FENCING_PREFIX = "tasks-fencing-";

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigRecordCodec() {
    }

    static String connectorKey(String connector) {
        return CONNECTOR_PREFIX + connector;
    }

    static String taskKey(ConnectorTaskId id) {
        return TASK_PREFIX + id.connector() + "-" + id.task();
    }

    static String commitKey(String connector) {
        return COMMIT_PREFIX + connector;
    }

    static String targetStateKey(String connector) {
        return TARGET_STATE_PREFIX + connector;
    }

    static String restartKey(String connector) {
        return RESTART_PREFIX + connector;
    }

    static String loggerKey(String namespace) {
        return LOGGER_PREFIX + namespace;
    }

    /** The record key of {@code record}. */
    static String key(ConfigRecord record) {
        if (record instanceof ConfigRecord.ConnectorConfig r) {
            return connectorKey(r.connector());
        } else if (record instanceof ConfigRecord.TaskConfig r) {
            return taskKey(r.id());
        } else if (record instanceof ConfigRecord.TaskCommit r) {
            return commitKey(r.connector());
        } else if (record instanceof ConfigRecord.TargetStateChange r) {
            return targetStateKey(r.connector());
        } else if (record instanceof ConfigRecord.Restart r) {
            return restartKey(r.request().connectorName());
        } else if (record instanceof ConfigRecord.LoggerLevel r) {
            return loggerKey(r.namespace());
        } else if (record instanceof ConfigRecord.SessionKeyUpdate) {
            return SESSION_KEY;
        }
        throw new IllegalArgumentException("Cannot write " + record + " to the config topic");
    }

    /** The record value of {@code record}: compact JSON, or null for a tombstone. */
    static byte[] value(ConfigRecord record) {
        if (record instanceof ConfigRecord.ConnectorConfig r) {
            return r.properties() == null ? null : properties(r.properties());
        } else if (record instanceof ConfigRecord.TaskConfig r) {
            return properties(r.properties());
        } else if (record instanceof ConfigRecord.TaskCommit r) {
            return json(g -> g.writeNumberField("tasks", r.taskCount()));
        } else if (record instanceof ConfigRecord.TargetStateChange r) {
            return r.state() == null ? null : targetState(r.state());
        } else if (record instanceof ConfigRecord.Restart r) {
            return json(g -> {
                g.writeBooleanField("include-tasks", r.request().includeTasks());
                g.writeBooleanField("only-failed", r.request().onlyFailed());
            });
        } else if (record instanceof ConfigRecord.LoggerLevel r) {
            return json(g -> g.writeStringField("level", r.level()));
        } else if (record instanceof ConfigRecord.SessionKeyUpdate r) {
            SessionKey sessionKey = r.sessionKey();
            return json(g -> {
                g.writeStringField("key", Base64.getEncoder().encodeToString(sessionKey.key().getEncoded()));
                g.writeStringField("algorithm", sessionKey.key().getAlgorithm());
                g.writeNumberField("creation-timestamp", sessionKey.creationTimestamp());
            });
        }
        throw new IllegalArgumentException("Cannot write " + record + " to the config topic");
    }

    private static byte[] properties(Map<String, String> properties) {
        return json(g -> {
            g.writeObjectFieldStart("properties");
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                g.writeStringField(entry.getKey(), entry.getValue());
            }
            g.writeEndObject();
        });
    }

    /** {@code STOPPED} is stored as {@code PAUSED} in the old field, which readers from before 3.5 understand. */
    private static byte[] targetState(TargetState state) {
        TargetState compatible = state == TargetState.STOPPED ? TargetState.PAUSED : state;
        return json(g -> {
            g.writeStringField("state", compatible.name());
            g.writeStringField("state.v2", state.name());
        });
    }

    /**
     * Decodes one record of the config topic.
     *
     * @param key   the record key; not null
     * @param value the record value; null for a tombstone
     * @return the record, or an {@link ConfigRecord.Ignored} saying why nothing is to be done with it
     * @throws SerializationException naming the key and what is wrong if a known record type is malformed
     */
    static ConfigRecord decode(String key, byte[] value) {
        if (key.equals(SESSION_KEY)) {
            return value == null ? tombstoneIgnored(key) : new ConfigRecord.SessionKeyUpdate(sessionKey(key, value));
        } else if (key.startsWith(CONNECTOR_PREFIX)) {
            String connector = name(key, CONNECTOR_PREFIX);
            return new ConfigRecord.ConnectorConfig(connector, value == null ? null : properties(key, value));
        } else if (key.startsWith(TASK_PREFIX)) {
            ConnectorTaskId id = taskId(key);
            return value == null ? tombstoneIgnored(key) : new ConfigRecord.TaskConfig(id, properties(key, value));
        } else if (key.startsWith(COMMIT_PREFIX)) {
            String connector = name(key, COMMIT_PREFIX);
            return value == null ? tombstoneIgnored(key) : new ConfigRecord.TaskCommit(connector, taskCount(key, value));
        } else if (key.startsWith(TARGET_STATE_PREFIX)) {
            String connector = name(key, TARGET_STATE_PREFIX);
            return new ConfigRecord.TargetStateChange(connector, value == null ? null : targetState(key, value));
        } else if (key.startsWith(RESTART_PREFIX)) {
            String connector = name(key, RESTART_PREFIX);
            return value == null ? tombstoneIgnored(key) : new ConfigRecord.Restart(restart(connector, key, value));
        } else if (key.startsWith(LOGGER_PREFIX)) {
            String namespace = name(key, LOGGER_PREFIX);
            return value == null ? tombstoneIgnored(key) : new ConfigRecord.LoggerLevel(namespace, level(key, value));
        } else if (key.startsWith(TASKS_FENCING_PREFIX)) {
            return new ConfigRecord.Ignored(key, "task fencing records are written by workers with exactly-once "
                    + "source support, which this runtime does not fence with");
        }
        return new ConfigRecord.Ignored(key, "the key is not one this runtime knows (written by a newer runtime?)");
    }

    private static ConfigRecord tombstoneIgnored(String key) {
        return new ConfigRecord.Ignored(key, "this record type is never deleted, so its tombstone means nothing");
    }

    private static String name(String key, String prefix) {
        String name = key.substring(prefix.length());
        if (name.isEmpty()) {
            throw new SerializationException("Config record key '" + key + "' has no name after '" + prefix + "'");
        }
        return name;
    }

    /** Connector names may contain '-', task numbers may not: the number follows the last '-'. */
    private static ConnectorTaskId taskId(String key) {
        String rest = name(key, TASK_PREFIX);
        int dash = rest.lastIndexOf('-');
        if (dash > 0) {
            try {
                int task = Integer.parseInt(rest.substring(dash + 1));
                if (task >= 0) {
                    return new ConnectorTaskId(rest.substring(0, dash), task);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new SerializationException("Config record key '" + key + "' is not of the form "
                + "task-<connector>-<task number>");
    }

    private static Map<String, String> properties(String key, byte[] value) {
        JsonNode properties = object(key, value).get("properties");
        if (properties == null || !properties.isObject()) {
            throw malformed(key, value, "{\"properties\":{...}}");
        }
        Map<String, String> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode node = field.getValue();
            result.put(field.getKey(), node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString());
        }
        return Collections.unmodifiableMap(result);
    }

    private static int taskCount(String key, byte[] value) {
        JsonNode tasks = object(key, value).get("tasks");
        if (tasks == null || !tasks.isIntegralNumber() || !tasks.canConvertToInt() || tasks.intValue() < 0) {
            throw malformed(key, value, "{\"tasks\":<task count, 0 or more>}");
        }
        return tasks.intValue();
    }

    /** Prefers {@code state.v2}; falls back to {@code state}, the only field before Connect 3.5. */
    private static TargetState targetState(String key, byte[] value) {
        JsonNode object = object(key, value);
        TargetState v2 = state(object.get("state.v2"));
        if (v2 != null) {
            return v2;
        }
        TargetState v1 = state(object.get("state"));
        if (v1 != null) {
            return v1;
        }
        throw malformed(key, value, "{\"state\":\"STARTED\"|\"PAUSED\",\"state.v2\":\"STARTED\"|\"PAUSED\"|\"STOPPED\"}");
    }

    private static TargetState state(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        for (TargetState state : TargetState.values()) {
            if (state.name().equals(node.textValue())) {
                return state;
            }
        }
        return null;
    }

    private static RestartRequest restart(String connector, String key, byte[] value) {
        JsonNode object = object(key, value);
        return new RestartRequest(connector,
                flag(object, "only-failed", key, value), flag(object, "include-tasks", key, value));
    }

    private static boolean flag(JsonNode object, String field, String key, byte[] value) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw malformed(key, value, "{\"include-tasks\":<true|false>,\"only-failed\":<true|false>}");
        }
        return node.booleanValue();
    }

    private static String level(String key, byte[] value) {
        JsonNode level = object(key, value).get("level");
        if (level == null || !level.isTextual()) {
            throw malformed(key, value, "{\"level\":\"<level>\"}");
        }
        return level.textValue();
    }

    private static SessionKey sessionKey(String key, byte[] value) {
        JsonNode object = object(key, value);
        JsonNode encoded = object.get("key");
        JsonNode algorithm = object.get("algorithm");
        JsonNode created = object.get("creation-timestamp");
        String expected = "{\"key\":\"<base64>\",\"algorithm\":\"<algorithm>\",\"creation-timestamp\":<epoch ms>}";
        if (encoded == null || !encoded.isTextual() || algorithm == null || !algorithm.isTextual()
                || algorithm.textValue().isEmpty() || created == null || !created.isIntegralNumber()
                || !created.canConvertToLong()) {
            throw malformed(key, value, expected);
        }
        byte[] keyBytes;
        try {
            keyBytes = Base64.getDecoder().decode(encoded.textValue());
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Config record '" + key + "' has a \"key\" that is not base64: "
                    + e.getMessage());
        }
        if (keyBytes.length == 0) {
            throw malformed(key, value, expected);
        }
        return SessionKey.of(keyBytes, algorithm.textValue(), created.longValue());
    }

    private static JsonNode object(String key, byte[] value) {
        JsonNode node;
        try {
            node = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending text, which may be a secret.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new SerializationException("Config record '" + key + "' has a value that is not valid JSON"
                    + where + ": " + shown(key, value));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading JSON from memory failed", e);
        }
        if (node == null || !node.isObject()) {
            throw new SerializationException("Config record '" + key + "' has a value that is not a JSON object: "
                    + shown(key, value));
        }
        return node;
    }

    private static SerializationException malformed(String key, byte[] value, String expected) {
        return new SerializationException("Config record '" + key + "' has the value " + shown(key, value)
                + ", expected " + expected);
    }

    /** Connector and task configs hold secrets, and so does the session key: their values are never quoted. */
    private static String shown(String key, byte[] value) {
        if (key.equals(SESSION_KEY) || key.startsWith(CONNECTOR_PREFIX) || key.startsWith(TASK_PREFIX)) {
            return "(" + value.length + " bytes, not shown)";
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return text.length() > 200 ? "'" + text.substring(0, 200) + "...'" : "'" + text + "'";
    }

    private interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] json(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            body.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }
}
