package io.aqueduct.connect.runtime.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The byte format of source offsets, shared by the offsets topic and the offsets file, identical to Apache Kafka
 * Connect's so that existing offsets can be adopted:
 * <ul>
 *   <li>key: {@code ["<connector name>",{<source partition>}]}</li>
 *   <li>value: {@code {<source offset>}}, or no bytes at all (null) for a tombstone</li>
 * </ul>
 * Both are compact UTF-8 JSON without whitespace; map entries keep their iteration order. When reading, whole
 * numbers come back as {@link Long} and fractional ones as {@link Double}, whatever their size. Thread-safe.
 */
public final class OffsetCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private OffsetCodec() {
    }

    /** A decoded offsets key. */
    public record Key(String connector, Map<String, Object> partition) {
    }

    /**
     * Encodes the key of {@code partition} of connector {@code connector}.
     *
     * @param partition the source partition; may be null (encoded as JSON null)
     * @throws SerializationException if a value in the partition map cannot be written as JSON
     */
    public static byte[] serializeKey(String connector, Map<String, ?> partition) {
        if (connector == null) {
            throw new IllegalArgumentException("The connector name of an offsets key must not be null");
        }
        return write(Arrays.asList(connector, partition), "source partition of connector " + connector);
    }

    /**
     * Decodes an offsets key.
     *
     * @throws SerializationException naming what is wrong if the bytes are not {@code ["<name>",{...}|null]}
     */
    public static Key deserializeKey(byte[] key) {
        if (key == null) {
            throw new SerializationException("An offsets key must not be null");
        }
        JsonNode node = readTree(key, "offsets key");
        if (!node.isArray() || node.size() != 2 || !node.get(0).isTextual()
                || !(node.get(1).isObject() || node.get(1).isNull())) {
            throw new SerializationException("Offsets key " + text(key) + " is not a JSON array of a connector "
                    + "name and a source partition object, like [\"my-connector\",{\"file\":\"in.txt\"}]");
        }
        return new Key(node.get(0).textValue(), node.get(1).isNull() ? null : toMap(node.get(1)));
    }

    /** Encodes a source offset; null gives null (a tombstone). */
    public static byte[] serializeOffset(Map<String, ?> offset) {
        return offset == null ? null : write(offset, "source offset");
    }

    /**
     * Decodes a source offset; null (a tombstone) gives null.
     *
     * @throws SerializationException if the bytes are not a JSON object
     */
    public static Map<String, Object> deserializeOffset(byte[] value) {
        if (value == null) {
            return null;
        }
        JsonNode node = readTree(value, "source offset");
        if (!node.isObject()) {
            throw new SerializationException("Source offset " + text(value) + " is not a JSON object, like "
                    + "{\"position\":20}");
        }
        return toMap(node);
    }

    private static byte[] write(Object value, String what) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write the " + what + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode readTree(byte[] bytes, String what) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new SerializationException("The " + what + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw new SerializationException("The " + what + " " + text(bytes) + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode object) {
        Map<String, Object> map = MAPPER.convertValue(object, LinkedHashMap.class);
        return Collections.unmodifiableMap(map);
    }

    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.length() > 200 ? "'" + s.substring(0, 200) + "...'" : "'" + s + "'";
    }
}
