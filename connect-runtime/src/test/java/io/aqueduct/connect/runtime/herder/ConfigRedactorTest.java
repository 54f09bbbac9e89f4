package io.aqueduct.connect.runtime.herder;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aqueduct.connect.runtime.herder.ValidationFixtures.PLUGINS;
import static io.aqueduct.connect.runtime.herder.ValidationFixtures.props;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigRedactorTest {

    private final ConfigRedactor redactor = new ConfigRedactor(PLUGINS);

    @Test
    void passwordTypedValuesAreHiddenAndEverythingElseKept() {
        Map<String, String> config = props(
                "connector.class", "VaultSinkConnector",
                "name", "vault",
                "topics", "t",
                "vault.url", "${file:/etc/vault.properties:url}",
                "vault.password", "s3cret",
                "transforms", "mask",
                "transforms.mask.type", "MaskField",
                "transforms.mask.field", "ssn",
                "transforms.mask.salt", "pepper",
                "consumer.override.sasl.jaas.config", "Login required password=\"x\";",
                "consumer.override.max.poll.records", "10",
                "consumer.override.ssl.key.password", "k");
        Map<String, String> copy = Map.copyOf(config);

        Map<String, String> redacted = redactor.redact(config);

        assertEquals(List.copyOf(config.keySet()), List.copyOf(redacted.keySet()), "key order is kept");
        assertEquals("[hidden]", redacted.get("vault.password"));
        assertEquals("[hidden]", redacted.get("transforms.mask.salt"));
        assertEquals("[hidden]", redacted.get("consumer.override.sasl.jaas.config"));
        assertEquals("[hidden]", redacted.get("consumer.override.ssl.key.password"));
        assertEquals("${file:/etc/vault.properties:url}", redacted.get("vault.url"));
        assertEquals("ssn", redacted.get("transforms.mask.field"));
        assertEquals("10", redacted.get("consumer.override.max.poll.records"));
        assertEquals("VaultSinkConnector", redacted.get("connector.class"));
        assertEquals(copy, config, "the given config is not changed");
    }

    @Test
    void undefinedKeysAreHiddenWhenTheirNameSuggestsASecret() {
        Map<String, String> redacted = redactor.redact(props("connector.class", "FileStreamSource", "topic", "t",
                "db.password", "p", "api.token", "t0k", "batch.size", "10"));

        assertEquals(props("connector.class", "FileStreamSource", "topic", "t", "db.password", "[hidden]",
                "api.token", "[hidden]", "batch.size", "10"), redacted);
    }

    @Test
    void configOfAnUnknownConnectorIsStillRedactedByNameAndClientSettings() {
        Map<String, String> redacted = redactor.redact(props("connector.class", "com.example.Missing",
                "producer.override.sasl.jaas.config", "j", "secret.key", "s", "url", "u"));

        assertEquals(props("connector.class", "com.example.Missing", "producer.override.sasl.jaas.config", "[hidden]",
                "secret.key", "[hidden]", "url", "u"), redacted);
    }
}
