package io.aqueduct.connect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    @Test
    void serializesTreesAndReadsThemBack() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("a", 1).put("s", "é");
        node.putArray("l").add(true).addNull();
        try (JsonSerializer serializer = new JsonSerializer(); JsonDeserializer deserializer = new JsonDeserializer()) {
            byte[] bytes = serializer.serialize("t", node);
            assertEquals("{\"a\":1,\"s\":\"é\",\"l\":[true,null]}", new String(bytes, StandardCharsets.UTF_8));
            JsonNode read = deserializer.deserialize("t", bytes);
            assertEquals(node, read);
        }
    }

    @Test
    void mapsNullToNull() {
        try (JsonSerializer serializer = new JsonSerializer(); JsonDeserializer deserializer = new JsonDeserializer()) {
            assertNull(serializer.serialize("t", null));
            assertNull(deserializer.deserialize("t", null));
        }
    }

    @Test
    void reportsMalformedJsonNamingTheTopic() {
        try (JsonDeserializer deserializer = new JsonDeserializer()) {
            SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer.deserialize("events", "{\"a\":".getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("topic 'events'"), e.getMessage());
        }
    }
}
