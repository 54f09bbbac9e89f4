package io.aqueduct.connect.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka deserializer of JSON bytes to Jackson trees; null bytes become null. Thread-safe.
 */
public class JsonDeserializer implements Deserializer<JsonNode> {

    private final ObjectMapper mapper;

    /** Creates a deserializer with Jackson's default settings. */
    public JsonDeserializer() {
        this(Set.of(), JsonNodeFactory.instance);
    }

    /**
     * @param features deserialization features to enable, for example reading floats as BigDecimal
     * @param nodeFactory the node factory of the underlying mapper
     */
    JsonDeserializer(Set<DeserializationFeature> features, JsonNodeFactory nodeFactory) {
        this.mapper = new ObjectMapper();
        features.forEach(mapper::enable);
        mapper.setNodeFactory(nodeFactory);
    }

    @Override
    public JsonNode deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return mapper.readTree(bytes);
        } catch (Exception e) {
            throw new SerializationException("Cannot deserialize JSON from topic '" + topic + "': " + e.getMessage(), e);
        }
    }
}
