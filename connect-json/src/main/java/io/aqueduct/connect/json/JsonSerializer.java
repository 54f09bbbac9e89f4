package io.aqueduct.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serializer of Jackson trees to UTF-8 JSON bytes; a null tree becomes null bytes. Thread-safe.
 */
public class JsonSerializer implements Serializer<JsonNode> {

    private final ObjectMapper mapper;

    /** Creates a serializer with Jackson's default settings. */
    public JsonSerializer() {
        this(Set.of(), JsonNodeFactory.instance);
    }

    /**
     * @param features serialization features to enable
     * @param nodeFactory the node factory of the underlying mapper
     */
    JsonSerializer(Set<SerializationFeature> features, JsonNodeFactory nodeFactory) {
        this.mapper = new ObjectMapper();
        features.forEach(mapper::enable);
        mapper.setNodeFactory(nodeFactory);
    }

    @Override
    public byte[] serialize(String topic, JsonNode data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (Exception e) {
            throw new SerializationException("Cannot serialize JSON for topic '" + topic + "': " + e.getMessage(), e);
        }
    }
}
