package io.aqueduct.connect.runtime.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.status.AbstractStatus;
import io.aqueduct.connect.runtime.status.AbstractStatus.State;
import io.aqueduct.connect.runtime.status.ConnectorStatus;
import io.aqueduct.connect.runtime.status.TaskStatus;
import io.aqueduct.connect.runtime.status.TopicStatus;

/**
 * The record format of the status topic, identical to Apache Kafka Connect's so that either runtime can read the
 * other's topic:
 * <ul>
 *   <li>keys (UTF-8 strings): {@code status-connector-<c>}, {@code status-task-<c>-<n>},
 *       {@code status-topic-<topic>:connector-<c>}</li>
 *   <li>connector and task values: {@code {"state":..,"trace":..,"worker_id":..,"generation":..,"version":..}}
 *       in exactly this field order, {@code trace} and {@code version} written as JSON null when absent</li>
 *   <li>topic values: {@code {"topic":{"name":..,"connector":..,"task":..,"discoverTimestamp":..}}}</li>
 *   <li>a removed entry: a null value (tombstone)</li>
 * </ul>
 * All JSON is compact UTF-8. Reading ignores unknown fields. Pure and thread-safe.
 */
final class StatusCodec {

    static final String CONNECTOR_PREFIX = "status-connector-";
    static final String TASK_PREFIX = "status-task-";
    static final String TOPIC_PREFIX = "status-topic-";
    static final String TOPIC_CONNECTOR_SEPARATOR = ":connector-";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StatusCodec() {
    }

    /** What a status-topic key names. */
    sealed interface StatusKey permits ConnectorKey, TaskKey, TopicKey {
    }

    record ConnectorKey(String connector) implements StatusKey {
    }

    record TaskKey(ConnectorTaskId id) implements StatusKey {
    }

    record TopicKey(String connector, String topic) implements StatusKey {
    }

    static String connectorKey(String connector) {
        return CONNECTOR_PREFIX + connector;
    }

    static String taskKey(ConnectorTaskId id) {
        return TASK_PREFIX + id.connector() + "-" + id.task();
    }

    static String topicKey(String connector, String topic) {
        return TOPIC_PREFIX + topic + TOPIC_CONNECTOR_SEPARATOR + connector;
    }

