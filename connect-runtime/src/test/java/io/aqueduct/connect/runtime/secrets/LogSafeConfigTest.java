package io.aqueduct.connect.runtime.secrets;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogSafeConfigTest {

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define("connection.password", ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.HIGH, "pw")
            .define("topic", ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, "topic");

    @Test
    void hidesResolvedSecretsAndPasswordsAndKeepsPlaceholders() {
        Map<String, String> stored = new HashMap<>();
        stored.put("connection.password", "${file:/etc/db.properties:password}");
        stored.put("connection.url", "jdbc:postgresql://${file:/etc/db.properties:host}/orders");
        stored.put("api.key", "${env:API_KEY}");
        stored.put("topic", "orders");
        stored.put("nullable", null);
        Map<String, String> transformed = Map.of("connection.password", "hunter2",
                "connection.url", "jdbc:postgresql://db.internal/orders", "api.key", "${env:API_KEY}",
                "topic", "orders");

        Set<String> secret = LogSafeConfig.secretKeys(stored, DEFINITION);
        assertEquals(Set.of("connection.password", "connection.url", "api.key"), secret);

        assertEquals(Map.of("connection.password", "[hidden]", "connection.url", "[hidden]",
                "api.key", "${env:API_KEY}", "topic", "orders"), LogSafeConfig.redact(transformed, secret));

        Map<String, String> storedSafe = LogSafeConfig.redact(stored, secret);
        assertEquals("${file:/etc/db.properties:password}", storedSafe.get("connection.password"));
        assertEquals("[hidden]", storedSafe.get("connection.url"), "literal text around a placeholder may be secret");
        assertEquals(null, storedSafe.get("nullable"));
        assertEquals(List.of("api.key", "connection.password", "connection.url", "nullable", "topic"),
                List.copyOf(storedSafe.keySet()));
    }

    @Test
    void literalPasswordsAreHidden() {
        Map<String, String> config = Map.of("connection.password", "hunter2", "topic", "orders");
        assertEquals(Map.of("connection.password", "[hidden]", "topic", "orders"),
                LogSafeConfig.redact(config, LogSafeConfig.secretKeys(config, DEFINITION)));
        assertEquals(Set.of(), LogSafeConfig.passwordKeys(null));
    }
}