    /**
     * Decodes a key.
     *
     * @return what the key names, or null if it is not one of the three status key forms
     */
    static StatusKey parseKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.startsWith(CONNECTOR_PREFIX)) {
            String connector = key.substring(CONNECTOR_PREFIX.length());
            return connector.isEmpty() ? null : new ConnectorKey(connector);
        }
        if (key.startsWith(TASK_PREFIX)) {
            return parseTaskKey(key.substring(TASK_PREFIX.length()));
        }
        if (key.startsWith(TOPIC_PREFIX)) {
            // Topic names cannot contain ':', connector names can: the first separator is the right one.
            String rest = key.substring(TOPIC_PREFIX.length());
            int separator = rest.indexOf(TOPIC_CONNECTOR_SEPARATOR);
            if (separator <= 0 || separator + TOPIC_CONNECTOR_SEPARATOR.length() == rest.length()) {
                return null;
            }
            return new TopicKey(rest.substring(separator + TOPIC_CONNECTOR_SEPARATOR.length()),
                    rest.substring(0, separator));
        }
        return null;
    }

    private static TaskKey parseTaskKey(String rest) {
        // Connector names may contain '-': the task number is what follows the last one.
        int dash = rest.lastIndexOf('-');
        if (dash <= 0 || dash == rest.length() - 1) {
            return null;
        }
        String number = rest.substring(dash + 1);
        if (!number.chars().allMatch(c -> c >= '0' && c <= '9') || number.length() > 9) {
            return null;
        }
        return new TaskKey(new ConnectorTaskId(rest.substring(0, dash), Integer.parseInt(number)));
    }

    /**
     * Encodes a connector or task status.
     *
     * @throws IllegalArgumentException for {@link State#DESTROYED}, which is written as a tombstone instead
     */
    static byte[] encodeStatus(AbstractStatus<?> status) {
        if (status.state() == State.DESTROYED) {
            throw new IllegalArgumentException("Status of " + status.id() + " is DESTROYED, which is stored as a "
                    + "tombstone (null value), not as a JSON value");
        }
        return write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("state", status.state().name());
            generator.writeStringField("trace", status.trace());
            generator.writeStringField("worker_id", status.workerId());
            generator.writeNumberField("generation", status.generation());
            generator.writeStringField("version", status.version());
            generator.writeEndObject();
        });
    }

    /** Encodes an active-topic entry. */
    static byte[] encodeTopic(TopicStatus status) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeObjectFieldStart("topic");
            generator.writeStringField("name", status.topic());
            generator.writeStringField("connector", status.connector());
            generator.writeNumberField("task", status.task());
            generator.writeNumberField("discoverTimestamp", status.discoverTimestamp());
            generator.writeEndObject();
            generator.writeEndObject();
        });
    }

    /**
     * Decodes the value of a {@code status-connector-} record (not a tombstone).
     *
     * @throws SerializationException naming the problem if the value is not a status object
     */
    static ConnectorStatus decodeConnectorStatus(String connector, byte[] value) {
        StatusFields f = decodeStatusFields(value, "connector " + connector);
        return new ConnectorStatus(connector, f.state, f.workerId, f.generation, f.trace, f.version);
    }

    /** As {@link #decodeConnectorStatus} for a {@code status-task-} record. */
    static TaskStatus decodeTaskStatus(ConnectorTaskId id, byte[] value) {
        StatusFields f = decodeStatusFields(value, "task " + id);
        return new TaskStatus(id, f.state, f.workerId, f.generation, f.trace, f.version);
    }

    /**
     * Decodes the value of a {@code status-topic-} record (not a tombstone). The key names the topic and the
     * connector; the value only adds the task and the timestamp.
     *
     * @throws SerializationException naming the problem if the value is not a topic status object
     */
    static TopicStatus decodeTopic(TopicKey key, byte[] value) {
        String what = "topic " + key.topic() + " of connector " + key.connector();
        JsonNode root = readObject(value, what);
        JsonNode topic = root.get("topic");
        if (topic == null || !topic.isObject()) {
            throw new SerializationException("The status of " + what + " has no \"topic\" object: " + text(value));
        }
        JsonNode task = topic.get("task");
        JsonNode timestamp = topic.get("discoverTimestamp");
        if (task == null || !task.canConvertToInt() || timestamp == null || !timestamp.canConvertToLong()) {
            throw new SerializationException("The status of " + what + " needs integer \"task\" and "
                    + "\"discoverTimestamp\" fields: " + text(value));
        }
        return new TopicStatus(key.topic(), key.connector(), task.intValue(), timestamp.longValue());
    }

    private record StatusFields(State state, String trace, String workerId, int generation, String version) {
    }

    private static StatusFields decodeStatusFields(byte[] value, String what) {
        JsonNode root = readObject(value, what);
        JsonNode state = root.get("state");
        JsonNode workerId = root.get("worker_id");
        JsonNode generation = root.get("generation");
        if (state == null || !state.isTextual() || workerId == null || !workerId.isTextual()
                || generation == null || !generation.canConvertToInt()) {
            throw new SerializationException("The status of " + what + " needs a text \"state\", a text "
                    + "\"worker_id\" and an integer \"generation\": " + text(value));
        }
        State parsed;
        try {
            parsed = State.valueOf(state.textValue());
        } catch (IllegalArgumentException e) {
            throw new SerializationException("The status of " + what + " has unknown state \"" + state.textValue()
                    + "\"", e);
        }
        return new StatusFields(parsed, optionalText(root, "trace"), workerId.textValue(), generation.intValue(),
                optionalText(root, "version"));
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static JsonNode readObject(byte[] value, String what) {
        if (value == null) {
            throw new SerializationException("The status of " + what + " is a tombstone, not a value");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(value);
        } catch (IOException e) {
            throw new SerializationException("The status of " + what + " is not valid JSON: " + text(value), e);
        }
        if (node == null || !node.isObject()) {
            throw new SerializationException("The status of " + what + " is not a JSON object: " + text(value));
        }
        return node;
    }

    @FunctionalInterface
    private interface JsonWriting {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    private static byte[] write(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writing.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.length() > 200 ? "'" + s.substring(0, 200) + "...'" : "'" + s + "'";
    }
}
